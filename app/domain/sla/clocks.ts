// The SLA clock engine: a pure function from an application's touchpoint log, its policy and its schedule's time line
// to the clock instances of docs/sla.md, replayable as of any instant. app/models/sla/clocks.server.ts stores them.
import { NoOpenHoursError } from "./calendar";
import { PROMISE_METRICS } from "./promise-shown";
import { realTime } from "./real-time";
import {
  DEFAULT_STAGE_DECISION_RESTART,
  SLA_METRICS,
  type ClockEvent,
  type ClockInput,
  type ClockInstance,
  type SlaMetric,
  type TimeLine,
} from "./types";

/** A business-hours target applies but the schedule has no open hours: never silently count 24/7 instead. A
 * NoOpenHoursError, so callers may catch either; the name is kept for app/models/sla/as-of.server.ts. */
export class ScheduleHasNoOpenHoursError extends NoOpenHoursError {
  constructor() {
    super();
    this.name = "ScheduleHasNoOpenHoursError";
  }
}

type Target = { minutes: number; businessHours: boolean; warnBeforeMinutes: number | null; timeLine: TimeLine };

/** A clock being replayed. Counted time runs only while `runningSince` is set. */
type Clock = {
  metric: SlaMetric;
  instance: number;
  stageId: string | null;
  interviewId: string | null;
  target: Target;
  startedAt: number;
  /** Counted minutes of the finished running stretches (before a pause). */
  counted: number;
  runningSince: number | null;
  pausedAt: number | null;
  /** Instants the due date and the warning were reached in a finished running stretch: they never move again. */
  dueReachedAt: number | null;
  warnReachedAt: number | null;
  ended: { state: "stopped" | "cancelled"; at: number } | null;
};

type Status = "active" | "rejected" | "hired" | "withdrawn";

/** An interview as the feedback promise follows it. */
type InterviewFeedback = {
  /** Who gave feedback so far, before the interview ended too. */
  given: Set<string>;
  /** Set once it ended: who still owes feedback. */
  owed: Set<string> | null;
  clock: Clock | null;
  /** A no-show or cancellation: nothing is owed any more, and a later end is ignored. */
  called: boolean;
};

function dueFrom(clock: Clock, since: number): number {
  return clock.target.timeLine.addMinutes(since, Math.max(0, clock.target.minutes - clock.counted));
}

function warnFrom(clock: Clock, since: number): number | null {
  const { minutes, warnBeforeMinutes, timeLine } = clock.target;
  if (warnBeforeMinutes === null) return null;
  return timeLine.addMinutes(since, Math.max(0, minutes - warnBeforeMinutes - clock.counted));
}

function pause(clock: Clock | null, at: number) {
  if (!clock || clock.ended || clock.runningSince === null) return;
  const since = clock.runningSince;
  if (clock.dueReachedAt === null) {
    const due = dueFrom(clock, since);
    if (due <= at) clock.dueReachedAt = due;
  }
  if (clock.warnReachedAt === null) {
    const warn = warnFrom(clock, since);
    if (warn !== null && warn <= at) clock.warnReachedAt = warn;
  }
  clock.counted += clock.target.timeLine.minutesBetween(since, at);
  clock.runningSince = null;
  clock.pausedAt = at;
}

function resume(clock: Clock | null, at: number) {
  if (!clock || clock.ended || clock.runningSince !== null) return;
  clock.runningSince = at;
  clock.pausedAt = null;
}

function end(clock: Clock | null, state: "stopped" | "cancelled", at: number) {
  if (!clock || clock.ended) return;
  clock.ended = { state, at };
}

function isOpen(clock: Clock | null): clock is Clock {
  return clock !== null && clock.ended === null;
}

function toInstance(clock: Clock, at: number): ClockInstance {
  const stoppedAt = clock.ended?.at ?? null;
  const base = {
    metric: clock.metric,
    instance: clock.instance,
    startedAt: new Date(clock.startedAt),
    stoppedAt: stoppedAt === null ? null : new Date(stoppedAt),
    businessHours: clock.target.businessHours,
    targetMinutes: clock.target.minutes,
    stageId: clock.stageId,
    interviewId: clock.interviewId,
  };
  if (clock.runningSince !== null) {
    const dueAt = clock.dueReachedAt ?? dueFrom(clock, clock.runningSince);
    const warnAt = clock.warnReachedAt ?? warnFrom(clock, clock.runningSince);
    return {
      ...base,
      state: clock.ended?.state ?? "running",
      dueAt: new Date(dueAt),
      warnAt: warnAt === null ? null : new Date(warnAt),
      breached: (stoppedAt ?? at) > dueAt,
      remainingMinutes: null,
    };
  }
  // Paused (and perhaps ended while paused): time stood still at pausedAt, so only a due date reached before the
  // pause can be breached, and a due date never reached is unknown.
  const breached = clock.dueReachedAt !== null && clock.pausedAt! > clock.dueReachedAt;
  if (clock.ended) {
    return {
      ...base,
      state: clock.ended.state,
      dueAt: clock.dueReachedAt === null ? null : new Date(clock.dueReachedAt),
      warnAt: clock.warnReachedAt === null ? null : new Date(clock.warnReachedAt),
      breached,
      remainingMinutes: null,
    };
  }
  return {
    ...base,
    state: "paused",
    dueAt: null,
    warnAt: null,
    breached,
    remainingMinutes: Math.max(0, clock.target.minutes - clock.counted),
  };
}

/** The clock instances of one application as of `input.at` (docs/sla.md). Throws ScheduleHasNoOpenHoursError when a
 * business-hours clock would start and the schedule has no open hours. */
export function computeClocks(input: ClockInput): ClockInstance[] {
  const at = input.at.getTime();
  const appliedAt = input.appliedAt.getTime();
  if (at < appliedAt) return [];

  const { policy } = input;
  const clocks: Clock[] = [];
  const instances = new Map<SlaMetric, number>();

  function resolve(minutes: number, businessHours: boolean, warnBeforeMinutes: number | null | undefined): Target {
    let timeLine: TimeLine = realTime;
    if (businessHours) {
      if (!input.businessTime) throw new ScheduleHasNoOpenHoursError();
      timeLine = input.businessTime;
    }
    // A warning at or before the start would be noise (possible when a stage's own minutes are short).
    const warn = warnBeforeMinutes && warnBeforeMinutes < minutes ? warnBeforeMinutes : null;
    return { minutes, businessHours, warnBeforeMinutes: warn, timeLine };
  }

  function policyTarget(metric: SlaMetric): Target | null {
    const target = policy.targets.find((candidate) => candidate.metric === metric);
    return target ? resolve(target.minutes, target.businessHours, target.warnBeforeMinutes) : null;
  }

  function stageTarget(stageId: string): Target | null {
    const own = input.stageDecisionMinutes[stageId];
    const fromPolicy = policy.targets.find((candidate) => candidate.metric === "stage_decision");
    if (typeof own === "number" && own > 0) {
      return resolve(own, fromPolicy?.businessHours ?? true, fromPolicy?.warnBeforeMinutes);
    }
    return fromPolicy ? resolve(fromPolicy.minutes, fromPolicy.businessHours, fromPolicy.warnBeforeMinutes) : null;
  }

  function start(
    metric: SlaMetric,
    target: Target | null,
    from: number,
    stageId: string | null = null,
    interviewId: string | null = null,
  ) {
    if (!target) return null;
    const instance = (instances.get(metric) ?? 0) + 1;
    instances.set(metric, instance);
    const clock: Clock = {
      metric,
      instance,
      stageId,
      interviewId,
      target,
      startedAt: from,
      counted: 0,
      runningSince: from,
      pausedAt: null,
      dueReachedAt: null,
      warnReachedAt: null,
      ended: null,
    };
    clocks.push(clock);
    return clock;
  }

  let status: Status = "active";
  let stageId = input.initialStageId;
  let waitingOnCandidate = false;
  let lastVisibleOutboundAt: number | null = null;
  const firstResponse = start("first_response", policyTarget("first_response"), appliedAt);
  let nextResponse: Clock | null = null;
  let periodicUpdate = start("periodic_update", policyTarget("periodic_update"), appliedAt);
  let stageDecision = start("stage_decision", stageTarget(stageId), appliedAt, stageId);
  let closure: Clock | null = null;
  let withdrawn = false;
  const interviews = new Map<string, InterviewFeedback>();
  // Without a feedback target the policy makes no promise about interviews, and stage decisions run as before.
  const feedbackPolicy = policy.targets.find((candidate) => candidate.metric === "interviewer_feedback");
  const feedbackTarget = policyTarget("interviewer_feedback");
  const restartsAt = feedbackPolicy?.stageDecisionRestartsAt ?? DEFAULT_STAGE_DECISION_RESTART;

  function handleOutbound(event: Extract<ClockEvent, { type: "message_out" }>, when: number) {
    if (!event.candidateVisible) return;
    lastVisibleOutboundAt = when;
    if (!event.automated || policy.countAutomatedReplies) {
      end(firstResponse, "stopped", when);
      end(nextResponse, "stopped", when);
    }
    end(closure, "stopped", when);
    if (status !== "active") return;
    if (periodicUpdate) {
      end(periodicUpdate, "stopped", when);
      periodicUpdate = start("periodic_update", periodicUpdate.target, when);
    }
    waitingOnCandidate = event.awaitsCandidate;
    if (waitingOnCandidate) pause(periodicUpdate, when);
  }

  function handleInbound(when: number) {
    if (status !== "active") return;
    if (waitingOnCandidate) {
      waitingOnCandidate = false;
      resume(periodicUpdate, when);
    }
    if (!isOpen(nextResponse)) nextResponse = start("next_response", policyTarget("next_response"), when);
  }

  function close(outcome: Exclude<Status, "active">, when: number) {
    status = outcome;
    if (outcome === "rejected") {
      // The rejection email is the answer owed, so first_response and next_response keep running.
      end(periodicUpdate, "stopped", when);
      end(stageDecision, "stopped", when);
      closure = start("closure", policyTarget("closure"), when);
      // "At or after": a rejection email logged just before the decision at the same instant tells the candidate.
      if (lastVisibleOutboundAt === when) end(closure, "stopped", when);
      return;
    }
    end(firstResponse, "cancelled", when);
    end(nextResponse, "cancelled", when);
    end(periodicUpdate, "cancelled", when);
    // Hiring decides the stage (stopped, counted); withdrawal takes the decision away (cancelled).
    end(stageDecision, outcome === "hired" ? "stopped" : "cancelled", when);
  }

  /** After an interview the decision can be made: the stage's promise starts again from this instant. */
  function restartStageDecision(trigger: "last_feedback" | "interview_end", when: number) {
    if (!feedbackPolicy || restartsAt !== trigger || status !== "active" || !isOpen(stageDecision)) return;
    // A promise that started at this very instant is already the fresh one.
    if (stageDecision.startedAt === when) return;
    end(stageDecision, "stopped", when);
    stageDecision = start("stage_decision", stageTarget(stageId), when, stageId);
  }

  function interview(interviewId: string): InterviewFeedback {
    let known = interviews.get(interviewId);
    if (!known) interviews.set(interviewId, (known = { given: new Set(), owed: null, clock: null, called: false }));
    return known;
  }

  function interviewEnded(event: Extract<ClockEvent, { action: "ended" }>, when: number) {
    const ended = interview(event.interviewId);
    if (ended.owed || ended.called || withdrawn) return;
    ended.owed = new Set(event.interviewerIds.filter((interviewerId) => !ended.given.has(interviewerId)));
    if (event.interviewerIds.length > 0) {
      ended.clock = start("interviewer_feedback", feedbackTarget, when, null, event.interviewId);
      // Everyone wrote their feedback before the end: kept at once.
      if (ended.owed.size === 0) end(ended.clock, "stopped", when);
    }
    restartStageDecision("interview_end", when);
    if (ended.owed.size === 0) restartStageDecision("last_feedback", when);
  }

  function feedbackGiven(event: Extract<ClockEvent, { type: "interview_feedback" }>, when: number) {
    const reviewed = interview(event.interviewId);
    reviewed.given.add(event.interviewerId);
    if (!reviewed.owed || reviewed.called || !reviewed.owed.delete(event.interviewerId)) return;
    if (reviewed.owed.size > 0) return;
    end(reviewed.clock, "stopped", when);
    restartStageDecision("last_feedback", when);
  }

  function interviewCalledOff(interviewId: string, when: number) {
    const called = interview(interviewId);
    called.called = true;
    end(called.clock, "cancelled", when);
  }

  /** The candidate left: nobody chases feedback on their interviews any more. */
  function withdraw(when: number) {
    withdrawn = true;
    for (const { clock } of interviews.values()) end(clock, "cancelled", when);
    if (status === "active") close("withdrawn", when);
  }

  /** Undoing a rejection: nobody needs telling any more, and the running promises start again from now. */
  function reopen(when: number) {
    status = "active";
    end(closure, "cancelled", when);
    closure = null;
    if (periodicUpdate) periodicUpdate = start("periodic_update", periodicUpdate.target, when);
    waitingOnCandidate = false;
    stageDecision = start("stage_decision", stageTarget(stageId), when, stageId);
  }

  for (const event of input.events) {
    const occurredAt = event.occurredAt.getTime();
    if (occurredAt > at) continue;
    // History recorded before the application date cannot stop a clock before it starts.
    const when = Math.max(occurredAt, appliedAt);
    switch (event.type) {
      case "applied":
        break;
      case "stage_changed":
        if (status !== "active" || event.toStageId === stageId) break;
        end(stageDecision, "stopped", when);
        stageId = event.toStageId;
        stageDecision = start("stage_decision", stageTarget(stageId), when, stageId);
        break;
      case "message_out":
        handleOutbound(event, when);
        break;
      case "message_in":
        handleInbound(when);
        break;
      case "decision":
        if (status === "active") close(event.outcome, when);
        break;
      case "withdrawn":
        withdraw(when);
        break;
      case "reopened":
        if ((status as Status) === "rejected") reopen(when);
        break;
      case "interview":
        if (event.action === "ended") interviewEnded(event, when);
        else interviewCalledOff(event.interviewId, when);
        break;
      case "interview_feedback":
        feedbackGiven(event, when);
        break;
    }
  }

  return clocks
    .sort((a, b) => SLA_METRICS.indexOf(a.metric) - SLA_METRICS.indexOf(b.metric) || a.instance - b.instance)
    .map((clock) => toInstance(clock, at));
}

/** The date the candidate is promised to hear back by: the earliest due date of the running update and stage decision
 * clocks, or null when nothing is promised (closed, or waiting on the candidate). */
export function hearBackBy(clocks: readonly Pick<ClockInstance, "metric" | "state" | "dueAt">[]): Date | null {
  let earliest: Date | null = null;
  for (const clock of clocks) {
    if (clock.state !== "running" || !PROMISE_METRICS.includes(clock.metric) || !clock.dueAt) continue;
    if (!earliest || clock.dueAt < earliest) earliest = clock.dueAt;
  }
  return earliest;
}

/** Who still owes feedback on each interview that ended in the log (interview id → interviewer ids, in the order its
 * end named them): the feedback clock's reading of the log, for the queue and the notices. An interview called off
 * owes nothing. */
export function feedbackOwed(events: readonly ClockEvent[]): Map<string, string[]> {
  const given = new Map<string, Set<string>>();
  const panels = new Map<string, string[]>();
  const calledOff = new Set<string>();
  for (const event of events) {
    if (event.type === "interview_feedback") {
      given.set(event.interviewId, (given.get(event.interviewId) ?? new Set()).add(event.interviewerId));
    } else if (event.type === "interview" && event.action !== "ended") {
      calledOff.add(event.interviewId);
    } else if (event.type === "interview" && !panels.has(event.interviewId) && !calledOff.has(event.interviewId)) {
      panels.set(event.interviewId, event.interviewerIds);
    }
  }
  const owed = new Map<string, string[]>();
  for (const [interviewId, panel] of panels) {
    if (calledOff.has(interviewId)) continue;
    const reviewed = given.get(interviewId);
    owed.set(
      interviewId,
      panel.filter((interviewerId) => !reviewed?.has(interviewerId)),
    );
  }
  return owed;
}

export type ClockRisk = "fine" | "warning" | "breached" | "paused" | "done";

/** How a clock looks at `at` for the UI. A paused clock that was already late shows as breached. */
export function clockRisk(clock: Pick<ClockInstance, "state" | "breached" | "dueAt" | "warnAt">, at: Date): ClockRisk {
  if (clock.state === "stopped" || clock.state === "cancelled") return "done";
  if (clock.breached || (clock.state === "running" && clock.dueAt !== null && at > clock.dueAt)) return "breached";
  if (clock.state === "paused") return "paused";
  if (clock.warnAt !== null && at >= clock.warnAt) return "warning";
  return "fine";
}

type LoggedEvent = { type: string; occurredAt: Date; visibility: string; data: unknown };

function field(data: unknown, name: string): unknown {
  return typeof data === "object" && data !== null ? (data as Record<string, unknown>)[name] : undefined;
}

function text(data: unknown, name: string): string | null {
  const value = field(data, name);
  return typeof value === "string" && value !== "" ? value : null;
}

/** Interview actions that move the feedback clock; the others (scheduled, offered, booked, rescheduled, declined) and
 * interview events written before actions existed move none. */
const CLOCK_INTERVIEW_ACTIONS: ReadonlySet<unknown> = new Set(["ended", "no_show", "cancelled"]);

/** Whether a logged interview event can move a clock. */
export function interviewMovesClocks(data: unknown): boolean {
  return CLOCK_INTERVIEW_ACTIONS.has(field(data, "action"));
}

/** The clock-relevant part of raw touchpoint events (app/domain/applications.ts EventData), in the same order. Notes,
 * surveys and the like are dropped, as are interview events other than an end, a no-show or a cancellation, and
 * decisions other than rejected or hired (a withdrawal is logged as its own `withdrawn` event). */
export function clockEventsFromLog(events: readonly LoggedEvent[]): ClockEvent[] {
  const clockEvents: ClockEvent[] = [];
  for (const { type, occurredAt, visibility, data } of events) {
    switch (type) {
      case "applied":
      case "message_in":
      case "withdrawn":
      case "reopened":
        clockEvents.push({ type, occurredAt });
        break;
      case "stage_changed": {
        const toStageId = field(data, "toStageId");
        if (typeof toStageId === "string") clockEvents.push({ type, occurredAt, toStageId });
        break;
      }
      case "message_out":
        clockEvents.push({
          type,
          occurredAt,
          candidateVisible: visibility === "candidate",
          automated: field(data, "automated") === true,
          awaitsCandidate: field(data, "awaitsCandidate") === true,
        });
        break;
      case "decision": {
        const outcome = field(data, "outcome");
        if (outcome === "rejected" || outcome === "hired") clockEvents.push({ type, occurredAt, outcome });
        break;
      }
      case "interview": {
        const action = field(data, "action");
        const interviewId = text(data, "interviewId");
        if (!interviewId) break;
        if (action === "ended") {
          const listed = field(data, "interviewerIds");
          const interviewerIds = Array.isArray(listed)
            ? [...new Set(listed.filter((id): id is string => typeof id === "string" && id !== ""))]
            : [];
          clockEvents.push({ type, occurredAt, action, interviewId, interviewerIds });
        } else if (action === "no_show" || action === "cancelled") {
          clockEvents.push({ type, occurredAt, action, interviewId });
        }
        break;
      }
      case "interview_feedback": {
        const interviewId = text(data, "interviewId");
        const interviewerId = text(data, "interviewerId");
        if (interviewId && interviewerId) clockEvents.push({ type, occurredAt, interviewId, interviewerId });
        break;
      }
    }
  }
  return clockEvents;
}

/** The stage the application was created in: where its first move came from, else where it still is. */
export function initialStageIdFromLog(
  events: readonly Pick<LoggedEvent, "type" | "data">[],
  currentStageId: string,
): string {
  const firstMove = events.find((event) => event.type === "stage_changed");
  const fromStageId = firstMove ? field(firstMove.data, "fromStageId") : null;
  return typeof fromStageId === "string" ? fromStageId : currentStageId;
}
