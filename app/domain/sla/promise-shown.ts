// When a clock's "hear back by" date was first shown to the candidate: the regular-update and stage-decision due dates
// are what the status page and the emails promise, so the first status-page view or candidate email while such a
// clock ran is when its promise was made. The promise-kept rate counts only promises made (docs/metrics.md).
import type { SlaMetric } from "./types";

/** The clocks whose due dates the candidate is promised ("you will hear from us by"). */
export const PROMISE_METRICS: readonly SlaMetric[] = ["periodic_update", "stage_decision"];

type Run = { metric: SlaMetric; startedAt: number; stoppedAt: number | null };

/**
 * The first of `touchpoints` (epoch ms, ascending: the candidate's status-page views and the emails they got) at or
 * after the clock started and before it stopped, or null — also for clocks whose date is never shown.
 */
export function promiseShownAt(clock: Run, touchpoints: readonly number[]): number | null {
  if (!PROMISE_METRICS.includes(clock.metric)) return null;
  let low = 0;
  let high = touchpoints.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (touchpoints[middle]! < clock.startedAt) low = middle + 1;
    else high = middle;
  }
  const first = touchpoints[low];
  if (first === undefined || (clock.stoppedAt !== null && first >= clock.stoppedAt)) return null;
  return first;
}
