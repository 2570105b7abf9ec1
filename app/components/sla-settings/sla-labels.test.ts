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

test("a feedback target says when the stage decision starts again, the last feedback by default", () => {
  const feedback = { metric: "interviewer_feedback" as const, minutes: 480, businessHours: true };
  expect(describeTarget(feedback, "Interviewer feedback")).toBe(
    "Interviewer feedback: 1 business day; the stage decision starts again when the last interviewer’s feedback is in",
  );
  expect(describeTarget({ ...feedback, stageDecisionRestartsAt: "interview_end" }, "Interviewer feedback")).toBe(
    "Interviewer feedback: 1 business day; the stage decision starts again when the interview ends",
  );
});
