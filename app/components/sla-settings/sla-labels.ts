// How the SLA settings pages word units, metrics, targets and opening hours for staff. The domain computes the
// amounts (splitMinutes); the words belong to the interface.
import { splitMinutes, type DurationUnit } from "~/domain/sla/policy-form";
import { WEEKDAYS, type OpeningHours, type Weekday } from "~/domain/sla/schedule";
import {
  DEFAULT_STAGE_DECISION_RESTART,
  type SlaMetric,
  type SlaTarget,
  type StageDecisionRestart,
} from "~/domain/sla/types";

export const DURATION_UNIT_LABELS: Record<DurationUnit, string> = {
  minutes: "minutes",
  hours: "hours",
  business_days: "business days",
  days: "days (24 h)",
};

export const SLA_METRIC_EXPLANATIONS: Record<SlaMetric, string> = {
  first_response: "From the moment someone applies until a person first writes to them.",
  next_response: "When a candidate writes to us, how long until someone answers.",
  periodic_update:
    "The longest silence while an application is open: any message to the candidate restarts it; it pauses while we wait on the candidate.",
  stage_decision: "How long an application may sit in a stage before someone moves it on or decides.",
  closure: "After a rejection, how long until the candidate is told.",
  interviewer_feedback:
    "After an interview ends, how long until every interviewer has recorded their feedback (the stage decision waits on it).",
};

export const STAGE_DECISION_RESTART_LABELS: Record<StageDecisionRestart, string> = {
  last_feedback: "when the last interviewer’s feedback is in",
  interview_end: "when the interview ends",
};

/** "2 business days", "4 h", "90 min": a target for people. */
export function describeMinutes(minutes: number, businessHours: boolean): string {
  const { amount, unit } = splitMinutes(minutes, businessHours);
  const count = Number(amount);
  if (unit === "business_days") return `${count} business ${count === 1 ? "day" : "days"}`;
  if (unit === "days") return `${count} ${count === 1 ? "day" : "days"}`;
  if (unit === "hours") return `${count} h`;
  return `${count} min`;
}

/** "First response: 2 business days (warn 4 h before)"; a feedback target says when the stage decision restarts. */
export function describeTarget(target: SlaTarget, label: string): string {
  const warn = target.warnBeforeMinutes
    ? ` (warn ${describeMinutes(target.warnBeforeMinutes, target.businessHours)} before)`
    : "";
  const time = target.businessHours ? "" : " of calendar time";
  const restart =
    target.metric === "interviewer_feedback"
      ? `; the stage decision starts again ${STAGE_DECISION_RESTART_LABELS[target.stageDecisionRestartsAt ?? DEFAULT_STAGE_DECISION_RESTART]}`
      : "";
  return `${label}: ${describeMinutes(target.minutes, target.businessHours)}${time}${warn}${restart}`;
}

const SHORT_DAYS: Record<Weekday, string> = {
  mon: "Mon",
  tue: "Tue",
  wed: "Wed",
  thu: "Thu",
  fri: "Fri",
  sat: "Sat",
  sun: "Sun",
};

/** "Mon–Fri 09:00–12:00, 13:00–17:00; Sat 10:00–14:00": consecutive days with the same hours share a line. */
export function summarizeHours(hours: readonly OpeningHours[]): string {
  const perDay = WEEKDAYS.map((day) =>
    hours
      .filter((entry) => entry.day === day)
      .sort((a, b) => a.open.localeCompare(b.open))
      .map((entry) => `${entry.open}–${entry.close}`)
      .join(", "),
  );
  const runs: string[] = [];
  let start = 0;
  for (let index = 1; index <= WEEKDAYS.length; index += 1) {
    if (index < WEEKDAYS.length && perDay[index] === perDay[start]) continue;
    if (perDay[start]) {
      const days =
        index - 1 === start
          ? SHORT_DAYS[WEEKDAYS[start]!]
          : `${SHORT_DAYS[WEEKDAYS[start]!]}–${SHORT_DAYS[WEEKDAYS[index - 1]!]}`;
      runs.push(`${days} ${perDay[start]}`);
    }
    start = index;
  }
  return runs.length > 0 ? runs.join("; ") : "No open hours";
}
