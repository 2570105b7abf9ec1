import { expect, test } from "vitest";
import { describeTarget, summarizeHours } from "./sla-labels";

const BERLIN_SPLIT_SHIFT = (["mon", "tue", "wed", "thu", "fri"] as const).flatMap((day) => [
  { day, open: "09:00", close: "12:00" },
  { day, open: "13:00", close: "17:00" },
]);

test("lists describe hours and targets in words", () => {
  expect(summarizeHours(BERLIN_SPLIT_SHIFT)).toBe("Mon–Fri 09:00–12:00, 13:00–17:00");
  expect(
    describeTarget(
      { metric: "first_response", minutes: 960, businessHours: true, warnBeforeMinutes: 240 },
      "First response",
    ),
  ).toBe("First response: 2 business days (warn 4 h before)");
});
