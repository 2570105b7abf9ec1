// Holidays from .ics files: all-day, timed UTC and TZID events, weekly recurrences inside the window.
import { describe, expect, test } from "vitest";
import { HolidayImportError } from "./holiday-list";
import { readIcsHolidays } from "./ics-import";

function ics(...events: string[]): string {
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Hearback//Tests//EN",
    ...events.flatMap((event) => ["BEGIN:VEVENT", event.trim(), "END:VEVENT"]),
    "END:VCALENDAR",
    "",
  ]
    .join("\r\n")
    .replace(/\n\s+/g, "\r\n");
}

const BERLIN_2026 = { from: "2026-01-01", until: "2026-12-31", timeZone: "Europe/Berlin" };
/** Timed events too, not only all-day and out-of-office ones. */
const TIMED = { includeTimedEvents: true };

describe("readIcsHolidays", () => {
  test("an all-day event over several days gives one whole-day holiday per date (DTEND exclusive)", () => {
    const text = ics(`
      UID:summer@test
      DTSTAMP:20260101T000000Z
      DTSTART;VALUE=DATE:20260727
      DTEND;VALUE=DATE:20260730
      SUMMARY:Company summer break`);
    expect(readIcsHolidays(text, BERLIN_2026).holidays).toEqual([
      { date: "2026-07-27", name: "Company summer break" },
      { date: "2026-07-28", name: "Company summer break" },
      { date: "2026-07-29", name: "Company summer break" },
    ]);
  });

  test("a one-day all-day event without DTEND", () => {
    const text = ics(`
      UID:one@test
      DTSTAMP:20260101T000000Z
      DTSTART;VALUE=DATE:20261225
      SUMMARY:Christmas`);
    expect(readIcsHolidays(text, BERLIN_2026).holidays).toEqual([{ date: "2026-12-25", name: "Christmas" }]);
  });

  test("a timed UTC event is converted to the schedule's zone", () => {
    const text = ics(`
      UID:offsite@test
      DTSTAMP:20260101T000000Z
      DTSTART:20260610T120000Z
      DTEND:20260610T150000Z
      SUMMARY:Offsite`);
    // 12:00–15:00 UTC is 14:00–17:00 in Berlin (CEST) and 08:00–11:00 in New York (EDT).
    expect(readIcsHolidays(text, BERLIN_2026, TIMED).holidays).toEqual([
      { date: "2026-06-10", name: "Offsite", closedFrom: "14:00", closedUntil: "17:00" },
    ]);
    expect(readIcsHolidays(text, { ...BERLIN_2026, timeZone: "America/New_York" }, TIMED).holidays).toEqual([
      { date: "2026-06-10", name: "Offsite", closedFrom: "08:00", closedUntil: "11:00" },
    ]);
  });

  test("a timed event crossing local midnight is split per date, whole days in the middle", () => {
    const text = ics(`
      UID:move@test
      DTSTAMP:20260101T000000Z
      DTSTART:20260610T200000Z
      DTEND:20260612T080000Z
      SUMMARY:Office move`);
    // 22:00 CEST on the 10th to 10:00 CEST on the 12th.
    expect(readIcsHolidays(text, BERLIN_2026, TIMED).holidays).toEqual([
      { date: "2026-06-10", name: "Office move", closedFrom: "22:00", closedUntil: "24:00" },
      { date: "2026-06-11", name: "Office move" },
      { date: "2026-06-12", name: "Office move", closedFrom: "00:00", closedUntil: "10:00" },
    ]);
  });

  test("a TZID event with its VTIMEZONE is converted from that zone", () => {
    const text = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Hearback//Tests//EN",
      "BEGIN:VTIMEZONE",
      "TZID:America/New_York",
      "BEGIN:DAYLIGHT",
      "TZOFFSETFROM:-0500",
      "TZOFFSETTO:-0400",
      "TZNAME:EDT",
      "DTSTART:19700308T020000",
      "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
      "END:DAYLIGHT",
      "BEGIN:STANDARD",
      "TZOFFSETFROM:-0400",
      "TZOFFSETTO:-0500",
      "TZNAME:EST",
      "DTSTART:19701101T020000",
      "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
      "END:STANDARD",
      "END:VTIMEZONE",
      "BEGIN:VEVENT",
      "UID:ny@test",
      "DTSTAMP:20260101T000000Z",
      "DTSTART;TZID=America/New_York:20260610T090000",
      "DTEND;TZID=America/New_York:20260610T110000",
      "SUMMARY:All hands",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ].join("\r\n");
    // 09:00–11:00 EDT = 13:00–15:00 UTC = 15:00–17:00 CEST.
    expect(readIcsHolidays(text, BERLIN_2026, TIMED).holidays).toEqual([
      { date: "2026-06-10", name: "All hands", closedFrom: "15:00", closedUntil: "17:00" },
    ]);
  });

  test("a TZID event without a VTIMEZONE uses the IANA zone of that name", () => {
    const text = ics(`
      UID:tokyo@test
      DTSTAMP:20260101T000000Z
      DTSTART;TZID=Asia/Tokyo:20260115T180000
      DTEND;TZID=Asia/Tokyo:20260115T200000
      SUMMARY:Tokyo party`);
    // 18:00–20:00 JST = 09:00–11:00 UTC = 10:00–12:00 CET.
    expect(readIcsHolidays(text, BERLIN_2026, TIMED).holidays).toEqual([
      { date: "2026-01-15", name: "Tokyo party", closedFrom: "10:00", closedUntil: "12:00" },
    ]);
  });

  test("a floating time (no zone) is taken as the schedule's local time", () => {
    const text = ics(`
      UID:float@test
      DTSTAMP:20260101T000000Z
      DTSTART:20260302T130000
      DTEND:20260302T150000
      SUMMARY:Training`);
    expect(readIcsHolidays(text, BERLIN_2026, TIMED).holidays).toEqual([
      { date: "2026-03-02", name: "Training", closedFrom: "13:00", closedUntil: "15:00" },
    ]);
  });

  test("a weekly RRULE with COUNT is expanded, only inside the window", () => {
    const text = ics(`
      UID:weekly-count@test
      DTSTAMP:20260101T000000Z
      DTSTART;VALUE=DATE:20251222
      DTEND;VALUE=DATE:20251223
      RRULE:FREQ=WEEKLY;COUNT=5
      SUMMARY:Team day`);
    // Occurrences: 2025-12-22, 2025-12-29, 2026-01-05, 2026-01-12, 2026-01-19; the window starts in 2026.
    expect(readIcsHolidays(text, BERLIN_2026).holidays.map((holiday) => holiday.date)).toEqual([
      "2026-01-05",
      "2026-01-12",
      "2026-01-19",
    ]);
  });

  test("a weekly RRULE with UNTIL is expanded up to UNTIL and cut at the window's end", () => {
    const text = ics(`
      UID:weekly-until@test
      DTSTAMP:20260101T000000Z
      DTSTART:20261202T150000Z
      DTEND:20261202T170000Z
      RRULE:FREQ=WEEKLY;UNTIL=20270131T235959Z
      SUMMARY:Wednesday afternoons`);
    // Wednesdays 15:00–17:00 UTC = 16:00–18:00 CET from 2 December; the window ends on 31 December.
    expect(readIcsHolidays(text, BERLIN_2026, TIMED).holidays).toEqual(
      ["2026-12-02", "2026-12-09", "2026-12-16", "2026-12-23", "2026-12-30"].map((date) => ({
        date,
        name: "Wednesday afternoons",
        closedFrom: "16:00",
        closedUntil: "18:00",
      })),
    );
    expect(
      readIcsHolidays(text, { from: "2027-01-01", until: "2027-12-31", timeZone: "Europe/Berlin" }, TIMED).holidays.map(
        (holiday) => holiday.date,
      ),
    ).toEqual(["2027-01-06", "2027-01-13", "2027-01-20", "2027-01-27"]);
  });

  test("an endless weekly RRULE stays within the window", () => {
    const text = ics(`
      UID:forever@test
      DTSTAMP:20260101T000000Z
      DTSTART;VALUE=DATE:20260102
      RRULE:FREQ=WEEKLY
      SUMMARY:Fridays off`);
    const fridays = readIcsHolidays(text, BERLIN_2026).holidays;
    expect(fridays).toHaveLength(52);
    expect(fridays[0]).toEqual({ date: "2026-01-02", name: "Fridays off" });
    expect(fridays.at(-1)).toEqual({ date: "2026-12-25", name: "Fridays off" });
  });

  test("events outside the window are left out; a date listed twice is kept once", () => {
    const text = ics(
      `UID:a@test
      DTSTAMP:20260101T000000Z
      DTSTART;VALUE=DATE:20261225
      SUMMARY:Christmas`,
      `UID:b@test
      DTSTAMP:20260101T000000Z
      DTSTART;VALUE=DATE:20261225
      SUMMARY:Christmas Day`,
      `UID:c@test
      DTSTAMP:20260101T000000Z
      DTSTART;VALUE=DATE:20271225
      SUMMARY:Next Christmas`,
    );
    expect(readIcsHolidays(text, BERLIN_2026).holidays).toEqual([{ date: "2026-12-25", name: "Christmas" }]);
  });

  test("EXDATE, a moved occurrence (RECURRENCE-ID) and a cancelled one are honoured", () => {
    const text = ics(
      `UID:standup@test
      DTSTAMP:20260101T000000Z
      DTSTART:20260105T090000Z
      DTEND:20260105T100000Z
      RRULE:FREQ=WEEKLY;COUNT=5
      EXDATE:20260112T090000Z
      SUMMARY:All hands`,
      `UID:standup@test
      DTSTAMP:20260101T000000Z
      RECURRENCE-ID:20260119T090000Z
      DTSTART:20260120T130000Z
      DTEND:20260120T140000Z
      SUMMARY:All hands (moved)`,
      `UID:standup@test
      DTSTAMP:20260101T000000Z
      RECURRENCE-ID:20260126T090000Z
      DTSTART:20260126T090000Z
      DTEND:20260126T100000Z
      STATUS:CANCELLED
      SUMMARY:All hands`,
    );
    // 09:00–10:00 UTC is 10:00–11:00 in Berlin (CET); the moved one is 14:00–15:00 on Tuesday the 20th.
    expect(readIcsHolidays(text, BERLIN_2026, TIMED).holidays).toEqual([
      { date: "2026-01-05", name: "All hands", closedFrom: "10:00", closedUntil: "11:00" },
      { date: "2026-01-20", name: "All hands (moved)", closedFrom: "14:00", closedUntil: "15:00" },
      { date: "2026-02-02", name: "All hands", closedFrom: "10:00", closedUntil: "11:00" },
    ]);
  });

  test("a daily series that began years before the window still reaches it", () => {
    const text = ics(`
      UID:daily@test
      DTSTAMP:20050101T000000Z
      DTSTART;VALUE=DATE:20050101
      RRULE:FREQ=DAILY
      SUMMARY:Every day`);
    const holidays = readIcsHolidays(text, {
      from: "2026-03-01",
      until: "2026-03-31",
      timeZone: "Europe/Berlin",
    }).holidays;
    expect(holidays).toHaveLength(31);
    expect(holidays[0]).toEqual({ date: "2026-03-01", name: "Every day" });
  });

  test("a timed closure covers whole minutes: seconds round the start down and the end up", () => {
    const text = ics(`
      UID:seconds@test
      DTSTAMP:20260101T000000Z
      DTSTART:20260610T120010Z
      DTEND:20260610T125930Z
      SUMMARY:Short`);
    expect(readIcsHolidays(text, BERLIN_2026, TIMED).holidays).toEqual([
      { date: "2026-06-10", name: "Short", closedFrom: "14:00", closedUntil: "15:00" },
    ]);
  });

  test("a file whose events all fall outside the window reads them and finds none inside it", () => {
    const text = ics(
      `UID:old@test
      DTSTAMP:20200101T000000Z
      DTSTART;VALUE=DATE:20201225
      SUMMARY:Christmas 2020`,
      `UID:older@test
      DTSTAMP:20200101T000000Z
      DTSTART;VALUE=DATE:20191225
      DTEND;VALUE=DATE:20191227
      SUMMARY:Christmas 2019`,
    );
    expect(readIcsHolidays(text, BERLIN_2026)).toMatchObject({ holidays: [], events: 2, eventsInWindow: 0 });
    expect(readIcsHolidays(ics(), BERLIN_2026)).toMatchObject({ holidays: [], events: 0, eventsInWindow: 0 });
  });

  test("an unreadable event is skipped with a plain reason, without ical.js internals; the others are imported", () => {
    const text = ics(
      `UID:bad@test
      DTSTAMP:20260101T000000Z
      DTSTART:2026-13-45T99
      SUMMARY:Broken`,
      `UID:bad-rule@test
      DTSTAMP:20260101T000000Z
      DTSTART;VALUE=DATE:20260105
      RRULE:FREQ=SOMETIMES`,
      `UID:good@test
      DTSTAMP:20260101T000000Z
      DTSTART;VALUE=DATE:20261225
      SUMMARY:Christmas`,
    );
    expect(readIcsHolidays(text, BERLIN_2026)).toMatchObject({
      holidays: [{ date: "2026-12-25", name: "Christmas" }],
      // Lines ical.js cannot parse are found first, dates and rules it cannot read when the events are expanded.
      skipped: [
        { name: "An event without a title", reason: "it has a line that cannot be read" },
        { name: "Broken", reason: "its date or repeat rule cannot be read" },
      ],
    });
  });

  test("a file of several calendars one after another (concatenated exports) is read whole", () => {
    const first = ics(`
      UID:one@test
      DTSTAMP:20260101T000000Z
      DTSTART;VALUE=DATE:20260501
      SUMMARY:Labour Day`);
    const second = ics(`
      UID:two@test
      DTSTAMP:20260101T000000Z
      DTSTART;VALUE=DATE:20261003
      SUMMARY:Unity Day`);
    expect(readIcsHolidays(first + second, BERLIN_2026).holidays).toEqual([
      { date: "2026-05-01", name: "Labour Day" },
      { date: "2026-10-03", name: "Unity Day" },
    ]);
  });

  test("a leading byte-order mark (as some Windows exports write) is ignored", () => {
    const text = `\uFEFF${ics(`
      UID:bom@test
      DTSTAMP:20260101T000000Z
      DTSTART;VALUE=DATE:20261225
      SUMMARY:Christmas`)}`;
    expect(readIcsHolidays(text, BERLIN_2026).holidays).toEqual([{ date: "2026-12-25", name: "Christmas" }]);
  });

  test.each([
    ["not iCalendar at all", "this is not a calendar"],
    ["a component that is not a calendar", "BEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:20260101\r\nEND:VEVENT\r\n"],
  ])("malformed input (%s) is a HolidayImportError", (_, text) => {
    expect(() => readIcsHolidays(text, BERLIN_2026)).toThrow(HolidayImportError);
  });

  test("a file cut off inside a broken event gives that event as skipped, nothing else", () => {
    const text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Half\r\nDTSTART;;;\r\n";
    expect(readIcsHolidays(text, BERLIN_2026)).toMatchObject({
      holidays: [],
      skipped: [{ name: "Half", reason: "it has a line that cannot be read" }],
    });
  });

  test("a malformed window is a HolidayImportError", () => {
    const text = ics(`
      UID:one@test
      DTSTAMP:20260101T000000Z
      DTSTART;VALUE=DATE:20261225`);
    expect(() => readIcsHolidays(text, { ...BERLIN_2026, from: "next year" }, TIMED)).toThrow(HolidayImportError);
    expect(() => readIcsHolidays(text, { ...BERLIN_2026, from: "2027-01-01" }, TIMED)).toThrow(HolidayImportError);
    expect(() => readIcsHolidays(text, { ...BERLIN_2026, timeZone: "Mars/Olympus" }, TIMED)).toThrow(
      HolidayImportError,
    );
  });

  describe("bounds: no event can make the import run for long", () => {
    // A real calendar file with a duration of millions of weeks: ical.js loops for good computing its end.
    const invalidDuration = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//icalendar//test//EN",
      "BEGIN:VEVENT",
      "UID:invalid-duration@example.com",
      "DTSTAMP:20240101T000000Z",
      "DTSTART:20240101T000000Z",
      "DURATION:P999999999999999999W",
      "SUMMARY:Event with an impractical duration",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ].join("\n");

    test("an event lasting longer than a year (DURATION) is skipped before ical.js computes its end", () => {
      expect(readIcsHolidays(invalidDuration, BERLIN_2026, TIMED)).toMatchObject({
        holidays: [],
        skipped: [{ name: "Event with an impractical duration", reason: "it lasts longer than a year" }],
      });
      for (const duration of ["P5200W", "P52000W", "P367D", "PT9999999999S", "P53W"]) {
        const text = ics(`
          UID:long@test
          DTSTAMP:20260101T000000Z
          DTSTART:20260101T000000Z
          DURATION:${duration}
          SUMMARY:Long`);
        expect(readIcsHolidays(text, BERLIN_2026, TIMED).skipped, duration).toEqual([
          { name: "Long", reason: "it lasts longer than a year" },
        ]);
      }
    });

    test("an event whose DTEND is more than a year after its DTSTART is skipped; one of a year is read", () => {
      const text = ics(
        `UID:century@test
        DTSTAMP:20260101T000000Z
        DTSTART:19260101T000000Z
        DTEND:20360101T000000Z
        SUMMARY:A century`,
        `UID:year@test
        DTSTAMP:20260101T000000Z
        DTSTART;VALUE=DATE:20260101
        DTEND;VALUE=DATE:20270101
        SUMMARY:Sabbatical`,
      );
      const read = readIcsHolidays(text, BERLIN_2026, TIMED);
      expect(read.skipped).toEqual([{ name: "A century", reason: "it lasts longer than a year" }]);
      expect(read.holidays).toHaveLength(365);
    });

    test("a repeat interval out of range is skipped", () => {
      const text = ics(`
        UID:interval@test
        DTSTAMP:20260101T000000Z
        DTSTART;VALUE=DATE:20260101
        RRULE:FREQ=DAILY;INTERVAL=999999999
        SUMMARY:Rarely`);
      expect(readIcsHolidays(text, BERLIN_2026)).toMatchObject({
        holidays: [],
        skipped: [{ name: "Rarely", reason: "its repeat rule cannot be followed" }],
      });
    });

    test("a series with more than 1,000 dates in the window is skipped whole, not cut off", () => {
      const text = ics(`
        UID:hourly@test
        DTSTAMP:20260101T000000Z
        DTSTART:20260101T000000Z
        DTEND:20260101T003000Z
        RRULE:FREQ=HOURLY
        SUMMARY:Every hour`);
      expect(readIcsHolidays(text, BERLIN_2026, TIMED)).toMatchObject({
        holidays: [],
        skipped: [{ name: "Every hour", reason: "it repeats more than 1,000 times in the import window" }],
      });
    });

    test("a series that would take too many repeats to reach the window is skipped", () => {
      const text = ics(`
        UID:since-year-one@test
        DTSTAMP:20260101T000000Z
        DTSTART;VALUE=DATE:00010101
        RRULE:FREQ=DAILY
        SUMMARY:Every day since year 1`);
      expect(readIcsHolidays(text, BERLIN_2026)).toMatchObject({
        holidays: [],
        skipped: [
          {
            name: "Every day since year 1",
            reason: "it began too long before the import window to follow its repeats",
          },
        ],
      });
    });

    test("a file with more than 5,000 dates in the window stops there and says how many events were left", () => {
      const daily = (n: number) => `UID:daily-${n}@test
        DTSTAMP:20260101T000000Z
        DTSTART;VALUE=DATE:20260101
        RRULE:FREQ=DAILY
        SUMMARY:Daily ${n}`;
      // Fifteen daily series of 365 dates each: the fourteenth would pass 5,000.
      const read = readIcsHolidays(
        ics(...Array.from({ length: 15 }, (_, index) => daily(index + 1))),
        BERLIN_2026,
        TIMED,
      );
      expect(read.holidays).toHaveLength(365);
      expect(read.holidays[0]).toEqual({ date: "2026-01-01", name: "Daily 1" });
      expect(read.skipped).toEqual([
        {
          name: "2 more events",
          reason: "the file has more than 5,000 dates in the import window, so the rest was not read",
        },
      ]);
    });
  });

  describe("time zones as Outlook and Exchange write them", () => {
    /** Folds content lines longer than 75 characters the way RFC 5545 (and Outlook) does: CRLF and one space. */
    function fold(line: string): string {
      const parts = [line.slice(0, 75)];
      for (let rest = line.slice(75); rest; rest = rest.slice(74)) parts.push(` ${rest.slice(0, 74)}`);
      return parts.join("\r\n");
    }

    /** A calendar exported from Outlook 16: Windows zone names with their VTIMEZONE, Microsoft's own properties. */
    const outlook = [
      "BEGIN:VCALENDAR",
      "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
      "VERSION:2.0",
      "METHOD:PUBLISH",
      "X-CALSTART:20260101T000000Z",
      "X-WR-CALNAME:New York office",
      "BEGIN:VTIMEZONE",
      "TZID:Eastern Standard Time",
      "BEGIN:STANDARD",
      "DTSTART:16011104T020000",
      "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11",
      "TZOFFSETFROM:-0400",
      "TZOFFSETTO:-0500",
      "END:STANDARD",
      "BEGIN:DAYLIGHT",
      "DTSTART:16010311T020000",
      "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3",
      "TZOFFSETFROM:-0500",
      "TZOFFSETTO:-0400",
      "END:DAYLIGHT",
      "END:VTIMEZONE",
      "BEGIN:VEVENT",
      "CLASS:PUBLIC",
      "CREATED:20260105T101010Z",
      fold(
        "DESCRIPTION:The New York office closes in the morning for the spring town hall\\; everyone meets at the hotel across the street.\\n",
      ),
      "DTEND;TZID=Eastern Standard Time:20260320T120000",
      "DTSTAMP:20260105T101010Z",
      "DTSTART;TZID=Eastern Standard Time:20260320T090000",
      "LAST-MODIFIED:20260105T101010Z",
      "PRIORITY:5",
      "SEQUENCE:0",
      "SUMMARY;LANGUAGE=en-us:Town hall (office closed)",
      "TRANSP:OPAQUE",
      fold(
        "UID:040000008200E00074C5B7101A82E0080000000030B1D7C4A17EDC01000000000000000010000000F2C4D3E1B7A5A94C9B1E3A0D7F6C2B11",
      ),
      "X-MICROSOFT-CDO-BUSYSTATUS:OOF",
      "X-MICROSOFT-CDO-IMPORTANCE:1",
      "X-MICROSOFT-CDO-INTENDEDSTATUS:OOF",
      "X-MICROSOFT-DISALLOW-COUNTER:FALSE",
      "X-MS-OLK-AUTOFILLLOCATION:FALSE",
      "X-MS-OLK-CONFTYPE:0",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "CLASS:PUBLIC",
      'DTEND;TZID="Eastern Standard Time":20260610T200000',
      "DTSTAMP:20260105T101010Z",
      'DTSTART;TZID="Eastern Standard Time":20260610T170000',
      "SUMMARY;LANGUAGE=en-us:Summer party",
      "TRANSP:OPAQUE",
      "UID:040000008200E00074C5B7101A82E00800000000A1",
      "X-MICROSOFT-CDO-BUSYSTATUS:OOF",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "DTEND;VALUE=DATE:20261226",
      "DTSTAMP:20260105T101010Z",
      "DTSTART;VALUE=DATE:20261225",
      "SUMMARY;LANGUAGE=en-us:Christmas Day",
      "TRANSP:TRANSPARENT",
      "UID:040000008200E00074C5B7101A82E00800000000A2",
      "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
      "X-MICROSOFT-CDO-BUSYSTATUS:OOF",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ].join("\r\n");

    test("Eastern Standard Time with its VTIMEZONE is New York time, daylight saving time included", () => {
      expect(readIcsHolidays(outlook, BERLIN_2026)).toMatchObject({
        holidays: [
          // 20 March: New York is on daylight time (since 8 March), Berlin not yet (from 29 March): 09:00 = 14:00.
          { date: "2026-03-20", name: "Town hall (office closed)", closedFrom: "14:00", closedUntil: "17:00" },
          // 17:00–20:00 EDT is 23:00–02:00 in Berlin.
          { date: "2026-06-10", name: "Summer party", closedFrom: "23:00", closedUntil: "24:00" },
          { date: "2026-06-11", name: "Summer party", closedFrom: "00:00", closedUntil: "02:00" },
          { date: "2026-12-25", name: "Christmas Day" },
        ],
        skipped: [],
        unknownTimeZones: [],
      });
      // In New York's own schedule the times stay as written.
      expect(readIcsHolidays(outlook, { ...BERLIN_2026, timeZone: "America/New_York" }).holidays[0]).toEqual({
        date: "2026-03-20",
        name: "Town hall (office closed)",
        closedFrom: "09:00",
        closedUntil: "12:00",
      });
    });

    test("a Windows zone name without a VTIMEZONE is mapped to its IANA zone", () => {
      const text = ics(`
        UID:berlin@test
        DTSTAMP:20260101T000000Z
        DTSTART;TZID=W. Europe Standard Time:20260610T150000
        DTEND;TZID=W. Europe Standard Time:20260610T170000
        SUMMARY:Berlin offsite`);
      expect(readIcsHolidays(text, { ...BERLIN_2026, timeZone: "America/New_York" }, TIMED)).toMatchObject({
        holidays: [{ date: "2026-06-10", name: "Berlin offsite", closedFrom: "09:00", closedUntil: "11:00" }],
        unknownTimeZones: [],
      });
    });

    test("a zone only the file defines (Outlook's custom zones) is read with its VTIMEZONE", () => {
      const text = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
        "BEGIN:VTIMEZONE",
        "TZID:Customized Time Zone",
        "BEGIN:STANDARD",
        "DTSTART:16010101T000000",
        "TZOFFSETFROM:+0530",
        "TZOFFSETTO:+0530",
        "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        "UID:india@test",
        "DTSTAMP:20260101T000000Z",
        "DTSTART;TZID=Customized Time Zone:20260610T100000",
        "DTEND;TZID=Customized Time Zone:20260610T120000",
        "SUMMARY:Pune holiday lunch",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
      ].join("\r\n");
      // 10:00–12:00 at +05:30 is 04:30–06:30 UTC, 06:30–08:30 in Berlin (CEST).
      expect(readIcsHolidays(text, BERLIN_2026, TIMED)).toMatchObject({
        holidays: [{ date: "2026-06-10", name: "Pune holiday lunch", closedFrom: "06:30", closedUntil: "08:30" }],
        unknownTimeZones: [],
      });
    });

    test("a zone nobody defines is read in the schedule's zone, and named so the summary can say so", () => {
      const text = ics(`
        UID:mars@test
        DTSTAMP:20260101T000000Z
        DTSTART;TZID=Mars Standard Time:20260610T150000
        DTEND;TZID=Mars Standard Time:20260610T170000
        SUMMARY:Landing day`);
      expect(readIcsHolidays(text, BERLIN_2026, TIMED)).toMatchObject({
        holidays: [{ date: "2026-06-10", name: "Landing day", closedFrom: "15:00", closedUntil: "17:00" }],
        unknownTimeZones: ["Mars Standard Time"],
      });
    });

    test("a VTIMEZONE with rules no real zone has (changes every second) is not followed", () => {
      const text = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Hearback//Tests//EN",
        "BEGIN:VTIMEZONE",
        "TZID:Restless",
        "BEGIN:STANDARD",
        "DTSTART:19000101T000000",
        "RRULE:FREQ=SECONDLY",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        "UID:restless@test",
        "DTSTAMP:20260101T000000Z",
        "DTSTART;TZID=Restless:20260610T150000",
        "DTEND;TZID=Restless:20260610T170000",
        "SUMMARY:Restless",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
      ].join("\r\n");
      expect(readIcsHolidays(text, BERLIN_2026, TIMED)).toMatchObject({
        holidays: [{ date: "2026-06-10", closedFrom: "15:00", closedUntil: "17:00" }],
        unknownTimeZones: ["Restless"],
      });
    });
  });

  describe("timed events: only out-of-office ones unless asked", () => {
    const calendar = ics(
      `UID:holiday@test
      DTSTAMP:20260101T000000Z
      DTSTART;VALUE=DATE:20261225
      TRANSP:TRANSPARENT
      SUMMARY:Christmas`,
      `UID:standup@test
      DTSTAMP:20260101T000000Z
      DTSTART:20260105T090000Z
      DTEND:20260105T091500Z
      RRULE:FREQ=DAILY
      TRANSP:OPAQUE
      SUMMARY:Stand-up`,
      `UID:review@test
      DTSTAMP:20260101T000000Z
      DTSTART:20260310T130000Z
      DTEND:20260310T140000Z
      TRANSP:OPAQUE
      SUMMARY:Quarterly review`,
      `UID:last-year@test
      DTSTAMP:20250101T000000Z
      DTSTART:20250310T130000Z
      DTEND:20250310T140000Z
      SUMMARY:Meeting last year`,
      `UID:oof@test
      DTSTAMP:20260101T000000Z
      DTSTART:20260401T120000Z
      DTEND:20260401T160000Z
      X-MICROSOFT-CDO-BUSYSTATUS:OOF
      SUMMARY:Team outing`,
      `UID:category@test
      DTSTAMP:20260101T000000Z
      DTSTART:20260501T120000Z
      DTEND:20260501T160000Z
      CATEGORIES:Company,Holiday
      SUMMARY:Half day`,
      `UID:category-ooo@test
      DTSTAMP:20260101T000000Z
      DTSTART:20260601T120000Z
      DTEND:20260601T160000Z
      CATEGORIES:Out of office
      SUMMARY:Offsite`,
      `UID:google-ooo@test
      DTSTAMP:20260101T000000Z
      DTSTART:20260701T120000Z
      DTEND:20260701T160000Z
      SUMMARY:Out of office`,
      `UID:outlook-all-day@test
      DTSTAMP:20260101T000000Z
      DTSTART;TZID=Europe/Berlin:20260801T000000
      DTEND;TZID=Europe/Berlin:20260802T000000
      X-MICROSOFT-CDO-ALLDAYEVENT:TRUE
      SUMMARY:Summer day`,
    );

    test("by default all-day and out-of-office events are imported, timed busy ones counted as left out", () => {
      const read = readIcsHolidays(calendar, BERLIN_2026);
      expect(read.holidays).toEqual([
        { date: "2026-04-01", name: "Team outing", closedFrom: "14:00", closedUntil: "18:00" },
        { date: "2026-05-01", name: "Half day", closedFrom: "14:00", closedUntil: "18:00" },
        { date: "2026-06-01", name: "Offsite", closedFrom: "14:00", closedUntil: "18:00" },
        { date: "2026-07-01", name: "Out of office", closedFrom: "14:00", closedUntil: "18:00" },
        { date: "2026-08-01", name: "Summer day" },
        { date: "2026-12-25", name: "Christmas" },
      ]);
      // The daily stand-up (a series counts once) and the review; last year's meeting is outside the window.
      expect(read).toMatchObject({ timedLeftOut: 2, events: 9, eventsInWindow: 8, skipped: [] });
    });

    test("asked to, timed busy events are imported too", () => {
      const read = readIcsHolidays(calendar, BERLIN_2026, TIMED);
      expect(read.timedLeftOut).toBe(0);
      // 5 January to 31 December, less the two whole days off (1 August, 25 December), which cover those dates.
      expect(read.holidays.filter((holiday) => holiday.name === "Stand-up")).toHaveLength(359);
      expect(read.holidays).toContainEqual({
        date: "2026-03-10",
        name: "Quarterly review",
        closedFrom: "14:00",
        closedUntil: "15:00",
      });
    });

    test("a calendar full of meetings left out does not use up the file's bounds before its holidays", () => {
      const meetings = Array.from(
        { length: 15 },
        (_, index) => `UID:meeting-${index}@test
        DTSTAMP:20260101T000000Z
        DTSTART:20260101T${String(index + 6).padStart(2, "0")}0000Z
        DTEND:20260101T${String(index + 6).padStart(2, "0")}3000Z
        RRULE:FREQ=DAILY
        SUMMARY:Meeting ${index}`,
      );
      const holiday = `UID:holiday@test
        DTSTAMP:20260101T000000Z
        DTSTART;VALUE=DATE:20261225
        SUMMARY:Christmas`;
      expect(readIcsHolidays(ics(...meetings, holiday), BERLIN_2026)).toMatchObject({
        holidays: [{ date: "2026-12-25", name: "Christmas" }],
        timedLeftOut: 15,
        skipped: [],
      });
    });
  });
});
