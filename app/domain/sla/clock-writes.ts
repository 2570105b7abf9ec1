// Which stored clock rows must change to match freshly computed clocks: the rules of what a recompute may rewrite
// (docs/decisions/008), decided here in plain code so the database layer only writes the rows that differ.
import { promiseShownAt } from "./promise-shown";
import type { ClockInstance, ClockState, SlaMetric } from "./types";

/** A clock as stored, instants in epoch milliseconds. */
export type ClockRow = {
  applicationId: string;
  metric: SlaMetric;
  instance: number;
  state: ClockState;
  startedAt: number;
  dueAt: number | null;
  warnAt: number | null;
  stoppedAt: number | null;
  breached: boolean;
  businessHours: boolean;
  targetMinutes: number;
  remainingMinutes: number | null;
  stageId: string | null;
  /** interviewer_feedback only: the interview whose feedback is owed. */
  interviewId: string | null;
  policyId: string | null;
  /** When its date was first shown to the candidate (app/domain/sla/promise-shown.ts). */
  promiseShownAt: number | null;
};

export type StoredClockRow = ClockRow & { id: string };

export type ClockWrites = { inserts: ClockRow[]; updates: StoredClockRow[]; deleteIds: string[] };

const instant = (date: Date | null) => (date === null ? null : date.getTime());

/** The row of a computed clock; `touchpoints` are when the candidate viewed their status page or got an email
 * (epoch ms, ascending). */
export function clockRow(
  applicationId: string,
  policyId: string | null,
  clock: ClockInstance,
  touchpoints: readonly number[],
): ClockRow {
  const startedAt = clock.startedAt.getTime();
  const stoppedAt = instant(clock.stoppedAt);
  return {
    applicationId,
    metric: clock.metric,
    instance: clock.instance,
    state: clock.state,
    startedAt,
    dueAt: instant(clock.dueAt),
    warnAt: instant(clock.warnAt),
    stoppedAt,
    breached: clock.breached,
    businessHours: clock.businessHours,
    targetMinutes: Math.round(clock.targetMinutes),
    remainingMinutes: clock.remainingMinutes,
    stageId: clock.stageId,
    interviewId: clock.interviewId,
    policyId,
    promiseShownAt: promiseShownAt({ metric: clock.metric, startedAt, stoppedAt }, touchpoints),
  };
}

const key = (row: Pick<ClockRow, "applicationId" | "metric" | "instance">) =>
  `${row.applicationId} ${row.metric} ${row.instance}`;

const FIELDS = [
  "state",
  "startedAt",
  "dueAt",
  "warnAt",
  "stoppedAt",
  "breached",
  "businessHours",
  "targetMinutes",
  "remainingMinutes",
  "stageId",
  "interviewId",
  "policyId",
  "promiseShownAt",
] as const satisfies ReadonlyArray<keyof ClockRow>;

function isFinished(state: ClockState) {
  return state === "stopped" || state === "cancelled";
}

/**
 * The writes that bring `stored` (the rows of some applications) in step with `computed` (every clock the log
 * produces for the same applications):
 * - a clock the log no longer produces is deleted; a new one is inserted;
 * - a finished clock whose state, start, stop and interview are unchanged keeps its row as it was — the target, due date and
 *   verdict of the policy it ran under — so changing a policy never rewrites history; only when its date was shown
 *   follows the log (a touchpoint recorded afterwards with an earlier date). Unless a clock-moving touchpoint being
 *   recorded now (`newEvents`, epoch ms by application) falls inside its run: then the log of that run changed (a
 *   reply recorded after the fact resumes a paused clock), and the run follows the log like a running clock. Which
 *   events were recorded together never matters: one at a time or all at once, the rows come out the same;
 * - running and paused clocks follow the computed values (start times come from the log, due dates move);
 * - with `keepBreaches` (recomputes after a policy or schedule change) a breach once recorded stays for the same clock
 *   start ("past breaches stay", docs/sla.md); without it (a new event) the log alone decides;
 * - a row equal to what is computed is left alone.
 */
export function planClockWrites(
  stored: StoredClockRow[],
  computed: ClockRow[],
  keepBreaches: boolean,
  newEvents: ReadonlyMap<string, readonly number[]> = new Map(),
): ClockWrites {
  const storedByKey = new Map(stored.map((row) => [key(row), row]));
  const writes: ClockWrites = { inserts: [], updates: [], deleteIds: [] };
  for (const row of computed) {
    const existing = storedByKey.get(key(row));
    if (!existing) {
      writes.inserts.push(row);
      continue;
    }
    storedByKey.delete(key(row));
    const sameRun = existing.startedAt === row.startedAt;
    const runChanged = (newEvents.get(row.applicationId) ?? []).some(
      (at) => at >= existing.startedAt && existing.stoppedAt !== null && at <= existing.stoppedAt,
    );
    if (
      isFinished(existing.state) &&
      existing.state === row.state &&
      sameRun &&
      existing.stoppedAt === row.stoppedAt &&
      existing.interviewId === row.interviewId &&
      !runChanged
    ) {
      if (existing.promiseShownAt !== row.promiseShownAt) {
        writes.updates.push({ ...existing, promiseShownAt: row.promiseShownAt });
      }
      continue;
    }
    const next: StoredClockRow = {
      ...row,
      id: existing.id,
      breached: row.breached || (keepBreaches && existing.breached && sameRun),
    };
    if (FIELDS.some((field) => next[field] !== existing[field])) writes.updates.push(next);
  }
  for (const gone of storedByKey.values()) writes.deleteIds.push(gone.id);
  return writes;
}
