// The customer-support figures an admin enters per comparable metric: the form's schema (shared by the browser and
// the server) and the checks the CSV import repeats row by row. Pure.
import { z } from "zod";
import { optionalText } from "~/domain/validation";
import { CUSTOMER_METRICS, type CustomerMetricName } from "./importance";

/** A year: support targets beyond that are typing mistakes. */
export const MAX_BENCHMARK_MINUTES = 525_600;

/** What is stored for one metric. `attainment` is a fraction 0–1. */
export type BenchmarkInput = {
  metric: CustomerMetricName;
  targetMinutes: number;
  attainment: number | null;
  medianMinutes: number | null;
  source: string | null;
};

/** The form holds strings, as the browser posts them; attainment as a percentage ("95" or "95 %"). */
export type BenchmarkFormValues = {
  metric: CustomerMetricName;
  targetMinutes: string;
  attainmentPercent: string;
  medianMinutes: string;
  source: string;
};

/** "" → null; a plain decimal → its number; anything else stays text so the schema names the problem. */
export function numberFromText(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (trimmed === "") return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function percentFromText(value: unknown): unknown {
  return typeof value === "string" ? numberFromText(value.replace(/%\s*$/, "")) : value;
}

const ATTAINMENT_RANGE = "Attainment must be between 0 and 100 %.";

export const benchmarkFormSchema = z
  .object({
    metric: z.enum(CUSTOMER_METRICS, { error: "Choose first reply, next reply or resolution." }),
    targetMinutes: z.preprocess(
      numberFromText,
      z
        .number({ error: "Enter the target in minutes." })
        .int("Enter the target in whole minutes.")
        .min(1, "The target must be at least 1 minute.")
        .max(MAX_BENCHMARK_MINUTES, "The target must be at most a year (525,600 minutes)."),
    ),
    attainmentPercent: z.preprocess(
      percentFromText,
      z
        .number({ error: "Enter the attainment as a percentage, like 95." })
        .min(0, ATTAINMENT_RANGE)
        .max(100, ATTAINMENT_RANGE)
        .nullable(),
    ),
    medianMinutes: z.preprocess(
      numberFromText,
      z
        .number({ error: "Enter the median in minutes, like 42." })
        .min(0, "The median cannot be negative.")
        .max(MAX_BENCHMARK_MINUTES, "The median must be at most a year (525,600 minutes).")
        .nullable(),
    ),
    source: optionalText("Source", 200),
  })
  .refine((values) => values.attainmentPercent !== null || values.medianMinutes !== null, {
    path: ["attainmentPercent"],
    message: "Enter the attainment, the median or both.",
  });

export function benchmarkInputFromForm(values: z.output<typeof benchmarkFormSchema>): BenchmarkInput {
  return {
    metric: values.metric,
    targetMinutes: values.targetMinutes,
    // Rounded so 95 % is stored as 0.95, not 0.9500000000000001.
    attainment: values.attainmentPercent === null ? null : Math.round(values.attainmentPercent * 1e6) / 1e8,
    medianMinutes: values.medianMinutes,
    source: values.source ?? null,
  };
}

/** The form's values for a stored benchmark (or an empty form). */
export function benchmarkFormValues(
  metric: CustomerMetricName,
  stored?: Omit<BenchmarkInput, "metric"> | null,
): BenchmarkFormValues {
  const text = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));
  return {
    metric,
    targetMinutes: text(stored?.targetMinutes),
    attainmentPercent: text(
      stored?.attainment === null || stored?.attainment === undefined
        ? null
        : Math.round(stored.attainment * 1e8) / 1e6,
    ),
    medianMinutes: text(stored?.medianMinutes),
    source: stored?.source ?? "",
  };
}
