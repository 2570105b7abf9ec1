// The public kept-promise record (docs/public-promise.md): which promises a team may publish, what an admin chose,
// and how a count of kept promises becomes a public figure — shown only from MIN_CASES cases on. Pure.
import { z } from "zod";
import { ratio } from "../metrics/figures";

/** The promises a team can publish, each measured by one figure of the dashboard (docs/metrics.md):
 * first_response — first responses on time; outcome_told — rejected candidates told; hear_back_by — "hear back by"
 * dates kept. */
export const PUBLIC_PROMISES = ["first_response", "outcome_told", "hear_back_by"] as const;
export type PublicPromise = (typeof PUBLIC_PROMISES)[number];

/** A figure from fewer cases says "not enough applications yet" instead of a rate. */
export const MIN_CASES = 20;

/** The record looks back this many days from when it is computed. */
export const RECORD_DAYS = 90;

/** How long a computed record is served before it is computed again. */
export const RECORD_MAX_AGE_MS = 60 * 60 * 1000;

const promiseList = z
  .array(z.enum(PUBLIC_PROMISES, { error: `Each promise must be one of ${PUBLIC_PROMISES.join(", ")}.` }), {
    error: "metrics must be a list.",
  })
  .max(PUBLIC_PROMISES.length)
  .transform(inPromiseOrder);

/** POST /api/v1/public-promise: publish or unpublish, and optionally which promises to show. */
export const publicPromiseInputSchema = z.object({
  published: z.boolean({ error: "published must be true or false." }),
  metrics: promiseList.optional(),
});
export type PublicPromiseInput = z.output<typeof publicPromiseInputSchema>;

/** Settings → Public promise: the ticked promises (one checkbox value, several, or none) and the button pressed. */
export const publicPromiseFormSchema = z
  .object({
    published: z.enum(["true", "false"]).transform((value) => value === "true"),
    metrics: z.preprocess((value) => (value === undefined ? [] : [value].flat()), promiseList),
  })
  .refine((input) => !input.published || input.metrics.length > 0, {
    path: ["metrics"],
    message: "Choose at least one promise to publish.",
  });

/** Stored settings: published or not, the chosen promises, and when it last changed (every change is a new
 * revision, so a record computed before it is never served after it, in any app instance). */
export const storedPublicPromiseSchema = z.object({
  published: z.boolean().catch(false),
  metrics: z.array(z.enum(PUBLIC_PROMISES)).catch([...PUBLIC_PROMISES]),
  revision: z.string().catch(""),
});
export type PublicPromiseSettings = z.output<typeof storedPublicPromiseSchema>;

export const UNPUBLISHED: PublicPromiseSettings = { published: false, metrics: [...PUBLIC_PROMISES], revision: "" };

export function inPromiseOrder(promises: readonly PublicPromise[]): PublicPromise[] {
  return PUBLIC_PROMISES.filter((promise) => promises.includes(promise));
}

/** The settings after an input: promises left out keep the stored choice; publishing with none chosen shows all. */
export function nextSettings(
  stored: PublicPromiseSettings,
  input: PublicPromiseInput,
  at: Date,
): PublicPromiseSettings {
  const metrics = input.metrics ?? stored.metrics;
  return {
    published: input.published,
    metrics: input.published && metrics.length === 0 ? [...PUBLIC_PROMISES] : metrics,
    revision: at.toISOString(),
  };
}

/** The first-response target a promise is worded from: minutes on business or calendar time. */
export type ResponseTarget = { minutes: number; businessHours: boolean };

/** How often one promise was kept: `cases` decided, `kept` of them kept. Below MIN_CASES the count kept and the rate
 * are withheld, so a small sample cannot be read either way. */
export type PromiseFigure = {
  promise: PublicPromise;
  cases: number;
  kept: number | null;
  rate: number | null;
};

export function promiseFigure(promise: PublicPromise, kept: number, cases: number): PromiseFigure {
  if (cases < MIN_CASES) return { promise, cases, kept: null, rate: null };
  return { promise, cases, kept, rate: ratio(kept, cases) };
}

/** The record of the whole workspace, or of one published job. */
export type PromiseScope = {
  /** null for the whole workspace. */
  job: { id: string; title: string; slug: string } | null;
  firstResponseTarget: ResponseTarget | null;
  figures: PromiseFigure[];
};

export type PublicPromiseRecord = {
  from: Date;
  to: Date;
  computedAt: Date;
  promises: PublicPromise[];
  workspace: PromiseScope;
  jobs: PromiseScope[];
};

/** The window of a record computed at `now`: the RECORD_DAYS days before it. */
export function recordWindow(now: Date): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - RECORD_DAYS * 24 * 60 * 60 * 1000), to: now };
}

/** The figure a one-line summary shows (badge, careers and status pages): `preferred` when it was chosen, else the
 * first promise chosen; null when none was. */
export function headlineFigure(scope: PromiseScope, preferred?: PublicPromise): PromiseFigure | null {
  const chosen = preferred ? scope.figures.find((figure) => figure.promise === preferred) : undefined;
  return chosen ?? scope.figures[0] ?? null;
}

/** The record a job's apply page sums up: the job's own when its headline figure has enough cases, else the
 * workspace's. */
export function scopeForJob(record: PublicPromiseRecord, jobId: string): PromiseScope {
  const job = record.jobs.find((scope) => scope.job?.id === jobId);
  return job && headlineFigure(job)?.rate != null ? job : record.workspace;
}
