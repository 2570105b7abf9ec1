// Words for SLA clocks: how far a due date is from "now" and what a clock's risk means. Pure, so the server and the
// browser render the same text from the same "now" (the loader's), whatever the process time zone.
import type { ClockRisk } from "~/domain/sla/clocks";

const MINUTE = 60_000;

function span(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h`;
  const days = Math.floor(minutes / (24 * 60));
  return `${days} ${days === 1 ? "day" : "days"}`;
}

/** "in 3 h", "2 days overdue", "due now": the distance from `now` to `dueAt`, in whole units rounded down. */
export function relativeDue(dueAt: Date, now: Date): string {
  const difference = dueAt.getTime() - now.getTime();
  const minutes = Math.floor(Math.abs(difference) / MINUTE);
  if (minutes < 1) return "due now";
  return difference > 0 ? `in ${span(minutes)}` : `${span(minutes)} overdue`;
}

/** "3 h", "2 days": a target length. */
export function targetText(minutes: number, businessHours: boolean): string {
  const hours = minutes / 60;
  const length =
    minutes < 60
      ? `${minutes} min`
      : Number.isInteger(hours)
        ? `${hours} h`
        : `${Math.floor(hours)} h ${minutes % 60} min`;
  return businessHours ? `${length} of business hours` : `${length} around the clock`;
}

export const RISK_LABELS: Record<ClockRisk, string> = {
  fine: "On track",
  warning: "Due soon",
  breached: "Overdue",
  paused: "Waiting for the candidate",
  done: "Finished",
};

/** A glyph that tells the risks apart without colour; always paired with words, so it is hidden from screen readers. */
export const RISK_ICONS: Record<ClockRisk, string> = {
  fine: "✓",
  warning: "!",
  breached: "✕",
  paused: "‖",
  done: "•",
};
