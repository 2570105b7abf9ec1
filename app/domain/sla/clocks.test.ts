import fc from "fast-check";
import { expect, test } from "vitest";
import { compileCalendar, NoOpenHoursError } from "./calendar";
import {
  clockEventsFromLog,
  clockRisk,
  computeClocks,
  feedbackOwed,
  hearBackBy,
  initialStageIdFromLog,
  ScheduleHasNoOpenHoursError,
} from "./clocks";
import {
  SLA_METRICS,
  STAGE_DECISION_RESTARTS,
  type ClockEvent,
  type ClockInput,
  type ClockInstance,
  type SlaMetric,
  type SlaTarget,
  type StageDecisionRestart,
  type TimeLine,
} from "./types";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Open 09:00–17:00 UTC Monday to Friday, written plainly so the expected instants below can be checked by hand. */
function openSpan(dayStart: number): [number, number] | null {
  const weekday = new Date(dayStart).getUTCDay();
  if (weekday === 0 || weekday === 6) return null;
  return [dayStart + 9 * 60 * MINUTE, dayStart + 17 * 60 * MINUTE];
}
const officeHours: TimeLine = {
  addMinutes(from, minutes) {
    let left = minutes * MINUTE;
    for (let day = Math.floor(from / DAY) * DAY; ; day += DAY) {
      const span = openSpan(day);
      if (!span) continue;
      const start = Math.max(span[0], from);
      if (start >= span[1]) continue;
      if (start + left <= span[1]) return start + left;
      left -= span[1] - start;
    }
  },
  minutesBetween(from, to) {
    let total = 0;
    for (let day = Math.floor(from / DAY) * DAY; day < to; day += DAY) {
      const span = openSpan(day);
      if (span) total += Math.max(0, Math.min(span[1], to) - Math.max(span[0], from));
    }
    return total / MINUTE;
  },
};

// 2026-03-02 is a Monday.
const d = (local: string) => new Date(`${local}:00Z`);

const reply = (at: string, extra: Partial<Extract<ClockEvent, { type: "message_out" }>> = {}): ClockEvent => ({
  type: "message_out",
  occurredAt: d(at),
  candidateVisible: true,
  automated: false,
  awaitsCandidate: false,
  ...extra,
});
const inbound = (at: string): ClockEvent => ({ type: "message_in", occurredAt: d(at) });
const move = (at: string, toStageId: string): ClockEvent => ({ type: "stage_changed", occurredAt: d(at), toStageId });
const reject = (at: string): ClockEvent => ({ type: "decision", occurredAt: d(at), outcome: "rejected" });
const hire = (at: string): ClockEvent => ({ type: "decision", occurredAt: d(at), outcome: "hired" });
const withdraw = (at: string): ClockEvent => ({ type: "withdrawn", occurredAt: d(at) });
const interviewEnded = (at: string, interviewId: string, interviewerIds: string[]): ClockEvent => ({
  type: "interview",
  occurredAt: d(at),
  action: "ended",
  interviewId,
  interviewerIds,
});
const feedback = (at: string, interviewId: string, interviewerId: string): ClockEvent => ({
  type: "interview_feedback",
  occurredAt: d(at),
  interviewId,
  interviewerId,
});
const calledOff = (at: string, interviewId: string, action: "no_show" | "cancelled"): ClockEvent => ({
  type: "interview",
  occurredAt: d(at),
  action,
  interviewId,
});

function run(
  targets: SlaTarget[],
  events: ClockEvent[],
  at: string,
  options: Partial<ClockInput> & { appliedAt?: Date } = {},
): ClockInstance[] {
  return computeClocks({
    appliedAt: d("2026-03-02T09:00"),
    initialStageId: "applied",
    events,
    policy: { targets, countAutomatedReplies: false },
    stageDecisionMinutes: {},
    businessTime: officeHours,
    at: d(at),
    ...options,
  });
}
const only = (clocks: ClockInstance[], metric: SlaMetric) => clocks.filter((clock) => clock.metric === metric);
const brief = (clock: ClockInstance | undefined) =>
  clock && {
    instance: clock.instance,
    state: clock.state,
    startedAt: clock.startedAt.toISOString(),
    dueAt: clock.dueAt?.toISOString() ?? null,
    stoppedAt: clock.stoppedAt?.toISOString() ?? null,
    breached: clock.breached,
  };

const firstResponse = (minutes: number, businessHours = false, warnBeforeMinutes?: number): SlaTarget => ({
  metric: "first_response",
  minutes,
  businessHours,
  warnBeforeMinutes,
});

test("first_response runs from the application to the first reply", () => {
  const [clock] = run([firstResponse(120)], [reply("2026-03-02T10:30")], "2026-03-03T00:00");
  expect(clock).toEqual({
    metric: "first_response",
    instance: 1,
    state: "stopped",
    startedAt: d("2026-03-02T09:00"),
    dueAt: d("2026-03-02T11:00"),
    warnAt: null,
    stoppedAt: d("2026-03-02T10:30"),
    breached: false,
    businessHours: false,
    targetMinutes: 120,
    remainingMinutes: null,
    stageId: null,
    interviewId: null,
  });
});

test("first_response on business time skips the weekend, with a warning at target minus warnBefore", () => {
  // Friday 16:00 + 960 business minutes: Fri 60 + Mon 480 + Tue 420 → Tue 16:00; the warning at 720 → Tue 12:00.
  const [clock] = run([firstResponse(960, true, 240)], [], "2026-03-09T12:00", { appliedAt: d("2026-03-06T16:00") });
  expect(clock!.dueAt).toEqual(d("2026-03-10T16:00"));
  expect(clock!.warnAt).toEqual(d("2026-03-10T12:00"));
  expect(clock!.businessHours).toBe(true);
  expect(clockRisk(clock!, d("2026-03-10T11:59"))).toBe("fine");
  expect(clockRisk(clock!, d("2026-03-10T12:00"))).toBe("warning");
  expect(clockRisk(clock!, d("2026-03-10T16:01"))).toBe("breached");
});

test("as-of replay: the same log judged at different instants", () => {
  const log = [reply("2026-03-02T12:00")];
  const target = [firstResponse(120)];
  expect(brief(run(target, log, "2026-03-02T10:00")[0])).toMatchObject({ state: "running", breached: false });
  expect(brief(run(target, log, "2026-03-02T11:00")[0])).toMatchObject({ state: "running", breached: false });
  expect(brief(run(target, log, "2026-03-02T11:01")[0])).toMatchObject({ state: "running", breached: true });
  expect(brief(run(target, log, "2026-03-02T12:00")[0])).toMatchObject({
    state: "stopped",
    stoppedAt: "2026-03-02T12:00:00.000Z",
    breached: true,
  });
  expect(run(target, log, "2026-03-02T08:59")).toEqual([]);
});

test("internal and automated messages are not replies unless the policy counts automated ones", () => {
  const log = [reply("2026-03-02T09:10", { candidateVisible: false }), reply("2026-03-02T09:20", { automated: true })];
  expect(brief(run([firstResponse(60)], log, "2026-03-02T10:30")[0])).toMatchObject({
    state: "running",
    breached: true,
  });
  const counted = run([firstResponse(60)], log, "2026-03-02T10:30", {
    policy: { targets: [firstResponse(60)], countAutomatedReplies: true },
  });
  expect(brief(counted[0])).toMatchObject({ state: "stopped", stoppedAt: "2026-03-02T09:20:00.000Z", breached: false });
});

test("next_response starts at the first unanswered inbound message and numbers its instances", () => {
  const target: SlaTarget = { metric: "next_response", minutes: 60, businessHours: false };
  const log = [
    inbound("2026-03-02T10:00"),
    inbound("2026-03-02T10:30"),
    reply("2026-03-02T11:30"),
    reply("2026-03-02T11:45"),
    inbound("2026-03-02T13:00"),
  ];
  expect(run([target], log, "2026-03-02T13:30").map(brief)).toEqual([
    {
      instance: 1,
      state: "stopped",
      startedAt: "2026-03-02T10:00:00.000Z",
      dueAt: "2026-03-02T11:00:00.000Z",
      stoppedAt: "2026-03-02T11:30:00.000Z",
      breached: true,
    },
    {
      instance: 2,
      state: "running",
      startedAt: "2026-03-02T13:00:00.000Z",
      dueAt: "2026-03-02T14:00:00.000Z",
      stoppedAt: null,
      breached: false,
    },
  ]);
});

test("events at the same instant apply in log order", () => {
  const target: SlaTarget = { metric: "next_response", minutes: 60, businessHours: false };
  const answered = run([target], [inbound("2026-03-02T10:00"), reply("2026-03-02T10:00")], "2026-03-02T12:00");
  expect(brief(answered[0])).toMatchObject({ state: "stopped", stoppedAt: "2026-03-02T10:00:00.000Z" });
  const waiting = run([target], [reply("2026-03-02T10:00"), inbound("2026-03-02T10:00")], "2026-03-02T12:00");
  expect(brief(waiting[0])).toMatchObject({ state: "running", startedAt: "2026-03-02T10:00:00.000Z", breached: true });
});

const periodic: SlaTarget = { metric: "periodic_update", minutes: 1440, businessHours: true, warnBeforeMinutes: 240 };

test("periodic_update restarts at every candidate-visible outbound message, automated ones included", () => {
  const log = [
    reply("2026-03-02T12:00", { automated: true }),
    reply("2026-03-02T13:00", { candidateVisible: false }),
    inbound("2026-03-02T14:00"),
  ];
  expect(run([periodic], log, "2026-03-03T10:00").map(brief)).toEqual([
    {
      instance: 1,
      state: "stopped",
      startedAt: "2026-03-02T09:00:00.000Z",
      dueAt: "2026-03-04T17:00:00.000Z",
      stoppedAt: "2026-03-02T12:00:00.000Z",
      breached: false,
    },
    {
      instance: 2,
      state: "running",
      startedAt: "2026-03-02T12:00:00.000Z",
      // Mon 12–17 (300) + Tue 480 + Wed 480 + Thu 180 → Thu 12:00.
      dueAt: "2026-03-05T12:00:00.000Z",
      stoppedAt: null,
      breached: false,
    },
  ]);
});

test("periodic_update pauses while waiting on the candidate and resumes with the rest of its target", () => {
  const log = [reply("2026-03-02T13:00", { awaitsCandidate: true }), inbound("2026-03-03T15:00")];
  const paused = only(run([periodic], log, "2026-03-03T14:00"), "periodic_update");
  expect(paused[1]).toMatchObject({
    instance: 2,
    state: "paused",
    startedAt: d("2026-03-02T13:00"),
    dueAt: null,
    warnAt: null,
    remainingMinutes: 1440,
    breached: false,
  });
  expect(clockRisk(paused[1]!, d("2026-03-03T14:00"))).toBe("paused");
  expect(hearBackBy(paused)).toBeNull();

  const resumed = only(run([periodic], log, "2026-03-03T16:00"), "periodic_update")[1]!;
  // Resumed Tue 15:00: Tue 120 + Wed 480 + Thu 480 + Fri 360 → Fri 15:00; warning at 1200 → Fri 11:00.
  expect(resumed).toMatchObject({
    state: "running",
    dueAt: d("2026-03-06T15:00"),
    warnAt: d("2026-03-06T11:00"),
    remainingMinutes: null,
  });
  expect(hearBackBy([resumed])).toEqual(d("2026-03-06T15:00"));
});

test("a pause counts no open time: an answer in the evening resumes counting at the next opening", () => {
  const log = [reply("2026-03-02T13:00", { awaitsCandidate: true }), inbound("2026-03-03T20:00")];
  const resumed = only(run([periodic], log, "2026-03-04T09:00"), "periodic_update")[1]!;
  expect(resumed.dueAt).toEqual(d("2026-03-06T17:00"));
  expect(resumed.warnAt).toEqual(d("2026-03-06T13:00"));
});

test("asking the candidate ends a late update clock (breached) and starts a paused one that counts from the answer", () => {
  // Instance 2 runs from the 09:30 update and is late at 10:40, when the question starts paused instance 3.
  const hourly: SlaTarget = { metric: "periodic_update", minutes: 60, businessHours: false, warnBeforeMinutes: 15 };
  const log = [
    reply("2026-03-02T09:30"),
    reply("2026-03-02T10:40", { awaitsCandidate: true }),
    inbound("2026-03-02T12:00"),
  ];
  const clocks = run([hourly], log, "2026-03-02T12:30");
  expect(clocks.map(brief)).toEqual([
    expect.objectContaining({ instance: 1, state: "stopped", breached: false }),
    expect.objectContaining({
      instance: 2,
      state: "stopped",
      dueAt: "2026-03-02T10:30:00.000Z",
      stoppedAt: "2026-03-02T10:40:00.000Z",
      breached: true,
    }),
    expect.objectContaining({
      instance: 3,
      state: "running",
      startedAt: "2026-03-02T10:40:00.000Z",
      dueAt: "2026-03-02T13:00:00.000Z",
      breached: false,
    }),
  ]);
  expect(clocks[2]!.warnAt).toEqual(d("2026-03-02T12:45"));
});

test("periodic_update stops at a rejection and is cancelled at a hire or withdrawal", () => {
  const late: SlaTarget = { metric: "periodic_update", minutes: 60, businessHours: false };
  expect(brief(run([late], [reject("2026-03-02T09:30")], "2026-03-03T09:00")[0])).toMatchObject({
    state: "stopped",
    breached: false,
  });
  expect(brief(run([late], [reject("2026-03-02T10:30")], "2026-03-03T09:00")[0])).toMatchObject({
    state: "stopped",
    breached: true,
  });
  for (const close of [hire, withdraw]) {
    expect(brief(run([late], [close("2026-03-02T09:30")], "2026-03-03T09:00")[0])).toMatchObject({
      state: "cancelled",
      stoppedAt: "2026-03-02T09:30:00.000Z",
      breached: false,
    });
  }
});

const everything: SlaTarget[] = [
  firstResponse(960, true),
  { metric: "next_response", minutes: 480, businessHours: true },
  { metric: "periodic_update", minutes: 1440, businessHours: true },
  { metric: "stage_decision", minutes: 2400, businessHours: true },
  { metric: "closure", minutes: 480, businessHours: true, warnBeforeMinutes: 120 },
];

test("a rejection nobody is told about: closure keeps running and breaches; the response clocks keep running", () => {
  const log = [inbound("2026-03-02T09:30"), reject("2026-03-02T10:00")];
  // Tuesday noon: next_response was due Tue 09:30 and closure Tue 10:00; first_response is due Tue 17:00.
  const clocks = run(everything, log, "2026-03-03T12:00");
  expect(clocks.map((clock) => [clock.metric, clock.state, clock.breached])).toEqual([
    ["first_response", "running", false],
    ["next_response", "running", true],
    ["periodic_update", "stopped", false],
    ["stage_decision", "stopped", false],
    ["closure", "running", true],
  ]);
  expect(brief(only(clocks, "closure")[0])).toMatchObject({
    startedAt: "2026-03-02T10:00:00.000Z",
    dueAt: "2026-03-03T10:00:00.000Z",
  });
  // Warned when 360 of the 480 business minutes have passed: Monday 16:00.
  expect(only(clocks, "closure")[0]!.warnAt).toEqual(d("2026-03-02T16:00"));
  expect(hearBackBy(clocks)).toBeNull();
});

test("the rejection email stops closure and answers the candidate; no new clocks start after closing", () => {
  const log = [
    inbound("2026-03-02T09:30"),
    reject("2026-03-02T10:00"),
    reply("2026-03-02T10:05"),
    inbound("2026-03-02T11:00"),
    move("2026-03-02T11:30", "screen"),
  ];
  const clocks = run(everything, log, "2026-03-04T09:00");
  expect(clocks.map((clock) => [clock.metric, clock.instance, clock.state, clock.stoppedAt?.toISOString()])).toEqual([
    ["first_response", 1, "stopped", "2026-03-02T10:05:00.000Z"],
    ["next_response", 1, "stopped", "2026-03-02T10:05:00.000Z"],
    ["periodic_update", 1, "stopped", "2026-03-02T10:00:00.000Z"],
    ["stage_decision", 1, "stopped", "2026-03-02T10:00:00.000Z"],
    ["closure", 1, "stopped", "2026-03-02T10:05:00.000Z"],
  ]);
  expect(clocks.some((clock) => clock.breached)).toBe(false);
});

test("an automated rejection email tells the candidate but only answers them when automated replies count", () => {
  const clocks = run(
    everything,
    [reject("2026-03-02T10:00"), reply("2026-03-02T10:00", { automated: true })],
    "2026-03-05T09:00",
  );
  expect(only(clocks, "closure")[0]).toMatchObject({ state: "stopped", stoppedAt: d("2026-03-02T10:00") });
  expect(only(clocks, "first_response")[0]).toMatchObject({ state: "running", breached: true });
});

test("a rejection email logged just before the decision at the same instant still closes the loop", () => {
  const clocks = run(everything, [reply("2026-03-02T10:00"), reject("2026-03-02T10:00")], "2026-03-05T09:00");
  expect(brief(only(clocks, "closure")[0])).toMatchObject({ state: "stopped", stoppedAt: "2026-03-02T10:00:00.000Z" });
  // The update at 10:00 restarted periodic_update, and the rejection stopped that new instance at once.
  expect(only(clocks, "periodic_update").map((clock) => [clock.instance, clock.state])).toEqual([
    [1, "stopped"],
    [2, "stopped"],
  ]);
});

test("undoing a rejection cancels closure and starts the update and stage promises again; response clocks run on", () => {
  const log = [reject("2026-03-02T10:00"), { type: "reopened" as const, occurredAt: d("2026-03-02T11:00") }];
  const clocks = run(everything, log, "2026-03-02T12:00");
  expect(clocks.map((clock) => [clock.metric, clock.instance, clock.state])).toEqual([
    ["first_response", 1, "running"],
    ["periodic_update", 1, "stopped"],
    ["periodic_update", 2, "running"],
    ["stage_decision", 1, "stopped"],
    ["stage_decision", 2, "running"],
    ["closure", 1, "cancelled"],
  ]);
  expect(only(clocks, "closure")[0]!.breached).toBe(false);
  expect(only(clocks, "periodic_update")[1]!.startedAt).toEqual(d("2026-03-02T11:00"));
  expect(hearBackBy(clocks)).not.toBeNull();
  // A second rejection after the undo starts a new closure clock; a reopen of an active application changes nothing.
  const again = run(everything, [...log, reject("2026-03-02T13:00")], "2026-03-02T14:00");
  expect(only(again, "closure").map((clock) => [clock.instance, clock.state])).toEqual([
    [1, "cancelled"],
    [2, "running"],
  ]);
  const noop = run(everything, [{ type: "reopened", occurredAt: d("2026-03-02T10:00") }], "2026-03-02T12:00");
  expect(noop).toEqual(run(everything, [], "2026-03-02T12:00"));
});

test("a hire cancels the response and update clocks, decides the stage, and starts no closure", () => {
  const clocks = run(everything, [inbound("2026-03-02T09:30"), hire("2026-03-02T11:00")], "2026-03-20T09:00");
  expect(clocks.map((clock) => [clock.metric, clock.state, clock.stoppedAt?.toISOString()])).toEqual([
    ["first_response", "cancelled", "2026-03-02T11:00:00.000Z"],
    ["next_response", "cancelled", "2026-03-02T11:00:00.000Z"],
    ["periodic_update", "cancelled", "2026-03-02T11:00:00.000Z"],
    ["stage_decision", "stopped", "2026-03-02T11:00:00.000Z"],
  ]);
});

test("a withdrawal cancels every running or paused clock, and a clock cancelled after its due date stays breached", () => {
  const log = [reply("2026-03-02T10:00", { awaitsCandidate: true, automated: true }), withdraw("2026-03-05T10:00")];
  const clocks = run(everything, log, "2026-03-20T09:00");
  expect(clocks.map((clock) => [clock.metric, clock.instance, clock.state, clock.breached])).toEqual([
    ["first_response", 1, "cancelled", true],
    ["periodic_update", 1, "stopped", false],
    ["periodic_update", 2, "cancelled", false],
    ["stage_decision", 1, "cancelled", false],
  ]);
  // Cancelled while paused: it was never due.
  expect(only(clocks, "periodic_update")[1]).toMatchObject({ dueAt: null, remainingMinutes: null });
  expect(only(clocks, "first_response")[0]!.dueAt).toEqual(d("2026-03-03T17:00"));
  expect(clockRisk(clocks[0]!, d("2026-03-20T09:00"))).toBe("done");
});

test("stage_decision: one instance per stage visit; a stage's own minutes override the policy's", () => {
  const policyTarget: SlaTarget = {
    metric: "stage_decision",
    minutes: 2400,
    businessHours: true,
    warnBeforeMinutes: 480,
  };
  const log = [move("2026-03-03T09:00", "screen"), move("2026-03-04T09:00", "applied")];
  const clocks = run([policyTarget], log, "2026-03-04T12:00", { stageDecisionMinutes: { screen: 600, applied: null } });
  expect(clocks.map((clock) => ({ ...brief(clock), stageId: clock.stageId, minutes: clock.targetMinutes }))).toEqual([
    {
      instance: 1,
      state: "stopped",
      startedAt: "2026-03-02T09:00:00.000Z",
      dueAt: "2026-03-06T17:00:00.000Z",
      stoppedAt: "2026-03-03T09:00:00.000Z",
      breached: false,
      stageId: "applied",
      minutes: 2400,
    },
    {
      instance: 2,
      state: "stopped",
      startedAt: "2026-03-03T09:00:00.000Z",
      dueAt: "2026-03-04T11:00:00.000Z",
      stoppedAt: "2026-03-04T09:00:00.000Z",
      breached: false,
      stageId: "screen",
      minutes: 600,
    },
    {
      instance: 3,
      state: "running",
      startedAt: "2026-03-04T09:00:00.000Z",
      dueAt: "2026-03-10T17:00:00.000Z",
      stoppedAt: null,
      breached: false,
      stageId: "applied",
      minutes: 2400,
    },
  ]);
  // 1920 business minutes are four whole days: the warning falls at Thursday closing time.
  expect(clocks[0]!.warnAt).toEqual(d("2026-03-05T17:00"));
  expect(clocks[1]!.warnAt).toEqual(d("2026-03-03T11:00"));
});

test("stage_decision without a policy target: only stages with their own minutes, on business time, no warning", () => {
  const log = [move("2026-03-02T10:00", "screen"), move("2026-03-02T11:00", "interview")];
  const clocks = run([], log, "2026-03-02T12:00", { stageDecisionMinutes: { screen: 60, interview: null } });
  expect(clocks).toHaveLength(1);
  expect(clocks[0]).toMatchObject({
    metric: "stage_decision",
    instance: 1,
    stageId: "screen",
    businessHours: true,
    warnAt: null,
    dueAt: d("2026-03-02T11:00"),
    stoppedAt: d("2026-03-02T11:00"),
    breached: false,
  });
});

test("a stage's own minutes shorter than the policy's warning get no warning", () => {
  const policyTarget: SlaTarget = {
    metric: "stage_decision",
    minutes: 2400,
    businessHours: false,
    warnBeforeMinutes: 480,
  };
  const [clock] = run([policyTarget], [], "2026-03-02T10:00", { stageDecisionMinutes: { applied: 300 } });
  expect(clock).toMatchObject({ targetMinutes: 300, businessHours: false, warnAt: null, dueAt: d("2026-03-02T14:00") });
});

test("an empty policy produces no clocks", () => {
  expect(run([], [inbound("2026-03-02T10:00"), reject("2026-03-02T11:00")], "2026-03-09T09:00")).toEqual([]);
});

test("a business-hours target on a schedule without open hours is an error; calendar-time targets still work", () => {
  expect(() => run([firstResponse(60, true)], [], "2026-03-02T10:00", { businessTime: null })).toThrow(
    NoOpenHoursError,
  );
  expect(() => run([firstResponse(60, true)], [], "2026-03-02T10:00", { businessTime: null })).toThrow(
    ScheduleHasNoOpenHoursError,
  );
  expect(run([firstResponse(60, false)], [], "2026-03-02T10:00", { businessTime: null })).toHaveLength(1);
});

test("history logged before the application date counts from the application date", () => {
  const [clock] = run([firstResponse(60)], [reply("2026-03-01T12:00")], "2026-03-02T10:00");
  expect(clock).toMatchObject({ state: "stopped", startedAt: d("2026-03-02T09:00"), stoppedAt: d("2026-03-02T09:00") });
});

test("hearBackBy is the earliest due date of the running update and stage clocks", () => {
  const clocks = run(everything, [], "2026-03-02T10:00", { stageDecisionMinutes: { applied: 120 } });
  // first_response is due earlier (Tue 17:00) but is not a promise to the candidate; the stage decision is.
  expect(hearBackBy(clocks)).toEqual(d("2026-03-02T11:00"));
  expect(hearBackBy([])).toBeNull();
});

test("raw touchpoint events become clock events; other types and outcomes are dropped", () => {
  const at = d("2026-03-02T10:00");
  const events = clockEventsFromLog([
    { type: "applied", occurredAt: at, visibility: "candidate", data: { source: "web" } },
    { type: "note", occurredAt: at, visibility: "internal", data: { body: "nice" } },
    { type: "stage_changed", occurredAt: at, visibility: "candidate", data: { fromStageId: "a", toStageId: "b" } },
    {
      type: "message_out",
      occurredAt: at,
      visibility: "candidate",
      data: { body: "Hi", automated: true, awaitsCandidate: true },
    },
    { type: "message_out", occurredAt: at, visibility: "internal", data: { body: "FYI" } },
    { type: "message_in", occurredAt: at, visibility: "candidate", data: { body: "Thanks" } },
    { type: "interview", occurredAt: at, visibility: "candidate", data: {} },
    { type: "interview", occurredAt: at, visibility: "internal", data: { action: "scheduled", interviewId: "i1" } },
    {
      type: "interview",
      occurredAt: at,
      visibility: "internal",
      data: { action: "ended", interviewId: "i1", interviewerIds: ["priya", 7, "tom", "priya", ""] },
    },
    { type: "interview", occurredAt: at, visibility: "internal", data: { action: "ended", interviewId: "i2" } },
    { type: "interview", occurredAt: at, visibility: "internal", data: { action: "no_show", interviewId: "i2" } },
    { type: "interview", occurredAt: at, visibility: "internal", data: { action: "cancelled" } },
    {
      type: "interview_feedback",
      occurredAt: at,
      visibility: "internal",
      data: { interviewId: "i1", interviewerId: "tom", recommendation: "yes" },
    },
    { type: "interview_feedback", occurredAt: at, visibility: "internal", data: { interviewId: "i1" } },
    { type: "decision", occurredAt: at, visibility: "candidate", data: { outcome: "rejected" } },
    { type: "decision", occurredAt: at, visibility: "candidate", data: { outcome: "withdrawn" } },
    { type: "decision", occurredAt: at, visibility: "candidate", data: { outcome: "hired" } },
    { type: "withdrawn", occurredAt: at, visibility: "candidate", data: {} },
    { type: "survey_sent", occurredAt: at, visibility: "internal", data: {} },
  ]);
  expect(events).toEqual([
    { type: "applied", occurredAt: at },
    { type: "stage_changed", occurredAt: at, toStageId: "b" },
    { type: "message_out", occurredAt: at, candidateVisible: true, automated: true, awaitsCandidate: true },
    { type: "message_out", occurredAt: at, candidateVisible: false, automated: false, awaitsCandidate: false },
    { type: "message_in", occurredAt: at },
    { type: "interview", occurredAt: at, action: "ended", interviewId: "i1", interviewerIds: ["priya", "tom"] },
    { type: "interview", occurredAt: at, action: "ended", interviewId: "i2", interviewerIds: [] },
    { type: "interview", occurredAt: at, action: "no_show", interviewId: "i2" },
    { type: "interview_feedback", occurredAt: at, interviewId: "i1", interviewerId: "tom" },
    { type: "decision", occurredAt: at, outcome: "rejected" },
    { type: "decision", occurredAt: at, outcome: "hired" },
    { type: "withdrawn", occurredAt: at },
  ]);
});

test("the initial stage is where the first move came from, else the current stage", () => {
  const moves = [
    { type: "note", data: {} },
    { type: "stage_changed", data: { fromStageId: "applied", toStageId: "screen" } },
    { type: "stage_changed", data: { fromStageId: "screen", toStageId: "offer" } },
  ];
  expect(initialStageIdFromLog(moves, "offer")).toBe("applied");
  expect(initialStageIdFromLog([{ type: "applied", data: {} }], "screen")).toBe("screen");
  expect(initialStageIdFromLog([{ type: "stage_changed", data: { fromStageId: null } }], "screen")).toBe("screen");
});

const feedbackTarget = (stageDecisionRestartsAt?: StageDecisionRestart): SlaTarget => ({
  metric: "interviewer_feedback",
  minutes: 480,
  businessHours: true,
  warnBeforeMinutes: 120,
  ...(stageDecisionRestartsAt ? { stageDecisionRestartsAt } : {}),
});
const stageDecision: SlaTarget = { metric: "stage_decision", minutes: 2400, businessHours: true };

test("interviewer_feedback starts when an interview ends, one instance per interview, on the policy's target", () => {
  const log = [interviewEnded("2026-03-03T11:00", "int_1", ["priya", "tom"])];
  const [clock] = run([feedbackTarget()], log, "2026-03-03T12:00");
  // Tue 11:00 + 480 business minutes: Tue 360 + Wed 120 → Wed 11:00; the warning at 360 → Tue 17:00.
  expect(clock).toEqual({
    metric: "interviewer_feedback",
    instance: 1,
    state: "running",
    startedAt: d("2026-03-03T11:00"),
    dueAt: d("2026-03-04T11:00"),
    warnAt: d("2026-03-03T17:00"),
    stoppedAt: null,
    breached: false,
    businessHours: true,
    targetMinutes: 480,
    remainingMinutes: null,
    stageId: null,
    interviewId: "int_1",
  });
  const second = [...log, interviewEnded("2026-03-04T15:00", "int_2", ["sam"])];
  expect(run([feedbackTarget()], second, "2026-03-04T16:00").map((one) => [one.instance, one.interviewId])).toEqual([
    [1, "int_1"],
    [2, "int_2"],
  ]);
  // The same end recorded twice starts nothing new.
  expect(run([feedbackTarget()], [...log, ...log], "2026-03-03T12:00")).toHaveLength(1);
});

test("interviewer_feedback: no clock without interviewers, without a policy target, or for other interview news", () => {
  expect(run([feedbackTarget()], [interviewEnded("2026-03-03T11:00", "int_1", [])], "2026-03-03T12:00")).toEqual([]);
  const log = [interviewEnded("2026-03-03T11:00", "int_1", ["priya"])];
  expect(run([firstResponse(60)], log, "2026-03-03T12:00").map((clock) => clock.metric)).toEqual(["first_response"]);
  const planned = clockEventsFromLog([
    { type: "interview", occurredAt: d("2026-03-03T11:00"), visibility: "internal", data: { when: "tomorrow" } },
    {
      type: "interview",
      occurredAt: d("2026-03-03T11:00"),
      visibility: "internal",
      data: { action: "rescheduled", interviewId: "int_1", interviewerIds: ["priya"] },
    },
  ]);
  expect(run([feedbackTarget()], planned, "2026-03-03T12:00")).toEqual([]);
});

test("interviewer_feedback stops only when the last interviewer's feedback is in", () => {
  const log = [
    interviewEnded("2026-03-03T11:00", "int_1", ["priya", "tom", "ana"]),
    feedback("2026-03-03T15:00", "int_1", "priya"),
    feedback("2026-03-03T16:00", "int_1", "priya"),
    feedback("2026-03-04T09:30", "int_1", "sam"),
    feedback("2026-03-04T10:00", "int_1", "tom"),
  ];
  expect(brief(run([feedbackTarget()], log, "2026-03-04T10:30")[0])).toMatchObject({ state: "running" });
  const done = [...log, feedback("2026-03-04T12:00", "int_1", "ana")];
  expect(brief(run([feedbackTarget()], done, "2026-03-05T09:00")[0])).toEqual({
    instance: 1,
    state: "stopped",
    startedAt: "2026-03-03T11:00:00.000Z",
    dueAt: "2026-03-04T11:00:00.000Z",
    stoppedAt: "2026-03-04T12:00:00.000Z",
    breached: true,
  });
  // Feedback on another interview of the same application does not count for this one.
  const elsewhere = [...log, feedback("2026-03-04T10:30", "int_2", "ana")];
  expect(run([feedbackTarget()], elsewhere, "2026-03-04T10:45")[0]!.state).toBe("running");
});

test("interviewer_feedback: feedback written before the interview's end counts", () => {
  const early = feedback("2026-03-03T10:45", "int_1", "priya");
  const log = [early, interviewEnded("2026-03-03T11:00", "int_1", ["priya", "tom"])];
  expect(run([feedbackTarget()], log, "2026-03-03T12:00")[0]!.state).toBe("running");
  const [clock] = run([feedbackTarget()], [...log, feedback("2026-03-03T14:00", "int_1", "tom")], "2026-03-03T15:00");
  expect(clock).toMatchObject({ state: "stopped", stoppedAt: d("2026-03-03T14:00"), breached: false });
  // Everyone wrote theirs early: the promise is kept at the end itself.
  const allEarly = [early, feedback("2026-03-03T10:50", "int_1", "tom"), ...log.slice(1)];
  expect(brief(run([feedbackTarget()], allEarly, "2026-03-03T12:00")[0])).toMatchObject({
    state: "stopped",
    startedAt: "2026-03-03T11:00:00.000Z",
    stoppedAt: "2026-03-03T11:00:00.000Z",
    breached: false,
  });
});

test("interviewer_feedback is cancelled by a no-show or a cancellation, and an interview called off starts none", () => {
  for (const action of ["no_show", "cancelled"] as const) {
    const log = [
      interviewEnded("2026-03-03T11:00", "int_1", ["priya", "tom"]),
      calledOff("2026-03-03T12:00", "int_1", action),
      feedback("2026-03-03T13:00", "int_1", "priya"),
      feedback("2026-03-03T13:00", "int_1", "tom"),
    ];
    expect(brief(run([feedbackTarget()], log, "2026-03-06T09:00")[0])).toMatchObject({
      state: "cancelled",
      stoppedAt: "2026-03-03T12:00:00.000Z",
      breached: false,
    });
    const before = [calledOff("2026-03-03T10:00", "int_1", action), ...log.slice(0, 1)];
    expect(run([feedbackTarget()], before, "2026-03-06T09:00")).toEqual([]);
  }
});

test("a withdrawal cancels every running feedback clock; a rejection or a hire leaves them running", () => {
  const log = [
    interviewEnded("2026-03-03T11:00", "int_1", ["priya"]),
    interviewEnded("2026-03-03T12:00", "int_2", ["tom"]),
    feedback("2026-03-03T13:00", "int_1", "priya"),
  ];
  const withdrawn = run([feedbackTarget()], [...log, withdraw("2026-03-03T14:00")], "2026-03-06T09:00");
  expect(withdrawn.map((clock) => [clock.interviewId, clock.state, clock.stoppedAt?.toISOString()])).toEqual([
    ["int_1", "stopped", "2026-03-03T13:00:00.000Z"],
    ["int_2", "cancelled", "2026-03-03T14:00:00.000Z"],
  ]);
  const after = [...log, withdraw("2026-03-03T14:00"), interviewEnded("2026-03-03T15:00", "int_3", ["ana"])];
  expect(run([feedbackTarget()], after, "2026-03-06T09:00")).toHaveLength(2);
  for (const decision of [reject("2026-03-03T14:00"), hire("2026-03-03T14:00")]) {
    const decided = run([feedbackTarget()], [...log, decision], "2026-03-03T15:00");
    expect(decided.map((clock) => clock.state)).toEqual(["stopped", "running"]);
    // Feedback is owed for the record: it still stops the clock.
    const reviewed = run(
      [feedbackTarget()],
      [...log, decision, feedback("2026-03-04T09:00", "int_2", "tom")],
      "2026-03-04T10:00",
    );
    expect(reviewed[1]).toMatchObject({ state: "stopped", stoppedAt: d("2026-03-04T09:00") });
  }
});

test("the stage decision starts again when the last feedback is in (the default), and promises a new date", () => {
  const log = [
    interviewEnded("2026-03-03T11:00", "int_1", ["priya", "tom"]),
    feedback("2026-03-03T15:00", "int_1", "priya"),
    feedback("2026-03-04T10:00", "int_1", "tom"),
  ];
  const targets = [stageDecision, feedbackTarget()];
  const waiting = run(targets, log.slice(0, 2), "2026-03-03T16:00");
  expect(only(waiting, "stage_decision").map(brief)).toEqual([
    expect.objectContaining({ instance: 1, state: "running", dueAt: "2026-03-06T17:00:00.000Z" }),
  ]);
  const clocks = run(targets, log, "2026-03-04T11:00");
  expect(only(clocks, "stage_decision").map((clock) => ({ ...brief(clock), stageId: clock.stageId }))).toEqual([
    expect.objectContaining({
      instance: 1,
      state: "stopped",
      stoppedAt: "2026-03-04T10:00:00.000Z",
      stageId: "applied",
    }),
    // Wed 10:00 + 2400 business minutes (five days) → next Wed 10:00.
    expect.objectContaining({
      instance: 2,
      state: "running",
      startedAt: "2026-03-04T10:00:00.000Z",
      dueAt: "2026-03-11T10:00:00.000Z",
      stageId: "applied",
    }),
  ]);
  expect(hearBackBy(clocks)).toEqual(d("2026-03-11T10:00"));
  // The same log under a policy without a feedback target: the stage decision runs as before.
  expect(only(run([stageDecision], log, "2026-03-04T11:00"), "stage_decision")).toHaveLength(1);
  // A decided application gets no new stage promise.
  const rejected = run(targets, [...log.slice(0, 2), reject("2026-03-03T16:00"), log[2]!], "2026-03-04T11:00");
  expect(only(rejected, "stage_decision").map((clock) => [clock.instance, clock.state])).toEqual([[1, "stopped"]]);
});

test("the stage decision starts again at the interview's end when the policy says so", () => {
  const log = [
    interviewEnded("2026-03-03T11:00", "int_1", ["priya", "tom"]),
    feedback("2026-03-03T15:00", "int_1", "priya"),
    feedback("2026-03-04T10:00", "int_1", "tom"),
  ];
  const clocks = run([stageDecision, feedbackTarget("interview_end")], log, "2026-03-04T11:00");
  expect(only(clocks, "stage_decision").map(brief)).toEqual([
    expect.objectContaining({ instance: 1, state: "stopped", stoppedAt: "2026-03-03T11:00:00.000Z" }),
    expect.objectContaining({
      instance: 2,
      state: "running",
      startedAt: "2026-03-03T11:00:00.000Z",
      dueAt: "2026-03-10T11:00:00.000Z",
    }),
  ]);
  // The feedback clock itself is unchanged by the setting.
  expect(only(clocks, "interviewer_feedback")[0]).toMatchObject({ state: "stopped", stoppedAt: d("2026-03-04T10:00") });
  // An interview nobody sat on still ends: under either setting the decision can be made from then.
  for (const setting of ["interview_end", "last_feedback"] as const) {
    const alone = run(
      [stageDecision, feedbackTarget(setting)],
      [interviewEnded("2026-03-03T11:00", "int_1", [])],
      "2026-03-03T12:00",
    );
    expect(alone.map((clock) => [clock.metric, clock.instance, clock.state])).toEqual([
      ["stage_decision", 1, "stopped"],
      ["stage_decision", 2, "running"],
    ]);
  }
});

test("interviewer_feedback on business time skips the weekend", () => {
  // Fri 16:00 + 480 business minutes: Fri 60 + Mon 420 → Mon 16:00; the warning at 360: Fri 60 + Mon 300 → Mon 14:00.
  const log = [interviewEnded("2026-03-06T16:00", "int_1", ["priya"])];
  const [clock] = run([feedbackTarget()], log, "2026-03-07T12:00");
  expect(clock).toMatchObject({ dueAt: d("2026-03-09T16:00"), warnAt: d("2026-03-09T14:00") });
  expect(clockRisk(clock!, d("2026-03-08T23:00"))).toBe("fine");
  expect(clockRisk(clock!, d("2026-03-09T14:00"))).toBe("warning");
  expect(clockRisk(clock!, d("2026-03-09T16:01"))).toBe("breached");
  const reviewed = run(
    [feedbackTarget()],
    [...log, feedback("2026-03-09T10:00", "int_1", "priya")],
    "2026-03-09T12:00",
  );
  expect(reviewed[0]).toMatchObject({ state: "stopped", breached: false });
});

test("feedbackOwed: who still owes feedback on each ended interview, early feedback counted, called-off ones owing none", () => {
  const log = [
    feedback("2026-03-03T10:00", "int_1", "ana"),
    interviewEnded("2026-03-03T11:00", "int_1", ["priya", "tom", "ana"]),
    interviewEnded("2026-03-03T11:00", "int_2", ["priya"]),
    calledOff("2026-03-03T12:00", "int_2", "no_show"),
    interviewEnded("2026-03-03T12:00", "int_3", ["sam"]),
    feedback("2026-03-03T13:00", "int_1", "tom"),
    feedback("2026-03-03T13:00", "int_3", "sam"),
    // A second end of the same interview does not change who sat on it.
    interviewEnded("2026-03-03T14:00", "int_1", ["priya", "tom", "ana", "sam"]),
  ];
  expect([...feedbackOwed(log)]).toEqual([
    ["int_1", ["priya"]],
    ["int_3", []],
  ]);
});

const berlin = compileCalendar({
  timeZone: "Europe/Berlin",
  hours: (["mon", "tue", "wed", "thu", "fri"] as const).map((day) => ({ day, open: "09:00", close: "17:00" })),
  holidays: [{ date: "2026-04-03", name: "Good Friday" }],
});

test("through the real calendar: first_response counts Berlin office hours across the spring DST change", () => {
  // Fri 27 Mar 16:00 CET (15:00 UTC): Fri 60 + Mon 480 + Tue 420 → Tue 31 Mar 16:00 CEST (14:00 UTC).
  const [clock] = run([firstResponse(960, true, 240)], [], "2026-03-30T08:00", {
    appliedAt: d("2026-03-27T15:00"),
    businessTime: berlin,
  });
  expect(clock!.dueAt).toEqual(d("2026-03-31T14:00"));
  // The warning at 720 counted minutes: Tue 09:00 CEST + 180 → 12:00 CEST (10:00 UTC).
  expect(clock!.warnAt).toEqual(d("2026-03-31T10:00"));
});

test("through the real calendar: a paused update resumes with its whole target and skips the holiday", () => {
  const update: SlaTarget = { metric: "periodic_update", minutes: 960, businessHours: true };
  // Asked Wed 1 Apr 10:00 CEST, answered Thu 2 Apr 16:00 CEST (14:00 UTC): Thu 60, Good Friday closed,
  // Mon 6 Apr 480, Tue 7 Apr 420 → Tue 16:00 CEST (14:00 UTC).
  const log = [reply("2026-04-01T08:00", { awaitsCandidate: true }), inbound("2026-04-02T14:00")];
  const clocks = run([update], log, "2026-04-03T12:00", { appliedAt: d("2026-03-30T07:00"), businessTime: berlin });
  expect(clocks.map(brief)).toEqual([
    expect.objectContaining({ instance: 1, state: "stopped", stoppedAt: "2026-04-01T08:00:00.000Z" }),
    expect.objectContaining({ instance: 2, state: "running", dueAt: "2026-04-07T14:00:00.000Z", breached: false }),
  ]);
});

test("through the real calendar: a schedule without open hours compiles to no time line, and clocks refuse it", () => {
  const closed = { timeZone: "Europe/Berlin", hours: [], holidays: [] };
  expect(() => compileCalendar(closed)).toThrow(NoOpenHoursError);
  // The model passes null for such a schedule (app/models/sla/config.server.ts); calendar-time targets still count.
  expect(() => run([firstResponse(60, true)], [], "2026-03-02T10:00", { businessTime: null })).toThrow(
    NoOpenHoursError,
  );
  expect(run([firstResponse(60)], [], "2026-03-02T10:00", { businessTime: null })[0]!.dueAt).toEqual(
    d("2026-03-02T10:00"),
  );
});

const STAGES = ["applied", "screen", "interview"];
const INTERVIEWS = ["int_a", "int_b"];
const INTERVIEWERS = ["priya", "tom", "ana"];
const eventArbitrary = fc.tuple(
  fc.integer({ min: 0, max: 3 * 24 * 60 }),
  fc.oneof(
    fc.record({
      type: fc.constant("message_out" as const),
      candidateVisible: fc.boolean(),
      automated: fc.boolean(),
      awaitsCandidate: fc.boolean(),
    }),
    fc.constant({ type: "message_in" as const }),
    fc.record({ type: fc.constant("stage_changed" as const), toStageId: fc.constantFrom(...STAGES) }),
    fc.record({
      type: fc.constant("decision" as const),
      outcome: fc.constantFrom("rejected" as const, "hired" as const),
    }),
    fc.constant({ type: "withdrawn" as const }),
    fc.record({
      type: fc.constant("interview" as const),
      action: fc.constant("ended" as const),
      interviewId: fc.constantFrom(...INTERVIEWS),
      interviewerIds: fc.subarray(INTERVIEWERS),
    }),
    fc.record({
      type: fc.constant("interview_feedback" as const),
      interviewId: fc.constantFrom(...INTERVIEWS),
      interviewerId: fc.constantFrom(...INTERVIEWERS),
    }),
    fc.record({
      type: fc.constant("interview" as const),
      action: fc.constantFrom("no_show" as const, "cancelled" as const),
      interviewId: fc.constantFrom(...INTERVIEWS),
    }),
  ),
);
const targetArbitrary = fc
  .record({
    metric: fc.constantFrom<SlaMetric>(...SLA_METRICS),
    minutes: fc.integer({ min: 1, max: 3000 }),
    businessHours: fc.boolean(),
    warnBeforeMinutes: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
    stageDecisionRestartsAt: fc.option(fc.constantFrom<StageDecisionRestart>(...STAGE_DECISION_RESTARTS), {
      nil: undefined,
    }),
  })
  .map(({ stageDecisionRestartsAt, ...target }): SlaTarget =>
    target.metric === "interviewer_feedback" ? { ...target, stageDecisionRestartsAt } : target,
  );
const APPLIED_AT = d("2026-03-02T07:30").getTime();

/** Random steps as a log: each event some minutes after the one before, from the application on. */
function logOf(steps: [number, Record<string, unknown>][]): { events: ClockEvent[]; end: number } {
  let time = APPLIED_AT;
  const events = steps.map(([gap, event]) => {
    time += gap * MINUTE;
    return { ...event, occurredAt: new Date(time) } as ClockEvent;
  });
  return { events, end: time };
}

test("property: deterministic, well-ordered, one open update clock, and stable once the log has ended", () => {
  fc.assert(
    fc.property(
      fc.array(eventArbitrary, { maxLength: 25 }),
      fc.uniqueArray(targetArbitrary, { selector: (target) => target.metric, maxLength: SLA_METRICS.length }),
      fc.boolean(),
      fc.integer({ min: 1, max: 20 * 24 * 60 }),
      (steps, targets, countAutomatedReplies, laterMinutes) => {
        const { events, end: time } = logOf(steps);
        const input = (at: number): ClockInput => ({
          appliedAt: new Date(APPLIED_AT),
          initialStageId: "applied",
          events,
          policy: { targets, countAutomatedReplies },
          stageDecisionMinutes: { screen: 90, interview: null },
          businessTime: officeHours,
          at: new Date(at),
        });
        const atEnd = computeClocks(input(time));
        expect(computeClocks(input(time))).toEqual(atEnd);
        for (const clock of atEnd) {
          expect(clock.startedAt.getTime()).toBeLessThanOrEqual(time);
          if (clock.stoppedAt) expect(clock.startedAt.getTime()).toBeLessThanOrEqual(clock.stoppedAt.getTime());
        }
        const openUpdates = atEnd.filter(
          (clock) => clock.metric === "periodic_update" && (clock.state === "running" || clock.state === "paused"),
        );
        expect(openUpdates.length).toBeLessThanOrEqual(1);
        const openDecisions = atEnd.filter((clock) => clock.metric === "stage_decision" && clock.state === "running");
        expect(openDecisions.length).toBeLessThanOrEqual(1);

        const later = computeClocks(input(time + laterMinutes * MINUTE));
        const withoutJudgement = (clocks: ClockInstance[]) =>
          clocks.map((clock) => (clock.state === "running" ? { ...clock, breached: null } : clock));
        expect(withoutJudgement(later)).toEqual(withoutJudgement(atEnd));
        atEnd.forEach((clock, index) => {
          if (clock.breached) expect(later[index]!.breached).toBe(true);
        });
      },
    ),
    { numRuns: 300 },
  );
});

test("property: one feedback clock per ended interview, stopped by its last interviewer, cancelled by a withdrawal", () => {
  const feedbackTarget: SlaTarget = { metric: "interviewer_feedback", minutes: 480, businessHours: true };
  fc.assert(
    fc.property(fc.array(eventArbitrary, { maxLength: 30 }), (steps) => {
      const { events, end } = logOf(steps);
      const clocks = computeClocks({
        appliedAt: new Date(APPLIED_AT),
        initialStageId: "applied",
        events,
        policy: { targets: [feedbackTarget, firstResponse(60)], countAutomatedReplies: false },
        stageDecisionMinutes: {},
        businessTime: officeHours,
        at: new Date(end),
      });
      for (const clock of clocks) expect(clock.interviewId !== null).toBe(clock.metric === "interviewer_feedback");
      const feedbackClocks = clocks.filter((clock) => clock.metric === "interviewer_feedback");
      expect(new Set(feedbackClocks.map((clock) => clock.interviewId)).size).toBe(feedbackClocks.length);
      const withdrawal = events.find((event) => event.type === "withdrawn")?.occurredAt.getTime() ?? null;

      for (const interviewId of INTERVIEWS) {
        const clock = feedbackClocks.find((candidate) => candidate.interviewId === interviewId);
        const endIndex = events.findIndex(
          (event) => event.type === "interview" && event.action === "ended" && event.interviewId === interviewId,
        );
        const ended = events[endIndex] as Extract<ClockEvent, { action: "ended" }> | undefined;
        // Start: at the interview's first end, when it had interviewers and was neither called off nor the
        // candidate gone before it.
        const calledOffBefore = events
          .slice(0, endIndex)
          .some(
            (event) =>
              (event.type === "interview" && event.action !== "ended" && event.interviewId === interviewId) ||
              event.type === "withdrawn",
          );
        const expectsClock = ended !== undefined && ended.interviewerIds.length > 0 && !calledOffBefore;
        expect(clock !== undefined).toBe(expectsClock);
        if (!clock || !ended) continue;
        expect(clock.startedAt).toEqual(ended.occurredAt);

        // Stop: when the last interviewer on the panel has given feedback, however many there are.
        const firstFeedback = ended.interviewerIds.map((interviewerId) =>
          events
            .find(
              (event) =>
                event.type === "interview_feedback" &&
                event.interviewId === interviewId &&
                event.interviewerId === interviewerId,
            )
            ?.occurredAt.getTime(),
        );
        const allIn = firstFeedback.every((at) => at !== undefined);
        const lastIn = allIn ? Math.max(clock.startedAt.getTime(), ...(firstFeedback as number[])) : null;
        if (clock.state === "stopped") expect(clock.stoppedAt!.getTime()).toBe(lastIn);
        if (clock.state === "running") expect(allIn).toBe(false);
        if (clock.state === "cancelled") {
          const cancelledAt = clock.stoppedAt!.getTime();
          expect(lastIn === null || lastIn >= cancelledAt).toBe(true);
          const cancels = events.filter(
            (event) =>
              event.type === "withdrawn" ||
              (event.type === "interview" && event.action !== "ended" && event.interviewId === interviewId),
          );
          expect(cancels.map((event) => event.occurredAt.getTime())).toContain(cancelledAt);
        }

        // Cancel on withdrawal: nothing is chased after the candidate left.
        if (withdrawal !== null) {
          expect(clock.state).not.toBe("running");
          expect(clock.stoppedAt!.getTime()).toBeLessThanOrEqual(withdrawal);
        }
      }
    }),
    { numRuns: 500 },
  );
});
