// Durations as people enter them (an amount and a unit: "2 business days", "4 hours") and as the SLA engine stores
// them (minutes on a clock that counts either the schedule's open hours or every minute).
import { z } from "zod";

/** Whether a duration runs on business time (the schedule's open hours) or calendar time (every minute). */
export type DurationCounting = "business" | "calendar";

/** "days" is a business day on business time and 24 hours on calendar time; "minutes" only shows older values. */
export const DURATION_FIELD_UNITS = ["hours", "days", "minutes"] as const;
export type DurationFieldUnit = (typeof DURATION_FIELD_UNITS)[number];

/** A business day is 8 open hours: the SLA engine counts business time in minutes of open hours (docs/sla.md). */
export const BUSINESS_DAY_MINUTES = 480;
const CALENDAR_DAY_MINUTES = 1440;

/** The largest amount allowed per unit: about two months whichever unit is used. */
export const DURATION_LIMITS: Record<DurationFieldUnit, number> = { days: 60, hours: 480, minutes: 28_800 };

export function minutesPerUnit(unit: DurationFieldUnit, counting: DurationCounting): number {
  if (unit === "days") return counting === "business" ? BUSINESS_DAY_MINUTES : CALENDAR_DAY_MINUTES;
  return unit === "hours" ? 60 : 1;
}

/** "business days", "days", "hours", "minutes": how the unit reads on this clock. */
export function durationUnitLabel(unit: DurationFieldUnit, counting: DurationCounting): string {
  if (unit === "days") return counting === "business" ? "business days" : "days";
  return unit;
}

/** The amount in the largest unit that states `minutes` exactly: 960 business minutes → 2 business days. */
export function durationFromMinutes(
  minutes: number,
  counting: DurationCounting,
): { amount: string; unit: DurationFieldUnit } {
  for (const unit of ["days", "hours"] as const) {
    const size = minutesPerUnit(unit, counting);
    if (minutes % size === 0) return { amount: String(minutes / size), unit };
  }
  return { amount: String(minutes), unit: "minutes" };
}

export function isDurationFieldUnit(value: unknown): value is DurationFieldUnit {
  return typeof value === "string" && (DURATION_FIELD_UNITS as readonly string[]).includes(value);
}

/**
 * Reads an amount typed in a unit: "" is no duration (null); a whole number within the unit's limit becomes minutes;
 * anything else is the message to show on the field.
 */
export function minutesFromDuration(
  amount: string,
  unit: DurationFieldUnit,
  counting: DurationCounting,
): { ok: true; minutes: number | null } | { ok: false; message: string } {
  const text = amount.trim();
  if (text === "") return { ok: true, minutes: null };
  const limit = DURATION_LIMITS[unit];
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1 || value > limit) {
    return {
      ok: false,
      message: `Enter a whole number of ${durationUnitLabel(unit, counting)}, 1 to ${limit}.`,
    };
  }
  return { ok: true, minutes: value * minutesPerUnit(unit, counting) };
}

export const durationCountingSchema = z.enum(["business", "calendar"]).catch("business");
