import { expect, test } from "vitest";
import { jobInputSchema } from "./jobs";

test("a job needs only a title; status defaults to open", () => {
  const job = jobInputSchema.parse({ title: "  Backend Engineer " });
  expect(job).toMatchObject({ title: "Backend Engineer", status: "open", hiringManagerId: null });
  expect(job.stages).toBeUndefined();
});

test("stage problems are reported on the stage field", () => {
  const result = jobInputSchema.safeParse({
    title: "Designer",
    stages: [
      { name: "Applied", kind: "applied" },
      { name: "Screen", kind: "screen" },
      { name: "", kind: "interview" },
      { name: "Take-home", kind: "homework" },
      { name: "Offer", kind: "offer", decisionMinutes: -5 },
    ],
  });
  expect(result.success).toBe(false);
  const paths = result.error!.issues.map((issue) => issue.path.join("."));
  expect(paths).toEqual(expect.arrayContaining(["stages.2.name", "stages.3.kind", "stages.4.decisionMinutes"]));
});

test("a stage may name a library template to email on entry, but not a one-off or unknown kind", () => {
  const parsed = jobInputSchema.parse({
    title: "Designer",
    stages: [
      { name: "Applied", kind: "applied" },
      { name: "Screen", kind: "screen", entryTemplateKind: "screen_invite" },
      { name: "Offer", kind: "offer", entryTemplateKind: null },
    ],
  });
  expect(parsed.stages!.map((stage) => stage.entryTemplateKind)).toEqual([undefined, "screen_invite", null]);

  const result = jobInputSchema.safeParse({
    title: "Designer",
    stages: [
      { name: "Applied", kind: "applied", entryTemplateKind: "custom" },
      { name: "Screen", kind: "screen", entryTemplateKind: "coffee_invite" },
    ],
  });
  expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual([
    "stages.0.entryTemplateKind",
    "stages.1.entryTemplateKind",
  ]);
  expect(result.error?.issues[1]?.message).toBe(
    "Email on entering the stage must be one of the stage emails: application_received, " +
      "not_progressing, screen_invite, interview_invite, post_interview_thanks, delay_update, " +
      "rejection_after_screen, rejection_after_interview, role_on_hold, offer, withdrawal_ack, survey.",
  );
});

test("the first stage must be where applications land", () => {
  const result = jobInputSchema.safeParse({ title: "Designer", stages: [{ name: "Screen", kind: "screen" }] });
  expect(result.error?.issues[0]).toMatchObject({ path: ["stages", 0, "kind"] });
});

test("an empty pipeline is refused", () => {
  expect(jobInputSchema.safeParse({ title: "Designer", stages: [] }).error?.issues[0]?.message).toBe(
    "A job needs at least one stage.",
  );
});

test("two stages with the same name are refused, ignoring case", () => {
  const result = jobInputSchema.safeParse({
    title: "Designer",
    stages: [
      { name: "Applied", kind: "applied" },
      { name: "applied", kind: "screen" },
    ],
  });
  expect(result.error?.issues[0]).toMatchObject({
    path: ["stages", 1, "name"],
    message: "There is already a stage called applied.",
  });
});
