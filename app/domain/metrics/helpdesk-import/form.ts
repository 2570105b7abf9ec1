// The choices that go with a helpdesk export, from the settings form or the API's query: the helpdesk (told from the
// header row when not chosen), the period's first and last day and the team's customer targets. Pure.
import { z } from "zod";
import { MAX_BENCHMARK_MINUTES, numberFromText } from "../customer-benchmarks";
import { readDay } from "./values";
import { HELPDESK_VENDORS, type HelpdeskVendor } from "./vendors";

/** Targets when the team has none stored: an hour to the first reply, two days to resolution. */
export const DEFAULT_HELPDESK_TARGETS = { first_reply: 60, resolution: 2880 } as const;

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const day = (what: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .refine((text) => readDay(text) !== undefined, `The period’s ${what} day must be a date like 2026-09-01.`)
      .optional(),
  );

const target = (what: string) =>
  z.preprocess(
    (value) => numberFromText(emptyToUndefined(value)),
    z
      .number({ error: `Enter the ${what} target in minutes, like 60.` })
      .int(`Enter the ${what} target in whole minutes.`)
      .min(1, `The ${what} target must be at least 1 minute.`)
      .max(MAX_BENCHMARK_MINUTES, `The ${what} target must be at most a year (525,600 minutes).`)
      .optional(),
  );

export const helpdeskImportFieldsSchema = z
  .object({
    vendor: z.preprocess(
      emptyToUndefined,
      z
        .enum(HELPDESK_VENDORS, { error: "vendor must be zendesk, freshdesk, helpscout, zammad or chatwoot." })
        .optional(),
    ),
    from: day("first"),
    to: day("last"),
    firstReplyTargetMinutes: target("first reply"),
    resolutionTargetMinutes: target("resolution"),
  })
  .refine((values) => !values.from || !values.to || values.from <= values.to, {
    path: ["to"],
    message: "The period’s last day must not be before its first day.",
  });

export type HelpdeskImportFields = {
  vendor?: HelpdeskVendor;
  from?: string;
  to?: string;
  firstReplyTargetMinutes?: number;
  resolutionTargetMinutes?: number;
};
