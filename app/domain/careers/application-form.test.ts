import { expect, test } from "vitest";
import { MAX_CV_BYTES } from "./file-type";
import {
  applicationFormSchema,
  applicationFormValues,
  careersLocale,
  checkCv,
  fillTime,
  isWebLink,
  MAX_FILL_MS,
  MIN_FILL_MS,
} from "./application-form";

const filled = {
  name: " Jana Müller ",
  email: "Jana.Mueller@Example.com ",
  phone: "",
  link: "",
  message: "",
  locale: "de",
  timeZone: "Europe/Berlin",
};

test("the form takes a name, an email, a language and a time zone; the rest may stay empty", () => {
  const parsed = applicationFormSchema("en").parse(filled);
  expect(parsed).toEqual({
    name: "Jana Müller",
    email: "Jana.Mueller@Example.com",
    phone: null,
    link: null,
    message: null,
    locale: "de",
    timeZone: "Europe/Berlin",
  });
});

test("each field's problem is named in the page's language", () => {
  const result = applicationFormSchema("de").safeParse({
    name: "",
    email: "not an address",
    phone: "call me",
    link: "javascript:alert(1)",
    message: "x".repeat(5001),
    locale: "fr",
    timeZone: "Mars/Olympus",
  });
  expect(result.success).toBe(false);
  const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
  expect(messages).toEqual({
    name: "Geben Sie Ihren Namen an.",
    email: "Geben Sie Ihre E-Mail-Adresse an, zum Beispiel name@example.com.",
    phone: "Geben Sie eine Telefonnummer nur mit Ziffern an, zum Beispiel +49 30 1234567.",
    link: expect.stringContaining("http:// oder https://"),
    message: "Ihre Nachricht ist zu lang. Bitte bleiben Sie unter 5.000 Zeichen.",
    locale: "Wählen Sie Englisch oder Deutsch.",
    timeZone: "Wählen Sie Ihre Zeitzone aus der Liste.",
  });
});

test("links must be absolute http(s) addresses with a host", () => {
  expect(isWebLink("https://www.linkedin.com/in/jana-mueller")).toBe(true);
  expect(isWebLink("http://jana.design")).toBe(true);
  expect(isWebLink("javascript:alert(1)")).toBe(false);
  expect(isWebLink("data:text/html,hi")).toBe(false);
  expect(isWebLink("ftp://files.example.com/cv")).toBe(false);
  expect(isWebLink("linkedin.com/in/jana")).toBe(false);
  expect(isWebLink("https://localhost")).toBe(false);
  const parsed = applicationFormSchema("en").parse({ ...filled, link: " https://jana.design/work " });
  expect(parsed.link).toBe("https://jana.design/work");
});

test("what was posted comes back as form values, the rest from the defaults", () => {
  const defaults = { name: "", email: "", phone: "", link: "", message: "", locale: "en", timeZone: "UTC" };
  expect(applicationFormValues({ name: "Jana", message: "Hello", cv: "ignored" }, defaults)).toEqual({
    ...defaults,
    name: "Jana",
    message: "Hello",
  });
});

test("a CV must be there, not empty, at most 10 MB, and a PDF, DOCX or ODT by its content", () => {
  const pdf = new TextEncoder().encode("%PDF-1.4 ...");
  expect(checkCv(null)).toEqual({ ok: false, problem: "cvRequired" });
  expect(checkCv({ size: 0, bytes: new Uint8Array() })).toEqual({ ok: false, problem: "cvEmpty" });
  expect(checkCv({ size: MAX_CV_BYTES + 1, bytes: pdf })).toEqual({ ok: false, problem: "cvTooLarge" });
  expect(checkCv({ size: MAX_CV_BYTES, bytes: pdf })).toEqual({ ok: true, type: "pdf" });
  expect(checkCv({ size: 10, bytes: new TextEncoder().encode("%PDX-1.4 ..") })).toEqual({
    ok: false,
    problem: "cvType",
  });
});

test("a form sent within three seconds of rendering is too fast; after a day, or with no valid stamp, expired", () => {
  const renderedAt = Date.UTC(2027, 0, 12, 10);
  expect(fillTime(renderedAt, renderedAt + 500)).toBe("tooFast");
  expect(fillTime(renderedAt, renderedAt + MIN_FILL_MS - 1)).toBe("tooFast");
  expect(fillTime(renderedAt, renderedAt + MIN_FILL_MS)).toBe("ok");
  expect(fillTime(renderedAt, renderedAt + 10 * 60_000)).toBe("ok");
  expect(fillTime(renderedAt, renderedAt + MAX_FILL_MS + 1)).toBe("expired");
  expect(fillTime(null, renderedAt)).toBe("expired");
  expect(fillTime(renderedAt + 5 * 60_000, renderedAt)).toBe("expired");
});

test("the page's language: the lang parameter, else the browser's preference by weight, else English", () => {
  expect(careersLocale("de", "en-US")).toBe("de");
  expect(careersLocale("fr", "de-AT,de;q=0.9,en;q=0.8")).toBe("de");
  expect(careersLocale(null, "fr-FR,fr;q=0.9,de;q=0.8,en;q=0.7")).toBe("de");
  expect(careersLocale(null, "en;q=0.5,de;q=0.9")).toBe("de");
  expect(careersLocale(null, "de;q=0,en")).toBe("en");
  expect(careersLocale(null, "fr, es")).toBe("en");
  expect(careersLocale(null, null)).toBe("en");
});
