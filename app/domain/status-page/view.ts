// The candidate's status page as words: from what the model loaded (candidate-safe fields only) to every heading,
// sentence and link the page shows, in the candidate's language, with dates in their time zone. Pure, so the page's
// logic is tested without a database or React.
import type { ApplicationStatus, Outcome } from "../applications";
import { candidateLocale, type Locale } from "../i18n";
import type { StageKind } from "../jobs";
import { candidateDate, candidateDateTime, candidateYearEndsAt } from "../messages/candidate-dates";
import { hearBackBy } from "../sla/clocks";
import type { ClockInstance } from "../sla/types";
import { interviewSummary } from "../interviews/wording";
import {
  interviewCard,
  interviewsChangeAt,
  interviewWhat,
  offerCall,
  openOffer,
  upcomingInterviews,
  type CandidateInterviewRecord,
  type InterviewCard,
  type OfferCall,
} from "./interviews";
import { INTERVIEW_TEXTS } from "./interview-texts";
import { STATUS_PAGE_TEXTS, type ActionKey } from "./texts";
import type { CandidateEvent } from "./timeline";

const DAY_MS = 24 * 60 * 60_000;

export type StatusPageRecord = {
  locale: string;
  timeZone: string;
  companyName: string;
  jobTitle: string;
  /** The job's recruiter, else its hiring manager: a name only. */
  contactName: string | null;
  status: ApplicationStatus;
  closedAt: Date | null;
  stage: { name: string; kind: StageKind };
  /** Every stage of the job, archived ones too, so past steps are described in plain words. */
  stages: { id: string; name: string; kind: StageKind }[];
  events: CandidateEvent[];
  /** The application's open periodic_update and stage_decision clocks. */
  clocks: ClockInstance[];
  /** A rejection email that has not gone out yet (humane timing holds it for the candidate's working hours): when it
   * is due. Until it goes out, the page does not break the news either. */
  rejectionEmailDueAt: Date | null;
  surveyAnswered: boolean;
  daysAfterOutcome: number;
  /** Offered interviews and scheduled ones not yet over (the page picks what to show at `now`). */
  interviews: CandidateInterviewRecord[];
};

export type PromiseTone = "by" | "late" | "waiting" | "none";

export type StatusTimelineEntry = {
  id: string;
  dateTime: string;
  when: string;
  title: string;
  detail: string | null;
  body: { summary: string; text: string } | null;
};

export type StatusLink = { key: ActionKey; href: string; label: string };

export type StatusView = {
  locale: Locale;
  title: string;
  companyName: string;
  heading: string;
  atCompany: string;
  now: {
    heading: string;
    plain: string;
    stageName: string;
    about: string;
    nextHeading: string;
    next: string;
    duration: string;
  } | null;
  promise: { heading: string; tone: PromiseTone; lines: string[] } | null;
  /** Times to choose from, while an offer is open. */
  offer: OfferCall | null;
  interviews: { heading: string; cards: InterviewCard[] } | null;
  outcome: { heading: string; paragraphs: string[] } | null;
  data: { heading: string; until: string; sooner: string; soonerLink: StatusLink } | null;
  contact: { heading: string; name: string; hint: string };
  timeline: { heading: string; empty: string; entries: StatusTimelineEntry[] };
  actions: { heading: string; links: StatusLink[]; note: string | null };
  footer: string;
};

/** The outcome the candidate may see now: none while active, nor while the rejection email still waits to go out
 * and nothing else has been sent to them since the decision. */
export function visibleOutcome(
  record: Pick<StatusPageRecord, "status" | "closedAt" | "rejectionEmailDueAt" | "events">,
): Outcome | null {
  if (record.status === "active") return null;
  if (record.status === "rejected" && record.rejectionEmailDueAt && !toldSince(record.events, record.closedAt)) {
    return null;
  }
  return record.status;
}

function toldSince(events: readonly CandidateEvent[], since: Date | null): boolean {
  return events.some((event) => event.type === "message_out" && (!since || event.occurredAt >= since));
}

/** Newest first. Outcome events appear only for the outcome the page shows: an undone rejection, or one whose email
 * has not gone out yet, stays off the page. */
export function visibleEvents(events: readonly CandidateEvent[], outcome: Outcome | null): CandidateEvent[] {
  // Events come oldest first; reversing before the (stable) sort keeps same-instant events newest first too.
  const newestFirst = [...events].reverse().sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime());
  const lastOutcome = newestFirst.find((event) => event.type === "outcome");
  return newestFirst.filter(
    (event) => event.type !== "outcome" || (outcome !== null && event === lastOutcome && event.outcome === outcome),
  );
}

export function buildStatusView(record: StatusPageRecord, { token, now }: { token: string; now: Date }): StatusView {
  const locale = candidateLocale(record.locale);
  const t = STATUS_PAGE_TEXTS[locale];
  const date = (instant: Date) => formatted("date", instant, locale, record.timeZone, now);
  const dateTime = (instant: Date) => formatted("dateTime", instant, locale, record.timeZone, now);
  const base = `/s/${token}`;
  const link = (key: ActionKey, label = t.actions[key]): StatusLink => ({ key, href: `${base}/${key}`, label });
  const outcome = visibleOutcome(record);
  const stageWords = t.stages[record.stage.kind];
  const stageKinds = new Map(record.stages.map((stage) => [stage.id, stage]));

  const entries = visibleEvents(record.events, outcome).map((event): StatusTimelineEntry => {
    const common = { id: event.id, dateTime: event.occurredAt.toISOString(), when: dateTime(event.occurredAt) };
    switch (event.type) {
      case "applied":
        return { ...common, title: t.timeline.applied(record.jobTitle), detail: null, body: null };
      case "stage_changed": {
        const stage = event.toStageId ? stageKinds.get(event.toStageId) : undefined;
        const step = stage ? `${t.stages[stage.kind].plain} (${event.toStageName})` : event.toStageName;
        return { ...common, title: t.timeline.stageChanged(step), detail: null, body: null };
      }
      case "message_out":
        return {
          ...common,
          title: t.timeline.messageOut,
          detail: event.subject ? t.timeline.subject(event.subject) : null,
          body: { summary: t.timeline.readOurMessage, text: event.body },
        };
      case "message_in":
        return {
          ...common,
          title: t.timeline.messageIn,
          detail: null,
          body: { summary: t.timeline.readYourMessage, text: event.body },
        };
      case "interview":
        return { ...common, ...interviewEntry(event, locale, record.timeZone, dateTime), body: null };
      case "outcome":
        return { ...common, title: t.timeline.outcome[event.outcome], detail: null, body: null };
    }
  });

  const offer = outcome ? null : openOffer(record.interviews, now);
  const upcoming = outcome ? [] : upcomingInterviews(record.interviews, now);
  const interviewTexts = INTERVIEW_TEXTS[locale].card;

  const deletion = link("delete-data");
  const links = [
    link("ask"),
    ...(record.status === "active" ? [link("withdraw")] : []),
    link("preferences"),
    deletion,
    ...(outcome && !record.surveyAnswered ? [link("survey")] : []),
  ];

  return {
    locale,
    title: t.title(record.jobTitle, record.companyName),
    companyName: record.companyName,
    heading: t.heading(record.jobTitle),
    atCompany: t.atCompany(record.companyName),
    now: outcome
      ? null
      : {
          heading: t.nowHeading,
          plain: stageWords.plain,
          stageName: t.stageName(record.stage.name),
          about: stageWords.about,
          nextHeading: t.nextHeading,
          next: stageWords.next,
          duration: stageWords.duration,
        },
    promise: outcome ? null : { heading: t.promiseHeading, ...promiseLines(record, now, date) },
    offer: offer ? offerCall(offer, locale, base) : null,
    interviews:
      upcoming.length > 0
        ? {
            heading: upcoming.length === 1 ? interviewTexts.headingOne : interviewTexts.headingMany,
            cards: upcoming.map((interview) =>
              interviewCard(interview, { locale, timeZone: record.timeZone, now, base }),
            ),
          }
        : null,
    outcome: outcome
      ? {
          heading: t.outcomes[outcome].heading,
          paragraphs: t.outcomes[outcome].paragraphs(record.jobTitle, record.contactName),
        }
      : null,
    data:
      outcome && record.closedAt
        ? {
            heading: t.dataHeading,
            until: t.dataUntil(date(new Date(record.closedAt.getTime() + record.daysAfterOutcome * DAY_MS))),
            sooner: t.dataSooner,
            soonerLink: { ...deletion, label: t.dataSoonerLink },
          }
        : null,
    contact: {
      heading: t.contactHeading,
      name: record.contactName ?? t.noContactName,
      hint: record.contactName ? t.contactHint(record.contactName) : t.noContactHint,
    },
    timeline: { heading: t.timelineHeading, empty: t.timelineEmpty, entries },
    actions: { heading: t.actionsHeading, links, note: outcome && record.surveyAnswered ? t.surveyAnswered : null },
    footer: t.footer,
  };
}

type InterviewEvent = Extract<CandidateEvent, { type: "interview" }>;

/** An interview touchpoint as a sentence: what happened, then what, with whom and when on the candidate's clock.
 * Records from before interviews were planned here keep their date and place. */
function interviewEntry(
  event: InterviewEvent,
  locale: Locale,
  timeZone: string,
  dateTime: (instant: Date) => string,
): { title: string; detail: string | null } {
  const t = STATUS_PAGE_TEXTS[locale].timeline;
  if (!event.action) {
    const detail = [event.when ? dateTime(event.when) : null, event.where].filter(Boolean).join(" · ");
    return { title: t.interview, detail: detail || null };
  }
  const isLink = event.where !== null && /^https?:\/\//i.test(event.where);
  const facts = {
    kind: event.kind ?? "interview",
    location: isLink ? null : event.where,
    videoUrl: isLink ? event.where : null,
    names: event.names,
  };
  const words = t.interviews;
  switch (event.action) {
    case "offered":
      return { title: words.offered(event.offered), detail: interviewWhat(facts, locale) };
    case "declined":
      return { title: words.declined, detail: null };
    default: {
      const summary = interviewSummary({ ...facts, startsAt: event.when }, locale, timeZone);
      return { title: words[event.action], detail: [summary, facts.location].filter(Boolean).join(" · ") };
    }
  }
}

const QUARTER_HOUR_MS = 15 * 60_000;
const MAX_FORMATTED = 20_000;
const formattedDates = new Map<string, string>();

/** candidateDate/candidateDateTime, remembered: building Intl formatters is most of the page's own CPU time, and a
 * timeline's dates repeat on every view. The answer depends on `now` only through its year in the candidate's zone,
 * which cannot change within a UTC quarter hour (every zone's offset is a multiple of 15 minutes). */
const FORMATS = { date: candidateDate, dateTime: candidateDateTime };

export function formatted(
  format: keyof typeof FORMATS,
  instant: Date,
  locale: Locale,
  timeZone: string,
  now: Date,
): string {
  const key = `${format}|${instant.getTime()}|${locale}|${timeZone}|${Math.floor(now.getTime() / QUARTER_HOUR_MS)}`;
  let text = formattedDates.get(key);
  if (text === undefined) {
    if (formattedDates.size >= MAX_FORMATTED) formattedDates.clear();
    text = FORMATS[format](instant, locale, timeZone, now);
    formattedDates.set(key, text);
  }
  return text;
}

/** "You will hear from us by …": the soonest running update or stage-decision promise (or, while a rejection email
 * waits for working hours, when it goes out); an apology once that date has passed; and while the update clock is
 * paused, that we are waiting for the candidate's answer. */
function promiseLines(
  record: StatusPageRecord,
  now: Date,
  date: (instant: Date) => string,
): { tone: PromiseTone; lines: string[] } {
  const t = STATUS_PAGE_TEXTS[candidateLocale(record.locale)];
  const waiting = record.clocks.some((clock) => clock.metric === "periodic_update" && clock.state === "paused");
  const due = (record.status === "rejected" ? record.rejectionEmailDueAt : null) ?? hearBackBy(record.clocks);
  const lines = waiting ? [t.promiseWaiting] : [];
  if (due && due.getTime() < now.getTime())
    return { tone: waiting ? "waiting" : "late", lines: [...lines, t.promiseLate(date(due))] };
  if (due)
    return {
      tone: waiting ? "waiting" : "by",
      lines: [...lines, t.promiseBy(date(due)), ...(waiting ? [] : [t.promiseByNote])],
    };
  return waiting ? { tone: "waiting", lines } : { tone: "none", lines: [t.promiseNone] };
}

/** When the page built from `record` at `now` would first read differently with the same data: a promised date
 * passing ("we are late"), the link expiring, an offered interview time passing or an interview ending, or the year
 * ending in the candidate's zone (dates of the current year
 * are written without it). A stored copy of the page may be served until then, and only while the data is unchanged.
 * (Not the quarter hours `formatted` remembers by: every stored page expiring at once made all of them render again
 * together, every 15 minutes.) */
export function statusViewChangesAt(record: StatusPageRecord, now: Date): Date {
  const moments = [candidateYearEndsAt(now, record.timeZone).getTime()];
  for (const due of [record.rejectionEmailDueAt, hearBackBy(record.clocks)]) {
    if (due && due.getTime() > now.getTime()) moments.push(due.getTime());
  }
  if (record.closedAt) moments.push(record.closedAt.getTime() + record.daysAfterOutcome * DAY_MS);
  const interviewsChange = interviewsChangeAt(record.interviews, now);
  if (interviewsChange) moments.push(interviewsChange.getTime());
  return new Date(Math.min(...moments));
}
