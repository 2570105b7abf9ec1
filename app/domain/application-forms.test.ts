import { expect, test } from "vitest";
import { candidateFormSchema, messageFormSchema, rejectFormSchema, rejectionReasonText } from "./application-forms";

test("the candidate form accepts a browser time zone and drops empty optional fields", () => {
  const parsed = candidateFormSchema.parse({
    name: " Ana ",
    email: "ana@example.com",
    timeZone: "Europe/Lisbon",
    locale: "en",
    phone: "",
    source: "",
  });
  expect(parsed).toEqual({ name: "Ana", email: "ana@example.com", timeZone: "Europe/Lisbon", locale: "en" });
});

test("a rejection reason is a listed one, or Other with a description", () => {
  expect(rejectFormSchema.safeParse({ reason: "" }).error?.issues[0]?.message).toBe(
    "Choose a reason for the rejection.",
  );
  expect(rejectFormSchema.safeParse({ reason: "other", reasonDetail: " " }).error?.issues[0]).toMatchObject({
    path: ["reasonDetail"],
  });
  expect(rejectionReasonText(rejectFormSchema.parse({ reason: "location" }))).toBe("Location or right to work");
  expect(rejectionReasonText(rejectFormSchema.parse({ reason: "other", reasonDetail: "Role re-scoped" }))).toBe(
    "Role re-scoped",
  );
});

test("a recorded message reads the checkbox and needs a real local date-time", () => {
  const base = { direction: "outbound", body: "Hello", occurredAt: "2026-03-01T09:30" };
  expect(messageFormSchema.parse({ ...base, awaitsCandidate: "on" }).awaitsCandidate).toBe(true);
  expect(messageFormSchema.parse(base).awaitsCandidate).toBe(false);
  expect(messageFormSchema.safeParse({ ...base, occurredAt: "2026-13-01T09:30" }).success).toBe(false);
  expect(messageFormSchema.safeParse({ ...base, direction: "sideways" }).success).toBe(false);
});
