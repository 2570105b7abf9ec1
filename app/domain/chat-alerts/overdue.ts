// The overdue alert for one job: which promises to candidates became overdue (by kind, longest first), how long the
// longest has been, and links to each application and to Waiting on us filtered to the job's overdue ones. Pure.
// Candidates are named by their stage only ("A candidate in Phone Screen"), never by name.
import { SLA_METRIC_LABELS, SLA_METRICS, type SlaMetric } from "~/domain/sla/types";
import { plural, type ChatMessage } from "./message";

/** At most this many applications are listed; the rest are "and N more". */
export const OVERDUE_LISTED = 10;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export type OverdueClock = {
  applicationId: string;
  metric: SlaMetric;
  /** The stage the application is in now. */
  stageName: string;
  dueAt: Date;
};

export type OverdueAlertContent = {
  jobId: string;
  jobTitle: string;
  /** The clocks that became overdue since the channel's last alert about this job. */
  clocks: OverdueClock[];
  /** Every running clock overdue on the job now, these included. */
  overdueOnJob: number;
  now: Date;
  /** PUBLIC_URL without a trailing slash. */
  baseUrl: string;
};

/** "25 minutes", "3 hours", "2 days": how long past due, rounded down, at least a minute. */
export function overdueFor(milliseconds: number): string {
  if (milliseconds < HOUR_MS) return plural(Math.max(1, Math.floor(milliseconds / MINUTE_MS)), "minute", "minutes");
  if (milliseconds < DAY_MS) return plural(Math.floor(milliseconds / HOUR_MS), "hour", "hours");
  return plural(Math.floor(milliseconds / DAY_MS), "day", "days");
}

export function waitingUrl(baseUrl: string, jobId: string): string {
  return `${baseUrl}/waiting?${new URLSearchParams({ risk: "breached", job: jobId }).toString()}`;
}

export function overdueAlertMessage(content: OverdueAlertContent): ChatMessage {
  const clocks = [...content.clocks].sort(
    (a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.applicationId.localeCompare(b.applicationId),
  );
  const count = clocks.length;
  const longest = clocks[0] ? overdueFor(content.now.getTime() - clocks[0].dueAt.getTime()) : null;
  const promises = plural(count, "promise to a candidate", "promises to candidates");
  const waiting = waitingUrl(content.baseUrl, content.jobId);
  const byMetric = SLA_METRICS.flatMap((metric) => {
    const ofMetric = clocks.filter((clock) => clock.metric === metric).length;
    return ofMetric > 0 ? [{ title: SLA_METRIC_LABELS[metric], value: String(ofMetric) }] : [];
  });
  const listed = clocks.slice(0, OVERDUE_LISTED);
  return {
    fallback: `${promises} became overdue on ${content.jobTitle}`,
    title: `Overdue: ${content.jobTitle}`,
    intro: `${promises} became overdue on this job.` + (longest ? ` The longest is ${longest} overdue.` : ""),
    facts: [...byMetric, { title: "Overdue on this job now", value: String(content.overdueOnJob) }],
    items: listed.map((clock) => ({
      text: `A candidate in ${clock.stageName}: ${SLA_METRIC_LABELS[clock.metric].toLowerCase()}, ${overdueFor(
        content.now.getTime() - clock.dueAt.getTime(),
      )} overdue`,
      link: { label: "Open application", url: `${content.baseUrl}/applications/${clock.applicationId}` },
    })),
    more:
      count > listed.length
        ? { count: count - listed.length, link: { label: `and ${count - listed.length} more`, url: waiting } }
        : null,
    actions: [{ label: "See what is overdue", url: waiting }],
    footer: "Hearback sends at most one message an hour per job. Candidates’ names stay in Hearback.",
  };
}
