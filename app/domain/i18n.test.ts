import { expect, test } from "vitest";
import { candidateLocale, localeCodeList, localeOptionLabel, textFor } from "./i18n";

test("a stored or posted locale we do not offer falls back to English", () => {
  expect(candidateLocale("de")).toBe("de");
  expect(candidateLocale("fr")).toBe("en");
  expect(candidateLocale("")).toBe("en");
  expect(candidateLocale(null)).toBe("en");
  expect(textFor({ en: "Hello", de: "Hallo" }, "xx")).toBe("Hello");
});

test("staff see each language by its English name, with its own name when that differs", () => {
  expect(localeOptionLabel("en")).toBe("English");
  expect(localeOptionLabel("de")).toBe("German (Deutsch)");
  expect(localeCodeList()).toBe("en or de");
});
