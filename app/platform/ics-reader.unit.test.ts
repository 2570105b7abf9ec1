// .ics files read in a worker thread: the same answer as the reader itself, refusals as HolidayImportError, and a
// file that takes longer than the budget stopped.
import { expect, test } from "vitest";
import { HolidayImportError } from "~/domain/sla/holiday-list";
import { readIcsHolidays } from "~/domain/sla/ics-import";
import { readIcsFile } from "./ics-reader.server";
import { WorkerBudgetError } from "./worker-budget.server";

const WINDOW = { from: "2026-01-01", until: "2027-12-31", timeZone: "Europe/Berlin" };

function ics(...events: string[]): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Hearback//Tests//EN"];
  for (const event of events) lines.push("BEGIN:VEVENT", ...event.split("\n").map((line) => line.trim()), "END:VEVENT");
  return [...lines, "END:VCALENDAR", ""].join("\r\n");
}

test("a calendar is read in a worker with the reader's own answer, endless durations skipped", async () => {
  const text = ics(
    `UID:christmas@test
    DTSTAMP:20260101T000000Z
    DTSTART;VALUE=DATE:20261225
    SUMMARY:Christmas`,
    // A duration of millions of weeks, as a real calendar file had: ical.js loops for good computing its end.
    `UID:invalid-duration@example.com
    DTSTAMP:20240101T000000Z
    DTSTART:20240101T000000Z
    DURATION:P999999999999999999W
    SUMMARY:Event with an impractical duration`,
  );
  const read = await readIcsFile(text, WINDOW);
  expect(read).toEqual(readIcsHolidays(text, WINDOW));
  expect(read.holidays).toEqual([{ date: "2026-12-25", name: "Christmas" }]);
  expect(read.skipped).toEqual([{ name: "Event with an impractical duration", reason: "it lasts longer than a year" }]);
});

test("a file the reader refuses is a HolidayImportError with its message", async () => {
  await expect(readIcsFile("this is not a calendar", WINDOW)).rejects.toThrow(
    new HolidayImportError("This file is not a valid iCalendar (.ics) file."),
  );
});

test("reading that takes longer than the budget is stopped", async () => {
  // Fifteen daily series: thousands of dates to work through, far more than a millisecond's work.
  const daily = Array.from(
    { length: 15 },
    (_, index) => `UID:daily-${index}@test
    DTSTAMP:20260101T000000Z
    DTSTART;VALUE=DATE:20260101
    RRULE:FREQ=DAILY
    SUMMARY:Daily ${index}`,
  );
  const reading = readIcsFile(ics(...daily), WINDOW, {}, { budgetMs: 1 });
  await expect(reading).rejects.toThrow(WorkerBudgetError);
  await expect(reading).rejects.toMatchObject({ reason: "too-slow" });
});
