// The Monday digest in a chat channel: the same figures as the hiring managers' digest email (app/domain/metrics/
// digest.ts makes both from the same report), for the whole workspace or for one job, with links to the dashboard,
// the decisions owed and what is overdue. Pure. No candidates listed: their names stay in Hearback.
import { DateTime } from "luxon";
import { changeText, figureLines, type DigestFigures } from "~/domain/metrics/digest";
import type { ChatMessage } from "./message";
import { waitingUrl } from "./overdue";

const WEEK_MS = 7 * 24 * 60 * 60_000;

export type ChatDigestContent = {
  /** Null: the whole workspace. */
  job: { id: string; title: string } | null;
  /** The ISO week, "2026-W49". */
  week: string;
  /** The end of the last 7 days. */
  now: Date;
  /** The workspace's time zone, for the date in the first sentence. */
  timeZone: string;
  current: DigestFigures;
  previous: DigestFigures;
  /** PUBLIC_URL without a trailing slash. */
  baseUrl: string;
};

export function chatDigestMessage(content: ChatDigestContent): ChatMessage {
  const since = DateTime.fromJSDate(new Date(content.now.getTime() - WEEK_MS), { zone: content.timeZone })
    .setLocale("en-GB")
    .toFormat("cccc d LLLL");
  const scope = content.job ? content.job.title : "the workspace";
  const jobQuery = content.job ? `?${new URLSearchParams({ jobId: content.job.id }).toString()}` : "";
  const lines = figureLines(content.current, content.previous).map((line) =>
    line.label === "Decisions you owe" ? { ...line, label: "Decisions owed" } : line,
  );
  const overdue = content.current.breachesNow;
  return {
    fallback: `Hearback week ${content.week} for ${scope}: ${overdue} response ${overdue === 1 ? "time" : "times"} overdue now`,
    title: content.job ? `Hearback week: ${content.job.title}` : "Hearback week",
    intro: `How ${content.job ? "this job" : "the workspace"} treated candidates in the last 7 days (since ${since}), compared with the 7 days before.`,
    facts: lines.map((line) => ({ title: line.label, value: `${line.value}${changeText(line.change)}` })),
    items: [],
    more: null,
    actions: [
      { label: "Open the dashboard", url: `${content.baseUrl}/metrics${jobQuery}` },
      {
        label: "See what is overdue",
        url: content.job ? waitingUrl(content.baseUrl, content.job.id) : `${content.baseUrl}/waiting?risk=breached`,
      },
      { label: "Decisions owed", url: `${content.baseUrl}/decisions` },
    ],
    footer: `Hearback posts this digest on Monday mornings (week ${content.week}).`,
  };
}
