// Every touchpoint of an application, newest first: what happened, who did it, when (absolute), and whether the
// candidate can see it.
import { Badge } from "~/components/ui/badge";
import { DateTime } from "~/components/ui/date-time";

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

const OUTCOME_TITLES: Record<string, string> = { rejected: "Rejected", hired: "Hired", withdrawn: "Withdrawn" };

function describe(entry: TimelineEntry): { title: string; detail?: string; body?: string } {
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
      return {
        title: "Interview",
        detail: [text(data.when), text(data.where)].filter(Boolean).join(" · ") || undefined,
      };
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
  return "Hearback";
}

export function Timeline({ events, timeZone }: { events: TimelineEntry[]; timeZone: string }) {
  if (events.length === 0) return <p className="muted">Nothing has happened yet.</p>;
  return (
    <ol className="timeline">
      {events.map((entry) => {
        const { title, detail, body } = describe(entry);
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
