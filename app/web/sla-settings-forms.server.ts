// The server half of the schedule and SLA policy editors (new and edit pages): editor steps without JavaScript,
// holiday imports, validation and saving, and the policy preview.
import { data, redirect } from "@remix-run/node";
import {
  policyFormSchema,
  policyFormValuesFromPost,
  previewableTargets,
  type PolicyFormValues,
} from "~/domain/sla/policy-form";
import { previewTargets, type PolicyPreview } from "~/domain/sla/policy-preview";
import {
  applyScheduleStep,
  importYears,
  mergeHolidays,
  scheduleFormSchema,
  scheduleFormValuesFromPost,
  stepDaySchema,
  stepIndexSchema,
  type HolidayFormValues,
  type ScheduleFormValues,
  type ScheduleStep,
} from "~/domain/sla/schedule-form";
import { holidaysFromCountry } from "~/domain/sla/holiday-import";
import { countryImportNotice, icsImportNotice } from "~/domain/sla/holiday-import-notice";
import { HolidayImportError } from "~/domain/sla/holiday-list";
import type { SkippedEvent } from "~/domain/sla/ics-import";
import type { SlaPolicyInput } from "~/domain/sla/policies";
import type { ScheduleInput } from "~/domain/sla/schedule";
import { isValidTimeZone } from "~/domain/validation";
import { getSchedule, scheduleOptions } from "~/models/sla/schedules.server";
import { ICS_READ_BUDGET_SECONDS, readIcsFile } from "~/platform/ics-reader.server";
import { WorkerBudgetError } from "~/platform/worker-budget.server";
import { modelFailure } from "./form-errors.server";
import { defineIntent, dispatchIntent } from "./intents.server";
import { formDataToObject, type FieldErrors } from "~/domain/forms";
import { logger } from "~/platform/log.server";

/** .ics files bigger than this are not calendars of holidays. */
const MAX_ICS_BYTES = 2 * 1024 * 1024;

/** Why a calendar file was not read at all (app/platform/ics-reader.server.ts); nothing is imported then. */
const UNREADABLE_CALENDAR: Record<WorkerBudgetError["reason"], string> = {
  "too-slow": `This calendar took too long to read (more than ${ICS_READ_BUDGET_SECONDS} seconds), so nothing was imported. It may have events that repeat without end: export only the holidays, or add them by hand.`,
  "out-of-memory":
    "This calendar needs too much memory to read, so nothing was imported. Export only the holidays, or add them by hand.",
  failed:
    "This calendar could not be read, so nothing was imported. Try exporting it again, or add the holidays by hand.",
};

export type ScheduleFormActionData = {
  values: ScheduleFormValues;
  errors: FieldErrors;
  notice?: string;
  /** Holidays an import just added to the list (not saved yet). */
  imported?: HolidayFormValues[];
  /** Events of an imported .ics file that were left out, and why. */
  skipped?: SkippedEvent[];
  /** The .ics import imports timed events too (the form's checkbox). */
  includeTimedEvents?: boolean;
  importCountry?: string;
  importRegion?: string;
  /** The element to focus after an editor step. */
  focusId?: string;
  /** Changes with every answer, so the form remounts with the answer's values. */
  revision: number;
};

let revision = 0;

export async function handleScheduleFormPost(
  formData: FormData,
  save: (input: ScheduleInput) => Promise<{ id: string }>,
  now: Date = new Date(),
) {
  const values = scheduleFormValuesFromPost(formDataToObject(formData));
  const importCountry = String(formData.get("importCountry") ?? "");
  const importRegion = String(formData.get("importRegion") ?? "");
  const includeTimedEvents = formData.get("includeTimedEvents") === "on";
  revision += 1;
  const answer = (extra: Partial<ScheduleFormActionData>, status = 200) =>
    data<ScheduleFormActionData>(
      { values, errors: {}, importCountry, importRegion, includeTimedEvents, revision, ...extra },
      { status },
    );
  const step = (intent: ScheduleStep) => answer(applyScheduleStep(values, intent));
  const removeRow = (type: "remove-interval" | "remove-holiday") =>
    defineIntent({ argument: stepIndexSchema, run: ({ argument }) => step({ type, index: argument }) });

  const importHolidays = (type: "import-ics" | "import-country") =>
    defineIntent({
      run: async () => {
        const timeZone = isValidTimeZone(values.timeZone) ? values.timeZone : "UTC";
        const window = importYears(now, timeZone);
        const field = type === "import-ics" ? "icsFile" : "importCountry";
        try {
          let merged: ReturnType<typeof mergeHolidays>;
          let notice: string;
          let skipped: SkippedEvent[] = [];
          if (type === "import-ics") {
            const file = formData.get("icsFile");
            if (!(file instanceof File) || file.size === 0) {
              return answer({ errors: { icsFile: "Choose an .ics file to import." } }, 400);
            }
            if (file.size > MAX_ICS_BYTES) {
              return answer(
                { errors: { icsFile: "This file is larger than 2 MB; a holiday calendar is smaller." } },
                400,
              );
            }
            const read = await readIcsFile(
              await file.text(),
              { from: window.from, until: window.until, timeZone },
              { includeTimedEvents },
            );
            merged = mergeHolidays(values, read.holidays);
            skipped = read.skipped;
            const source = file.name || "the file";
            notice = icsImportNotice({ source, window, timeZone, read, added: merged.added.length });
          } else {
            if (!importCountry) return answer({ errors: { importCountry: "Choose a country." } }, 400);
            const [country, region] = importRegion.includes(":") ? importRegion.split(":") : [importCountry, ""];
            if (country !== importCountry) {
              return answer({ errors: { importRegion: "This region belongs to another country." } }, 400);
            }
            const imported = holidaysFromCountry({
              country: importCountry,
              region: region || undefined,
              years: window.years,
            });
            merged = mergeHolidays(values, imported);
            const source = region ? `${importCountry}-${region}` : importCountry;
            notice = countryImportNotice({ source, window, added: merged.added.length });
          }
          return answer({
            values: merged.values,
            notice,
            imported: merged.added,
            skipped,
            focusId: "schedule-notice",
          });
        } catch (error) {
          if (error instanceof WorkerBudgetError) {
            if (error.reason === "failed") logger.error({ err: error.cause }, "Reading an .ics file failed");
            return answer({ errors: { icsFile: UNREADABLE_CALENDAR[error.reason] } }, 400);
          }
          if (!(error instanceof HolidayImportError)) throw error;
          return answer({ errors: { [field]: error.message } }, 400);
        }
      },
    });

  return dispatchIntent(formData, {
    intents: {
      save: defineIntent({
        schema: scheduleFormSchema,
        invalid: ({ errors }) => answer({ errors }, 400),
        run: async ({ input }) => {
          try {
            const schedule = await save(input);
            return redirect(`/settings/schedules?saved=${encodeURIComponent(schedule.id)}`);
          } catch (error) {
            const failure = modelFailure(error);
            if (!failure) throw error;
            return answer({ errors: failure.errors }, failure.status);
          }
        },
      }),
      "add-interval": defineIntent({
        argument: stepDaySchema,
        run: ({ argument }) => step({ type: "add-interval", day: argument }),
      }),
      "remove-interval": removeRow("remove-interval"),
      "add-holiday": defineIntent({ run: () => step({ type: "add-holiday" }) }),
      "remove-holiday": removeRow("remove-holiday"),
      "import-ics": importHolidays("import-ics"),
      "import-country": importHolidays("import-country"),
    },
    // Save is the editor's main button: a post that names no step saves.
    fallback: "save",
  });
}

export type PolicyFormActionData = {
  values: PolicyFormValues;
  errors: FieldErrors;
  preview?: PolicyPreview;
  revision: number;
};

/** What a policy form's targets would promise a candidate who applied at `now`, on the form's schedule. */
export async function previewPolicyForm(values: PolicyFormValues, now: Date): Promise<PolicyPreview> {
  let schedule = values.scheduleId ? await getSchedule(values.scheduleId) : null;
  if (!schedule) {
    const fallback = (await scheduleOptions()).find((option) => option.isDefault);
    schedule = fallback ? await getSchedule(fallback.id) : null;
  }
  if (!schedule) throw new Response("No default schedule exists.", { status: 500 });
  return previewTargets(previewableTargets(values), schedule, now);
}

export async function handlePolicyFormPost(
  formData: FormData,
  save: (input: SlaPolicyInput) => Promise<{ id: string }>,
  now: Date = new Date(),
) {
  const values = policyFormValuesFromPost(formDataToObject(formData));
  revision += 1;
  return dispatchIntent(formData, {
    intents: {
      // What the targets would promise a candidate applying now; nothing is saved.
      preview: defineIntent({
        run: async () =>
          data<PolicyFormActionData>({ values, errors: {}, preview: await previewPolicyForm(values, now), revision }),
      }),
      save: defineIntent({
        schema: policyFormSchema,
        invalid: ({ errors }) => data<PolicyFormActionData>({ values, errors, revision }, { status: 400 }),
        run: async ({ input }) => {
          try {
            await save(input);
            return redirect(`/settings/sla-policies?saved=1`);
          } catch (error) {
            const failure = modelFailure(error, { "match.jobIds": "jobIds" });
            if (!failure) throw error;
            return data<PolicyFormActionData>({ values, errors: failure.errors, revision }, { status: failure.status });
          }
        },
      }),
    },
    fallback: "save",
  });
}
