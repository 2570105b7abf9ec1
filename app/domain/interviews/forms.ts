// The application page's interview forms, built from the API's schemas in ./types so both report the same rules. A
// form posts dates as <input type="datetime-local"> values, read in the planner's time zone.
import { z } from "zod";
import { checkboxField, idField } from "../validation";
import {
  cancelInterviewSchema,
  feedbackSchema,
  localInputToIso,
  MAX_OFFERED_SLOTS,
  offerInterviewSchema,
  rescheduleInterviewSchema,
  scheduleInterviewSchema,
} from "./types";

/** Durations the forms offer, in minutes (the API takes any whole number within the limits). */
export const DURATION_CHOICES = [15, 30, 45, 60, 90, 120, 180, 240] as const;

const asList = (value: unknown) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]);

/** A form's fields in the shape the API schemas read: local times made instants, checkboxes booleans, lists lists. */
function fromForm(values: Record<string, unknown>, timeZone: string) {
  return {
    ...values,
    kind: values.kind || undefined,
    startsAt: localInputToIso(values.startsAt, timeZone),
    interviewerIds: asList(values.interviewerIds),
    notify: checkboxField.parse(values.notify),
    timeZone,
  };
}

export function scheduleFormSchema(timeZone: string) {
  return z.preprocess(
    (values) => {
      const form = fromForm(values as Record<string, unknown>, timeZone);
      return { ...form, startsAt: form.startsAt || undefined };
    },
    scheduleInterviewSchema.extend({
      startsAt: scheduleInterviewSchema.shape.startsAt.or(z.undefined()).refine((value) => value !== undefined, {
        message: "Choose the date and time.",
      }),
    }),
  );
}

/** The offer form: up to MAX_OFFERED_SLOTS date-time fields `slot0`…, one duration for all; blank fields are unused. */
export function offerFormSchema(timeZone: string) {
  return z.preprocess((values) => {
    const form = values as Record<string, unknown>;
    const slots = Array.from({ length: MAX_OFFERED_SLOTS }, (_, index) => form[`slot${index}`])
      .filter((value) => typeof value === "string" && value.trim() !== "")
      .map((value) => ({ startsAt: localInputToIso(value, timeZone), durationMinutes: form.durationMinutes }));
    return { ...fromForm(form, timeZone), slots };
  }, offerInterviewSchema);
}

export function rescheduleFormSchema(timeZone: string) {
  return z.preprocess(
    (values) => {
      // The interviewers stay as they are: the reschedule form changes when and where.
      return { ...fromForm(values as Record<string, unknown>, timeZone), interviewerIds: undefined };
    },
    rescheduleInterviewSchema.extend({ interviewId: idField("Interview") }),
  );
}

export const cancelFormSchema = z.preprocess(
  (values) => ({ ...(values as object), notify: checkboxField.parse((values as Record<string, unknown>).notify) }),
  cancelInterviewSchema.extend({ interviewId: idField("Interview") }),
);

export const feedbackFormSchema = feedbackSchema.extend({ interviewId: idField("Interview") });

export const interviewIdFormSchema = z.object({ interviewId: idField("Interview") });
