// Applying what a connected ATS reported, a batch of deliveries in one transaction: jobs, stages and applications
// found by their ATS ids (or created on first sight), then each change made through the batch forms of the write path
// (createApplications, reopenApplications, moveApplications, decideEach), so clocks, stays, audit entries
// and candidate emails follow as they do for a change made here, in a few statements however large the batch.
// Events are applied in waves in which no application appears twice, so each wave's changes commute and its order
// within an application is kept. One delivery is the batch of one.
import type { Prisma } from "~/generated/prisma/client";
import { candidateInputSchema } from "~/domain/applications";
import type {
  AtsApplicationEvent,
  AtsCandidateDeleted,
  AtsEvent,
  ConnectorEmailMode,
} from "~/domain/connectors/events";
import { InvalidInputError } from "~/platform/errors.server";
import { createApplications } from "../application-intake.server";
import { moveApplications, type StageMove } from "../application.server";
import { decideEach, reopenApplications, type EachDecision } from "../decisions.server";
import { eraseInTransaction } from "../erasure.server";
import { ATS_ACTOR } from "../scope.server";
import {
  createMissingJobs,
  createMissingStages,
  linkRecords,
  markSynced,
  readRecords,
  stageKey,
  type LinkedApplication,
  type NewLink,
  type Records,
} from "./records.server";

type Tx = Prisma.TransactionClient;

export type ConnectorForApply = { id: string; emails: ConnectorEmailMode };
export type DeliveryToApply = { id: string; receivedAt: Date; events: AtsEvent[] };

/** What applying a batch did: per delivery, one line per event for the log (ATS ids and stage names, no personal
 * data); whether candidate emails were queued; the emails whose local copies an erasure asks to remove after commit. */
export type Applied = { summaries: Map<string, string[]>; emailsQueued: boolean; erasedMessageIds: string[] };

/** A change that reaches Hearback within a day of happening is live: the candidate is written to about it now (when
 * Hearback writes the emails). Older ones — an ATS catching up after an outage — are history. */
const LIVE_WITHIN_MS = 24 * 60 * 60 * 1000;

type Item<E extends AtsEvent = AtsEvent> = { deliveryId: string; receivedAt: Date; event: E };
type Context = { tx: Tx; connector: ConnectorForApply; now: Date; applied: Applied };

const writes = (connector: ConnectorForApply) => connector.emails === "hearback";
const earliest = (a: Date, b: Date) => (a < b ? a : b);
const latest = (a: Date, b: Date) => (a > b ? a : b);

function say(context: Context, item: Item, line: string) {
  const lines = context.applied.summaries.get(item.deliveryId) ?? [];
  lines.push(line);
  context.applied.summaries.set(item.deliveryId, lines);
}

const knownOr = <T>(schema: { safeParse(value: unknown): { success: boolean } }, value: T | undefined) =>
  value !== undefined && schema.safeParse(value).success ? value : undefined;

/** The candidate as Hearback's own form would accept them: a time zone or language it does not know is left out,
 * anything else it refuses (an address it cannot write to) fails the delivery with the reason. */
function candidateInput(candidate: AtsApplicationEvent["application"]["candidate"]) {
  const { timeZone, locale, externalId: _externalId, ...required } = candidate;
  const parsed = candidateInputSchema.safeParse({
    ...required,
    timeZone: knownOr(candidateInputSchema.shape.timeZone, timeZone),
    // "en-US" and "de_DE" are the languages Hearback writes in, "en" and "de".
    locale: knownOr(candidateInputSchema.shape.locale, locale?.slice(0, 2).toLowerCase()),
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join(".");
  throw new InvalidInputError(`The candidate's ${field || "details"}: ${issue.message}`, [
    { path: `candidate.${field}`, message: issue.message },
  ]);
}

/** Splits the events, in order, into waves in which no application appears twice; an erasure is a wave of its own. */
function waves(items: Item[]): Item[][] {
  const result: Item[][] = [];
  let wave: Item[] = [];
  let seen = new Set<string>();
  const close = () => {
    if (wave.length > 0) result.push(wave);
    wave = [];
    seen = new Set();
  };
  for (const item of items) {
    if (item.event.change === "candidate_deleted") {
      close();
      result.push([item]);
      continue;
    }
    const key = item.event.application.externalId;
    if (seen.has(key)) close();
    wave.push(item);
    seen.add(key);
  }
  close();
  return result;
}

/** Creates the applications the ATS reports for the first time — or adopts the candidate's active application on
 * the job, entered by hand — acknowledged when Hearback writes the emails and the application is fresh. */
async function createMissingApplications(context: Context, items: Item<AtsApplicationEvent>[], records: Records) {
  const { tx, connector, now } = context;
  const fresh = items.filter((item) => !records.applications.has(item.event.application.externalId));
  if (fresh.length === 0) return;
  const inputs = fresh.map(({ event, receivedAt }) => {
    const appliedAt = earliest(event.application.appliedAt ?? event.occurredAt, now);
    return {
      jobId: records.jobs.get(event.application.job.externalId)!,
      candidate: candidateInput(event.application.candidate),
      appliedAt,
      source: event.application.source?.slice(0, 80),
      notify: writes(connector) && receivedAt.getTime() - appliedAt.getTime() <= LIVE_WITHIN_MS,
    };
  });
  // Its appliedAt as epoch milliseconds: see RecordRow in records.server.ts.
  const adoptable = await tx.$queryRaw<
    { id: string; candidateId: string; jobId: string; emailKey: string; stageId: string; appliedAtMs: number }[]
  >`
    SELECT a.id, a."candidateId", a."jobId", c."emailKey", a."stageId",
           round(extract(epoch from a."appliedAt") * 1000)::float8 AS "appliedAtMs"
      FROM "Application" a JOIN "Candidate" c ON c.id = a."candidateId"
     WHERE a.status = 'active' AND a."jobId" = ANY(${inputs.map((input) => input.jobId)}::text[])
       AND c."emailKey" = ANY(${inputs.map((input) => input.candidate.email.toLowerCase())}::text[])`;
  const adoptedOf = (index: number) =>
    adoptable.find(
      (row) => row.jobId === inputs[index]!.jobId && row.emailKey === inputs[index]!.candidate.email.toLowerCase(),
    );
  const toCreate = inputs.flatMap((input, index) => (adoptedOf(index) ? [] : [input]));
  const created = await createApplications(tx, toCreate, null, now);
  if (toCreate.some((input) => input.notify)) context.applied.emailsQueued = true;
  const links: NewLink[] = [];
  let next = 0;
  fresh.forEach((item, index) => {
    const found = adoptedOf(index);
    const adopted = found ? { ...found, appliedAt: new Date(found.appliedAtMs) } : null;
    const application = adopted ?? created[next++]!;
    const { externalId, candidate } = item.event.application;
    records.applications.set(externalId, {
      id: application.id,
      syncedAt: null,
      status: "active",
      stageId: application.stageId,
      appliedAt: application.appliedAt,
      erased: false,
      fresh: true,
    });
    say(context, item, `Application ${externalId}: ${adopted ? "linked to the one entered here" : "created"}.`);
    links.push({ kind: "application", externalId, applicationId: application.id });
    if (candidate.externalId) {
      links.push({ kind: "candidate", externalId: candidate.externalId, candidateId: application.candidateId });
    }
  });
  await linkRecords(tx, connector.id, links);
}

type Outcome = "rejected" | "hired" | "withdrawn";
type Plan = { reopen: boolean; move: StageMove | null; live: boolean; decide: Outcome | null };

/** What an event asks of its application as it is here: reopen it, move it, decide it — or nothing, and why. */
function planChange(
  item: Item<AtsApplicationEvent>,
  current: LinkedApplication,
  stageId: string | null,
  now: Date,
): Plan | string {
  const { event, receivedAt } = item;
  const occurredAt = latest(earliest(event.occurredAt, now), current.appliedAt);
  const live = receivedAt.getTime() - event.occurredAt.getTime() <= LIVE_WITHIN_MS;
  const takenBack =
    current.status === "rejected" &&
    (event.change === "unrejected" || (event.change === "stage_changed" && event.activeInAts === true));
  const status = takenBack ? "active" : current.status;
  const move =
    status === "active" && stageId && stageId !== current.stageId
      ? { applicationId: current.id, stageId, occurredAt }
      : null;
  const plan: Plan = { reopen: takenBack, move, live, decide: null };
  switch (event.change) {
    case "created":
    case "stage_changed":
    case "unrejected":
      if (takenBack) return plan;
      if (event.change === "unrejected") return `not reopened: it is ${current.status} here.`;
      if (current.status !== "active") return `not moved: it is ${current.status} here.`;
      return move ? plan : "already in that stage.";
    case "rejected":
    case "hired":
    case "withdrawn":
      if (current.status === event.change) return `already ${event.change}.`;
      if (current.status !== "active") return `not ${event.change}: it is ${current.status} here.`;
      return { ...plan, decide: event.change };
  }
}

function describe(plan: Plan, event: AtsApplicationEvent, notify: boolean): string {
  const parts = [plan.reopen ? "reopened" : null, plan.move ? "moved" : null];
  if (plan.decide) {
    const told = notify && plan.decide !== "hired" ? ", the candidate will be told" : "";
    parts.push(`${plan.decide}${told}`);
  }
  return (
    `${parts.filter(Boolean).join(", ")}.` +
    (event.change === "stage_changed" && plan.reopen ? " (active in the ATS again)" : "")
  );
}

async function applyWave(context: Context, items: Item<AtsApplicationEvent>[]) {
  const { tx, connector, now } = context;
  const events = items.map((item) => item.event);
  const records = await readRecords(tx, connector.id, events);
  await createMissingJobs(tx, connector.id, events, records);
  await createMissingStages(tx, connector.id, events, records);
  const current = items.filter((item) => {
    const known = records.applications.get(item.event.application.externalId);
    if (!known?.syncedAt || item.event.occurredAt >= known.syncedAt) return true;
    say(
      context,
      item,
      `Application ${item.event.application.externalId}: skipped, older than a change already applied.`,
    );
    return false;
  });
  await createMissingApplications(context, current, records);

  const reopens: string[] = [];
  const moves = { live: [] as StageMove[], history: [] as StageMove[] };
  const decisions: EachDecision[] = [];
  const synced: { externalId: string; at: Date }[] = [];
  for (const item of current) {
    const { event } = item;
    const { application } = event;
    const linked = records.applications.get(application.externalId)!;
    const label = `Application ${application.externalId}:`;
    synced.push({ externalId: application.externalId, at: event.occurredAt });
    if (linked.erased) {
      say(context, item, `${label} not applied, the candidate's data was erased here.`);
      continue;
    }
    const stageId = application.stage
      ? records.stages.get(stageKey(application.job.externalId, application.stage))!
      : null;
    const plan = planChange(item, linked, stageId, now);
    if (typeof plan === "string") {
      // An application created in the stage the ATS named needs no second line saying so.
      if (!(linked.fresh && event.change === "created")) say(context, item, `${label} ${plan}`);
      continue;
    }
    if (plan.reopen) reopens.push(linked.id);
    if (plan.move) (plan.live ? moves.live : moves.history).push(plan.move);
    const notify = writes(connector) && plan.live;
    if (plan.decide) {
      const input = {
        outcome: plan.decide,
        reason: event.reason?.slice(0, 500),
        occurredAt: latest(earliest(event.occurredAt, now), linked.appliedAt),
        notify,
      };
      decisions.push({ applicationId: linked.id, input });
    }
    say(context, item, `${label} ${describe(plan, event, notify)}`);
  }
  if (reopens.length > 0) {
    const data = { reason: "Taken back in the ATS" };
    await reopenApplications(tx, reopens, ATS_ACTOR, data, { now, evenIfTold: true });
  }
  for (const [batch, live] of [
    [moves.live, true],
    [moves.history, false],
  ] as const) {
    if (batch.length === 0) continue;
    const { emailsQueued } = await moveApplications(tx, batch, ATS_ACTOR, { now, live, silent: !writes(connector) });
    if (emailsQueued > 0) context.applied.emailsQueued = true;
  }
  if (decisions.length > 0) {
    const decided = await decideEach(tx, decisions, ATS_ACTOR, { now, live: true });
    if (decided.some((one) => one.message)) context.applied.emailsQueued = true;
  }
  await markSynced(tx, connector.id, synced);
}

async function applyCandidateDeleted(context: Context, item: Item<AtsCandidateDeleted>) {
  const { tx, connector, now } = context;
  const label = `Candidate ${item.event.candidateExternalId}`;
  const record = await tx.externalRecord.findUnique({
    where: {
      connectorId_kind_externalId: {
        connectorId: connector.id,
        kind: "candidate",
        externalId: item.event.candidateExternalId,
      },
    },
    select: { candidate: { select: { id: true, erasedAt: true } } },
  });
  if (!record?.candidate) return say(context, item, `${label}: not known here, nothing to erase.`);
  if (record.candidate.erasedAt) return say(context, item, `${label}: already erased.`);
  const erased = await eraseInTransaction(tx, record.candidate.id, ATS_ACTOR, now);
  context.applied.erasedMessageIds.push(...erased.messageIds);
  say(context, item, `${label}: deleted in the ATS, erased here (${erased.applications} applications).`);
}

/** Applies deliveries' events in order, in the caller's transaction, which must hold the connector's lock (the
 * connector worker's). A refusal (a candidate Hearback cannot write to, an application that cannot change) throws:
 * the worker then applies the batch one delivery at a time, so that only the refused one fails. */
export async function applyDeliveries(
  tx: Tx,
  connector: ConnectorForApply,
  deliveries: DeliveryToApply[],
  now: Date,
): Promise<Applied> {
  const context: Context = {
    tx,
    connector,
    now,
    applied: { summaries: new Map(), emailsQueued: false, erasedMessageIds: [] },
  };
  const items = deliveries.flatMap(({ id, receivedAt, events }) =>
    events.map((event) => ({ deliveryId: id, receivedAt, event })),
  );
  for (const wave of waves(items)) {
    const [first] = wave;
    if (first?.event.change === "candidate_deleted")
      await applyCandidateDeleted(context, first as Item<AtsCandidateDeleted>);
    else await applyWave(context, wave as Item<AtsApplicationEvent>[]);
  }
  return context.applied;
}
