// "If a candidate applied now": when each target of a policy would fall due, counted on its schedule or in real
// time, for the policy editor's live preview. Pure: the caller gives `now`.
import { compileCalendar, NoOpenHoursError } from "./calendar";
import { realTime } from "./real-time";
import type { ScheduleDefinition } from "./schedule";
import type { SlaMetric } from "./types";

export type TargetPreview = {
  metric: SlaMetric;
  /** ISO instant, or null when it cannot be computed (the message says why). */
  dueAt: string | null;
  /** The due date written out in the schedule's time zone, e.g. "Tue, 3 Mar 2026, 17:00 CET". */
  dueText: string | null;
  problem: string | null;
};

export type PolicyPreview = {
  now: string;
  timeZone: string;
  /** When a candidate who applied now would hear back at the latest: the earlier of first response and update. */
  hearBackBy: TargetPreview | null;
  targets: TargetPreview[];
};

export function formatInZone(at: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(at);
  const zone =
    new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" })
      .formatToParts(at)
      .find((part) => part.type === "timeZoneName")?.value ?? timeZone;
  return `${text} ${zone}`;
}

/** Due dates of targets that started `now`, counted on `schedule` (business time) or real time. Pure: `now` is given. */
export function previewTargets(
  targets: readonly { metric: SlaMetric; minutes: number; businessHours: boolean }[],
  schedule: ScheduleDefinition,
  now: Date,
): PolicyPreview {
  let calendar: ReturnType<typeof compileCalendar> | null = null;
  let calendarProblem: string | null = null;
  try {
    calendar = compileCalendar(schedule);
  } catch (error) {
    if (!(error instanceof NoOpenHoursError)) throw error;
    calendarProblem = error.message;
  }
  const previews = targets
    .filter((target) => Number.isFinite(target.minutes) && target.minutes > 0)
    .map((target): TargetPreview => {
      const timeLine = target.businessHours ? calendar : realTime;
      if (!timeLine) return { metric: target.metric, dueAt: null, dueText: null, problem: calendarProblem };
      try {
        const due = new Date(timeLine.addMinutes(now.getTime(), target.minutes));
        return {
          metric: target.metric,
          dueAt: due.toISOString(),
          dueText: formatInZone(due, schedule.timeZone),
          problem: null,
        };
      } catch (error) {
        const problem = error instanceof Error ? error.message : "This due date cannot be computed.";
        return { metric: target.metric, dueAt: null, dueText: null, problem };
      }
    });
  const promises = previews.filter(
    (preview) => (preview.metric === "first_response" || preview.metric === "periodic_update") && preview.dueAt,
  );
  const hearBackBy = promises.reduce<TargetPreview | null>(
    (earliest, preview) => (!earliest || preview.dueAt! < earliest.dueAt! ? preview : earliest),
    null,
  );
  return { now: now.toISOString(), timeZone: schedule.timeZone, hearBackBy, targets: previews };
}
