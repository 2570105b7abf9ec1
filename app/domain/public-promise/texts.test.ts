import { expect, test } from "vitest";
import { promiseFigure } from "./record";
import { badgeWords, belowTarget, figureSentence, PROMISE_TEXTS, promiseSummary, targetWords } from "./texts";

test("targets read as people say them, in both languages", () => {
  expect(targetWords({ minutes: 3 * 480, businessHours: true }, "en")).toBe("3 business days");
  expect(targetWords({ minutes: 480, businessHours: true }, "en")).toBe("1 business day");
  expect(targetWords({ minutes: 2880, businessHours: false }, "en")).toBe("2 days");
  expect(targetWords({ minutes: 240, businessHours: true }, "en")).toBe("4 business hours");
  expect(targetWords({ minutes: 90, businessHours: false }, "en")).toBe("90 minutes");
  expect(targetWords({ minutes: 3 * 480, businessHours: true }, "de")).toBe("3 Werktagen");
  expect(targetWords({ minutes: 60, businessHours: false }, "de")).toBe("1 Stunde");
});

test("the promises in plain words", () => {
  const target = { minutes: 3 * 480, businessHours: true };
  expect(PROMISE_TEXTS.en.promise("first_response", target)).toBe(
    "We answer every application within 3 business days.",
  );
  expect(PROMISE_TEXTS.en.promise("first_response", null)).toBe("We answer every application.");
  expect(PROMISE_TEXTS.en.promise("outcome_told", target)).toBe("We tell everyone the outcome, including a no.");
  expect(PROMISE_TEXTS.de.promise("first_response", target)).toBe(
    "Wir antworten auf jede Bewerbung innerhalb von 3 Werktagen.",
  );
});

test("a figure with its sample, or not enough applications yet; below target is said, not hidden", () => {
  const kept = promiseFigure("first_response", 188, 200);
  expect(figureSentence(kept, "en")).toBe("Kept for 188 of 200 applicants.");
  expect(figureSentence(kept, "de")).toBe("Gehalten bei 188 von 200 Bewerbenden.");
  expect(belowTarget(kept)).toBe(true);
  // A "hear back by" figure counts the dates given, not applicants.
  expect(figureSentence(promiseFigure("hear_back_by", 30, 40), "en")).toBe("Kept 30 of 40 dates given.");
  expect(belowTarget(promiseFigure("first_response", 20, 20))).toBe(false);
  const few = promiseFigure("first_response", 12, 12);
  expect(figureSentence(few, "en")).toBe("Not enough applications yet: 12 so far, and we show a figure from 20 on.");
  expect(belowTarget(few)).toBe(false);
});

test("the badge's words, and a rate never rounded up to 100%", () => {
  const target = { minutes: 3 * 480, businessHours: true };
  expect(badgeWords(promiseFigure("first_response", 188, 200), target, "en").line).toBe(
    "Answers applicants in 3 business days · kept 94%",
  );
  expect(badgeWords(promiseFigure("first_response", 399, 400), target, "en").result).toBe("kept 99%");
  expect(badgeWords(promiseFigure("hear_back_by", 3, 5), target, "en").line).toBe(
    "Keeps its hear-back dates · not enough applications yet",
  );
});

test("the summary line of the careers and status pages", () => {
  const scope = {
    job: null,
    firstResponseTarget: null,
    figures: [promiseFigure("outcome_told", 47, 50), promiseFigure("hear_back_by", 10, 10)],
  };
  expect(promiseSummary(scope, "en")).toEqual({
    heading: "Our promise to you",
    promise: "We tell everyone the outcome, including a no.",
    kept: "This team kept this promise for 94% of applicants in the last 90 days.",
    link: "How we keep our promises",
    href: "/promise?lang=en",
  });
  expect(promiseSummary(scope, "de", "hear_back_by")?.kept).toBeNull();
  const dates = { ...scope, figures: [promiseFigure("hear_back_by", 45, 50)] };
  expect(promiseSummary(dates, "en")?.kept).toBe(
    "This team kept 90% of the dates it gave applicants in the last 90 days.",
  );
  expect(promiseSummary({ ...scope, figures: [] }, "en")).toBeNull();
});
