import { expect, test } from "vitest";
import type { SideFigures } from "./importance";
import { verdictFor, verdicts, verdictTone } from "./verdict";

const side = (attainment: number | null, medianMinutes: number | null): SideFigures => ({ attainment, medianMinutes });

test("candidates waiting 42 times longer read as worse, in one sentence with the factor", () => {
  const verdict = verdictFor("first_reply", side(0.4, 42 * 60), side(0.95, 60));
  expect(verdict).toEqual({
    metric: "first_reply",
    tone: "worse",
    sentence: "Candidates wait 42× longer than customers for a first reply.",
    detail: "Candidates' first replies meet their target 40% of the time; customers' 95%.",
    missing: null,
  });
});

test("within 10% either way is on a par; clearly faster is better", () => {
  expect(verdictFor("next_reply", side(0.9, 66), side(0.9, 60))).toMatchObject({
    tone: "same",
    sentence: "Candidates get a reply to a follow-up as fast as customers.",
  });
  expect(verdictTone(side(null, 54), side(null, 60))).toBe("same");
  expect(verdictTone(side(null, 67), side(null, 60))).toBe("worse");
  expect(verdictFor("resolution", side(null, 30), side(null, 60))).toMatchObject({
    tone: "better",
    sentence: "Candidates get an outcome 2.0× faster than customers get a resolution.",
    detail: null,
  });
});

test("customers answered at once and candidates not is worse, with no made-up factor", () => {
  expect(verdictFor("first_reply", side(null, 30), side(null, 0))).toMatchObject({
    tone: "worse",
    sentence: "Candidates wait longer than customers for a first reply.",
  });
});

test("without customer figures the sentence says so and names the missing side", () => {
  expect(verdictFor("first_reply", side(0.5, 120), null)).toEqual({
    metric: "first_reply",
    tone: "unknown",
    sentence: "No customer figure for first reply yet, so there is nothing to compare candidates with.",
    detail: "Candidates' first replies meet their target 50% of the time; no customer figure entered.",
    missing: "customer",
  });
  expect(verdictFor("next_reply", side(null, null), side(0.9, 60))).toMatchObject({
    tone: "unknown",
    missing: "candidate",
    sentence: "No candidate replies to follow-ups in this period to compare.",
  });
});

test("verdicts come in the page's order: first reply, next reply, resolution", () => {
  const none = { candidate: side(null, null), customer: null };
  expect(verdicts({ first_reply: none, next_reply: none, resolution: none }).map((verdict) => verdict.metric)).toEqual([
    "first_reply",
    "next_reply",
    "resolution",
  ]);
});
