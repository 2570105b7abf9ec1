import { expect, test } from "vitest";
import { applyScheduleStep, importYears, scheduleFormSchema, stepDaySchema, stepIndexSchema } from "./schedule-form";

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

test("holidays are imported for this year and next, this year counted in the schedule's zone", () => {
  expect(importYears(new Date("2026-12-31T23:30:00Z"), "Europe/Berlin").years).toEqual([2027, 2028]);
});

test("an editor step's argument is a weekday or a row index of one to four digits", () => {
  expect(stepDaySchema.parse("sat")).toBe("sat");
  expect(stepDaySchema.safeParse("saturday").success).toBe(false);
  expect(stepIndexSchema.parse("0")).toBe(0);
  expect(stepIndexSchema.parse("1234")).toBe(1234);
  for (const refused of ["", "-1", "12345", "1.5", "one"])
    expect(stepIndexSchema.safeParse(refused).success).toBe(false);
});
