import { expect, test } from "vitest";
import { clockEventsFromLog } from "./sla/clocks";
import {
  anonymisedAuditData,
  anonymisedEventData,
  declineDataRequestSchema,
  deletionRequestSchema,
  ERASED_TEXT,
  eraseDataRequestSchema,
  erasedEmailFor,
} from "./data-requests";

test("events lose their free text and keep what the clocks read", () => {
  const at = new Date("2026-03-02T10:00:00Z");
  const log = [
    { type: "applied", data: { source: "Referral from Jane's cousin" } },
    {
      type: "stage_changed",
      data: { fromStageId: "s1", fromStageName: "Applied", toStageId: "s2", toStageName: "Screen" },
    },
    {
      type: "message_out",
      data: { subject: "Hi Jane", body: "Dear Jane…", automated: true, awaitsCandidate: true, messageId: "m1" },
    },
    { type: "message_in", data: { subject: "Re: Hi", body: "Thanks! Jane, +49 170 1234567" } },
    { type: "note", data: { body: "Jane seemed nervous" } },
    { type: "interview", data: { when: "2026-03-03T09:00:00Z", where: "Jane's flat", interviewerIds: ["u1"] } },
    { type: "decision", data: { outcome: "rejected", reason: "Jane lacks SQL" } },
    { type: "withdrawn", data: { reason: "Moving to Berlin" } },
    { type: "reopened", data: { undoes: "b1", reason: "Jane called" } },
    { type: "survey_answered", data: { score: 9 } },
    { type: "something_new", data: { text: "Jane", count: 2, flag: true } },
  ].map((event) => ({ ...event, occurredAt: at, visibility: "candidate" }));
  const anonymised = log.map((event) => ({ ...event, data: anonymisedEventData(event.type, event.data) }));
  expect(anonymised.map((event) => event.data)).toEqual([
    {},
    { fromStageId: "s1", fromStageName: "Applied", toStageId: "s2", toStageName: "Screen" },
    { automated: true, awaitsCandidate: true, messageId: "m1", body: ERASED_TEXT },
    { body: ERASED_TEXT },
    { body: ERASED_TEXT },
    { when: "2026-03-03T09:00:00Z", interviewerIds: ["u1"] },
    { outcome: "rejected" },
    {},
    { undoes: "b1" },
    { score: 9 },
    { count: 2, flag: true },
  ]);
  expect(JSON.stringify(anonymised)).not.toMatch(/Jane|Berlin|1234567/);
  expect(clockEventsFromLog(anonymised)).toEqual(clockEventsFromLog(log));
});

test("audit data keeps references, counts and codes, and drops every other text", () => {
  expect(
    anonymisedAuditData({
      jobId: "j1",
      candidateId: "c1",
      notify: true,
      reason: "Jane lacks SQL",
      email: "jane@example.com",
      count: 3,
      from: "s1",
      to: "s2",
      nested: { name: "Jane", eventId: "e1" },
      applicationIds: ["a1", "a2"],
      notes: ["Jane", "again"],
      sentAt: "2026-03-02T10:00:00.000Z",
      apiTokenId: "t1",
      by: "candidate",
      changed: ["phone", "locale"],
    }),
  ).toEqual({
    jobId: "j1",
    candidateId: "c1",
    notify: true,
    count: 3,
    from: "s1",
    to: "s2",
    nested: { eventId: "e1" },
    applicationIds: ["a1", "a2"],
    notes: [],
    sentAt: "2026-03-02T10:00:00.000Z",
    apiTokenId: "t1",
    by: "candidate",
    changed: ["phone", "locale"],
  });
  expect(anonymisedAuditData("a string")).toEqual({});
});

test("placeholder addresses are unique per candidate and undeliverable", () => {
  expect(erasedEmailFor("cmABC123")).toBe("erased+cmabc123@erased.invalid");
  expect(erasedEmailFor("a")).not.toBe(erasedEmailFor("b"));
});

test("the request reason is optional, trimmed and at most 1,000 characters, with messages per language", () => {
  expect(deletionRequestSchema("en").parse({})).toEqual({ reason: undefined });
  expect(deletionRequestSchema("en").parse({ reason: "  " })).toEqual({ reason: undefined });
  expect(deletionRequestSchema("en").parse({ reason: " I took another job. " })).toEqual({
    reason: "I took another job.",
  });
  expect(deletionRequestSchema("en").safeParse({ reason: "x".repeat(1_001) }).error!.issues[0]!.message).toBe(
    "Please keep your reason to 1,000 characters or fewer.",
  );
  expect(deletionRequestSchema("de").safeParse({ reason: "x".repeat(1_001) }).error!.issues[0]!.message).toBe(
    "Ihr Grund darf höchstens 1.000 Zeichen lang sein.",
  );
});

test("declining needs a note; erasing only the request", () => {
  expect(eraseDataRequestSchema.safeParse({ requestId: "r1" }).success).toBe(true);
  const declined = declineDataRequestSchema.safeParse({ requestId: "r1", note: " " });
  expect(declined.error!.issues[0]).toMatchObject({ path: ["note"], message: "A note for the record is required." });
});
