import { expect, test } from "vitest";
import { zonedLocalToInstant } from "../local-time";
import { interviewDuration, interviewSummary, interviewWhen, interviewWhere, interviewWith } from "./wording";

const TUESDAY_14_BERLIN = new Date("2026-12-08T13:00:00Z");

test("when: the day, the time and the reader's clock named by its city", () => {
  expect(interviewWhen(TUESDAY_14_BERLIN, "en", "Europe/Berlin")).toBe("Tuesday 8 December, 14:00 (Berlin time)");
  expect(interviewWhen(TUESDAY_14_BERLIN, "de", "Europe/Berlin")).toBe("Dienstag, 8. Dezember, 14:00 (Berliner Zeit)");
  expect(interviewWhen(TUESDAY_14_BERLIN, "en", "Asia/Kolkata")).toBe("Tuesday 8 December, 18:30 (Kolkata time)");
  expect(interviewWhen(TUESDAY_14_BERLIN, "de", "Asia/Kolkata")).toBe(
    "Dienstag, 8. Dezember, 18:30 (Ortszeit Kolkata)",
  );
  expect(interviewWhen(TUESDAY_14_BERLIN, "en", "America/New_York")).toBe("Tuesday 8 December, 08:00 (New York time)");
  expect(interviewWhen(TUESDAY_14_BERLIN, "de", "America/New_York")).toBe(
    "Dienstag, 8. Dezember, 08:00 (New Yorker Zeit)",
  );
  expect(interviewWhen(TUESDAY_14_BERLIN, "en", "America/Argentina/Buenos_Aires")).toContain("(Buenos Aires time)");
  expect(interviewWhen(TUESDAY_14_BERLIN, "en", "UTC")).toBe("Tuesday 8 December, 13:00 (UTC)");
  expect(interviewWhen(TUESDAY_14_BERLIN, "en", "Not/AZone")).toBe("Tuesday 8 December, 13:00 (UTC)");
});

test("when: the year only when it is not the year the reader is told in", () => {
  const january = zonedLocalToInstant("2027-01-05T10:00", "Europe/Berlin");
  expect(interviewWhen(january, "en", "Europe/Berlin")).toBe("Tuesday 5 January, 10:00 (Berlin time)");
  expect(interviewWhen(january, "en", "Europe/Berlin", new Date("2026-12-05T10:00:00Z"))).toBe(
    "Tuesday, 5 January 2027, 10:00 (Berlin time)",
  );
  expect(interviewWhen(january, "de", "Europe/Berlin", new Date("2026-12-05T10:00:00Z"))).toBe(
    "Dienstag, 5. Januar 2027, 10:00 (Berliner Zeit)",
  );
});

test("when: Berlin's clock on either side of the change to winter time", () => {
  const before = zonedLocalToInstant("2026-10-24T10:00", "Europe/Berlin");
  const after = zonedLocalToInstant("2026-10-26T10:00", "Europe/Berlin");
  expect(after.getTime() - before.getTime()).toBe(49 * 3_600_000);
  expect(interviewWhen(before, "en", "Europe/Berlin")).toBe("Saturday 24 October, 10:00 (Berlin time)");
  expect(interviewWhen(after, "en", "Europe/Berlin")).toBe("Monday 26 October, 10:00 (Berlin time)");
});

test("where: the place, the video link, both, or nothing", () => {
  expect(interviewWhere("Acme, Torstraße 1, Berlin", null, "en")).toBe("Acme, Torstraße 1, Berlin");
  expect(interviewWhere(null, "https://meet.example/abc", "en")).toBe("Video call: https://meet.example/abc");
  expect(interviewWhere(null, "https://meet.example/abc", "de")).toBe("Videoanruf: https://meet.example/abc");
  expect(interviewWhere("Room 3", "https://meet.example/abc", "en")).toBe(
    "Room 3 (or by video: https://meet.example/abc)",
  );
  expect(interviewWhere("Raum 3", "https://meet.example/abc", "de")).toBe(
    "Raum 3 (oder per Video: https://meet.example/abc)",
  );
  expect(interviewWhere("  ", null, "en")).toBe("");
  expect(interviewWhere(null, null, "de")).toBe("");
});

test("duration: hours and minutes in words", () => {
  expect(interviewDuration(45, "en")).toBe("45 minutes");
  expect(interviewDuration(60, "en")).toBe("1 hour");
  expect(interviewDuration(90, "en")).toBe("1 hour 30 minutes");
  expect(interviewDuration(121, "en")).toBe("2 hours 1 minute");
  expect(interviewDuration(45, "de")).toBe("45 Minuten");
  expect(interviewDuration(60, "de")).toBe("1 Stunde");
  expect(interviewDuration(150, "de")).toBe("2 Stunden 30 Minuten");
});

test("with: the people they meet, listed as the language lists", () => {
  expect(interviewWith(["Priya Raman", "Tom Becker"], "en")).toBe("Priya Raman and Tom Becker");
  expect(interviewWith(["Priya Raman", "Tom Becker", "Ana Lima"], "en")).toBe("Priya Raman, Tom Becker and Ana Lima");
  expect(interviewWith(["Priya Raman", "Tom Becker"], "de")).toBe("Priya Raman und Tom Becker");
  expect(interviewWith(["Priya Raman"], "en")).toBe("Priya Raman");
  expect(interviewWith([" ", ""], "en")).toBe("");
});

test("summary: what, with whom and when, on one line", () => {
  const screen = {
    kind: "screen" as const,
    startsAt: TUESDAY_14_BERLIN,
    location: null,
    videoUrl: "https://meet.example/abc",
    names: ["Priya"],
  };
  expect(interviewSummary(screen, "en", "Europe/Berlin")).toBe("Video call with Priya, Tuesday 8 December, 14:00");
  expect(interviewSummary(screen, "de", "Europe/Berlin")).toBe("Videoanruf mit Priya, Dienstag, 8. Dezember, 14:00");
  expect(
    interviewSummary({ ...screen, kind: "onsite", location: "Berlin office", names: ["Priya", "Tom"] }, "en", "UTC"),
  ).toBe("On-site interview with Priya and Tom, Tuesday 8 December, 13:00");
  expect(interviewSummary({ ...screen, kind: "interview", videoUrl: null, location: "Room 3" }, "en", "UTC")).toBe(
    "Interview with Priya, Tuesday 8 December, 13:00",
  );
  expect(interviewSummary({ ...screen, kind: "assessment", names: [] }, "en", "UTC")).toBe(
    "Assessment, Tuesday 8 December, 13:00",
  );
  expect(interviewSummary({ ...screen, kind: "other", startsAt: null }, "en", "UTC")).toBe(
    "Video call with Priya, time not fixed yet",
  );
  expect(interviewSummary({ ...screen, startsAt: null }, "de", "UTC")).toBe("Videoanruf mit Priya, Termin noch offen");
});

test("no summary or time carries a raw timestamp", () => {
  const texts = [
    interviewWhen(TUESDAY_14_BERLIN, "en", "Europe/Berlin"),
    interviewSummary(
      { kind: "interview", startsAt: TUESDAY_14_BERLIN, location: null, videoUrl: null, names: [] },
      "de",
      "Europe/Berlin",
    ),
  ];
  for (const text of texts) expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}|Z\b/);
});
