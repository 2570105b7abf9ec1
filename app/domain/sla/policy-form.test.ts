import { expect, test } from "vitest";
import { policyFormSchema, policyFormValues } from "./policy-form";

test("policy targets are entered in hours or days and stored as minutes; messages land on the form's fields", () => {
  const values = policyFormValues();
  const posted = {
    name: "Engineering",
    departments: "Engineering, engineering\nDesign",
    targets: {
      first_response: {
        enabled: "true",
        amount: "2",
        unit: "business_days",
        time: "business",
        warnAmount: "4",
        warnUnit: "hours",
      },
      closure: { enabled: "true", amount: "1.5", unit: "hours", time: "calendar", warnAmount: "", warnUnit: "hours" },
      next_response: { amount: "x", unit: "hours" },
    },
  };
  expect(values.targets.first_response.enabled).toBe(false);
  expect(policyFormSchema.parse(posted)).toMatchObject({
    match: { departments: ["Engineering", "Design"], jobIds: [] },
    targets: [
      { metric: "first_response", minutes: 960, businessHours: true, warnBeforeMinutes: 240 },
      { metric: "closure", minutes: 90, businessHours: false, warnBeforeMinutes: null },
    ],
  });
  const invalid = policyFormSchema.safeParse({
    ...posted,
    targets: { ...posted.targets, next_response: { enabled: "true", amount: "soon", unit: "hours" } },
  });
  expect(invalid.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
    ["targets.next_response.amount", "Enter a number, like 2 or 1.5."],
  ]);
});

test("the feedback target is suggested at one business day and carries when the stage decision starts again", () => {
  const suggested = policyFormValues().targets.interviewer_feedback;
  expect(suggested).toMatchObject({ enabled: false, amount: "1", unit: "business_days", time: "business" });
  expect(suggested.stageDecisionRestartsAt).toBe("last_feedback");
  const row = { enabled: "true", amount: "1", unit: "business_days", time: "business", warnAmount: "2" };
  const posted = (restart: unknown) => ({
    name: "Interviews",
    targets: { interviewer_feedback: { ...row, warnUnit: "hours", stageDecisionRestartsAt: restart } },
  });
  expect(policyFormSchema.parse(posted("interview_end")).targets).toEqual([
    {
      metric: "interviewer_feedback",
      minutes: 480,
      businessHours: true,
      warnBeforeMinutes: 120,
      stageDecisionRestartsAt: "interview_end",
    },
  ]);
  // An unknown choice falls back to the default rather than failing the whole form.
  expect(policyFormSchema.parse(posted("whenever")).targets[0]!.stageDecisionRestartsAt).toBe("last_feedback");
  const stored = policyFormValues({
    name: "Interviews",
    matchDepartments: [],
    matchJobIds: [],
    scheduleId: null,
    countAutomatedReplies: false,
    targets: [
      { metric: "interviewer_feedback", minutes: 240, businessHours: true, stageDecisionRestartsAt: "interview_end" },
    ],
  });
  expect(stored.targets.interviewer_feedback).toMatchObject({
    enabled: true,
    amount: "4",
    unit: "hours",
    stageDecisionRestartsAt: "interview_end",
  });
});
