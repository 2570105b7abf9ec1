// The contracts between the SLA engine's parts: the time line clocks count on, targets and policies, and the clock
// instances the engine produces. Pure types; docs/sla.md describes the behaviour.

/** Where minutes are counted. Instants are epoch milliseconds (UTC); minutes may be fractional. */
export type TimeLine = {
  /** The instant when `minutes` counted minutes have passed since `from` (counting starts at the next opening). */
  addMinutes(from: number, minutes: number): number;
  /** Counted minutes in [from, to); 0 when to <= from. */
  minutesBetween(from: number, to: number): number;
};

export const SLA_METRICS = [
  "first_response",
  "next_response",
  "periodic_update",
  "stage_decision",
  "closure",
  "interviewer_feedback",
] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

/** One value per SLA metric, made in SLA_METRICS order; typed so that a metric without a value cannot compile. */
export function perSlaMetric<T>(valueOf: (metric: SlaMetric) => T): Record<SlaMetric, T> {
  return Object.fromEntries(SLA_METRICS.map((metric) => [metric, valueOf(metric)])) as Record<SlaMetric, T>;
}

export const SLA_METRIC_LABELS: Record<SlaMetric, string> = {
  first_response: "First response",
  next_response: "Reply to candidate",
  periodic_update: "Regular update",
  stage_decision: "Stage decision",
  closure: "Tell rejected candidate",
  interviewer_feedback: "Interviewer feedback",
};

/** When the stage decision starts again after an interview: when its last interviewer's feedback is in, or when it
 * ends (docs/sla.md). */
export const STAGE_DECISION_RESTARTS = ["last_feedback", "interview_end"] as const;
export type StageDecisionRestart = (typeof STAGE_DECISION_RESTARTS)[number];
export const DEFAULT_STAGE_DECISION_RESTART: StageDecisionRestart = "last_feedback";

export type SlaTarget = {
  metric: SlaMetric;
  minutes: number;
  /** true: only open minutes of the schedule count; false: real elapsed time. */
  businessHours: boolean;
  warnBeforeMinutes?: number | null;
  /** interviewer_feedback only; DEFAULT_STAGE_DECISION_RESTART when absent. */
  stageDecisionRestartsAt?: StageDecisionRestart;
};

export type ClockPolicy = {
  targets: SlaTarget[];
  /** Whether automated outbound messages count as replies for first_response and next_response. */
  countAutomatedReplies: boolean;
};

export const CLOCK_STATES = ["running", "paused", "stopped", "cancelled"] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

export type ClockInstance = {
  metric: SlaMetric;
  /** 1, 2, … per metric and application. */
  instance: number;
  state: ClockState;
  startedAt: Date;
  /** null while paused: the due date depends on when the candidate answers. */
  dueAt: Date | null;
  /** When the warning is due (dueAt minus warnBeforeMinutes of counted time); null without a warning. */
  warnAt: Date | null;
  /** When the clock stopped or was cancelled. */
  stoppedAt: Date | null;
  /** (stoppedAt ?? at) > dueAt; a clock paused after its due date stays breached. */
  breached: boolean;
  businessHours: boolean;
  targetMinutes: number;
  /** Counted minutes left when paused (the rest of the target), else null. */
  remainingMinutes: number | null;
  /** stage_decision only: the stage being decided. */
  stageId: string | null;
  /** interviewer_feedback only: the interview whose feedback is owed. */
  interviewId: string | null;
};

/** The parts of a touchpoint event the clocks read. Events are given in log order (occurredAt, then recording). */
export type ClockEvent =
  | { type: "applied"; occurredAt: Date }
  | { type: "stage_changed"; occurredAt: Date; toStageId: string }
  | {
      type: "message_out";
      occurredAt: Date;
      candidateVisible: boolean;
      automated: boolean;
      awaitsCandidate: boolean;
    }
  | { type: "message_in"; occurredAt: Date }
  | { type: "decision"; occurredAt: Date; outcome: "rejected" | "hired" }
  | { type: "withdrawn"; occurredAt: Date }
  /** A rejection undone (before the candidate was told): the application is active again. */
  | { type: "reopened"; occurredAt: Date }
  /** An interview ended (occurredAt: its end); who sat on it owes feedback. */
  | { type: "interview"; occurredAt: Date; action: "ended"; interviewId: string; interviewerIds: string[] }
  /** An interview the candidate missed or that was called off: no feedback is owed. */
  | { type: "interview"; occurredAt: Date; action: "no_show" | "cancelled"; interviewId: string }
  | { type: "interview_feedback"; occurredAt: Date; interviewId: string; interviewerId: string };

export type ClockInput = {
  appliedAt: Date;
  /** The stage the application entered when it was created. */
  initialStageId: string;
  /** Events other than these types are ignored by the caller before they get here. */
  events: ClockEvent[];
  policy: ClockPolicy;
  /** Per stage: its own decision time in minutes (overrides the policy's stage_decision target), or null. */
  stageDecisionMinutes: Readonly<Record<string, number | null>>;
  /** The business time line of the schedule in force, or null when the schedule has no open hours (then any
   * business-hours target is an error: NoOpenHoursError). */
  businessTime: TimeLine | null;
  /** As-of instant: events after it are ignored and running clocks are judged at it. */
  at: Date;
};
