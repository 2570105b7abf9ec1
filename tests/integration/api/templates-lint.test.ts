// POST /api/v1/templates/lint: the compassion lint over HTTP — any staff token, nothing stored, field-named 400s.
import { expect, test } from "vitest";
import { lintResultSchema } from "~/domain/templates/schemas";
import * as lintRoute from "~/routes/api.v1.templates.lint";
import { apiRequest, caller, expectShape, send, type ErrorBody } from "./helpers";

const rejection = {
  kind: "rejection_after_screen",
  subject: "Your application for {{job.title}}",
  body:
    "Hi {{candidate.firstName}},\n\nthank you for talking with us. We have decided not to move forward with your " +
    "application.\n\nIf you have questions, reply to this email.\n\n{{recruiter.name}}",
};

test("a kind rejection scores 100 with a reading grade; any staff role may ask", async () => {
  const interviewer = await caller("interviewer");
  const answer = await send(lintRoute, apiRequest("POST", "/api/v1/templates/lint", interviewer, { body: rejection }));
  expect(answer.status).toBe(200);
  const result = expectShape(lintResultSchema, answer.body);
  expect(result).toMatchObject({ score: 100, findings: [] });
  expect(result.readingGrade).toBeLessThanOrEqual(8);
});

test("errors and warnings come back as findings with their severity", async () => {
  const recruiter = await caller("recruiter");
  const body = {
    kind: "not_progressing",
    subject: "Application",
    body: "Dear applicant,\n\nUnfortunately the role was given to someone else. Do not reply. {{candidate.age}}",
  };
  const answer = await send(lintRoute, apiRequest("POST", "/api/v1/templates/lint", recruiter, { body }));
  const result = expectShape(lintResultSchema, answer.body);
  expect(result.score).toBe(0);
  const bySeverity = (severity: string) =>
    result.findings.filter((finding) => finding.severity === severity).map((finding) => finding.rule);
  expect(bySeverity("error")).toEqual(["unknown_token"]);
  expect(bySeverity("warning")).toEqual(
    expect.arrayContaining(["no_greeting", "no_named_sender", "no_reply_wording", "opens_with_unfortunately"]),
  );
});

test("bad input is a 400 naming each field; no token is a 401", async () => {
  const admin = await caller("admin");
  const bad = await send<ErrorBody>(
    lintRoute,
    apiRequest("POST", "/api/v1/templates/lint", admin, {
      body: { kind: "goodbye", subject: 3, body: "x".repeat(50_001), locale: "fr" },
    }),
  );
  expect(bad.status).toBe(400);
  expect(bad.body.error.code).toBe("validation_error");
  expect(bad.body.error.issues.map((issue) => issue.path).sort()).toEqual(["body", "kind", "locale", "subject"]);
  const anonymous = await send(lintRoute, apiRequest("POST", "/api/v1/templates/lint", null, { body: rejection }));
  expect(anonymous.status).toBe(401);
});
