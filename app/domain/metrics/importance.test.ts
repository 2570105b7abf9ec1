import { expect, test } from "vitest";
import {
  attainmentSentence,
  formatFactor,
  formatPercent,
  importanceIndex,
  safeRatio,
  speedVerdict,
  type SideFigures,
} from "./importance";

const side = (attainment: number | null, medianMinutes: number | null): SideFigures => ({ attainment, medianMinutes });

test("safeRatio divides candidate by customer", () => {
  expect(safeRatio(0.62, 0.95)).toBeCloseTo(0.652631, 5);
  expect(safeRatio(246, 60)).toBe(4.1);
  expect(safeRatio(30, 60)).toBe(0.5);
});

test("safeRatio is null without data on either side, never Infinity or NaN", () => {
  expect(safeRatio(null, 60)).toBeNull();
  expect(safeRatio(60, null)).toBeNull();
  expect(safeRatio(undefined, undefined)).toBeNull();
  expect(safeRatio(Number.NaN, 60)).toBeNull();
  expect(safeRatio(60, Number.POSITIVE_INFINITY)).toBeNull();
  expect(safeRatio(-1, 60)).toBeNull();
});

test("safeRatio treats two zeros as a tie and a zero customer figure against a positive one as undefined", () => {
  expect(safeRatio(0, 0)).toBe(1);
  expect(safeRatio(5, 0)).toBeNull();
  expect(safeRatio(0, 5)).toBe(0);
});

test("formatFactor keeps one decimal below 10 and whole numbers above", () => {
  expect(formatFactor(4.06)).toBe("4.1×");
  expect(formatFactor(4.04)).toBe("4.0×");
  expect(formatFactor(1.25)).toBe("1.3×");
  expect(formatFactor(2)).toBe("2.0×");
  expect(formatFactor(9.94)).toBe("9.9×");
  expect(formatFactor(9.96)).toBe("10×");
  expect(formatFactor(12.4)).toBe("12×");
  expect(formatFactor(12.5)).toBe("13×");
});

test("formatPercent rounds, but never to 100% below 1 or to 0% above 0", () => {
  expect(formatPercent(0.62)).toBe("62%");
  expect(formatPercent(0.625)).toBe("63%");
  expect(formatPercent(0.6249)).toBe("62%");
  expect(formatPercent(1)).toBe("100%");
  expect(formatPercent(0)).toBe("0%");
  expect(formatPercent(0.996)).toBe("99%");
  expect(formatPercent(0.004)).toBe("1%");
});

test("a slower candidate side reads as how many times longer candidates wait", () => {
  expect(speedVerdict("first_reply", side(null, 246), side(null, 60))).toBe(
    "Candidates wait 4.1× longer than customers for a first reply",
  );
  expect(speedVerdict("next_reply", side(null, 120), side(null, 60))).toBe(
    "Candidates wait 2.0× longer than customers for a reply to a follow-up",
  );
  expect(speedVerdict("resolution", side(null, 43_200), side(null, 1440))).toBe(
    "Candidates wait 30× longer for an outcome than customers wait for a resolution",
  );
});

test("a faster candidate side reads as how many times faster candidates are answered", () => {
  expect(speedVerdict("first_reply", side(null, 40), side(null, 60))).toBe(
    "Candidates are answered 1.5× faster than customers for a first reply",
  );
  expect(speedVerdict("next_reply", side(null, 10), side(null, 60))).toBe(
    "Candidates are answered 6.0× faster than customers when they follow up",
  );
  expect(speedVerdict("resolution", side(null, 720), side(null, 1440))).toBe(
    "Candidates get an outcome 2.0× faster than customers get a resolution",
  );
});

test("within ±10% both sides count as equally fast, boundaries included", () => {
  const asFast = "Candidates get a first reply as fast as customers";
  expect(speedVerdict("first_reply", side(null, 60), side(null, 60))).toBe(asFast);
  expect(speedVerdict("first_reply", side(null, 66), side(null, 60))).toBe(asFast); // 1.1
  expect(speedVerdict("first_reply", side(null, 54), side(null, 60))).toBe(asFast); // 0.9
  expect(speedVerdict("first_reply", side(null, 66.1), side(null, 60))).toBe(
    "Candidates wait 1.1× longer than customers for a first reply",
  );
  expect(speedVerdict("first_reply", side(null, 53.9), side(null, 60))).toBe(
    "Candidates are answered 1.1× faster than customers for a first reply",
  );
  expect(speedVerdict("resolution", side(null, 1440), side(null, 1440))).toBe(
    "Candidates get an outcome as fast as customers get a resolution",
  );
});

test("zero medians: both zero is a tie; one zero gives a direction without a factor", () => {
  expect(speedVerdict("first_reply", side(null, 0), side(null, 0))).toBe(
    "Candidates get a first reply as fast as customers",
  );
  expect(speedVerdict("first_reply", side(null, 5), side(null, 0))).toBe(
    "Candidates wait longer than customers for a first reply",
  );
  expect(speedVerdict("first_reply", side(null, 0), side(null, 5))).toBe(
    "Candidates are answered faster than customers for a first reply",
  );
});

test("missing medians say which side is missing", () => {
  expect(speedVerdict("first_reply", side(null, 60), null)).toBe("No customer median entered for first reply");
  expect(speedVerdict("first_reply", side(null, 60), side(0.9, null))).toBe(
    "No customer median entered for first reply",
  );
  expect(speedVerdict("next_reply", side(null, null), side(null, 60))).toBe(
    "No candidate replies to follow-ups in this period to compare",
  );
});

test("the attainment sentence sets both percentages side by side", () => {
  expect(attainmentSentence("first_reply", side(0.62, null), side(0.95, null))).toBe(
    "Candidates' first replies meet their target 62% of the time; customers' 95%",
  );
  expect(attainmentSentence("resolution", side(1, null), side(0.5, null))).toBe(
    "Candidates' outcomes meet their target 100% of the time; customers' resolutions 50%",
  );
});

test("the attainment sentence copes with either side missing", () => {
  expect(attainmentSentence("first_reply", side(0.62, 10), side(null, 10))).toBe(
    "Candidates' first replies meet their target 62% of the time; no customer figure entered",
  );
  expect(attainmentSentence("first_reply", side(0.62, 10), null)).toBe(
    "Candidates' first replies meet their target 62% of the time; no customer figure entered",
  );
  expect(attainmentSentence("next_reply", side(null, null), side(0.9, null))).toBe(
    "No candidate replies to follow-ups were due in this period; customers' meet their target 90% of the time",
  );
  expect(attainmentSentence("first_reply", side(null, null), null)).toBe("No attainment figures to compare");
});

test("importanceIndex returns both ratios and both sentences", () => {
  const index = importanceIndex("first_reply", side(0.5, 246), side(0.8, 60));
  expect(index).toEqual({
    attainmentIndex: 0.625,
    medianRatio: 4.1,
    verdict: "Candidates wait 4.1× longer than customers for a first reply",
    attainmentSentence: "Candidates' first replies meet their target 50% of the time; customers' 80%",
  });
});

test("importanceIndex with no data anywhere has null ratios, not 0 or NaN", () => {
  const index = importanceIndex("resolution", side(null, null), null);
  expect(index.attainmentIndex).toBeNull();
  expect(index.medianRatio).toBeNull();
  expect(index.verdict).toBe("No customer median entered for resolution");
});

test("a customer attainment of 0 gives no attainment index unless candidates are at 0 too", () => {
  expect(importanceIndex("first_reply", side(0.5, null), side(0, null)).attainmentIndex).toBeNull();
  expect(importanceIndex("first_reply", side(0, null), side(0, null)).attainmentIndex).toBe(1);
  expect(importanceIndex("first_reply", side(0, null), side(0.8, null)).attainmentIndex).toBe(0);
});
