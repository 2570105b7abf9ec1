// The hiring manager's weekly digest, pure: which ISO week a moment belongs to for a person and when that week's digest
// is due (Monday 08:00 in their time zone, moved into their business hours), and the email made from their figures.
// app/models/digest.server.ts finds who is due, loads the figures and queues the email.
import { DateTime } from "luxon";
import { SLA_METRICS } from "~/domain/sla/types";
import { emailLayout, escapeHtml, type EmailParts } from "~/domain/templates/email";
import type { MetricsReport } from "./report";

const MINUTE_MS = 60_000;
const WEEK_MS = 7 * 24 * 60 * MINUTE_MS;

/** Monday 08:00 in the person's own time zone: the earliest a digest may go out. */
const DIGEST_HOUR = 8;
/** A Monday-morning email that could not go out within a day of its time (an outage, a new manager on a Thursday)
 * is skipped rather than arriving late in the week; the next Monday's covers the same ground. */
const LATEST_AFTER_DUE_MS = 24 * 60 * MINUTE_MS;

export type DigestWeek = {
  /** The ISO week in the person's time zone, "2026-W11": the unit of "exactly once". */
  week: string;
  /** When the week's digest is due: the first business-hours moment on or after its Monday 08:00. */
  dueAt: Date;
};

function isoWeekOf(local: DateTime): string {
  return local.toFormat("kkkk-'W'WW");
}

/**
 * The week `now` falls in (in `timeZone`) and when its digest is due. `openingFrom` applies the person's business
 * hours (the models pass the same rule as staff notification emails). Null when that week has no opening at all
 * after Monday 08:00 (a week closed from Monday on): the next week's digest covers it, so nobody gets two at once.
 */
export function digestWeekAt(now: Date, timeZone: string, openingFrom: (at: Date) => Date): DigestWeek | null {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`Unknown time zone: ${timeZone}`);
  const week = isoWeekOf(local);
  const mondayMorning = local.startOf("week").set({ hour: DIGEST_HOUR });
  const dueAt = openingFrom(mondayMorning.toJSDate());
  if (isoWeekOf(DateTime.fromJSDate(dueAt, { zone: timeZone })) !== week) return null;
  return { week, dueAt };
}

/** Whether the week's digest should go out at `now`: due, and not more than a day late. */
export function isDigestDue(week: DigestWeek | null, now: Date): week is DigestWeek {
  if (!week) return false;
  const late = now.getTime() - week.dueAt.getTime();
  return late >= 0 && late < LATEST_AFTER_DUE_MS;
}

/** The figures of one window that the digest shows. */
export type DigestFigures = {
  applications: number;
  firstResponseMedianMinutes: number | null;
  firstResponseAttainment: number | null;
  promiseKeptRate: number | null;
  /** Running clocks past due at the window's end, all metrics together. */
  breachesNow: number;
  decisionsOwed: number;
};

/** `managerId`: the decisions that person owes; null: everyone's (the chat digest of a workspace or a job). */
export function digestFigures(report: MetricsReport, managerId: string | null): DigestFigures {
  const firstResponse = report.sla.first_response;
  return {
    applications: report.applications,
    firstResponseMedianMinutes: firstResponse.medianMinutes,
    firstResponseAttainment: firstResponse.attainment,
    promiseKeptRate: report.promiseKept.rate,
    breachesNow: SLA_METRICS.reduce((sum, metric) => sum + report.sla[metric].breachedNow, 0),
    decisionsOwed: report.decisionsOwed
      .filter((owed) => managerId === null || owed.ownerId === managerId)
      .reduce((sum, owed) => sum + owed.count, 0),
  };
}

export type WaitingCandidate = {
  applicationId: string;
  candidateName: string;
  jobTitle: string;
  stageName: string;
  waitingSince: Date;
};

export type DigestContent = {
  recipientName: string;
  timeZone: string;
  /** The end of the last 7 days (the moment the digest was made). */
  now: Date;
  current: DigestFigures;
  /** The 7 days before. */
  previous: DigestFigures;
  /** Longest waiting first, at most a handful; `waitingTotal` counts them all. */
  waiting: WaitingCandidate[];
  waitingTotal: number;
  /** PUBLIC_URL without a trailing slash. */
  baseUrl: string;
};

export function formatMinutes(minutes: number): string {
  const rounded = Math.round(minutes);
  if (rounded < 60) return `${rounded} min`;
  if (rounded < 24 * 60) {
    const hours = Math.floor(rounded / 60);
    const rest = rounded % 60;
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  const days = Math.floor(rounded / (24 * 60));
  const hours = Math.round((rounded - days * 24 * 60) / 60);
  const dayText = days === 1 ? "1 day" : `${days} days`;
  return hours === 0 || hours === 24 ? dayText : `${dayText} ${hours} h`;
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A change as a sign or arrow and the words that say the same, so it never depends on colour or symbols. */
type Change = { symbol: string; words: string };

function countChange(current: number, previous: number, since: string): Change {
  const difference = current - previous;
  if (difference === 0) return { symbol: "", words: `no change from ${since}` };
  if (difference > 0) return { symbol: `+${difference}`, words: `${difference} more than ${since}` };
  return { symbol: `−${-difference}`, words: `${-difference} fewer than ${since}` };
}

function durationChange(current: number | null, previous: number | null): Change | null {
  if (current === null || previous === null) return null;
  if (previous === 0) {
    return current === 0
      ? { symbol: "", words: "no change from the week before" }
      : { symbol: "↑", words: "slower than the week before" };
  }
  const change = Math.round(((current - previous) / previous) * 100);
  if (change === 0) return { symbol: "", words: "no change from the week before" };
  return change > 0
    ? { symbol: `↑ ${change}%`, words: "slower than the week before" }
    : { symbol: `↓ ${-change}%`, words: "faster than the week before" };
}

function rateChange(current: number | null, previous: number | null): Change | null {
  if (current === null || previous === null) return null;
  const points = Math.round((current - previous) * 100);
  if (points === 0) return { symbol: "", words: "no change from the week before" };
  const unit = Math.abs(points) === 1 ? "point" : "points";
  return points > 0
    ? { symbol: `↑ ${points} ${unit}`, words: "better than the week before" }
    : { symbol: `↓ ${-points} ${unit}`, words: "worse than the week before" };
}

/** One figure of the digest with its change from the window before (the chat digest shows the same lines). */
export type FigureLine = { label: string; value: string; change: Change | null };

export function figureLines(current: DigestFigures, previous: DigestFigures): FigureLine[] {
  const median = current.firstResponseMedianMinutes;
  return [
    {
      label: "Applications",
      value: String(current.applications),
      change: countChange(current.applications, previous.applications, "the week before"),
    },
    {
      label: "Time to first response (median)",
      value: median === null ? "no first responses yet" : formatMinutes(median),
      change: durationChange(median, previous.firstResponseMedianMinutes),
    },
    {
      label: "First responses on time",
      value: current.firstResponseAttainment === null ? "none due yet" : percent(current.firstResponseAttainment),
      change: rateChange(current.firstResponseAttainment, previous.firstResponseAttainment),
    },
    {
      label: "Promises kept (“hear back by” dates met)",
      value: current.promiseKeptRate === null ? "none due yet" : percent(current.promiseKeptRate),
      change: rateChange(current.promiseKeptRate, previous.promiseKeptRate),
    },
    {
      label: "Response times overdue now",
      value: String(current.breachesNow),
      change: countChange(current.breachesNow, previous.breachesNow, "a week ago"),
    },
    {
      label: "Decisions you owe",
      value: String(current.decisionsOwed),
      change: countChange(current.decisionsOwed, previous.decisionsOwed, "a week ago"),
    },
  ];
}

export function changeText(change: Change | null): string {
  if (!change) return "";
  return change.symbol ? ` (${change.symbol}, ${change.words})` : ` (${change.words})`;
}

function changeHtml(change: Change | null): string {
  if (!change) return "";
  // Arrows are for the eye; screen readers would read their names, and the words already say which way it went.
  const symbol = escapeHtml(change.symbol).replace(/[↑↓]/g, (arrow) => `<span aria-hidden="true">${arrow}</span>`);
  return ` <span style="color:#52606d;">(${change.symbol ? `${symbol}, ` : ""}${escapeHtml(change.words)})</span>`;
}

function waitingFor(candidate: WaitingCandidate, now: Date): string {
  return formatMinutes(Math.max(0, (now.getTime() - candidate.waitingSince.getTime()) / MINUTE_MS));
}

function dayLabel(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).setLocale("en-GB").toFormat("cccc d LLLL");
}

export function digestSubject(content: DigestContent): string {
  const waiting =
    content.waitingTotal === 0
      ? "nobody waiting on you"
      : `${plural(content.waitingTotal, "candidate", "candidates")} waiting on you`;
  return `Your Hearback week: ${waiting}`;
}

/** The digest as a plain-text and an HTML part (the same words in both). */
export function composeDigestEmail(content: DigestContent): EmailParts {
  const subject = digestSubject(content);
  const lines = figureLines(content.current, content.previous);
  const links = {
    metrics: `${content.baseUrl}/metrics`,
    decisions: `${content.baseUrl}/decisions`,
    application: (id: string) => `${content.baseUrl}/applications/${id}`,
  };
  const since = dayLabel(new Date(content.now.getTime() - WEEK_MS), content.timeZone);
  const intro = `Here is how your jobs treated candidates in the last 7 days (since ${since}), compared with the 7 days before.`;
  const waitingIntro =
    content.waitingTotal === 0
      ? "Nobody is waiting on you. Thank you!"
      : `${content.waitingTotal === 1 ? "This candidate is" : "These candidates are"} waiting on your decision, longest first:`;
  const more = content.waitingTotal - content.waiting.length;
  const moreText = more > 0 ? `…and ${more} more: ${links.decisions}` : null;
  const footer =
    "You get this email on Monday mornings in your working hours, for the jobs you are the hiring manager of.";

  const text = [
    `Hello ${content.recipientName},`,
    "",
    intro,
    "",
    ...lines.map((line) => `- ${line.label}: ${line.value}${changeText(line.change)}`),
    "",
    waitingIntro,
    ...content.waiting.map(
      (candidate, index) =>
        `${index + 1}. ${candidate.candidateName}, ${candidate.jobTitle} (${candidate.stageName}), waiting ${waitingFor(candidate, content.now)}: ${links.application(candidate.applicationId)}`,
    ),
    ...(moreText ? [moreText] : []),
    "",
    `All your figures: ${links.metrics}`,
    `Decisions you owe: ${links.decisions}`,
    "",
    footer,
    "",
  ].join("\n");

  const link = (href: string, label: string) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
  const body = [
    `<p>Hello ${escapeHtml(content.recipientName)},</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<ul style="padding-left:20px;margin:0 0 16px;">${lines
      .map(
        (line) =>
          `<li>${escapeHtml(line.label)}: <strong>${escapeHtml(line.value)}</strong>${changeHtml(line.change)}</li>`,
      )
      .join("")}</ul>`,
    `<p>${escapeHtml(waitingIntro)}</p>`,
    content.waiting.length > 0
      ? `<ol style="padding-left:20px;margin:0 0 16px;">${content.waiting
          .map(
            (candidate) =>
              `<li>${link(links.application(candidate.applicationId), candidate.candidateName)}, ${escapeHtml(candidate.jobTitle)} (${escapeHtml(candidate.stageName)}), waiting ${escapeHtml(waitingFor(candidate, content.now))}</li>`,
          )
          .join("")}</ol>`
      : "",
    more > 0 ? `<p>…and ${link(links.decisions, `${more} more`)}.</p>` : "",
    `<p>${link(links.metrics, "All your figures")} · ${link(links.decisions, "Decisions you owe")}</p>`,
    `<p style="margin-top:24px;padding-top:16px;border-top:1px solid #d6d8dc;font-size:14px;color:#52606d;">${escapeHtml(footer)}</p>`,
  ].join("\n");

  return { subject, text, html: emailLayout(subject, body, "en") };
}
