// Humane timing (docs/templates.md): bad news reaches a candidate inside their own working hours — by default Monday to
// Thursday, 09:00–17:00 in their time zone, so never on a Friday evening or a weekend — and never minutes after they
// applied. Pure: the caller passes now, the application date and the candidate's zone.
import { IANAZone } from "luxon";
import { compileCalendar } from "../sla/calendar";
import type { OpeningHours } from "../sla/schedule";

export const DEFAULT_BAD_NEWS_HOURS: OpeningHours[] = (["mon", "tue", "wed", "thu"] as const).map((day) => ({
  day,
  open: "09:00",
  close: "17:00",
}));

/** Bad news never leaves sooner than this after the decision, so a mistaken rejection can still be undone. */
export const UNDO_WINDOW_MINUTES = 10;

/** A rejection within a day of applying reads as a machine's, not a person's. */
export const DEFAULT_MINIMUM_DELAY_MINUTES = 24 * 60;

export type HumaneTimingInput = {
  now: Date;
  appliedAt: Date;
  /** The candidate's IANA time zone; an unknown one counts as UTC. */
  timeZone: string;
  minimumDelayMinutes?: number;
  hours?: OpeningHours[];
};

/** The earliest humane instant to send bad news: at least the minimum delay after applying and the undo window
 * after now, inside the hours. */
export function humaneSendTime(input: HumaneTimingInput): Date {
  const timeZone = IANAZone.isValidZone(input.timeZone) ? input.timeZone : "UTC";
  const calendar = compileCalendar({ timeZone, hours: input.hours ?? DEFAULT_BAD_NEWS_HOURS, holidays: [] });
  const minimumDelayMs = (input.minimumDelayMinutes ?? DEFAULT_MINIMUM_DELAY_MINUTES) * 60_000;
  const earliest = Math.max(
    input.now.getTime() + UNDO_WINDOW_MINUTES * 60_000,
    input.appliedAt.getTime() + minimumDelayMs,
  );
  return new Date(calendar.nextOpening(earliest));
}
