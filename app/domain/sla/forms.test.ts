import { expect, test } from "vitest";
import {
  applyScheduleStep,
  describeTarget,
  importYears,
  policyFormSchema,
  policyFormValues,
  previewTargets,
  scheduleFormSchema,
  summarizeHours,
} from "./forms";
import type { ScheduleDefinition } from "./schedule";

const berlinSplitShift: ScheduleDefinition = {
  timeZone: "Europe/Berlin",
  hours: (["mon", "tue", "wed", "thu", "fri"] as const).flatMap((day) => [
    { day, open: "09:00", close: "12:00" },
    { day, open: "13:00", close: "17:00" },
  ]),
  holidays: [],
};

test("the preview counts business targets on the schedule and calendar targets in real time, from an injected now", () => {
  // Monday 2 March 2026, 10:00 in Berlin (CET, UTC+1).
  const now = new Date("2026-03-02T09:00:00Z");
  const preview = previewTargets(
    [
      { metric: "first_response", minutes: 960, businessHours: true },
      { metric: "periodic_update", minutes: 1440, businessHours: false },
    ],
    berlinSplitShift,
    now,
  );
  // 7 open hours a day: Monday 360 minutes left, Tuesday 420, Wednesday the last 180 end exactly at the lunch break.
  expect(preview.targets.map((target) => target.dueAt)).toEqual([
    "2026-03-04T11:00:00.000Z",
    "2026-03-03T09:00:00.000Z",
  ]);
  expect(preview.targets[0]!.dueText).toBe("Wed, 4 Mar 2026, 12:00 CET");
  expect(preview.hearBackBy).toMatchObject({ metric: "periodic_update", dueText: "Tue, 3 Mar 2026, 10:00 CET" });
  expect(preview.now).toBe(now.toISOString());
});

test("a preview on a schedule without open hours says why instead of inventing a date", () => {
  const preview = previewTargets(
    [{ metric: "first_response", minutes: 60, businessHours: true }],
    { timeZone: "UTC", hours: [], holidays: [] },
    new Date("2026-03-02T09:00:00Z"),
  );
  expect(preview.targets[0]).toMatchObject({ dueAt: null, problem: expect.stringContaining("no open hours") });
  expect(preview.hearBackBy).toBeNull();
});

test("the schedule form reads rows posted by index and names the offending field", () => {
  const parsed = scheduleFormSchema.safeParse({
    name: "Support",
    timeZone: "Europe/Berlin",
    hours: {
      "0": { day: "mon", open: "09:00", close: "12:00" },
      "1": { day: "mon", open: "11:00", close: "17:00" },
    },
    holidays: { "0": { date: "2026-12-24", name: "", closedFrom: "14:00", closedUntil: "24:00" } },
  });
  expect(parsed.success).toBe(false);
  expect(parsed.error!.issues.map((issue) => issue.path.join("."))).toEqual(["hours.1.open"]);
});

test("adding an interval puts it after the day's last one, after the lunch break", () => {
  const step = applyScheduleStep(
    {
      name: "",
      timeZone: "UTC",
      hours: [
        { day: "mon", open: "09:00", close: "12:00" },
        { day: "tue", open: "09:00", close: "17:00" },
      ],
      holidays: [],
    },
    { type: "add-interval", day: "mon" },
  );
  expect(step.values.hours).toEqual([
    { day: "mon", open: "09:00", close: "12:00" },
    { day: "mon", open: "13:00", close: "17:00" },
    { day: "tue", open: "09:00", close: "17:00" },
  ]);
  expect(step.focusId).toBe("field-hours-1-open");
});

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

test("lists describe hours and targets in words", () => {
  expect(summarizeHours(berlinSplitShift.hours)).toBe("Mon–Fri 09:00–12:00, 13:00–17:00");
  expect(
    describeTarget(
      { metric: "first_response", minutes: 960, businessHours: true, warnBeforeMinutes: 240 },
      "First response",
    ),
  ).toBe("First response: 2 business days (warn 4 h before)");
  expect(importYears(new Date("2026-12-31T23:30:00Z"), "Europe/Berlin").years).toEqual([2027, 2028]);
});
