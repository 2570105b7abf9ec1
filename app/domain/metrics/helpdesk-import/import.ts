// Customer figures from a helpdesk's ticket export: read every ticket's creation, first reply and resolution, keep
// the tickets created in the chosen period, and work out each figure's median and attainment (the share answered
// within the team's target). Pure: the text in, the figures or every problem (by spreadsheet row) out.
import type { BenchmarkInput } from "../customer-benchmarks";
import { MAX_BENCHMARK_MINUTES } from "../customer-benchmarks";
import { readCsv, guessDelimiter } from "./csv";
import { dayText, readDay, readDuration, readTimestamp } from "./values";
import {
  columnIndex,
  detectVendor,
  HELPDESK_VENDOR_LABELS,
  VENDOR_SPECS,
  type FigureColumns,
  type HelpdeskVendor,
} from "./vendors";

export const HELPDESK_EXPORT_MAX_BYTES = 20 * 1024 * 1024;
export const HELPDESK_EXPORT_MAX_ROWS = 200_000;
/** When no period is chosen: the last 90 days of the file (by ticket creation). */
export const DEFAULT_PERIOD_DAYS = 90;
const MAX_ERRORS = 20;
const DAY = 86_400_000;

/** The figures a helpdesk export can give: next reply is not in any of these exports. */
export const HELPDESK_METRICS = ["first_reply", "resolution"] as const;
export type HelpdeskMetric = (typeof HELPDESK_METRICS)[number];

export type HelpdeskImportOptions = {
  /** The helpdesk, when the person chose one; otherwise it is told from the header row. */
  vendor?: HelpdeskVendor;
  /** First and last day of the period (UTC, inclusive), "2026-09-01"; by default the file's last 90 days. */
  from?: string;
  to?: string;
  /** The team's customer targets in minutes, per figure. */
  targets: Record<HelpdeskMetric, number>;
};

export type HelpdeskMetricFigures = {
  metric: HelpdeskMetric;
  targetMinutes: number;
  /** Met ÷ judged, 0–1; null when no ticket could be judged. */
  attainment: number | null;
  /** Median of the answered tickets, in minutes (one decimal); null when none was answered. */
  medianMinutes: number | null;
  /** Tickets with a reply (or resolution). */
  answered: number;
  /** Of those, within the target. */
  met: number;
  /** Tickets without one that have waited longer than the target by the file's last recorded time: missed. */
  overdue: number;
  /** Tickets without one that are younger than the target: not judged yet. */
  pending: number;
  /** Whether the helpdesk's business-hours times were used. */
  businessHours: boolean;
  /** The column the times were read from (or "<created> → <timestamp>"). */
  column: string;
};

export type HelpdeskFigures = {
  vendor: HelpdeskVendor;
  vendorLabel: string;
  period: { from: string; to: string };
  /** Tickets created in the period. */
  tickets: number;
  /** Tickets in the whole file. */
  ticketsInFile: number;
  metrics: HelpdeskMetricFigures[];
};

export type HelpdeskImportResult = { ok: true; figures: HelpdeskFigures } | { ok: false; errors: string[] };

type Ticket = { row: number; createdAt: Date; minutes: Record<HelpdeskMetric, number | null>; latest: number };

type FigureReader = {
  metric: HelpdeskMetric;
  label: string;
  column: string;
  businessHours: boolean;
  read: (cells: string[], createdAt: Date) => { minutes: number | null; at: number | null } | string;
};

const FIGURE_LABELS: Record<HelpdeskMetric, string> = { first_reply: "first reply", resolution: "resolution" };

function figureReader(
  metric: HelpdeskMetric,
  headers: string[],
  columns: FigureColumns,
  createdHeader: string,
): FigureReader | null {
  for (const duration of columns.durations) {
    const index = columnIndex(headers, duration.header);
    if (index < 0) continue;
    const header = headers[index]!;
    return {
      metric,
      label: FIGURE_LABELS[metric],
      column: header,
      businessHours: duration.businessHours,
      read: (cells) => {
        const text = cells[index] ?? "";
        const minutes = readDuration(text, duration.unit);
        if (minutes === undefined) return `“${header}” is not a duration (found “${text}”).`;
        return { minutes, at: null };
      },
    };
  }
  for (const timestamp of columns.timestamps) {
    const index = columnIndex(headers, timestamp);
    if (index < 0) continue;
    const header = headers[index]!;
    return {
      metric,
      label: FIGURE_LABELS[metric],
      column: `${createdHeader} → ${header}`,
      businessHours: false,
      read: (cells, createdAt) => {
        const text = cells[index] ?? "";
        const at = readTimestamp(text);
        if (at === undefined) return `“${header}” is not a date and time (found “${text}”).`;
        if (at === null) return { minutes: null, at: null };
        const minutes = (at.getTime() - createdAt.getTime()) / 60_000;
        if (minutes < 0) return `“${header}” is before the ticket was created.`;
        return { minutes, at: at.getTime() };
      },
    };
  }
  return null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(value * 10) / 10;
}

function capped(errors: string[]): string[] {
  if (errors.length <= MAX_ERRORS) return errors;
  return [...errors.slice(0, MAX_ERRORS), `…and ${errors.length - MAX_ERRORS} more problems.`];
}

function checkTargets(targets: Record<HelpdeskMetric, number>): string[] {
  return HELPDESK_METRICS.filter((metric) => {
    const target = targets[metric];
    return !(Number.isInteger(target) && target >= 1 && target <= MAX_BENCHMARK_MINUTES);
  }).map(
    (metric) =>
      `The ${FIGURE_LABELS[metric]} target must be a whole number of minutes from 1 to ${MAX_BENCHMARK_MINUTES}.`,
  );
}

function readPeriod(
  options: HelpdeskImportOptions,
  lastCreated: Date,
): { ok: true; from: Date; to: Date } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const from = options.from ? readDay(options.from) : undefined;
  const to = options.to ? readDay(options.to) : undefined;
  if (options.from && !from)
    errors.push(`The period’s first day must be a date like 2026-09-01 (found “${options.from}”).`);
  if (options.to && !to) errors.push(`The period’s last day must be a date like 2026-11-30 (found “${options.to}”).`);
  if (errors.length > 0) return { ok: false, errors };
  const lastDay = to ?? readDay(dayText(lastCreated))!;
  const firstDay = from ?? new Date(lastDay.getTime() - (DEFAULT_PERIOD_DAYS - 1) * DAY);
  if (firstDay > lastDay) return { ok: false, errors: ["The period’s first day is after its last day."] };
  return { ok: true, from: firstDay, to: lastDay };
}

/** Reads a helpdesk export and works out the customer figures for the period. Nothing is returned but errors when
 * any ticket in the file cannot be read. */
export function importHelpdeskExport(text: string, options: HelpdeskImportOptions): HelpdeskImportResult {
  const targetErrors = checkTargets(options.targets);
  if (targetErrors.length > 0) return { ok: false, errors: targetErrors };
  if (text.trim() === "")
    return { ok: false, errors: ["The file is empty. Export your tickets as CSV and choose that file."] };
  if (text.includes("\u0000")) {
    return {
      ok: false,
      errors: ["The file is not a CSV text file (a spreadsheet workbook or a zip?). Export it as CSV."],
    };
  }
  const parsed = readCsv(text, { delimiter: guessDelimiter(text), maxRecords: HELPDESK_EXPORT_MAX_ROWS + 2 });
  if (!parsed.ok) {
    const where = `row ${parsed.problem.line}`;
    return {
      ok: false,
      errors: [
        parsed.problem.kind === "unclosed_quote"
          ? `The file is not valid CSV: a quoted value in ${where} is never closed.`
          : `The file is not valid CSV: a quote in ${where} is out of place.`,
      ],
    };
  }
  const [headerRecord, ...records] = parsed.records;
  if (!headerRecord)
    return { ok: false, errors: ["The file is empty. Export your tickets as CSV and choose that file."] };
  if (records.length > HELPDESK_EXPORT_MAX_ROWS) {
    return {
      ok: false,
      errors: [
        `The file has more than ${HELPDESK_EXPORT_MAX_ROWS.toLocaleString("en")} tickets. Export a shorter period (90 days is plenty).`,
      ],
    };
  }
  const headers = headerRecord.cells;
  const detected = options.vendor ? ({ ok: true, vendor: options.vendor } as const) : detectVendor(headers);
  if (!detected.ok) return { ok: false, errors: [detected.error] };
  const spec = VENDOR_SPECS[detected.vendor];
  const vendorLabel = HELPDESK_VENDOR_LABELS[detected.vendor];
  const createdIndex = spec.created.map((name) => columnIndex(headers, name)).find((index) => index >= 0);
  const readers = HELPDESK_METRICS.map((metric) =>
    createdIndex === undefined
      ? null
      : figureReader(
          metric,
          headers,
          spec[metric === "first_reply" ? "firstReply" : "resolution"],
          headers[createdIndex]!,
        ),
  ).filter((reader): reader is FigureReader => reader !== null);
  if (createdIndex === undefined || readers.length === 0) {
    const wanted = [spec.created[0], spec.firstReply.durations[0]?.header ?? spec.firstReply.timestamps[0]].map(
      (name) => `“${name}”`,
    );
    return {
      ok: false,
      errors: [`Row 1 does not have the columns a ${vendorLabel} export has: it needs ${wanted.join(" and ")}.`],
    };
  }
  if (records.length === 0) return { ok: false, errors: ["The file has no tickets below the header row."] };

  const errors: string[] = [];
  const tickets: Ticket[] = [];
  for (const { cells, line } of records) {
    if (cells.every((cell) => cell === "")) continue;
    const createdText = cells[createdIndex] ?? "";
    const createdAt = readTimestamp(createdText);
    if (!createdAt) {
      errors.push(
        createdText === ""
          ? `Row ${line}: “${headers[createdIndex]}” is empty.`
          : `Row ${line}: “${headers[createdIndex]}” is not a date and time (found “${createdText}”).`,
      );
      continue;
    }
    const minutes: Record<HelpdeskMetric, number | null> = { first_reply: null, resolution: null };
    let latest = createdAt.getTime();
    let failed = false;
    for (const reader of readers) {
      const value = reader.read(cells, createdAt);
      if (typeof value === "string") {
        errors.push(`Row ${line}: ${value}`);
        failed = true;
        continue;
      }
      minutes[reader.metric] = value.minutes;
      if (value.at !== null) latest = Math.max(latest, value.at);
      else if (value.minutes !== null) latest = Math.max(latest, createdAt.getTime() + value.minutes * 60_000);
    }
    if (!failed) tickets.push({ row: line, createdAt, minutes, latest });
  }
  if (errors.length > 0) return { ok: false, errors: capped(errors) };
  if (tickets.length === 0) return { ok: false, errors: ["The file has no tickets below the header row."] };

  const lastCreated = new Date(Math.max(...tickets.map((ticket) => ticket.createdAt.getTime())));
  const period = readPeriod(options, lastCreated);
  if (!period.ok) return period;
  // What the file knows of time: nothing in it happened after its last recorded moment.
  const asOf = Math.max(...tickets.map((ticket) => ticket.latest));
  const end = period.to.getTime() + DAY;
  const inPeriod = tickets.filter(
    (ticket) => ticket.createdAt.getTime() >= period.from.getTime() && ticket.createdAt.getTime() < end,
  );
  const from = dayText(period.from);
  const to = dayText(period.to);
  if (inPeriod.length === 0) {
    const first = dayText(new Date(Math.min(...tickets.map((ticket) => ticket.createdAt.getTime()))));
    return {
      ok: false,
      errors: [
        `No ticket in the file was created between ${from} and ${to}; its tickets run from ${first} to ${dayText(lastCreated)}.`,
      ],
    };
  }
  const metrics = readers.map((reader): HelpdeskMetricFigures => {
    const target = options.targets[reader.metric];
    const answered = inPeriod.flatMap((ticket) => {
      const value = ticket.minutes[reader.metric];
      return value === null ? [] : [value];
    });
    const waiting = inPeriod.filter((ticket) => ticket.minutes[reader.metric] === null);
    const overdue = waiting.filter((ticket) => asOf - ticket.createdAt.getTime() > target * 60_000).length;
    const met = answered.filter((value) => value <= target).length;
    const judged = answered.length + overdue;
    return {
      metric: reader.metric,
      targetMinutes: target,
      attainment: judged === 0 ? null : Math.round((met / judged) * 1e4) / 1e4,
      medianMinutes: median(answered),
      answered: answered.length,
      met,
      overdue,
      pending: waiting.length - overdue,
      businessHours: reader.businessHours,
      column: reader.column,
    };
  });
  return {
    ok: true,
    figures: {
      vendor: detected.vendor,
      vendorLabel,
      period: { from, to },
      tickets: inPeriod.length,
      ticketsInFile: tickets.length,
      metrics,
    },
  };
}

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** "6 Dec 2026" for the day a moment falls on in a time zone (UTC unless told); "6 Dec" without the year. */
export function shortDay(date: Date, timeZone = "UTC", withYear = true): string {
  const parts = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "numeric", day: "numeric", timeZone })
    .formatToParts(date)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  const day = `${Number(parts.day)} ${MONTH_NAMES[Number(parts.month) - 1]}`;
  return withYear ? `${day} ${parts.year}` : day;
}

/** "1 Sep–30 Nov 2026", or "1 Nov 2025–31 Jan 2026" across a new year. */
export function periodText(from: Date, to: Date): string {
  const sameYear = from.getUTCFullYear() === to.getUTCFullYear();
  return `${shortDay(from, "UTC", !sameYear)}–${shortDay(to)}`;
}

/** The figures as they are stored: one benchmark per metric the export could give, its source saying where from. */
export function benchmarkInputsFrom(figures: HelpdeskFigures): BenchmarkInput[] {
  const period = periodText(readDay(figures.period.from)!, readDay(figures.period.to)!);
  return figures.metrics
    .filter((metric) => metric.attainment !== null || metric.medianMinutes !== null)
    .map((metric) => ({
      metric: metric.metric,
      targetMinutes: metric.targetMinutes,
      attainment: metric.attainment,
      medianMinutes: metric.medianMinutes,
      source:
        `${figures.vendorLabel} export, ${figures.tickets.toLocaleString("en")} tickets ${period}` +
        (metric.businessHours ? " (business hours)" : ""),
    }));
}
