// The public kept-promise record (docs/public-promise.md): whether an admin published it and which promises, and the
// record itself — per workspace and per job on the careers page, from the dashboard's own statements
// (app/models/metrics), so a public figure is always the dashboard's figure for the same period. A computed record is
// served for at most an hour; any change of the settings (publishing, unpublishing, choosing promises) makes it
// unusable at once in every app instance: the settings are read again after any committed write to them, and the
// record is kept with the revision of the settings it was computed for.
import type { MetricsFilters } from "~/domain/metrics/report";
import { windowEnd } from "~/domain/metrics/figures";
import {
  nextSettings,
  promiseFigure,
  recordWindow,
  RECORD_MAX_AGE_MS,
  storedPublicPromiseSchema,
  UNPUBLISHED,
  type PromiseFigure,
  type PromiseScope,
  type PublicPromise,
  type PublicPromiseInput,
  type PublicPromiseRecord,
  type PublicPromiseSettings,
  type ResponseTarget,
} from "~/domain/public-promise/record";
import { prisma } from "~/platform/db.server";
import { singleton } from "~/platform/singleton.server";
import { tablesGeneration, watchTables, writeTrackingComplete } from "~/platform/write-tracking.server";
import { LISTED_ON_CAREERS } from "./careers.server";
import { metricClockFigures, promiseFigures } from "./metrics/clock-figures.server";
import { closedFigures } from "./metrics/pipeline-figures.server";
import type { Actor } from "./scope.server";
import { readSetting, saveSetting } from "./setting.server";
import { currentSlaConfig, policyInForce, policyTargets, type SlaConfig } from "./sla/config.server";

const KEY = "public_promise";

/** The record counts every job, as an admin's dashboard does; admin scopes never read the actor's id. */
const EVERY_JOB: Actor = { id: "", role: "admin" };

export async function getPublicPromiseSettings(): Promise<PublicPromiseSettings> {
  const stored = await readSetting(KEY);
  if (stored === null) return UNPUBLISHED;
  return storedPublicPromiseSchema.parse(stored);
}

/** The settings every public request reads, kept until a committed write to a setting, here or (PostgreSQL) in
 * another instance (docs/decisions/014), so pages that show the record (the status page, the careers pages) pay no
 * statement for it. While write tracking is incomplete every call reads them. */
const SETTING_TABLES = ["Setting"];
watchTables(...SETTING_TABLES);
const keptSettings = singleton<{ stored: { generation: number; settings: PublicPromiseSettings } | null }>(
  "public-promise-settings",
  () => ({ stored: null }),
);

async function currentPublicPromiseSettings(): Promise<PublicPromiseSettings> {
  if (!writeTrackingComplete()) return getPublicPromiseSettings();
  const generation = tablesGeneration(SETTING_TABLES); // before the read: a write meanwhile moves it
  if (keptSettings.stored?.generation === generation) return keptSettings.stored.settings;
  const settings = await getPublicPromiseSettings();
  keptSettings.stored = { generation, settings };
  return settings;
}

/** Publishes, unpublishes or changes the chosen promises, with its audit entry; the kept record is dropped at once. */
export async function savePublicPromise(
  input: PublicPromiseInput,
  actorId: string | null,
  now: Date = new Date(),
): Promise<PublicPromiseSettings> {
  const stored = await getPublicPromiseSettings();
  const settings = nextSettings(stored, input, now);
  const action = settings.published
    ? stored.published
      ? "settings.public_promise_updated"
      : "settings.public_promise_published"
    : "settings.public_promise_unpublished";
  await saveSetting(KEY, settings, { action, actorId });
  forgetPublicPromiseRecord();
  return settings;
}

/** How often each chosen promise was kept in `filters`' window, by the dashboard's statements. */
async function scopeFigures(
  promises: readonly PublicPromise[],
  filters: MetricsFilters,
  now: Date,
): Promise<PromiseFigure[]> {
  const end = windowEnd(filters.to, now);
  const [firstResponses, hearBackBy, closed] = await Promise.all([
    promises.includes("first_response") ? metricClockFigures(EVERY_JOB, filters, end, "first_response") : [],
    promises.includes("hear_back_by") ? promiseFigures(EVERY_JOB, filters, end) : [],
    promises.includes("outcome_told") ? closedFigures(EVERY_JOB, filters) : null,
  ]);
  return promises.map((promise) => {
    if (promise === "first_response") {
      const whole = firstResponses.find((row) => row.week === null);
      const met = whole?.met ?? 0;
      return promiseFigure(promise, met, met + (whole?.breached ?? 0));
    }
    if (promise === "hear_back_by") {
      const whole = hearBackBy.find((row) => row.week === null);
      return promiseFigure(promise, whole?.kept ?? 0, whole?.shown ?? 0);
    }
    return promiseFigure(promise, closed?.told ?? 0, closed?.rejected ?? 0);
  });
}

function firstResponseTarget(policy: { targets: ReturnType<typeof policyTargets> }): ResponseTarget | null {
  const target = policy.targets.find((candidate) => candidate.metric === "first_response");
  return target ? { minutes: target.minutes, businessHours: target.businessHours } : null;
}

function workspaceTarget(config: SlaConfig): ResponseTarget | null {
  const policy = config.policies.find((candidate) => candidate.isDefault);
  return policy ? firstResponseTarget({ targets: policyTargets(policy) }) : null;
}

/** The record of the `promises` chosen, over the RECORD_DAYS days before `now`: the workspace, then each job listed
 * on the careers page (by title). */
export async function computePublicPromiseRecord(
  promises: readonly PublicPromise[],
  now: Date = new Date(),
): Promise<PublicPromiseRecord> {
  const window = recordWindow(now);
  const [config, jobs] = await Promise.all([
    currentSlaConfig(),
    prisma.job.findMany({
      where: LISTED_ON_CAREERS,
      select: { id: true, title: true, slug: true, department: true, scheduleId: true },
      orderBy: [{ title: "asc" }, { id: "asc" }],
    }),
  ]);
  const [workspace, ...perJob] = await Promise.all([
    scopeFigures(promises, window, now),
    ...jobs.map((job) => scopeFigures(promises, { ...window, jobId: job.id }, now)),
  ]);
  return {
    ...window,
    computedAt: now,
    promises: [...promises],
    workspace: { job: null, firstResponseTarget: workspaceTarget(config), figures: workspace! },
    jobs: jobs.map((job, index): PromiseScope => ({
      job: { id: job.id, title: job.title, slug: job.slug! },
      firstResponseTarget: firstResponseTarget(policyInForce(config, job).policy),
      figures: perJob[index]!,
    })),
  };
}

type KeptRecord = { revision: string; record: PublicPromiseRecord };

const kept = singleton<{ entry: KeptRecord | null }>("public-promise-record", () => ({ entry: null }));

/** Drops the kept record and settings: the next request reads them again. */
export function forgetPublicPromiseRecord(): void {
  kept.entry = null;
  keptSettings.stored = null;
}

function fresh(entry: KeptRecord | null, settings: PublicPromiseSettings, now: Date): entry is KeptRecord {
  if (!entry || entry.revision !== settings.revision) return false;
  const age = now.getTime() - entry.record.computedAt.getTime();
  return age >= 0 && age < RECORD_MAX_AGE_MS;
}

/** The published record, or null when the workspace has not published one: computed at most once an hour, and never
 * served after the settings changed. */
export async function publishedPromiseRecord(now: Date = new Date()): Promise<PublicPromiseRecord | null> {
  const settings = await currentPublicPromiseSettings();
  if (!settings.published || settings.metrics.length === 0) return null;
  if (fresh(kept.entry, settings, now)) return kept.entry.record;
  const record = await computePublicPromiseRecord(settings.metrics, now);
  kept.entry = { revision: settings.revision, record };
  return record;
}
