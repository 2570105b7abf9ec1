import { expect, test } from "vitest";
import { applyStageIntent, jobFormSchema, jobFormValues, jobFormValuesFromPost, stageIndexSchema } from "./job-form";

test("the form schema reads posted stages keyed by index, in index order, and decision times in their units", () => {
  const parsed = jobFormSchema.parse({
    title: "Engineer",
    status: "open",
    decisionCounting: "business",
    stages: {
      "1": { id: "", name: "Screen", kind: "screen", decisionAmount: "4", decisionUnit: "hours" },
      "0": { id: "s0", name: "Applied", kind: "applied", decisionAmount: "", decisionUnit: "days" },
      "10": { id: "", name: "Offer", kind: "offer", decisionAmount: " ", decisionUnit: "days" },
      "2": { id: "", name: "Interview", kind: "interview", decisionAmount: "2", decisionUnit: "days" },
    },
  });
  expect(parsed.stages.map((stage) => [stage.id, stage.name, stage.decisionMinutes])).toEqual([
    ["s0", "Applied", null],
    [undefined, "Screen", 240],
    [undefined, "Interview", 960],
    [undefined, "Offer", null],
  ]);
});

test("2 days on business time are 2 business days of 8 open hours; on calendar time, 2 × 24 hours", () => {
  const values = jobFormValues();
  values.title = "Designer";
  values.stages[2] = { ...values.stages[2]!, decisionAmount: "2", decisionUnit: "days" };
  expect(jobFormSchema.parse(values).stages[2]!.decisionMinutes).toBe(960);
  expect(jobFormSchema.parse({ ...values, decisionCounting: "calendar" }).stages[2]!.decisionMinutes).toBe(2880);
  // Anything but "calendar" is the default, business time, as the SLA engine counts a stage's own minutes.
  expect(jobFormSchema.parse({ ...values, decisionCounting: "bogus" }).stages[2]!.decisionMinutes).toBe(960);
});

test("a stored decision time is shown back in the largest unit that states it exactly, and saves unchanged", () => {
  const stored = (minutes: number | null) => ({
    title: "Designer",
    department: null,
    location: null,
    status: "open" as const,
    hiringManager: null,
    recruiter: null,
    scheduleId: null,
    stages: [
      { id: "s0", name: "Applied", kind: "applied" as const, decisionMinutes: null, entryTemplateKind: null },
      { id: "s1", name: "Screen", kind: "screen" as const, decisionMinutes: minutes, entryTemplateKind: null },
    ],
  });
  const shown = (minutes: number | null, counting: "business" | "calendar") => {
    const values = jobFormValues(stored(minutes), counting);
    const stage = values.stages[1]!;
    return [stage.decisionAmount, stage.decisionUnit, jobFormSchema.parse(values).stages[1]!.decisionMinutes];
  };
  expect(shown(960, "business")).toEqual(["2", "days", 960]);
  expect(shown(2880, "business")).toEqual(["6", "days", 2880]);
  expect(shown(2880, "calendar")).toEqual(["2", "days", 2880]);
  expect(shown(960, "calendar")).toEqual(["16", "hours", 960]);
  expect(shown(90, "business")).toEqual(["90", "minutes", 90]);
  expect(shown(null, "business")).toEqual(["", "days", null]);
});

test("bad decision times are reported on the stage's decision time, in its unit", () => {
  const values = jobFormValues();
  values.title = "Designer";
  values.stages[1] = { ...values.stages[1]!, decisionAmount: "two days", decisionUnit: "days" };
  values.stages[2] = { ...values.stages[2]!, decisionAmount: "1.5", decisionUnit: "hours" };
  values.stages[3] = { ...values.stages[3]!, decisionAmount: "61", decisionUnit: "days" };
  const result = jobFormSchema.safeParse(values);
  expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
    ["stages.1.decisionMinutes", "Enter a whole number of business days, 1 to 60."],
    ["stages.2.decisionMinutes", "Enter a whole number of hours, 1 to 480."],
    ["stages.3.decisionMinutes", "Enter a whole number of business days, 1 to 60."],
  ]);
  values.decisionCounting = "calendar";
  values.stages[3]!.decisionAmount = "0";
  expect(jobFormSchema.safeParse(values).error?.issues.at(-1)?.message).toBe("Enter a whole number of days, 1 to 60.");
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
      decisionCounting: "business",
      stages: [
        { id: "", name: "A", kind: "interview", decisionAmount: "", decisionUnit: "days", entryTemplateKind: "" },
      ],
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
