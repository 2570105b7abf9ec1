// The metrics window and filters as a query string (GET /api/v1/metrics, the dashboard's URL): both ends required,
// from before to, at most two years apart, so a figure always names the period it covers and stays cheap to compute.
import { z } from "zod";
import type { MetricsFilters } from "./report";

export const MAX_WINDOW_YEARS = 2;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** An ISO 8601 date-time with an offset, or a date alone (midnight UTC). */
function instant(label: string) {
  const message = `${label} must be an ISO 8601 date or date-time, like 2026-03-01 or 2026-03-01T09:30:00Z.`;
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .refine((value) => {
      if (!DATE_ONLY.test(value) && !DATE_TIME.test(value)) return false;
      const parsed = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
      // Date accepts 2026-02-31 by rolling over; a date part that changes on the round trip is not a real day.
      return !Number.isNaN(parsed.getTime()) && (!DATE_ONLY.test(value) || parsed.toISOString().startsWith(value));
    }, message)
    .transform((value) => new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value));
}

const optionalId = (label: string) =>
  z.string().trim().min(1, `${label} must not be empty.`).max(64, `${label} is too long.`).optional();

export const metricsQuerySchema = z
  .object({
    from: instant("from").describe("Start of the window (inclusive), ISO 8601."),
    to: instant("to").describe(
      `End of the window (exclusive), ISO 8601; at most ${MAX_WINDOW_YEARS} years after from.`,
    ),
    jobId: optionalId("jobId").describe("Only this job."),
    department: z
      .string()
      .trim()
      .min(1, "department must not be empty.")
      .max(120, "department is too long.")
      .optional()
      .describe("Only jobs of this department (exact match)."),
    recruiterId: optionalId("recruiterId").describe("Only jobs with this recruiter."),
    hiringManagerId: optionalId("hiringManagerId").describe("Only jobs with this hiring manager."),
  })
  .superRefine((query, context) => {
    // zod runs object checks even after a field failed; the fields' own messages say enough then.
    if (!(query.from instanceof Date) || !(query.to instanceof Date)) return;
    if (query.from.getTime() >= query.to.getTime()) {
      context.addIssue({ code: "custom", path: ["to"], message: "to must be after from." });
      return;
    }
    const latest = new Date(query.from);
    latest.setUTCFullYear(latest.getUTCFullYear() + MAX_WINDOW_YEARS);
    if (query.to.getTime() > latest.getTime()) {
      context.addIssue({
        code: "custom",
        path: ["to"],
        message: `The window may span at most ${MAX_WINDOW_YEARS} years; choose a later from or an earlier to.`,
      });
    }
  });

export type MetricsQuery = z.output<typeof metricsQuerySchema>;

/** The filters a parsed query names (absent ones left out). */
export function filtersFromQuery(query: MetricsQuery): MetricsFilters {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as MetricsFilters;
}
