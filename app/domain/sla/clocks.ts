// The SLA clock engine: a pure function from an application's touchpoint log, its policy and its schedule's time line
// to the clock instances of docs/sla.md, replayable as of any instant. app/models/sla/clocks.server.ts stores them.
import { NoOpenHoursError } from "./calendar";
import { PROMISE_METRICS } from "./promise-shown";
import { realTime } from "./real-time";
import {
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

  function start(metric: SlaMetric, target: Target | null, from: number, stageId: string | null = null) {
    if (!target) return null;
    const instance = (instances.get(metric) ?? 0) + 1;
    instances.set(metric, instance);
    const clock: Clock = {
      metric,
      instance,
      stageId,
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
        if (status === "active") close("withdrawn", when);
        break;
      case "reopened":
        if ((status as Status) === "rejected") reopen(when);
        break;
    }
  }

  return clocks
    .sort((a, b) => SLA_METRICS.indexOf(a.metric) - SLA_METRICS.indexOf(b.metric) || a.instance - b.instance)
    .map((clock) => toInstance(clock, at));
}

/** The date the candidate is promised to hear back by: the earliest due date of the running update and stage decision
 * clocks, or null when nothing is promised (closed, or waiting on the candidate). */
export function hearBackBy(clocks: ClockInstance[]): Date | null {
  let earliest: Date | null = null;
  for (const clock of clocks) {
    if (clock.state !== "running" || !PROMISE_METRICS.includes(clock.metric) || !clock.dueAt) continue;
    if (!earliest || clock.dueAt < earliest) earliest = clock.dueAt;
  }
  return earliest;
}

export type ClockRisk = "fine" | "warning" | "breached" | "paused" | "done";

/** How a clock looks at `at` for the UI. A paused clock that was already late shows as breached. */
export function clockRisk(clock: ClockInstance, at: Date): ClockRisk {
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

/** The clock-relevant part of raw touchpoint events (app/domain/applications.ts EventData), in the same order. Notes,
 * interviews, surveys and the like are dropped, as are decisions other than rejected or hired (a withdrawal is
 * logged as its own `withdrawn` event). */
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
