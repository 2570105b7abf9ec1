// What the schedule editor says after a holiday import: what was added, or why nothing was, and what was left out.
import { describe, expect, test } from "vitest";
import { icsImportNotice } from "./holiday-import-notice";
import type { IcsImport } from "./ics-import";

const WINDOW = { years: [2026, 2027], from: "2026-01-01", until: "2027-12-31" };
const read = (changes: Partial<IcsImport>): IcsImport => ({
  holidays: [{ date: "2026-12-25", name: "Christmas" }],
  skipped: [],
  unknownTimeZones: [],
  events: 1,
  eventsInWindow: 1,
  timedLeftOut: 0,
  ...changes,
});
const notice = (changes: Partial<IcsImport>, added = 1) =>
  icsImportNotice({ source: "company.ics", window: WINDOW, timeZone: "Europe/Berlin", read: read(changes), added });

describe("icsImportNotice", () => {
  test("holidays added", () => {
    expect(notice({})).toBe(
      "Imported 1 holiday from company.ics for 2026 and 2027. Check the list, then save the schedule to keep them.",
    );
  });

  test("events that all fall outside the window: says so and names the window, not 'the list has these already'", () => {
    expect(notice({ holidays: [], events: 3, eventsInWindow: 0 }, 0)).toBe(
      "None of the 3 events in company.ics fall between 2026-01-01 and 2027-12-31 (this year and next, the years an import covers), so nothing was imported.",
    );
    expect(notice({ holidays: [], events: 1, eventsInWindow: 0 }, 0)).toBe(
      "The one event in company.ics does not fall between 2026-01-01 and 2027-12-31 (this year and next, the years an import covers), so nothing was imported.",
    );
  });

  test("a file without events", () => {
    expect(notice({ holidays: [], events: 0, eventsInWindow: 0 }, 0)).toBe(
      "company.ics has no events, so nothing was imported.",
    );
  });

  test("holidays that are on the list already", () => {
    expect(notice({}, 0)).toBe(
      "Nothing new to import from company.ics for 2026 and 2027: the list has these holidays already.",
    );
  });

  test("timed events left out: how many, and how to include them", () => {
    expect(notice({ timedLeftOut: 12, events: 13, eventsInWindow: 13 })).toBe(
      "Imported 1 holiday from company.ics for 2026 and 2027. Check the list, then save the schedule to keep them. 12 timed events (meetings, appointments) were left out: only all-day events and events marked out of office are imported. To import timed events as closures too, tick “Also import timed events” and import again.",
    );
    expect(notice({ holidays: [], timedLeftOut: 1, events: 1, eventsInWindow: 1 }, 0)).toBe(
      "Nothing was imported from company.ics for 2026 and 2027. 1 timed event (a meeting, an appointment) was left out: only all-day events and events marked out of office are imported. To import timed events as closures too, tick “Also import timed events” and import again.",
    );
  });

  test("unknown time zones and skipped events are added", () => {
    expect(
      notice({ unknownTimeZones: ["Mars Standard Time"], skipped: [{ name: "Broken", reason: "it is broken" }] }),
    ).toBe(
      "Imported 1 holiday from company.ics for 2026 and 2027. Check the list, then save the schedule to keep them. The file does not define the time zone “Mars Standard Time”: those times were read as Europe/Berlin time. 1 event in the file was skipped; the list below says why.",
    );
  });
});
