import { expect, test } from "vitest";
import { previewTargets } from "./policy-preview";
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
