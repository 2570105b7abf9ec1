// The careers page's application form: one schema per language (its messages are the candidate's), the checks on the
// uploaded CV, the spam rules that need no service (a minimum fill time) and the page's language choice. Pure, so
// the same rules hold for the browser and the server and are tested without either.
import { z } from "zod";
import { FALLBACK_LOCALE, SUPPORTED_LOCALES, isLocale, textFor, type Locale } from "../i18n";
import { isValidTimeZone } from "../validation";
import { detectCvType, MAX_CV_BYTES, type CvType } from "./file-type";
import { CAREERS_TEXTS, type CareersTexts } from "./texts";

export const MESSAGE_MAX_LENGTH = 5000;
export const LINK_MAX_LENGTH = 500;
export const NAME_MAX_LENGTH = 120;
export const PHONE_MAX_LENGTH = 40;

/** The hidden field bots fill in and people never see (hidden by the stylesheet, not by an attribute bots read). */
export const TRAP_FIELD = "website";
/** The signed time the form was rendered at. */
export const STAMP_FIELD = "formStamp";
/** The file input's name. */
export const CV_FIELD = "cv";

/** People need more than this to fill in the form; scripts do not. */
export const MIN_FILL_MS = 3_000;
/** A form open for longer than this is sent again with a fresh stamp, so old stamps cannot be replayed for ever. */
export const MAX_FILL_MS = 24 * 60 * 60_000;

/** The form's text fields as the browser holds them. */
export type ApplicationFormValues = {
  name: string;
  email: string;
  phone: string;
  link: string;
  message: string;
  locale: string;
  timeZone: string;
};

export const APPLICATION_FORM_FIELDS = ["name", "email", "phone", "link", "message", "locale", "timeZone"] as const;

/** Digits with the usual separators, an optional leading +, and between 5 and 20 digits in all. */
function isPhoneNumber(value: string): boolean {
  if (!/^\+?[\d\s()./-]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, "").length;
  return digits >= 5 && digits <= 20;
}

/** An absolute http(s) address with a host: LinkedIn or a portfolio, never javascript:, data: or a bare word. */
export function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

const optional = (schema: z.ZodString) =>
  schema
    .optional()
    .transform((value) => value || null)
    .optional();

export function applicationFormSchema(locale: string) {
  const errors = textFor(CAREERS_TEXTS, locale).errors;
  return z.object({
    name: z
      .string({ error: errors.nameRequired })
      .trim()
      .min(1, errors.nameRequired)
      .max(NAME_MAX_LENGTH, errors.nameTooLong),
    email: z
      .string({ error: errors.email })
      .trim()
      .min(1, errors.email)
      .max(254, errors.email)
      .pipe(z.email(errors.email)),
    phone: optional(
      z
        .string()
        .trim()
        .max(PHONE_MAX_LENGTH, errors.phoneShape)
        .refine((value) => value === "" || isPhoneNumber(value), errors.phoneShape),
    ),
    link: optional(
      z
        .string()
        .trim()
        .max(LINK_MAX_LENGTH, errors.linkTooLong)
        .refine((value) => value === "" || isWebLink(value), errors.link),
    ),
    message: optional(z.string().trim().max(MESSAGE_MAX_LENGTH, errors.messageTooLong)),
    locale: z.enum(SUPPORTED_LOCALES, { error: errors.locale }),
    timeZone: z
      .string({ error: errors.timeZone })
      .trim()
      .min(1, errors.timeZone)
      .refine(isValidTimeZone, errors.timeZone),
  });
}
export type ApplicationForm = z.output<ReturnType<typeof applicationFormSchema>>;

/** Whatever was posted, as form values again (to show the form with what the candidate typed). */
export function applicationFormValues(posted: Record<string, unknown>, fallback: ApplicationFormValues) {
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const values = { ...fallback };
  for (const field of APPLICATION_FORM_FIELDS) {
    if (field in posted) values[field] = text(posted[field]);
  }
  return values;
}

export type CvCheck =
  { ok: true; type: CvType } | { ok: false; problem: "cvRequired" | "cvEmpty" | "cvTooLarge" | "cvType" };

/** What the upload is: none, empty, too large (`size` counts what was sent, even bytes not kept), or its type. */
export function checkCv(upload: { size: number; bytes: Uint8Array } | null): CvCheck {
  if (!upload) return { ok: false, problem: "cvRequired" };
  if (upload.size === 0) return { ok: false, problem: "cvEmpty" };
  if (upload.size > MAX_CV_BYTES) return { ok: false, problem: "cvTooLarge" };
  const type = detectCvType(upload.bytes);
  return type ? { ok: true, type } : { ok: false, problem: "cvType" };
}

export type FillTime = "ok" | "tooFast" | "expired";

/** Whether the form was filled in at a human pace: `renderedAt` from its verified stamp (null: missing or forged). */
export function fillTime(renderedAt: number | null, now: number): FillTime {
  if (renderedAt === null || renderedAt > now + 60_000) return "expired";
  const elapsed = now - renderedAt;
  if (elapsed < MIN_FILL_MS) return "tooFast";
  return elapsed > MAX_FILL_MS ? "expired" : "ok";
}

/**
 * The page's language: a supported `lang` in the address wins, else the first supported language of the browser's
 * Accept-Language in the order of its q-values ("de-AT" counts as "de"), else the fallback.
 */
export function careersLocale(lang: string | null, acceptLanguage: string | null): Locale {
  if (isLocale(lang)) return lang;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...parameters] = part.trim().split(";");
      const q = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.language && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale) ?? FALLBACK_LOCALE;
}

/** The texts of the page, in its language. */
export function careersTexts(locale: string): CareersTexts {
  return textFor(CAREERS_TEXTS, locale);
}
