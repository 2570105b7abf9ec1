import { expect, test } from "vitest";
import { issuesToFieldErrors } from "~/domain/forms";
import {
  candidateActionTexts,
  preferencesFormSchema,
  QUESTION_MAX_LENGTH,
  questionFormSchema,
  WITHDRAW_REASON_MAX_LENGTH,
  withdrawFormSchema,
} from "./candidate-actions";

function errorsOf(result: { success: boolean; error?: { issues: Parameters<typeof issuesToFieldErrors>[0] } }) {
  return result.success ? {} : issuesToFieldErrors(result.error!.issues);
}

test("a question is trimmed, required and at most 5,000 characters, with messages in the candidate's language", () => {
  expect(questionFormSchema("en").parse({ question: "  When do I hear back?\n" })).toEqual({
    question: "When do I hear back?",
  });
  expect(errorsOf(questionFormSchema("en").safeParse({ question: "   " }))).toEqual({
    question: "Write your question before sending it.",
  });
  expect(errorsOf(questionFormSchema("de").safeParse({}))).toEqual({
    question: "Schreiben Sie Ihre Frage, bevor Sie sie senden.",
  });
  expect(questionFormSchema("en").safeParse({ question: "x".repeat(QUESTION_MAX_LENGTH) }).success).toBe(true);
  expect(errorsOf(questionFormSchema("de").safeParse({ question: "x".repeat(QUESTION_MAX_LENGTH + 1) }))).toEqual({
    question: "Ihre Frage ist zu lang. Bitte bleiben Sie unter 5.000 Zeichen.",
  });
  // An unknown language falls back to English.
  expect(errorsOf(questionFormSchema("fr").safeParse({ question: "" })).question).toBe(
    "Write your question before sending it.",
  );
});

test("the withdrawal reason is optional, empty means none, and it is at most 500 characters", () => {
  expect(withdrawFormSchema("en").parse({})).toEqual({ reason: undefined });
  expect(withdrawFormSchema("en").parse({ reason: "  " })).toEqual({ reason: undefined });
  expect(withdrawFormSchema("en").parse({ reason: " I took another offer. " })).toEqual({
    reason: "I took another offer.",
  });
  expect(errorsOf(withdrawFormSchema("en").safeParse({ reason: "x".repeat(WITHDRAW_REASON_MAX_LENGTH + 1) }))).toEqual({
    reason: "Please keep the reason under 500 characters.",
  });
});

test("preferences: a real IANA zone, en or de, and a phone number when the candidate may be called", () => {
  const en = preferencesFormSchema("en");
  expect(en.parse({ timeZone: "Europe/Berlin", locale: "de", preferredChannel: "email", phone: "" })).toEqual({
    timeZone: "Europe/Berlin",
    locale: "de",
    preferredChannel: "email",
    phone: null,
  });
  expect(
    en.parse({ timeZone: "America/New_York", locale: "en", preferredChannel: "phone", phone: " +1 (212) 555-0100 " }),
  ).toMatchObject({ preferredChannel: "phone", phone: "+1 (212) 555-0100" });
  expect(errorsOf(en.safeParse({ timeZone: "Mars/Olympus", locale: "xx", preferredChannel: "pigeon" }))).toEqual({
    timeZone: "Choose your time zone from the list.",
    locale: "Choose English or German.",
    preferredChannel: "Choose how we may contact you.",
  });
  expect(errorsOf(en.safeParse({ timeZone: "UTC", locale: "en", preferredChannel: "phone", phone: "" }))).toEqual({
    phone: "Enter your phone number so that we can call you, or choose email.",
  });
  expect(
    errorsOf(en.safeParse({ timeZone: "UTC", locale: "en", preferredChannel: "email", phone: "call me" })),
  ).toEqual({ phone: "Enter a phone number with digits only, like +44 20 7946 0958." });
  expect(
    errorsOf(en.safeParse({ timeZone: "UTC", locale: "en", preferredChannel: "email", phone: "12" })),
  ).toHaveProperty("phone");
  expect(
    errorsOf(preferencesFormSchema("de").safeParse({ timeZone: "UTC", locale: "de", preferredChannel: "phone" })),
  ).toEqual({ phone: "Geben Sie Ihre Telefonnummer an, damit wir Sie anrufen können, oder wählen Sie E-Mail." });
});

test("every text exists in English and German, and the German ones are not the English ones", () => {
  const en = candidateActionTexts("en");
  const de = candidateActionTexts("de");
  for (const page of ["common", "ask", "withdraw", "preferences"] as const) {
    expect(Object.keys(de[page]).sort()).toEqual(Object.keys(en[page]).sort());
    for (const key of Object.keys(en[page]) as (keyof (typeof en)[typeof page])[]) {
      if (typeof en[page][key] === "string") expect(de[page][key]).not.toBe(en[page][key]);
    }
  }
  expect(en.ask.sentBy("Priya Raman", "Tuesday, 8 December at 10:00")).toBe(
    "Priya Raman will answer you by Tuesday, 8 December at 10:00.",
  );
  expect(de.ask.sentSoon("Unser Recruiting-Team")).toBe("Unser Recruiting-Team antwortet Ihnen bald.");
  expect(candidateActionTexts(undefined)).toBe(en);
});
