// What touchpoints send to webhook endpoints: the event each stands for, ids and facts only — no names, emails,
// message bodies, notes, reasons or comments — and which send nothing.
import { expect, test } from "vitest";
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES } from "./events";
import { testEventBody, webhookPayloadOf } from "./payloads";

const PERSONAL = ["Ana Silva", "ana@example.com", "+351 912 345 678", "Thanks for", "too junior", "Lovely people"];

test("each touchpoint maps to its webhook event with the data a receiver needs", () => {
  expect(webhookPayloadOf("applied", { source: "Ana Silva's referral" })).toEqual({
    type: "application.created",
    data: {},
  });
  expect(
    webhookPayloadOf("stage_changed", {
      fromStageId: "s1",
      fromStageName: "Applied",
      toStageId: "s2",
      toStageName: "Screen",
    }),
  ).toEqual({
    type: "application.stage_changed",
    data: { fromStageId: "s1", fromStageName: "Applied", toStageId: "s2", toStageName: "Screen" },
  });
  expect(webhookPayloadOf("decision", { outcome: "hired", reason: "too junior" })).toEqual({
    type: "application.decided",
    data: { outcome: "hired" },
  });
  expect(webhookPayloadOf("withdrawn", { reason: "Lovely people, but" })).toEqual({
    type: "application.decided",
    data: { outcome: "withdrawn" },
  });
  expect(webhookPayloadOf("message_in", { subject: "Re: Ana Silva", body: "Thanks for…" })).toEqual({
    type: "message.received",
    data: {},
  });
  expect(webhookPayloadOf("survey_answered", { score: 5 })).toEqual({ type: "survey.submitted", data: { score: 5 } });
  expect(webhookPayloadOf("survey_answered", {})).toEqual({ type: "survey.submitted", data: { score: null } });
});

test("an interview sends interview.scheduled when it gets a time, and nothing otherwise", () => {
  const base = {
    interviewId: "i1",
    kind: "onsite",
    when: "2027-01-14T09:00:00.000Z",
    endsAt: "2027-01-14T10:00:00.000Z",
  };
  for (const action of ["scheduled", "booked", "rescheduled"] as const) {
    expect(webhookPayloadOf("interview", { ...base, action, where: "Ana Silva's office" })).toEqual({
      type: "interview.scheduled",
      data: { ...base, startsAt: base.when, when: undefined, action },
    });
  }
  for (const action of ["offered", "declined", "cancelled", "ended", "no_show"] as const) {
    expect(webhookPayloadOf("interview", { ...base, action })).toBeNull();
  }
  expect(webhookPayloadOf("interview", { when: base.when })).toBeNull();
});

test("notes, outbound emails, feedback, views and reopenings send nothing", () => {
  expect(webhookPayloadOf("note", { body: "too junior" })).toBeNull();
  expect(webhookPayloadOf("message_out", { body: "Thanks for", automated: false, awaitsCandidate: false })).toBeNull();
  expect(
    webhookPayloadOf("interview_feedback", { interviewId: "i", interviewerId: "u", recommendation: "yes" }),
  ).toBeNull();
  expect(webhookPayloadOf("status_viewed", {})).toBeNull();
  expect(webhookPayloadOf("reopened", {})).toBeNull();
  expect(webhookPayloadOf("survey_sent", {})).toBeNull();
});

test("no payload carries personal data, whatever the touchpoint held", () => {
  const loaded = { body: PERSONAL.join(" "), subject: PERSONAL[0], reason: PERSONAL[4], note: PERSONAL[5] };
  const payloads = [
    webhookPayloadOf("applied", { source: PERSONAL[0] }),
    webhookPayloadOf("message_in", loaded),
    webhookPayloadOf("decision", { outcome: "rejected", ...loaded }),
    webhookPayloadOf("withdrawn", loaded),
    webhookPayloadOf("survey_answered", { score: 3, ...loaded }),
    webhookPayloadOf("interview", { action: "booked", interviewId: "i", where: PERSONAL[0], ...loaded }),
  ];
  const text = JSON.stringify(payloads);
  for (const personal of PERSONAL) expect(text).not.toContain(personal);
});

test("the test event's body and every event's description", () => {
  expect(JSON.parse(testEventBody("e1", new Date("2027-01-12T10:00:00Z")))).toEqual({
    type: "webhook.test",
    timestamp: "2027-01-12T10:00:00.000Z",
    data: { endpointId: "e1", message: "A test event from Hearback. Nothing happened." },
  });
  for (const type of WEBHOOK_EVENT_TYPES) expect(WEBHOOK_EVENT_DESCRIPTIONS[type]).toMatch(/\.$/);
});
