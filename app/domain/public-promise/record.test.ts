import { expect, test } from "vitest";
import {
  headlineFigure,
  MIN_CASES,
  nextSettings,
  promiseFigure,
  publicPromiseFormSchema,
  publicPromiseInputSchema,
  recordWindow,
  scopeForJob,
  UNPUBLISHED,
  type PromiseScope,
  type PublicPromiseRecord,
} from "./record";

const AT = new Date("2027-01-12T10:00:00Z");

test("a figure from fewer than 20 cases shows neither the rate nor the count kept", () => {
  expect(MIN_CASES).toBe(20);
  expect(promiseFigure("first_response", 19, 19)).toEqual({
    promise: "first_response",
    cases: 19,
    kept: null,
    rate: null,
  });
  expect(promiseFigure("first_response", 0, 0)).toEqual({
    promise: "first_response",
    cases: 0,
    kept: null,
    rate: null,
  });
  expect(promiseFigure("outcome_told", 15, 20)).toEqual({ promise: "outcome_told", cases: 20, kept: 15, rate: 0.75 });
});

test("the window is the 90 days before the moment it is computed", () => {
  expect(recordWindow(AT)).toEqual({ from: new Date("2026-10-14T10:00:00Z"), to: AT });
});

test("saving: promises left out keep the stored choice, publishing with none chosen shows all, each save a revision", () => {
  const chosen = nextSettings(UNPUBLISHED, { published: true, metrics: ["outcome_told"] }, AT);
  expect(chosen).toEqual({ published: true, metrics: ["outcome_told"], revision: AT.toISOString() });
  const later = new Date(AT.getTime() + 1000);
  expect(nextSettings(chosen, { published: false }, later)).toEqual({
    published: false,
    metrics: ["outcome_told"],
    revision: later.toISOString(),
  });
  expect(nextSettings(chosen, { published: true, metrics: [] }, later).metrics).toEqual([
    "first_response",
    "outcome_told",
    "hear_back_by",
  ]);
});

test("the API's input: booleans only, known promises only, kept in the page's order", () => {
  expect(publicPromiseInputSchema.parse({ published: true, metrics: ["hear_back_by", "first_response"] })).toEqual({
    published: true,
    metrics: ["first_response", "hear_back_by"],
  });
  expect(publicPromiseInputSchema.safeParse({ published: "yes" }).success).toBe(false);
  const unknown = publicPromiseInputSchema.safeParse({ published: true, metrics: ["time_to_hire"] });
  expect(unknown.success).toBe(false);
  expect(unknown.error?.issues[0]?.path).toEqual(["metrics", 0]);
});

test("the form: one ticked box or several; publishing needs one", () => {
  expect(publicPromiseFormSchema.parse({ published: "true", metrics: "outcome_told" })).toEqual({
    published: true,
    metrics: ["outcome_told"],
  });
  expect(publicPromiseFormSchema.parse({ published: "false" })).toEqual({ published: false, metrics: [] });
  const none = publicPromiseFormSchema.safeParse({ published: "true" });
  expect(none.error?.issues[0]?.path).toEqual(["metrics"]);
});

const scope = (jobId: string | null, cases: number): PromiseScope => ({
  job: jobId ? { id: jobId, title: jobId, slug: jobId } : null,
  firstResponseTarget: { minutes: 1440, businessHours: true },
  figures: [promiseFigure("first_response", cases, cases), promiseFigure("hear_back_by", 1, 1)],
});

test("the headline: the promise asked for when published, else the first; a job's own only with enough cases", () => {
  const workspace = scope(null, 40);
  expect(headlineFigure(workspace)?.promise).toBe("first_response");
  expect(headlineFigure(workspace, "hear_back_by")?.promise).toBe("hear_back_by");
  expect(headlineFigure(workspace, "outcome_told")?.promise).toBe("first_response");
  const record: PublicPromiseRecord = {
    ...recordWindow(AT),
    computedAt: AT,
    promises: ["first_response", "hear_back_by"],
    workspace,
    jobs: [scope("big", 25), scope("small", 3)],
  };
  expect(scopeForJob(record, "big").job?.id).toBe("big");
  expect(scopeForJob(record, "small")).toBe(workspace);
  expect(scopeForJob(record, "unlisted")).toBe(workspace);
});
