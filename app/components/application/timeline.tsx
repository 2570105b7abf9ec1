// Every touchpoint of an application, newest first: what happened, who did it, when (absolute), and whether the
// candidate can see it. Interviews read as sentences on the viewer's clock, never as raw timestamps.
import { Badge } from "~/components/ui/badge";
import { DateTime } from "~/components/ui/date-time";
import {
  INTERVIEW_ACTIONS,
  INTERVIEW_KINDS,
  RECOMMENDATION_LABELS,
  type InterviewAction,
  type InterviewKind,
  type Recommendation,
} from "~/domain/interviews/types";
import { interviewSummary, interviewTitle, interviewWith } from "~/domain/interviews/wording";

export type TimelineEntry = {
  id: string;
  type: string;
  visibility: "candidate" | "internal";
  occurredAt: Date | string;
  data: unknown;
  actor: { id: string; name: string } | null;
};

type Data = Record<string, unknown>;
const text = (value: unknown) => (typeof value === "string" && value.trim() ? value : undefined);

/** Who is who in the entries: the application's interviewers (and anyone else the page knows), by id. */
export type TimelinePeople = ReadonlyArray<{ id: string; name: string }>;

type Description = { title: string; detail?: string; body?: string };

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return (values as readonly unknown[]).includes(value) ? (value as T) : undefined;
}

function instant(value: unknown): Date | null {
  const iso = text(value);
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "Tue 8 Dec, 14:00" in `timeZone`: the offered times, listed. */
function shortDateTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
    timeZone,
  }).format(date);
}

const INTERVIEW_TITLES: Record<Exclude<InterviewAction, "offered" | "rescheduled">, string> = {
  scheduled: "Interview scheduled",
  booked: "Time booked by the candidate",
  declined: "None of the times worked",
  cancelled: "Interview cancelled",
  ended: "Interview held",
  no_show: "No-show",
};

/** An interview touchpoint: what happened, then what, with whom and when on the viewer's clock. Records from before
 * interviews were planned here (no action) keep their date and place, in words. */
function describeInterview(data: Data, people: TimelinePeople, timeZone: string): Description {
  const where = text(data.where);
  const isLink = where !== undefined && /^https?:\/\//i.test(where);
  const ids = Array.isArray(data.interviewerIds) ? data.interviewerIds : [];
  const facts = {
    kind: oneOf<InterviewKind>(INTERVIEW_KINDS, data.kind) ?? "interview",
    location: isLink ? null : (where ?? null),
    videoUrl: isLink ? where : null,
    names: ids.map((id) => people.find((person) => person.id === id)?.name).filter((name) => name !== undefined),
  };
  const start = instant(data.when);
  const action = oneOf<InterviewAction>(INTERVIEW_ACTIONS, data.action);
  if (!action) {
    return {
      title: "Interview",
      detail: [start ? shortDateTime(start, timeZone) : undefined, where].filter(Boolean).join(" · ") || undefined,
    };
  }
  const summary = interviewSummary({ ...facts, startsAt: start }, "en", timeZone);
  const place = [summary, facts.location].filter(Boolean).join(" · ");
  switch (action) {
    case "offered": {
      const slots = (Array.isArray(data.slots) ? data.slots : []).map(instant).filter((slot) => slot !== null);
      const people = interviewWith(facts.names, "en");
      const what = `${interviewTitle(facts, "en")}${people ? ` with ${people}` : ""}`;
      return {
        title: `Times offered (${slots.length})`,
        detail: [what, ...slots.map((slot) => shortDateTime(slot, timeZone))].join(" · "),
      };
    }
    case "rescheduled":
      return { title: `Moved to ${summary}`, detail: facts.location ?? undefined };
    case "declined":
      return { title: INTERVIEW_TITLES.declined, body: text(data.note) };
    case "cancelled":
      return {
        title: INTERVIEW_TITLES.cancelled,
        detail: [place, text(data.reason) && `Reason: ${text(data.reason)}`].filter(Boolean).join(" · "),
      };
    default:
      return { title: `${INTERVIEW_TITLES[action]}: ${summary}`, detail: facts.location ?? undefined };
  }
}

function describeFeedback(entry: TimelineEntry, data: Data, people: TimelinePeople): Description {
  const who = entry.actor?.name ?? people.find((person) => person.id === data.interviewerId)?.name ?? "An interviewer";
  const recommendation = oneOf<Recommendation>(
    Object.keys(RECOMMENDATION_LABELS) as Recommendation[],
    data.recommendation,
  );
  return { title: `Feedback recorded by ${who}${recommendation ? `: ${RECOMMENDATION_LABELS[recommendation]}` : ""}` };
}

const OUTCOME_TITLES: Record<string, string> = { rejected: "Rejected", hired: "Hired", withdrawn: "Withdrawn" };

export function describeEntry(entry: TimelineEntry, people: TimelinePeople, timeZone: string): Description {
  const data = (entry.data && typeof entry.data === "object" ? entry.data : {}) as Data;
  switch (entry.type) {
    case "applied":
      return { title: "Applied", detail: text(data.source) && `Source: ${text(data.source)}` };
    case "stage_changed":
      return {
        title: `Moved to ${text(data.toStageName) ?? "another stage"}`,
        detail: text(data.fromStageName) && `From ${text(data.fromStageName)}`,
      };
    case "message_out":
      return {
        title: data.automated ? "Automatic message sent" : "Message sent to the candidate",
        detail: [
          text(data.subject) && `Subject: ${text(data.subject)}`,
          data.awaitsCandidate ? "Waiting for the candidate's reply" : undefined,
        ]
          .filter(Boolean)
          .join(" · "),
        body: text(data.body),
      };
    case "message_in":
      return {
        title: "Message from the candidate",
        detail: text(data.subject) && `Subject: ${text(data.subject)}`,
        body: text(data.body),
      };
    case "note":
      return { title: "Note", body: text(data.body) };
    case "interview":
      return describeInterview(data, people, timeZone);
    case "interview_feedback":
      return describeFeedback(entry, data, people);
    case "decision":
      return {
        title: OUTCOME_TITLES[String(data.outcome)] ?? "Decision",
        detail: text(data.reason) && `Reason: ${text(data.reason)}`,
      };
    case "withdrawn":
      return { title: "Withdrawn", detail: text(data.reason) && `Reason: ${text(data.reason)}` };
    case "survey_sent":
      return { title: "Survey sent" };
    case "survey_answered":
      return {
        title: "Survey answered",
        detail: typeof data.score === "number" ? `Score ${data.score} of 10` : undefined,
      };
    case "status_viewed":
      return { title: "Candidate viewed their status page" };
    default:
      return { title: entry.type };
  }
}

function actorName(entry: TimelineEntry): string {
  if (entry.actor) return entry.actor.name;
  if (["message_in", "status_viewed", "survey_answered"].includes(entry.type)) return "The candidate";
  const action = (entry.data as Data | null)?.action;
  if (entry.type === "interview" && (action === "booked" || action === "declined")) return "The candidate";
  return "Hearback";
}

/** `timeZone` is the viewer's: every date on the page is on their clock. `people` names the interviewers. */
export function Timeline({
  events,
  timeZone,
  people = [],
}: {
  events: TimelineEntry[];
  timeZone: string;
  people?: TimelinePeople;
}) {
  if (events.length === 0) return <p className="muted">Nothing has happened yet.</p>;
  return (
    <ol className="timeline">
      {events.map((entry) => {
        const { title, detail, body } = describeEntry(entry, people, timeZone);
        const internal = entry.visibility === "internal";
        return (
          <li key={entry.id} className={internal ? "internal" : undefined}>
            <div className="timeline__head">
              <strong>{title}</strong>
              {internal ? <Badge tone="warning">Internal</Badge> : null}
            </div>
            <div className="timeline__meta">
              {actorName(entry)} · <DateTime value={entry.occurredAt} timeZone={timeZone} />
            </div>
            {detail ? <p className="timeline__detail">{detail}</p> : null}
            {body ? <blockquote>{body}</blockquote> : null}
          </li>
        );
      })}
    </ol>
  );
}
