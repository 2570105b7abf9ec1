import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { readCsv } from "./csv";
import {
  benchmarkInputsFrom,
  HELPDESK_EXPORT_MAX_ROWS,
  importHelpdeskExport,
  periodText,
  type HelpdeskImportOptions,
} from "./import";
import { provenanceOf, provenanceSentence } from "./provenance";
import { readDuration, readTimestamp } from "./values";
import { detectVendor } from "./vendors";

const fixture = (name: string) => readFileSync(`tests/fixtures/helpdesk/${name}`, "utf8");
const TARGETS: HelpdeskImportOptions = { targets: { first_reply: 60, resolution: 2880 } };

function figuresOf(name: string, options: Partial<HelpdeskImportOptions> = {}) {
  const result = importHelpdeskExport(fixture(name), { ...TARGETS, ...options });
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.figures;
}

const metric = (figures: ReturnType<typeof figuresOf>, name: "first_reply" | "resolution") =>
  figures.metrics.find((entry) => entry.metric === name);

describe("each helpdesk's export", () => {
  test("Zendesk: BOM, CRLF, quoted subjects with commas and line breaks; business-hours times preferred", () => {
    const figures = figuresOf("zendesk-tickets.csv");
    expect(figures).toMatchObject({ vendor: "zendesk", period: { from: "2026-09-02", to: "2026-11-30" }, tickets: 5 });
    expect(figures.ticketsInFile).toBe(6);
    expect(metric(figures, "first_reply")).toEqual({
      metric: "first_reply",
      targetMinutes: 60,
      attainment: 0.6,
      medianMinutes: 37.5,
      answered: 4,
      met: 3,
      overdue: 1,
      pending: 0,
      businessHours: true,
      column: "First reply time in minutes within business hours",
    });
    expect(metric(figures, "resolution")).toMatchObject({
      attainment: 0.75,
      medianMinutes: 400,
      answered: 3,
      met: 3,
      overdue: 1,
      pending: 1,
      businessHours: true,
    });
  });

  test("Zendesk without the business-hours columns uses calendar minutes", () => {
    const text = fixture("zendesk-tickets.csv").replace(/ within business hours/g, " (business)");
    const result = importHelpdeskExport(text, TARGETS);
    expect(result.ok && metric(result.figures, "first_reply")).toMatchObject({
      businessHours: false,
      column: "First reply time in minutes",
      medianMinutes: 60,
      met: 2,
    });
  });

  test("Freshdesk: hours, plain timestamps, open tickets", () => {
    const figures = figuresOf("freshdesk-tickets.csv");
    expect(figures).toMatchObject({
      vendor: "freshdesk",
      period: { from: "2026-07-07", to: "2026-10-04" },
      tickets: 4,
    });
    expect(metric(figures, "first_reply")).toMatchObject({ attainment: 0.5, medianMinutes: 30, overdue: 1 });
    expect(metric(figures, "resolution")).toMatchObject({ attainment: 1, medianMinutes: 915, pending: 2 });
  });

  test("Help Scout: written-out durations, ISO times", () => {
    const figures = figuresOf("helpscout-conversations.csv");
    expect(figures.vendor).toBe("helpscout");
    expect(metric(figures, "first_reply")).toMatchObject({ attainment: 0.3333, medianMinutes: 82.5, overdue: 1 });
    expect(metric(figures, "resolution")).toMatchObject({ attainment: 1, medianMinutes: 877.5, pending: 1 });
  });

  test("Zammad: durations from the timestamps", () => {
    const figures = figuresOf("zammad-tickets.csv");
    expect(figures.vendor).toBe("zammad");
    expect(metric(figures, "first_reply")).toMatchObject({
      attainment: 0.6667,
      medianMinutes: 40,
      column: "created_at → first_response_at",
      businessHours: false,
    });
    expect(metric(figures, "resolution")).toMatchObject({ attainment: 0.5, medianMinutes: 2880, pending: 1 });
  });

  test("Chatwoot: month-name dates and “1 hr 5 mins”", () => {
    const figures = figuresOf("chatwoot-conversations.csv");
    expect(figures.vendor).toBe("chatwoot");
    expect(metric(figures, "first_reply")).toMatchObject({ attainment: 0.3333, medianMinutes: 35 });
    expect(metric(figures, "resolution")).toMatchObject({ attainment: 0.3333, medianMinutes: 2235, overdue: 1 });
  });
});

describe("detecting the helpdesk", () => {
  test("from the header row, telling Help Scout from Chatwoot", () => {
    expect(detectVendor(["Created At", "First Response Time"])).toEqual({ ok: true, vendor: "helpscout" });
    expect(detectVendor(["Created at", "First response time", "Inbox"])).toEqual({ ok: true, vendor: "chatwoot" });
    expect(detectVendor(["created at", "first response time"])).toMatchObject({ ok: false });
    expect(detectVendor(["Id", "Created at", "First reply time in minutes"])).toEqual({ ok: true, vendor: "zendesk" });
  });

  test("a chosen helpdesk is used, and its missing columns are named", () => {
    const result = importHelpdeskExport(fixture("zammad-tickets.csv"), { ...TARGETS, vendor: "zendesk" });
    expect(result).toEqual({
      ok: false,
      errors: [
        "Row 1 does not have the columns a Zendesk export has: it needs “Created at” and “First reply time in minutes within business hours”.",
      ],
    });
  });

  test("the benchmark template or another file is refused with a pointer to the right place", () => {
    const result = importHelpdeskExport(
      "metric,target_minutes,attainment,median_minutes\nfirst_reply,60,95%,42\n",
      TARGETS,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/does not look like a ticket export.*CSV template/);
  });
});

describe("problems", () => {
  test("unreadable dates and durations are named by row; nothing is computed", () => {
    const text = [
      "id,created_at,first_response_at,close_at",
      "1,2026-09-01T09:00:00Z,2026-09-01T09:30:00Z,",
      "2,01.09.2026 09:00,2026-09-01T09:30:00Z,",
      "3,2026-09-01T09:00:00Z,soon,",
      "4,2026-09-01T09:00:00Z,2026-08-31T09:00:00Z,",
      "5,,2026-09-01T09:30:00Z,",
      "6,2026-02-31T09:00:00Z,,",
    ].join("\n");
    expect(importHelpdeskExport(text, TARGETS)).toEqual({
      ok: false,
      errors: [
        "Row 3: “created_at” is not a date and time (found “01.09.2026 09:00”).",
        "Row 4: “first_response_at” is not a date and time (found “soon”).",
        "Row 5: “first_response_at” is before the ticket was created.",
        "Row 6: “created_at” is empty.",
        "Row 7: “created_at” is not a date and time (found “2026-02-31T09:00:00Z”).",
      ],
    });
  });

  test("a long list of problems is cut short", () => {
    const rows = Array.from({ length: 30 }, (_, index) => `${index},yesterday,`);
    const result = importHelpdeskExport(["created_at,first_response_at", ...rows].join("\n"), TARGETS);
    expect(!result.ok && result.errors).toHaveLength(21);
    expect(!result.ok && result.errors[20]).toBe("…and 10 more problems.");
  });

  test("empty, header-only, binary and broken files", () => {
    expect(importHelpdeskExport("", TARGETS)).toEqual({
      ok: false,
      errors: ["The file is empty. Export your tickets as CSV and choose that file."],
    });
    expect(importHelpdeskExport("\ufeff\r\n", TARGETS).ok).toBe(false);
    expect(importHelpdeskExport("created_at,first_response_at\n", TARGETS)).toEqual({
      ok: false,
      errors: ["The file has no tickets below the header row."],
    });
    expect(importHelpdeskExport("PK\u0003\u0004\u0000\u0000", TARGETS)).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/not a CSV text file/)],
    });
    expect(importHelpdeskExport('created_at,first_response_at\n"2026-09-01T09:00:00Z,\n', TARGETS)).toEqual({
      ok: false,
      errors: ["The file is not valid CSV: a quoted value in row 2 is never closed."],
    });
  });

  test("too many rows are refused before any is read", () => {
    const rows = "2026-09-01T09:00:00Z,\n".repeat(HELPDESK_EXPORT_MAX_ROWS + 1);
    const result = importHelpdeskExport(`created_at,first_response_at\n${rows}`, TARGETS);
    expect(!result.ok && result.errors[0]).toMatch(/more than 200,000 tickets/);
  });

  test("bad targets and periods", () => {
    expect(
      importHelpdeskExport(fixture("zammad-tickets.csv"), { targets: { first_reply: 0, resolution: 1.5 } }),
    ).toEqual({
      ok: false,
      errors: [
        "The first reply target must be a whole number of minutes from 1 to 525600.",
        "The resolution target must be a whole number of minutes from 1 to 525600.",
      ],
    });
    expect(
      importHelpdeskExport(fixture("zammad-tickets.csv"), { ...TARGETS, from: "2026-10-01", to: "2026-09-01" }),
    ).toEqual({
      ok: false,
      errors: ["The period’s first day is after its last day."],
    });
    expect(importHelpdeskExport(fixture("zammad-tickets.csv"), { ...TARGETS, from: "1 Sep" }).ok).toBe(false);
    expect(
      importHelpdeskExport(fixture("zammad-tickets.csv"), { ...TARGETS, from: "2027-01-01", to: "2027-02-01" }),
    ).toEqual({
      ok: false,
      errors: [
        "No ticket in the file was created between 2027-01-01 and 2027-02-01; its tickets run from 2026-09-10 to 2026-09-20.",
      ],
    });
  });
});

describe("the period", () => {
  test("a chosen period keeps only the tickets created in it (both days included)", () => {
    const figures = figuresOf("zendesk-tickets.csv", { from: "2026-08-20", to: "2026-09-02" });
    expect(figures).toMatchObject({ tickets: 2, period: { from: "2026-08-20", to: "2026-09-02" } });
    expect(metric(figures, "first_reply")).toMatchObject({ answered: 2, medianMinutes: 22.5, attainment: 1 });
  });

  test("an unanswered ticket younger than the target is not judged; older, it counts as missed", () => {
    const text = [
      "created_at,first_response_at",
      "2026-09-01T09:00:00Z,2026-09-01T09:20:00Z",
      "2026-09-01T09:30:00Z,",
      "2026-09-01T08:00:00Z,",
    ].join("\n");
    const result = importHelpdeskExport(text, TARGETS);
    // The file's last moment is 09:30: the 09:30 ticket has waited 0 minutes, the 08:00 one 90.
    expect(result.ok && metric(result.figures, "first_reply")).toMatchObject({
      met: 1,
      overdue: 1,
      pending: 1,
      attainment: 0.5,
    });
  });
});

test("the stored figures and their source", () => {
  expect(benchmarkInputsFrom(figuresOf("zendesk-tickets.csv"))).toEqual([
    {
      metric: "first_reply",
      targetMinutes: 60,
      attainment: 0.6,
      medianMinutes: 37.5,
      source: "Zendesk export, 5 tickets 2 Sep–30 Nov 2026 (business hours)",
    },
    {
      metric: "resolution",
      targetMinutes: 2880,
      attainment: 0.75,
      medianMinutes: 400,
      source: "Zendesk export, 5 tickets 2 Sep–30 Nov 2026 (business hours)",
    },
  ]);
  expect(periodText(new Date("2025-11-01T00:00:00Z"), new Date("2026-01-31T00:00:00Z"))).toBe("1 Nov 2025–31 Jan 2026");
});

test("provenance in words", () => {
  const base = {
    importVendor: "zendesk",
    importFileName: "tickets.csv",
    importTickets: 1204,
    importPeriodFrom: new Date("2026-09-01T00:00:00Z"),
    importPeriodTo: new Date("2026-11-30T00:00:00Z"),
    importBusinessHours: true,
    updatedAt: new Date("2026-12-06T01:30:00Z"),
    updatedBy: { name: "Priya Raman" },
  };
  expect(provenanceSentence(provenanceOf(base), "Europe/Berlin")).toBe(
    "Imported from Zendesk export, 1,204 tickets 1 Sep–30 Nov 2026, in business hours, on 6 Dec 2026 by Priya Raman.",
  );
  // The day is the reader's: 01:30 UTC is still 5 December in New York.
  expect(provenanceSentence(provenanceOf(base), "America/New_York")).toMatch(/on 5 Dec 2026 by Priya Raman\.$/);
  const typed = { ...base, importVendor: null, importTickets: null, importPeriodFrom: null, importPeriodTo: null };
  expect(provenanceSentence(provenanceOf({ ...typed, updatedBy: null }), "UTC")).toBe("Entered on 6 Dec 2026.");
});

describe("reading values", () => {
  test("timestamps", () => {
    expect(readTimestamp("2026-09-01 09:15:00 +0200")?.toISOString()).toBe("2026-09-01T07:15:00.000Z");
    expect(readTimestamp("2026-09-01T09:15:00.250-05:00")?.toISOString()).toBe("2026-09-01T14:15:00.250Z");
    expect(readTimestamp("2026-09-01 09:15 UTC")?.toISOString()).toBe("2026-09-01T09:15:00.000Z");
    expect(readTimestamp("Sep 1, 2026 12:05 AM")?.toISOString()).toBe("2026-09-01T00:05:00.000Z");
    expect(readTimestamp("Sep 1, 2026 12:05 PM")?.toISOString()).toBe("2026-09-01T12:05:00.000Z");
    expect(readTimestamp("")).toBeNull();
    for (const bad of ["2026-13-01", "2026-09-01 25:00", "Foo 1, 2026", "tomorrow", "2026-09-01 09:15 +2"]) {
      expect(readTimestamp(bad), bad).toBeUndefined();
    }
  });

  test("durations", () => {
    expect(readDuration("90", "minutes")).toBe(90);
    expect(readDuration("1.5", "hours")).toBe(90);
    expect(readDuration("5400", "seconds")).toBe(90);
    expect(readDuration("01:30:00", "hours")).toBe(90);
    expect(readDuration("1d 2h 3m", "seconds")).toBe(1563);
    expect(readDuration("1 hr 5 mins", "seconds")).toBe(65);
    expect(readDuration("30s", "minutes")).toBe(0.5);
    expect(readDuration("", "minutes")).toBeNull();
    for (const bad of ["-5", "soon", "5 parsecs", "1h and 5m"])
      expect(readDuration(bad, "minutes"), bad).toBeUndefined();
  });

  test("the CSV reader", () => {
    expect(readCsv('\ufeffa,"b ""c"", d"\r\n\r\n1,"x\ny"\r2,3')).toEqual({
      ok: true,
      records: [
        { cells: ["a", 'b "c", d'], line: 1 },
        { cells: ["1", "x\ny"], line: 3 },
        { cells: ["2", "3"], line: 5 },
      ],
    });
    expect(readCsv('a,b"c\n')).toEqual({ ok: false, problem: { kind: "stray_quote", line: 1 } });
    expect(readCsv('a,"b"c\n')).toEqual({ ok: false, problem: { kind: "stray_quote", line: 1 } });
    expect(readCsv("a;b\n1;2", { delimiter: ";" })).toMatchObject({
      ok: true,
      records: [{ cells: ["a", "b"] }, { cells: ["1", "2"] }],
    });
  });
});
