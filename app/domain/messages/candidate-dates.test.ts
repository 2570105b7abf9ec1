import { expect, test } from "vitest";
import { candidateDate, candidateDateTime, candidateYearEndsAt } from "./candidate-dates";

const now = new Date("2026-12-01T12:00:00Z");

test("a date in the candidate's zone and language, without the year when it is this year", () => {
  const instant = new Date("2026-12-04T23:30:00Z"); // already Saturday in Berlin
  expect(candidateDate(instant, "en", "Europe/Berlin", now)).toBe("Saturday 5 December");
  expect(candidateDate(instant, "en", "America/New_York", now)).toBe("Friday 4 December");
  expect(candidateDate(instant, "de", "Europe/Berlin", now)).toBe("Samstag, 5. Dezember");
});

test("the year is written out when it differs from now's", () => {
  expect(candidateDate(new Date("2027-01-05T10:00:00Z"), "en", "UTC", now)).toBe("Tuesday, 5 January 2027");
});

test("an unknown zone counts as UTC rather than failing", () => {
  expect(candidateDate(new Date("2026-12-04T23:30:00Z"), "en", "Mars/Olympus", now)).toBe("Friday 4 December");
});

test("date and time", () => {
  const instant = new Date("2026-12-08T09:00:00Z");
  expect(candidateDateTime(instant, "en", "Europe/Berlin", now)).toBe("Tuesday 8 December at 10:00");
  expect(candidateDateTime(instant, "de", "Europe/Berlin", now)).toBe("Dienstag, 8. Dezember um 10:00");
});

test("the year ends at midnight in the candidate's zone, and dates read differently from then on", () => {
  const newYorkNewYear = candidateYearEndsAt(now, "America/New_York");
  expect(newYorkNewYear.toISOString()).toBe("2027-01-01T05:00:00.000Z");
  expect(candidateYearEndsAt(now, "Asia/Kathmandu").toISOString()).toBe("2026-12-31T18:15:00.000Z");
  expect(candidateYearEndsAt(now, "Mars/Olympus").toISOString()).toBe("2027-01-01T00:00:00.000Z");
  const instant = new Date("2026-12-04T12:00:00Z");
  const justBefore = new Date(newYorkNewYear.getTime() - 1);
  expect(candidateDate(instant, "en", "America/New_York", justBefore)).toBe(
    candidateDate(instant, "en", "America/New_York", now),
  );
  expect(candidateDate(instant, "en", "America/New_York", newYorkNewYear)).toBe("Friday, 4 December 2026");
});
