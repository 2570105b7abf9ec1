// Humane timing (docs/templates.md): bad news reaches a candidate inside their own working hours — by default Monday to
// Thursday, 09:00–17:00 in their time zone, so never on a Friday evening or a weekend — and never minutes after they
// applied; interview reminders come the day before in their daytime. Pure: the caller passes the instants and the
// candidate's zone.
import { DateTime, IANAZone } from "luxon";
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

/** Interview reminders reach candidates in the daytime on their own clock, any day of the week. */
export const REMINDER_HOURS = { open: 9, close: 18 } as const;
/** A reminder comes at least this long before the interview, so there is time to act on it. */
export const REMINDER_LEAD_MINUTES = 2 * 60;
/** Nor sooner than this after the time was booked: the invitation has only just told them. */
export const REMINDER_AFTER_BOOKING_MINUTES = 6 * 60;

export type ReminderWindowInput = {
  startsAt: Date;
  /** When the time was fixed; null when unknown. */
  bookedAt: Date | null;
  /** The candidate's IANA time zone; an unknown one counts as UTC. */
  timeZone: string;
};

/**
 * When a candidate's interview reminder may be queued: on the day before, 09:00–18:00 on their clock. An interview
 * booked too late for that (less than a day ahead) gets one on its own day in those hours instead, if that is still
 * two hours before it starts; else none (null). Never within six hours of the booking. Half-open: [from, until).
 */
export function reminderWindow(input: ReminderWindowInput): { from: Date; until: Date } | null {
  const zone = IANAZone.isValidZone(input.timeZone) ? input.timeZone : "UTC";
  const startDay = DateTime.fromJSDate(input.startsAt, { zone }).startOf("day");
  const earliest = input.bookedAt ? input.bookedAt.getTime() + REMINDER_AFTER_BOOKING_MINUTES * 60_000 : -Infinity;
  const latest = input.startsAt.getTime() - REMINDER_LEAD_MINUTES * 60_000;
  for (const day of [startDay.minus({ days: 1 }), startDay]) {
    const from = Math.max(day.set({ hour: REMINDER_HOURS.open }).toMillis(), earliest);
    const until = Math.min(day.set({ hour: REMINDER_HOURS.close }).toMillis(), latest);
    if (from < until) return { from: new Date(from), until: new Date(until) };
  }
  return null;
}
