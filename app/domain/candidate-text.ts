// Candidate-facing words come in every language candidates can choose (DESIGN.md §6): each page keeps its texts as
// one object per locale, and this picks the candidate's, falling back to English.
import { SUPPORTED_LOCALES, type Locale } from "./validation";

export type Localized<T> = Record<Locale, T>;

export function candidateLocale(locale: string | null | undefined): Locale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(locale ?? "") ? (locale as Locale) : "en";
}

export function textFor<T>(texts: Localized<T>, locale: string | null | undefined): T {
  return texts[candidateLocale(locale)];
}
