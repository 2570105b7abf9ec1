import { expect, test } from "vitest";
import { planClockWrites, type ClockRow, type StoredClockRow } from "./clock-writes";

const HOUR = 60 * 60_000;
const T0 = Date.UTC(2026, 2, 2, 9);

function row(overrides: Partial<ClockRow> = {}): ClockRow {
  return {
    applicationId: "app_1",
    metric: "periodic_update",
    instance: 1,
    state: "running",
    startedAt: T0,
    dueAt: T0 + 24 * HOUR,
    warnAt: null,
    stoppedAt: null,
    breached: false,
    businessHours: true,
    targetMinutes: 960,
    remainingMinutes: null,
    stageId: null,
    interviewId: null,
    policyId: "policy_default",
    promiseShownAt: null,
    ...overrides,
  };
}

function stored(overrides: Partial<StoredClockRow> = {}): StoredClockRow {
  return { id: "clock_1", ...row(), ...overrides };
}

test("new clocks are inserted and clocks the log no longer produces are deleted", () => {
  const writes = planClockWrites(
    [stored({ id: "gone", metric: "next_response" })],
    [row({ metric: "first_response" })],
    false,
  );
  expect(writes.inserts).toEqual([row({ metric: "first_response" })]);
  expect(writes.updates).toEqual([]);
  expect(writes.deleteIds).toEqual(["gone"]);
});

test("a row equal to the computed one is not written", () => {
  expect(planClockWrites([stored()], [row()], false)).toEqual({ inserts: [], updates: [], deleteIds: [] });
});

test("a running clock follows a new due date and policy, keeping its id", () => {
  const moved = row({ dueAt: T0 + 48 * HOUR, targetMinutes: 1920, policyId: "policy_engineering" });
  expect(planClockWrites([stored()], [moved], false).updates).toEqual([{ ...moved, id: "clock_1" }]);
});

test("a finished clock with the same start and stop keeps the due date and verdict it ran under", () => {
  const finished = stored({ state: "stopped", stoppedAt: T0 + 30 * HOUR, breached: true });
  const underNewPolicy = row({
    state: "stopped",
    stoppedAt: T0 + 30 * HOUR,
    dueAt: T0 + 72 * HOUR,
    breached: false,
    targetMinutes: 4320,
  });
  expect(planClockWrites([finished], [underNewPolicy], true).updates).toEqual([]);
});

test("a finished clock whose stop moved (a reply recorded after the fact) is rewritten", () => {
  const finished = stored({ state: "stopped", stoppedAt: T0 + 30 * HOUR, breached: true });
  const earlierReply = row({ state: "stopped", stoppedAt: T0 + 2 * HOUR, breached: false });
  expect(planClockWrites([finished], [earlierReply], false).updates).toEqual([{ ...earlierReply, id: "clock_1" }]);
});

test("a finished clock whose run a touchpoint recorded now falls inside follows the log", () => {
  // Paused while waiting for the candidate, then stopped: stored without a due date. A reply recorded afterwards,
  // dated inside the run, resumed it, so it was due and missed.
  const finished = stored({ state: "stopped", stoppedAt: T0 + 300 * HOUR, dueAt: null, breached: false });
  const resumed = row({ state: "stopped", stoppedAt: T0 + 300 * HOUR, dueAt: T0 + 120 * HOUR, breached: true });
  const inside = new Map([["app_1", [T0 + 100 * HOUR]]]);
  const after = new Map([["app_1", [T0 + 400 * HOUR]]]);
  expect(planClockWrites([finished], [resumed], false, inside).updates).toEqual([{ ...resumed, id: "clock_1" }]);
  expect(planClockWrites([finished], [resumed], false, after).updates).toEqual([]);
  expect(planClockWrites([finished], [resumed], false, new Map([["app_2", [T0 + 100 * HOUR]]])).updates).toEqual([]);
});

test("in a recompute a recorded breach stays for the same start, even when the new due date is later", () => {
  const late = stored({ breached: true });
  const relaxed = row({ dueAt: T0 + 96 * HOUR, breached: false });
  expect(planClockWrites([late], [relaxed], true).updates).toEqual([{ ...relaxed, breached: true, id: "clock_1" }]);
});

test("after a new event the log alone decides the breach", () => {
  const late = stored({ breached: true });
  const relaxed = row({ dueAt: T0 + 96 * HOUR, breached: false });
  expect(planClockWrites([late], [relaxed], false).updates).toEqual([{ ...relaxed, id: "clock_1" }]);
});

test("a breach recorded for another start of the same instance does not carry over", () => {
  const late = stored({ breached: true });
  const restarted = row({ startedAt: T0 + HOUR, dueAt: T0 + 25 * HOUR, breached: false });
  expect(planClockWrites([late], [restarted], true).updates).toEqual([{ ...restarted, id: "clock_1" }]);
});

test("clocks of several applications are matched by application, metric and instance", () => {
  const writes = planClockWrites(
    [stored({ id: "a1" }), stored({ id: "b1", applicationId: "app_2" })],
    [row(), row({ applicationId: "app_2", instance: 2 })],
    false,
  );
  expect(writes.inserts).toEqual([row({ applicationId: "app_2", instance: 2 })]);
  expect(writes.updates).toEqual([]);
  expect(writes.deleteIds).toEqual(["b1"]);
});

test("a finished clock keeps its row, but when its date was shown follows the log", () => {
  const finished = { state: "stopped" as const, stoppedAt: T0 + 3 * HOUR, targetMinutes: 480 };
  const unchanged = planClockWrites([stored(finished)], [row({ ...finished, targetMinutes: 960 })], false);
  expect(unchanged.updates).toEqual([]);

  const shown = planClockWrites(
    [stored(finished)],
    [row({ ...finished, targetMinutes: 960, promiseShownAt: T0 + HOUR })],
    false,
  );
  expect(shown.updates).toEqual([stored({ ...finished, promiseShownAt: T0 + HOUR })]);
});

test("a running clock follows a new promiseShownAt like any other field", () => {
  const writes = planClockWrites([stored()], [row({ promiseShownAt: T0 + HOUR })], false);
  expect(writes.updates).toEqual([stored({ promiseShownAt: T0 + HOUR })]);
});

test("a finished feedback clock whose instance now belongs to another interview is rewritten", () => {
  // Two interviews that ended and were reviewed at the same instants: an end recorded late renumbers them.
  const finished = { metric: "interviewer_feedback" as const, state: "stopped" as const, stoppedAt: T0 + HOUR };
  const writes = planClockWrites(
    [stored({ ...finished, interviewId: "interview_b", targetMinutes: 240 })],
    [row({ ...finished, interviewId: "interview_a" })],
    false,
  );
  expect(writes.updates).toEqual([stored({ ...finished, interviewId: "interview_a" })]);
  expect(writes.deleteIds).toEqual([]);
});
