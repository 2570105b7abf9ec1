import { expect, test } from "vitest";
import { candidateSafeEvent, type LoggedEvent } from "./timeline";

const at = new Date("2026-06-01T08:00:00Z");
const logged = (type: string, data: unknown, visibility = "candidate"): LoggedEvent => ({
  id: `e-${type}`,
  type,
  visibility,
  occurredAt: at,
  data,
});

test("internal events never reach the candidate, whatever their type", () => {
  for (const type of ["applied", "message_out", "message_in", "decision", "stage_changed", "note", "reopened"]) {
    expect(candidateSafeEvent(logged(type, { body: "x", outcome: "rejected", toStageName: "X" }, "internal"))).toBe(
      null,
    );
  }
});

test("notes, status views, surveys and undone rejections are not candidate events even if marked visible", () => {
  for (const type of ["note", "status_viewed", "survey_sent", "survey_answered", "reopened", "unknown"]) {
    expect(candidateSafeEvent(logged(type, { body: "Weak portfolio", reason: "secret" }))).toBe(null);
  }
});

test("a decision keeps its outcome and loses its reason", () => {
  const event = candidateSafeEvent(logged("decision", { outcome: "rejected", reason: "Not senior enough" }));
  expect(event).toEqual({ id: "e-decision", occurredAt: at, type: "outcome", outcome: "rejected" });
  expect(JSON.stringify(event)).not.toContain("senior");
});

test("a withdrawal keeps no reason either", () => {
  expect(candidateSafeEvent(logged("withdrawn", { reason: "Took another offer elsewhere" }))).toEqual({
    id: "e-withdrawn",
    occurredAt: at,
    type: "outcome",
    outcome: "withdrawn",
  });
});

test("messages keep subject and text only: no internal ids or automation flags", () => {
  const event = candidateSafeEvent(
    logged("message_out", {
      subject: "Your interview",
      body: "Hi Ana, see you Tuesday.",
      automated: true,
      awaitsCandidate: true,
      messageId: "msg_internal_1",
    }),
  );
  expect(event).toEqual({
    id: "e-message_out",
    occurredAt: at,
    type: "message_out",
    subject: "Your interview",
    body: "Hi Ana, see you Tuesday.",
  });
  expect(candidateSafeEvent(logged("message_in", { subject: "Re: Your interview", body: "Thanks!" }))).toEqual({
    id: "e-message_in",
    occurredAt: at,
    type: "message_in",
    body: "Thanks!",
  });
});

test("stage changes keep the stage they moved to, not where from; interviews drop the interviewers", () => {
  expect(
    candidateSafeEvent(
      logged("stage_changed", {
        fromStageId: "s1",
        fromStageName: "Hold pile",
        toStageId: "s2",
        toStageName: "Screen",
      }),
    ),
  ).toEqual({ id: "e-stage_changed", occurredAt: at, type: "stage_changed", toStageId: "s2", toStageName: "Screen" });
  expect(
    candidateSafeEvent(
      logged("interview", { when: "2026-06-03T09:00:00.000Z", where: "Video call", interviewerIds: ["u1", "u2"] }),
    ),
  ).toEqual({
    id: "e-interview",
    occurredAt: at,
    type: "interview",
    action: null,
    kind: null,
    when: new Date("2026-06-03T09:00:00Z"),
    where: "Video call",
    names: [],
    offered: null,
  });
});

test("an interview keeps what happened, its kind, time, place and the names loaded for it; never a reason or ids", () => {
  const event = candidateSafeEvent(
    logged("interview", {
      action: "cancelled",
      interviewId: "int_internal_1",
      kind: "screen",
      when: "2026-06-03T09:00:00.000Z",
      endsAt: "2026-06-03T09:30:00.000Z",
      where: "https://meet.example.com/abc",
      interviewerIds: ["u1"],
      names: ["Priya Raman"],
      reason: "Hiring manager thinks the portfolio is weak",
    }),
  );
  expect(event).toEqual({
    id: "e-interview",
    occurredAt: at,
    type: "interview",
    action: "cancelled",
    kind: "screen",
    when: new Date("2026-06-03T09:00:00Z"),
    where: "https://meet.example.com/abc",
    names: ["Priya Raman"],
    offered: null,
  });
  expect(JSON.stringify(event)).not.toMatch(/portfolio|int_internal|u1/);
  expect(candidateSafeEvent(logged("interview", { action: "offered", offered: 3 }))).toMatchObject({ offered: 3 });
  expect(candidateSafeEvent(logged("interview", { action: "offered", offered: "3" }))).toMatchObject({ offered: null });
  expect(candidateSafeEvent(logged("interview", { action: "reviewed", kind: "lunch" }))).toMatchObject({
    action: null,
    kind: null,
  });
});

test("the end of an interview, a no-show and feedback never reach the candidate", () => {
  expect(candidateSafeEvent(logged("interview", { action: "ended", when: "2026-06-03T09:00:00.000Z" }))).toBe(null);
  expect(candidateSafeEvent(logged("interview", { action: "no_show" }))).toBe(null);
  expect(candidateSafeEvent(logged("interview_feedback", { recommendation: "no" }))).toBe(null);
  expect(candidateSafeEvent(logged("interview_feedback", { recommendation: "no" }, "internal"))).toBe(null);
});

test("malformed data is dropped rather than shown half", () => {
  expect(candidateSafeEvent(logged("message_out", { subject: "No body" }))).toBe(null);
  expect(candidateSafeEvent(logged("decision", { outcome: "maybe" }))).toBe(null);
  expect(candidateSafeEvent(logged("stage_changed", null))).toBe(null);
  expect(candidateSafeEvent(logged("interview", { when: "not a date" }))).toMatchObject({ when: null, where: null });
});
