// Small zod building blocks shared by forms and the API, so both give the same field messages.
import { z } from "zod";
import { localeCodeList, SUPPORTED_LOCALES } from "./i18n";

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const trimmedText = (label: string, max = 200) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`);

export const optionalText = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .optional()
    .transform((value) => (value ? value : undefined))
    // Keeps the key optional in the parsed type too (a transform alone makes it a required `string | undefined`).
    .optional();

export const emailField = z
  .string({ error: "Email is required." })
  .trim()
  .min(1, "Email is required.")
  .max(254, "Email must be at most 254 characters.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));

export const timeZoneField = z
  .string()
  .trim()
  .refine(isValidTimeZone, "Choose a time zone from the IANA list, like Europe/Berlin.");

export const localeField = z.enum(SUPPORTED_LOCALES, { error: `Language must be ${localeCodeList()}.` });

export const isoInstant = (label: string) =>
  z.iso
    .datetime({ offset: true, message: `${label} must be an ISO 8601 date-time, like 2026-03-01T09:30:00Z.` })
    .transform((value) => new Date(value));

export const idField = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(64);

export const passwordField = z
  .string({ error: "Password is required." })
  .min(12, "Use at least 12 characters.")
  .max(200, "Use at most 200 characters.");

/** An HTML checkbox: "on" when ticked, absent when not (also accepts true and "true" from JSON and tests). */
export const checkboxField = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());
