// How the demo team looks after its candidates, applied to the generated histories (tests/history-plans.ts) before
// they are written: a team that mostly keeps its promises. Candidates still in process are brought up to date (the
// story is moved by whole weeks so it ends recently, pending questions are answered, and a short update goes out
// when the last one is days old); rejected candidates are told; and a chosen few are left in silence, for the
// Waiting page to find. Every change keeps a history in order and before `now`.
import type { ApplicationPlan, HistoryStep } from "../tests/factories";
import { CANDIDATE_MESSAGES, message, type MessageKind } from "../tests/history-texts";
import type { StoryStaff } from "../tests/history-plans";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** The reason a closed job gives those still waiting (tests/history-plans.ts). */
const FILLED = "The position has been filled";

type Upkeep = { recruiter: StoryStaff; jobTitle: string; now: Date };

function lastStepAt(plan: ApplicationPlan): number {
  return plan.steps.at(-1)?.at.getTime() ?? plan.appliedAt.getTime();
}

/** The latest office moment (weekdays 07:00–17:00 UTC, as the histories use) at or before `at`. */
function officeMomentBefore(at: number): number {
  const moment = new Date(at);
  for (let guard = 0; guard < 8; guard += 1) {
    const day = moment.getUTCDay();
    const hour = moment.getUTCHours();
    if (day === 0 || day === 6 || hour < 7) {
      moment.setUTCDate(moment.getUTCDate() - 1);
      moment.setUTCHours(16, 20, 0, 0);
    } else if (hour >= 17) {
      moment.setUTCHours(16, 20, 0, 0);
    } else {
      return moment.getTime();
    }
  }
  return moment.getTime();
}

function teamMessage(plan: ApplicationPlan, kind: MessageKind, at: number, upkeep: Upkeep): HistoryStep {
  const text = message(kind, plan.candidate.locale, {
    firstName: plan.candidate.name.split(" ")[0]!,
    jobTitle: upkeep.jobTitle,
    recruiterName: upkeep.recruiter.name,
  });
  return { type: "message_out", at: new Date(at), by: upkeep.recruiter, subject: text.subject, body: text.body };
}

function isStaffStep(step: HistoryStep): boolean {
  return step.type !== "message_in";
}

function onWeekend(at: number): boolean {
  const day = new Date(at).getUTCDay();
  return day === 0 || day === 6;
}

/**
 * Moves the whole history later, so that the candidate's current stage began within the last four days before
 * `limit` (now, or when the job was put on hold): by whole days that keep the team's work on weekdays, else by whole
 * weeks. Whatever would then fall after `limit` has not happened yet.
 */
function bringForward(plan: ApplicationPlan, limit: number): ApplicationPlan {
  const moves = plan.steps.filter((step) => step.type === "move");
  const stageSince = (moves.at(-1)?.at ?? plan.appliedAt).getTime();
  const minimum = Math.ceil((limit - 4 * DAY - stageSince) / DAY);
  if (minimum <= 0) return plan;
  const weekdaysKept = (days: number) =>
    plan.steps.every((step) => !isStaffStep(step) || !onWeekend(step.at.getTime() + days * DAY));
  const days =
    [minimum, minimum + 1, minimum + 2, minimum + 3].find(weekdaysKept) ?? Math.floor((limit - stageSince) / WEEK) * 7;
  const shift = (at: Date) => new Date(at.getTime() + days * DAY);
  return {
    ...plan,
    appliedAt: shift(plan.appliedAt),
    steps: plan.steps
      .map((step) =>
        step.type === "interview"
          ? { ...step, at: shift(step.at), when: shift(step.when) }
          : { ...step, at: shift(step.at) },
      )
      .filter((step) => step.at.getTime() <= limit),
  };
}

/** The first office moment (weekdays 07:00–17:00 UTC) at or after `at`. */
function officeMomentAfter(at: number): number {
  const moment = new Date(at);
  for (let guard = 0; guard < 8; guard += 1) {
    const day = moment.getUTCDay();
    const hour = moment.getUTCHours();
    if (day === 0 || day === 6 || hour >= 17) {
      moment.setUTCDate(moment.getUTCDate() + 1);
      moment.setUTCHours(7, 40, 0, 0);
    } else if (hour < 7) {
      moment.setUTCHours(7, 40, 0, 0);
    } else {
      return moment.getTime();
    }
  }
  return moment.getTime();
}

const personallyWritten = (step: HistoryStep) => step.type === "message_out" && !step.automated;

/**
 * A team that answers promptly (every job but the slow one): a person writes to each new applicant within a few office
 * hours instead of leaving it to the automatic acknowledgement, and whatever a candidate writes gets an answer within
 * a working day. Nothing is added after `limit` (now, or when the job was put on hold).
 */
export function answerPromptly(plan: ApplicationPlan, upkeep: Upkeep, limit: Date): ApplicationPlan {
  const until = limit.getTime() - HOUR;
  const applied = plan.appliedAt.getTime();
  const steps = [...plan.steps];
  const added: HistoryStep[] = [];
  if (!steps.some((step) => personallyWritten(step) && step.at.getTime() - applied <= 10 * HOUR)) {
    const at = officeMomentAfter(applied + 90 * 60_000);
    if (at <= until) {
      const personal = teamMessage(plan, "acknowledgement", at, upkeep);
      const automatic = steps.findIndex((step) => step.type === "message_out" && step.automated);
      if (automatic !== -1) steps.splice(automatic, 1);
      added.push(personal);
    }
  }
  steps.forEach((step, index) => {
    if (step.type !== "message_in") return;
    const answeredSoon = steps
      .slice(index + 1)
      .some((later) => later.type === "message_out" && later.at.getTime() - step.at.getTime() <= 20 * HOUR);
    if (answeredSoon) return;
    const at = officeMomentAfter(step.at.getTime() + 2 * HOUR);
    if (at <= until) added.push(teamMessage(plan, "reply", at, upkeep));
  });
  if (added.length === 0) return plan;
  return { ...plan, steps: [...steps, ...added].sort((a, b) => a.at.getTime() - b.at.getTime()) };
}

/**
 * A candidate in process whose team keeps in touch: their current stage began in the last few days, what they
 * asked is answered within office hours, and an update goes out when the team last wrote over a day and a half ago.
 * `limit` is the last instant anything may happen (now, or when the job was put on hold); `now` may be later.
 */
export function keepUp(
  plan: ApplicationPlan,
  upkeep: Upkeep,
  { limit, updateKind }: { limit: Date; updateKind: "delay_update" | "role_on_hold" },
): ApplicationPlan {
  const until = limit.getTime() - HOUR;
  const kept = bringForward(plan, until);
  const steps = [...kept.steps];
  const answered: HistoryStep[] = [];
  steps.forEach((step, index) => {
    if (step.type !== "message_in") return;
    if (steps.slice(index + 1).some((later) => later.type === "message_out")) return;
    const at = officeMomentAfter(step.at.getTime() + 2 * HOUR);
    if (at <= until) answered.push(teamMessage(kept, "reply", at, upkeep));
  });
  steps.push(...answered);
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  const lastWrote = Math.max(
    kept.appliedAt.getTime(),
    ...steps.filter((step) => step.type === "message_out").map((step) => step.at.getTime()),
  );
  if (upkeep.now.getTime() - lastWrote > 1.5 * DAY) {
    const at = officeMomentBefore(until - 2 * HOUR);
    const lastStep = steps.at(-1)?.at.getTime() ?? kept.appliedAt.getTime();
    if (at > lastStep) steps.push(teamMessage(kept, updateKind, at, upkeep));
  }
  return { ...kept, steps };
}

/**
 * A candidate the team forgot: nothing since `quietDays` ago, and perhaps a nudge from them two days ago that nobody
 * has answered.
 */
export function leaveSilent(
  plan: ApplicationPlan,
  upkeep: Upkeep,
  { quietDays, nudged }: { quietDays: number; nudged: boolean },
): ApplicationPlan {
  const quietSince = upkeep.now.getTime() - quietDays * DAY;
  const steps = plan.steps.filter((step) => step.at.getTime() <= quietSince);
  if (nudged) {
    const nudge = CANDIDATE_MESSAGES.nudge[plan.candidate.locale][0]!;
    steps.push({ type: "message_in", at: new Date(upkeep.now.getTime() - 2 * DAY), by: upkeep.recruiter, body: nudge });
  }
  return { ...plan, steps };
}

/** A rejected candidate who was not told is told, soon after the decision (if that is before now). */
export function tellRejected(plan: ApplicationPlan, upkeep: Upkeep): ApplicationPlan {
  const decisionIndex = plan.steps.findIndex((step) => step.type === "decision" && step.outcome === "rejected");
  if (decisionIndex === -1) return plan;
  if (plan.steps.slice(decisionIndex + 1).some((step) => step.type === "message_out")) return plan;
  const decision = plan.steps[decisionIndex]!;
  const at = Math.max(decision.at.getTime(), lastStepAt(plan)) + 40 * 60_000;
  if (at >= upkeep.now.getTime() - HOUR) return plan;
  const kind = decision.type === "decision" && decision.reason === FILLED ? "role_filled" : "rejection";
  return { ...plan, steps: [...plan.steps, teamMessage(plan, kind, at, upkeep)] };
}
