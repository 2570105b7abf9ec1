import { expect, test } from "vitest";
import {
  DEFAULT_SLA_TARGETS,
  scheduleIdFor,
  selectPolicy,
  slaPolicyInputSchema,
  slaTargetInputSchema,
  type PolicyForMatching,
} from "./policies";
import { SLA_METRICS } from "./types";

const target = { metric: "first_response", minutes: 960, businessHours: true };

function issues(input: unknown) {
  const result = slaPolicyInputSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

test("a policy needs a name and a target; the rest has defaults", () => {
  const policy = slaPolicyInputSchema.parse({ name: "  Engineering ", targets: [target] });
  expect(policy).toEqual({ name: "Engineering", countAutomatedReplies: false, targets: [target] });
});

test("a full policy keeps its match conditions, schedule, position and warnings", () => {
  const policy = slaPolicyInputSchema.parse({
    name: "Sales",
    position: 2,
    match: { departments: [" Sales "], jobIds: ["job_1"] },
    scheduleId: "sched_1",
    countAutomatedReplies: true,
    targets: [
      { ...target, warnBeforeMinutes: 240 },
      { metric: "closure", minutes: 60, businessHours: false },
    ],
  });
  expect(policy.match).toEqual({ departments: ["Sales"], jobIds: ["job_1"] });
  expect(policy.position).toBe(2);
  expect(policy.scheduleId).toBe("sched_1");
  expect(policy.countAutomatedReplies).toBe(true);
  expect(policy.targets[0]!.warnBeforeMinutes).toBe(240);
});

test("a policy without targets is refused", () => {
  expect(issues({ name: "Empty", targets: [] })).toEqual([
    { path: "targets", message: "A policy needs at least one target." },
  ]);
  expect(issues({ name: "Empty" })).toEqual([{ path: "targets", message: "targets must be a list." }]);
});

test("a second target for the same metric is refused on its metric field", () => {
  expect(
    issues({ name: "Twice", targets: [target, { metric: "closure", minutes: 60, businessHours: true }, target] }),
  ).toEqual([
    { path: "targets.2.metric", message: "first_response has a target already; give each metric at most one." },
  ]);
});

test("an unknown metric is refused with the list of metrics", () => {
  expect(issues({ name: "X", targets: [{ ...target, metric: "time_to_hire" }] })).toEqual([
    {
      path: "targets.0.metric",
      message:
        "Metric must be one of first_response, next_response, periodic_update, stage_decision, closure, interviewer_feedback.",
    },
  ]);
});

test("minutes must be a positive whole number of at most one year", () => {
  const minutes = (value: unknown) => issues({ name: "X", targets: [{ ...target, minutes: value }] })[0];
  expect(minutes(0)).toEqual({ path: "targets.0.minutes", message: "Minutes must be more than 0." });
  expect(minutes(-5)).toEqual({ path: "targets.0.minutes", message: "Minutes must be more than 0." });
  expect(minutes(1.5)).toEqual({ path: "targets.0.minutes", message: "Minutes must be a whole number of minutes." });
  expect(minutes("60")).toEqual({ path: "targets.0.minutes", message: "Minutes must be a number of minutes." });
  expect(minutes(525_601)).toEqual({
    path: "targets.0.minutes",
    message: "Minutes must be at most 525600 (one year).",
  });
  expect(slaTargetInputSchema.parse({ ...target, minutes: 525_600 }).minutes).toBe(525_600);
});

test("businessHours is required: a promise must say how it counts time", () => {
  expect(issues({ name: "X", targets: [{ metric: "closure", minutes: 60 }] })).toEqual([
    { path: "targets.0.businessHours", message: "businessHours must be true or false." },
  ]);
});

test("the warning must come before the due date", () => {
  expect(issues({ name: "X", targets: [{ ...target, warnBeforeMinutes: 960 }] })).toEqual([
    { path: "targets.0.warnBeforeMinutes", message: "Warn before must be less than the target (960 minutes)." },
  ]);
  expect(issues({ name: "X", targets: [{ ...target, warnBeforeMinutes: 0 }] })).toEqual([
    { path: "targets.0.warnBeforeMinutes", message: "Warn before must be more than 0." },
  ]);
  expect(slaTargetInputSchema.parse({ ...target, warnBeforeMinutes: 959 }).warnBeforeMinutes).toBe(959);
});

test("position, match lists and countAutomatedReplies are type-checked", () => {
  expect(
    issues({
      name: "X",
      position: 0,
      match: { departments: "Sales" },
      countAutomatedReplies: "yes",
      targets: [target],
    }),
  ).toEqual([
    { path: "position", message: "Position must be 1 or more." },
    { path: "match.departments", message: "match.departments must be a list." },
    { path: "countAutomatedReplies", message: "countAutomatedReplies must be true or false." },
  ]);
});

const policy = (overrides: Partial<PolicyForMatching> & { id: string }): PolicyForMatching => ({
  position: 1,
  isDefault: false,
  matchDepartments: [],
  matchJobIds: [],
  ...overrides,
});
const fallback = policy({ id: "default", position: 0, isDefault: true });

test("the first policy by position whose department fits wins, ignoring case", () => {
  const policies = [
    fallback,
    policy({ id: "late", position: 5, matchDepartments: ["Engineering"] }),
    policy({ id: "early", position: 2, matchDepartments: ["engineering "] }),
  ];
  expect(selectPolicy(policies, { id: "job_1", department: "ENGINEERING" }).id).toBe("early");
});

test("a policy with both lists fits when either list matches", () => {
  const both = policy({ id: "both", matchDepartments: ["Sales"], matchJobIds: ["job_9"] });
  expect(selectPolicy([fallback, both], { id: "job_9", department: "Engineering" }).id).toBe("both");
  expect(selectPolicy([fallback, both], { id: "job_1", department: "sales" }).id).toBe("both");
  expect(selectPolicy([fallback, both], { id: "job_1", department: "Engineering" }).id).toBe("default");
});

test("a policy without conditions fits nothing; a job without department falls back to the default", () => {
  const policies = [
    policy({ id: "bare", position: 1 }),
    policy({ id: "sales", matchDepartments: ["Sales"] }),
    fallback,
  ];
  expect(selectPolicy(policies, { id: "job_1", department: null }).id).toBe("default");
  expect(selectPolicy(policies, { id: "job_1", department: "Legal" }).id).toBe("default");
});

test("the returned policy is the caller's own row", () => {
  const row = { ...policy({ id: "row", matchJobIds: ["job_1"] }), name: "Row" };
  expect(selectPolicy([fallback, row], { id: "job_1", department: null })).toBe(row);
});

test("without a default policy selection fails loudly", () => {
  expect(() =>
    selectPolicy([policy({ id: "sales", matchDepartments: ["Sales"] })], { id: "j", department: null }),
  ).toThrow("No default SLA policy exists");
});

test("the job's schedule wins over the policy's, which wins over the workspace default", () => {
  expect(scheduleIdFor({ scheduleId: "job" }, { scheduleId: "policy" }, "default")).toBe("job");
  expect(scheduleIdFor({ scheduleId: null }, { scheduleId: "policy" }, "default")).toBe("policy");
  expect(scheduleIdFor({ scheduleId: null }, { scheduleId: null }, "default")).toBe("default");
});

test("the default targets cover every metric once and are valid policy input", () => {
  expect(DEFAULT_SLA_TARGETS.map((entry) => entry.metric)).toEqual([...SLA_METRICS]);
  expect(slaPolicyInputSchema.parse({ name: "Default", targets: DEFAULT_SLA_TARGETS }).targets).toEqual(
    DEFAULT_SLA_TARGETS,
  );
});

test("when the stage decision restarts after an interview is set on the interviewer_feedback target only", () => {
  const feedback = { metric: "interviewer_feedback", minutes: 480, businessHours: true };
  expect(
    slaPolicyInputSchema.parse({ name: "X", targets: [{ ...feedback, stageDecisionRestartsAt: "interview_end" }] })
      .targets,
  ).toEqual([{ ...feedback, stageDecisionRestartsAt: "interview_end" }]);
  expect(slaPolicyInputSchema.parse({ name: "X", targets: [feedback] }).targets).toEqual([feedback]);
  expect(issues({ name: "X", targets: [{ ...feedback, stageDecisionRestartsAt: "later" }] })).toEqual([
    {
      path: "targets.0.stageDecisionRestartsAt",
      message: "stageDecisionRestartsAt must be one of last_feedback, interview_end.",
    },
  ]);
  expect(issues({ name: "X", targets: [{ ...target, stageDecisionRestartsAt: "last_feedback" }] })).toEqual([
    {
      path: "targets.0.stageDecisionRestartsAt",
      message: "stageDecisionRestartsAt belongs to the interviewer_feedback target only.",
    },
  ]);
});
