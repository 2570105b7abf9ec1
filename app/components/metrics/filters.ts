// The dashboard's filters as they travel in its URL (shared by /metrics, the drill-downs and the CSV exports): dates
// are whole UTC days, both ends included, defaulting to the last 90 days. Pure, so the form and the loaders agree.
import { MAX_WINDOW_YEARS } from "~/domain/metrics/query";
import type { MetricsFilters } from "~/domain/metrics/report";

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_WINDOW_DAYS = 90;

/** What the form shows and the links carry: strings exactly as typed ("" for not set). */
export type FilterValues = {
  from: string;
  to: string;
  jobId: string;
  department: string;
  recruiterId: string;
  hiringManagerId: string;
};

export type ParsedFilters =
  | { ok: true; filters: MetricsFilters; values: FilterValues }
  | { ok: false; errors: Partial<Record<"from" | "to", string>>; values: FilterValues };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function day(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The default window: the 90 days up to and including today (UTC). */
export function defaultDates(now: Date): { from: string; to: string } {
  return { from: day(new Date(now.getTime() - (DEFAULT_WINDOW_DAYS - 1) * DAY_MS)), to: day(now) };
}

function parseDay(value: string): Date | null {
  if (!DATE_ONLY.test(value)) return null;
  const parsed = new Date(`${value}T00:00:00Z`);
  // 2026-02-31 rolls over in Date; a day that changes on the round trip is not a real day.
  return !Number.isNaN(parsed.getTime()) && day(parsed) === value ? parsed : null;
}

function text(params: URLSearchParams, name: string, max: number): string {
  const value = params.get(name)?.trim() ?? "";
  return value.length <= max ? value : "";
}

export function parseFilters(params: URLSearchParams, now: Date): ParsedFilters {
  const defaults = defaultDates(now);
  const values: FilterValues = {
    from: text(params, "from", 10) || defaults.from,
    to: text(params, "to", 10) || defaults.to,
    jobId: text(params, "jobId", 64),
    department: text(params, "department", 120),
    recruiterId: text(params, "recruiterId", 64),
    hiringManagerId: text(params, "hiringManagerId", 64),
  };
  const from = parseDay(values.from);
  const to = parseDay(values.to);
  const errors: Partial<Record<"from" | "to", string>> = {};
  if (!from) errors.from = "Enter the start date as a date, like 2026-03-01.";
  if (!to) errors.to = "Enter the end date as a date, like 2026-03-31.";
  if (from && to) {
    const latest = new Date(from);
    latest.setUTCFullYear(latest.getUTCFullYear() + MAX_WINDOW_YEARS);
    if (to < from) errors.to = "The end date must be on or after the start date.";
    else if (to >= latest) errors.to = `Choose at most ${MAX_WINDOW_YEARS} years.`;
  }
  if (!from || !to || errors.to) return { ok: false, errors, values };
  return {
    ok: true,
    values,
    filters: {
      from,
      // The end date is included: the window runs to the start of the next day.
      to: new Date(to.getTime() + DAY_MS),
      ...(values.jobId ? { jobId: values.jobId } : {}),
      ...(values.department ? { department: values.department } : {}),
      ...(values.recruiterId ? { recruiterId: values.recruiterId } : {}),
      ...(values.hiringManagerId ? { hiringManagerId: values.hiringManagerId } : {}),
    },
  };
}

/** "?from=…&to=…&jobId=…": the same filters for a drill-down or an export link (empty ones left out). */
export function filterSearch(values: FilterValues, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...values, ...extra })) if (value) params.set(name, value);
  const search = params.toString();
  return search ? `?${search}` : "";
}
