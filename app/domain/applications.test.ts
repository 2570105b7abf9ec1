import { expect, test } from "vitest";
import { applicationInputSchema, decisionSchema, messageInputSchema } from "./applications";

test("a minimal application parses with notify on by default", () => {
  const parsed = applicationInputSchema.parse({
    jobId: "job1",
    candidate: { name: "Ana Silva", email: " Ana@Example.com " },
  });
  expect(parsed).toMatchObject({
    jobId: "job1",
    notify: true,
    candidate: { name: "Ana Silva", email: "Ana@Example.com" },
  });
});

test("field messages name the nested field", () => {
  const result = applicationInputSchema.safeParse({
    jobId: "job1",
    candidate: { name: "", email: "not-an-email", timeZone: "Mars/Olympus", locale: "fr" },
    appliedAt: "yesterday",
  });
  const issues = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
  expect(issues["candidate.name"]).toBe("Name is required.");
  expect(issues["candidate.email"]).toMatch(/valid email/);
  expect(issues["candidate.timeZone"]).toMatch(/IANA/);
  expect(issues["candidate.locale"]).toMatch(/en or de/);
  expect(issues.appliedAt).toMatch(/ISO 8601/);
});

test("timestamps with offsets become instants", () => {
  const parsed = decisionSchema.parse({ outcome: "rejected", occurredAt: "2026-03-29T02:30:00+02:00" });
  expect(parsed.occurredAt?.toISOString()).toBe("2026-03-29T00:30:00.000Z");
});

test("messages default to a human, non-waiting reply", () => {
  expect(messageInputSchema.parse({ direction: "outbound", body: "Hi Ana" })).toMatchObject({
    automated: false,
    awaitsCandidate: false,
  });
  expect(messageInputSchema.safeParse({ direction: "sideways", body: "x" }).success).toBe(false);
});
