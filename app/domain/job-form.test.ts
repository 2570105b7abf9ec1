import { expect, test } from "vitest";
import {
  applyStageIntent,
  jobFormSchema,
  jobFormValues,
  jobFormValuesFromPost,
  minutesFromText,
  stageIndexSchema,
} from "./job-form";

test("the form schema reads posted stages keyed by index, in index order, and decision minutes as numbers", () => {
  const parsed = jobFormSchema.parse({
    title: "Engineer",
    status: "open",
    stages: {
      "1": { id: "", name: "Screen", kind: "screen", decisionMinutes: "120" },
      "0": { id: "s0", name: "Applied", kind: "applied", decisionMinutes: "" },
      "10": { id: "", name: "Offer", kind: "offer", decisionMinutes: " " },
      "2": { id: "", name: "Interview", kind: "interview", decisionMinutes: "2880" },
    },
  });
  expect(parsed.stages.map((stage) => [stage.id, stage.name, stage.decisionMinutes])).toEqual([
    ["s0", "Applied", null],
    [undefined, "Screen", 120],
    [undefined, "Interview", 2880],
    [undefined, "Offer", null],
  ]);
});

test("the browser's array of string values passes the same schema", () => {
  const values = jobFormValues();
  values.title = "Designer";
  values.stages[1]!.decisionMinutes = "60";
  const parsed = jobFormSchema.parse(values);
  expect(parsed.stages[1]!.decisionMinutes).toBe(60);
  expect(parsed.hiringManagerId).toBeNull();
});

test("bad decision times are reported on the stage's field", () => {
  const values = jobFormValues();
  values.title = "Designer";
  values.stages[2]!.decisionMinutes = "two days";
  values.stages[3]!.decisionMinutes = "1.5";
  const result = jobFormSchema.safeParse(values);
  expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
    ["stages.2.decisionMinutes", "Decision time must be a number of minutes."],
    ["stages.3.decisionMinutes", "Decision time must be whole minutes."],
  ]);
});

test('the email on entering a stage round-trips through the form: "" is none, a kind is kept', () => {
  const values = jobFormValues();
  values.title = "Designer";
  values.stages[1]!.entryTemplateKind = "screen_invite";
  const parsed = jobFormSchema.parse(values);
  expect(parsed.stages.map((stage) => stage.entryTemplateKind)).toEqual([null, "screen_invite", null, null]);

  // As the edit page loads it back from the database:
  const again = jobFormValues({
    title: "Designer",
    department: null,
    location: null,
    status: "open",
    hiringManager: null,
    recruiter: null,
    scheduleId: null,
    stages: parsed.stages.map((stage, index) => ({
      id: `s${index}`,
      name: stage.name,
      kind: stage.kind,
      decisionMinutes: stage.decisionMinutes,
      entryTemplateKind: stage.entryTemplateKind ?? null,
    })),
  });
  expect(again.stages.map((stage) => stage.entryTemplateKind)).toEqual(["", "screen_invite", "", ""]);
  expect(jobFormSchema.parse(again).stages[1]!.entryTemplateKind).toBe("screen_invite");
});

test("an unknown or one-off email kind is reported on the stage's field", () => {
  const values = jobFormValues();
  values.title = "Designer";
  values.stages[1]!.entryTemplateKind = "custom";
  values.stages[2]!.entryTemplateKind = "party_invite";
  const result = jobFormSchema.safeParse(values);
  expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual([
    "stages.1.entryTemplateKind",
    "stages.2.entryTemplateKind",
  ]);
  expect(result.error?.issues[0]?.message).toMatch(
    /^Email on entering the stage must be one of the stage emails: application_received, .*survey\.$/,
  );
});

test("minutesFromText keeps what it cannot read, so the schema can name the problem", () => {
  expect(minutesFromText("")).toBeNull();
  expect(minutesFromText(" 45 ")).toBe(45);
  expect(minutesFromText("-5")).toBe(-5);
  expect(minutesFromText("soon")).toBe("soon");
  expect(minutesFromText(undefined)).toBeUndefined();
});

test("a stage step's index is one or two digits", () => {
  expect(stageIndexSchema.parse("3")).toBe(3);
  expect(stageIndexSchema.parse("12")).toBe(12);
  for (const refused of ["-1", "123", "", "1.5", " 1", "one"])
    expect(stageIndexSchema.safeParse(refused).success).toBe(false);
});

test("moving, adding and removing stages changes only the list, and says what happened", () => {
  const values = jobFormValues();
  const up = applyStageIntent(values, { type: "move-up", index: 1 });
  expect(up.values.stages.map((stage) => stage.name)).toEqual(["Screen", "Applied", "Interview", "Offer"]);
  expect(up.notice).toBe("Moved Screen to position 1 of 4. Save the job to keep this order.");
  expect(values.stages[0]!.name).toBe("Applied"); // the input is not changed

  const down = applyStageIntent(values, { type: "move-down", index: 3 });
  expect(down.values).toBe(values);
  expect(down.notice).toBe("That stage cannot move further.");

  const added = applyStageIntent(values, { type: "add-stage" });
  expect(added.values.stages).toHaveLength(5);
  expect(added.notice).toBe("Added stage 5. Name it, then save the job.");

  const removed = applyStageIntent(added.values, { type: "remove-stage", index: 4 });
  expect(removed.values.stages).toHaveLength(4);
  expect(removed.notice).toBe("Removed Stage 5. Save the job to keep this change.");
});

test("posted values are turned back into form values, whatever arrives", () => {
  expect(jobFormValuesFromPost({ title: "T", status: "bogus", stages: { "0": { name: "A", kind: "weird" } } })).toEqual(
    {
      title: "T",
      department: "",
      location: "",
      status: "open",
      hiringManagerId: "",
      recruiterId: "",
      scheduleId: "",
      published: false,
      description: "",
      stages: [{ id: "", name: "A", kind: "interview", decisionMinutes: "", entryTemplateKind: "" }],
    },
  );
  expect(jobFormValuesFromPost({}).stages).toEqual([]);
  expect(jobFormValuesFromPost({ published: "on", description: "About it" })).toMatchObject({
    published: true,
    description: "About it",
  });
  expect(
    jobFormValuesFromPost({ stages: { "0": { name: "A", kind: "screen", entryTemplateKind: "screen_invite" } } })
      .stages[0]!.entryTemplateKind,
  ).toBe("screen_invite");
});
