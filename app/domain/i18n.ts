// The languages candidates can choose, and the one way a locale is resolved from whatever was stored or posted.
// Every per-language text table is a Localized<T>, so a locale added here makes the compiler name each missing one.

export const SUPPORTED_LOCALES = ["en", "de"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

/** Candidates whose language we do not know (or no longer offer) read this one. */
export const FALLBACK_LOCALE: Locale = "en";

/** One text (or table of texts) per language. */
export type Localized<T> = Record<Locale, T>;

/** Each language in its own words, for people choosing the language they read. */
export const LOCALE_NATIVE_NAMES: Localized<string> = { en: "English", de: "Deutsch" };

/** Each language's name for staff, whose interface is English. */
export const LOCALE_LABELS: Localized<string> = { en: "English", de: "German" };

/** The Intl locale dates are written in: British English writes "Friday, 4 December", as the emails do. */
export const INTL_LOCALES: Localized<string> = { en: "en-GB", de: "de-DE" };

export function isLocale(value: unknown): value is Locale {
  return (SUPPORTED_LOCALES as readonly unknown[]).includes(value);
}

export function candidateLocale(locale: string | null | undefined): Locale {
  return isLocale(locale) ? locale : FALLBACK_LOCALE;
}

export function textFor<T>(texts: Localized<T>, locale: string | null | undefined): T {
  return texts[candidateLocale(locale)];
}

/** "German (Deutsch)": the staff name, with the language's own name when it differs. */
export function localeOptionLabel(locale: Locale): string {
  const label = LOCALE_LABELS[locale];
  const nativeName = LOCALE_NATIVE_NAMES[locale];
  return label === nativeName ? label : `${label} (${nativeName})`;
}

/** "en or de", "en, de or fr": the codes an API client may send. */
export function localeCodeList(): string {
  const codes = [...SUPPORTED_LOCALES];
  const last = codes.pop()!;
  return codes.length === 0 ? last : `${codes.join(", ")} or ${last}`;
}
