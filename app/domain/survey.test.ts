import { expect, test } from "vitest";
import { FRICTION_TAGS, SURVEY_TEXTS, surveyInputSchema } from "./survey";

const complete = { nps: "9", effort: "2", knewNext: "partly" };

test("a complete answer parses into numbers, with no tags and no comment by default", () => {
  expect(surveyInputSchema("en").parse(complete)).toEqual({
    nps: 9,
    effort: 2,
    knewNext: "partly",
    frictionTags: [],
    comment: undefined,
  });
  expect(surveyInputSchema("en").parse({ ...complete, nps: "0" }).nps).toBe(0);
  expect(surveyInputSchema("en").parse({ ...complete, nps: "10" }).nps).toBe(10);
});

test("the three questions are required, with a message each in the candidate's language", () => {
  const english = surveyInputSchema("en").safeParse({});
  expect(english.success).toBe(false);
  const messages = Object.fromEntries(english.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
  expect(messages).toEqual({
    nps: "Choose a number from 0 to 10.",
    effort: "Choose how much effort applying took, from 1 to 5.",
    knewNext: "Choose yes, partly or no.",
  });
  const german = surveyInputSchema("de").safeParse({ effort: "3", knewNext: "yes" });
  expect(german.error!.issues.map((issue) => issue.message)).toEqual(["Wählen Sie eine Zahl von 0 bis 10."]);
});

test("scores outside their scale and other answers are refused", () => {
  const schema = surveyInputSchema("en");
  for (const nps of ["11", "-1", "7.5", "seven", ""]) {
    expect(schema.safeParse({ ...complete, nps }).success, nps).toBe(false);
  }
  for (const effort of ["0", "6"]) expect(schema.safeParse({ ...complete, effort }).success).toBe(false);
  expect(schema.safeParse({ ...complete, knewNext: "maybe" }).success).toBe(false);
});

test("tags: one posted as a string, several as an array, deduplicated in the listed order; unknown ones refused", () => {
  const schema = surveyInputSchema("en");
  expect(schema.parse({ ...complete, frictionTags: "long_silence" }).frictionTags).toEqual(["long_silence"]);
  expect(schema.parse({ ...complete, frictionTags: ["other", "rescheduling", "other"] }).frictionTags).toEqual([
    "rescheduling",
    "other",
  ]);
  const unknown = schema.safeParse({ ...complete, frictionTags: ["long_silence", "rude"] });
  expect(unknown.error!.issues[0]).toMatchObject({ message: "Choose only from the listed options." });
});

test("comments are trimmed, empty is none, and 2,000 characters is the limit counting a line break as one", () => {
  const schema = surveyInputSchema("en");
  expect(schema.parse({ ...complete, comment: "  Thanks for the quick answers.  " }).comment).toBe(
    "Thanks for the quick answers.",
  );
  expect(schema.parse({ ...complete, comment: "   " }).comment).toBeUndefined();
  const withBreaks = `${"a".repeat(999)}\r\n${"b".repeat(1000)}`;
  expect(schema.parse({ ...complete, comment: withBreaks }).comment).toHaveLength(2_000);
  const tooLong = schema.safeParse({ ...complete, comment: "x".repeat(2_001) });
  expect(tooLong.error!.issues[0]).toMatchObject({
    path: ["comment"],
    message: "Please keep your comment to 2,000 characters or fewer.",
  });
});

test("every tag and every answer has words in both languages", () => {
  for (const texts of Object.values(SURVEY_TEXTS)) {
    for (const tag of FRICTION_TAGS) expect(texts.tags.labels[tag]).toMatch(/\S/);
    expect(Object.keys(texts.effort.labels)).toEqual(["1", "2", "3", "4", "5"]);
    expect(Object.values(texts.errors).every((message) => message.length > 0)).toBe(true);
  }
  expect(SURVEY_TEXTS.de.nps.legend).not.toBe(SURVEY_TEXTS.en.nps.legend);
});
