// The one place tests touch "now". A test whose outcome depends on the current instant (humane sending windows,
// business hours, "overdue", "hear back by" dates) pins the process clock to a named, fixed instant, so it passes on
// any day at any hour, and under the faked system clocks CI runs the suite with (README: "Tests at a chosen instant").
// Lint forbids `Date.now()` and `new Date()` in test files; this module is the exception.
import { vi } from "vitest";

/**
 * A Tuesday, 10:00 UTC: inside every default business day and humane sending window, and after the fixed dates the
 * tests' histories use.
 */
export const TUESDAY_MORNING = "2027-01-12T10:00:00Z";

/**
 * Pins `Date` for this test file (the app's models, and PGlite's `now()`, read it too) to `instant`, then lets it
 * run on at the real pace, so timeouts and leases still pass. Timers stay real. Returns the pinned instant.
 */
export function pinClock(instant: string | Date = TUESDAY_MORNING): Date {
  const pinned = new Date(instant);
  vi.useFakeTimers({ toFake: ["Date"], now: pinned, shouldAdvanceTime: true });
  vi.setSystemTime(pinned); // a second pin in the same file: useFakeTimers alone keeps the first clock
  return pinned;
}

/**
 * The process clock as the app reads it: pinned if the file pinned it, else the system clock. Only for what the app
 * stamps with "now" itself (a last-used time, a received time), compared to instants read before and after it;
 * never to build an expected date.
 */
export function clockNow(): Date {
  return new Date(Date.now());
}

/** `instant` moved by `minutes` (negative: earlier). */
export function minutesFrom(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}
