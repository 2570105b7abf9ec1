// 1,000 signed Greenhouse deliveries — 500 new applications and then a stage change for each — posted one after
// another through the webhook route (body read, signature checked, payload mapped, delivery logged, change applied
// with its clocks and acknowledgement email), then all replayed. Target: the 1,000 applied in under 20 s on the
// embedded database, with no duplicate. The rival in the same run: the same 500 creates and 500 moves made directly
// through the write path (createApplications, moveApplications), which is what a delivery costs without the connector.
import { createHmac } from "node:crypto";
import { createApplications } from "~/models/application-intake.server";
import { moveApplications } from "~/models/application.server";
import { createConnector } from "~/models/connectors/connectors.server";
import { applyReceivedDeliveries } from "~/models/connectors/work.server";
import { ATS_ACTOR } from "~/models/scope.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import { action as hookAction } from "~/routes/hooks.$connectorId";
import { startConnectorWorker } from "~/workers/connector-worker.server";
import { readFixture } from "../tests/connector-fixtures";
import { recordQueries } from "../tests/query-counter";
import { countStatements } from "./statements";
import { environment, singleRun, timingOf, withTarget, type Benchmark, type Measurement } from "./harness";

const APPLICATIONS = Number(process.env.CONNECTOR_BENCH_APPLICATIONS ?? 500);
const JOBS = 5;
const TARGET_MS = 20_000;

type Template = {
  action: string;
  payload: { application: Record<string, unknown> & { candidate: Record<string, unknown> } };
};

/** A Greenhouse payload from the documented fixture, for application `n` (its own ids, name and email). */
function payloadFor(fixture: string, n: number, appliedAt: Date): string {
  const body = JSON.parse(readFixture("greenhouse", fixture)) as Template;
  const application = body.payload.application;
  application.id = 90_000_000 + n;
  application.applied_at = appliedAt.toISOString();
  application.jobs = [{ id: 5_000_000 + (n % JOBS), name: `Connector Engineer ${n % JOBS}` }];
  application.candidate.id = 70_000_000 + n;
  application.candidate.first_name = "Bench";
  application.candidate.last_name = `Candidate ${n}`;
  application.candidate.email_addresses = [{ value: `bench.candidate.${n}@example.com`, type: "personal" }];
  return JSON.stringify(body);
}

async function post(connectorId: string, secret: string, body: string, eventId: string): Promise<string> {
  const response = await hookAction({
    request: new Request(`http://localhost/hooks/${connectorId}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        signature: `sha256 ${createHmac("sha256", secret).update(body).digest("hex")}`,
        "greenhouse-event-id": eventId,
      },
      body,
    }),
    params: { connectorId },
    context: {},
  });
  const answer = (await response.json()) as { status?: string };
  if (response.status >= 300) throw new Error(`Delivery ${eventId} answered ${response.status}.`);
  return answer.status ?? "";
}

/** The rival: the same creates and moves straight through the write path, one transaction each. */
async function directWrites(now: Date): Promise<number[]> {
  const job = await prisma.job.create({
    data: {
      title: "Direct Engineer",
      stages: {
        create: [
          { name: "Application Review", kind: "applied", position: 0 },
          { name: "Preliminary Phone Screen", kind: "screen", position: 1 },
        ],
      },
    },
    select: { id: true, stages: { orderBy: { position: "asc" }, select: { id: true } } },
  });
  const durations: number[] = [];
  const ids: string[] = [];
  for (let n = 0; n < APPLICATIONS; n += 1) {
    const started = performance.now();
    const [created] = await prisma.$transaction((tx) =>
      createApplications(
        tx,
        [{ jobId: job.id, candidate: { name: `Direct ${n}`, email: `direct.${n}@example.com` }, notify: true }],
        null,
        now,
      ),
    );
    durations.push(performance.now() - started);
    ids.push(created!.id);
  }
  for (const applicationId of ids) {
    const started = performance.now();
    await prisma.$transaction((tx) =>
      moveApplications(tx, [{ applicationId, stageId: job.stages[1]!.id }], ATS_ACTOR, { now }),
    );
    durations.push(performance.now() - started);
  }
  return durations;
}

export const connectorsBenchmark: Benchmark = {
  name: "connectors",
  title: `${APPLICATIONS * 2} signed Greenhouse deliveries (${APPLICATIONS} new applications, ${APPLICATIONS} stage changes)`,
  async run(context) {
    await ensureTemplateLibrary();
    const admin = await prisma.user.create({
      data: { email: "bench-admin@example.com", name: "Bench", role: "admin" },
    });
    const connector = await createConnector({ kind: "greenhouse", name: "Bench", emails: "hearback" }, admin.id);
    const now = new Date();
    const deliveries = [
      ...Array.from({ length: APPLICATIONS }, (_, n) => ({
        body: payloadFor("new_candidate_application", n, now),
        eventId: `bench-created-${n}`,
      })),
      ...Array.from({ length: APPLICATIONS }, (_, n) => ({
        body: payloadFor("candidate_stage_change", n, now),
        eventId: `bench-moved-${n}`,
      })),
    ];
    // As in production: the connector worker runs beside the webhook route, woken by each delivery received.
    const stopWorker = startConnectorWorker();
    const answers: number[] = [];
    const started = performance.now();
    for (const delivery of deliveries) {
      const one = performance.now();
      const status = await post(connector.id, connector.secret, delivery.body, delivery.eventId);
      if (status !== "received") throw new Error(`Delivery ${delivery.eventId} was ${status}, not received.`);
      answers.push(performance.now() - one);
    }
    const postedMs = performance.now() - started;
    while ((await prisma.connectorDelivery.count({ where: { status: "received" } })) > 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const totalMs = performance.now() - started;
    await stopWorker();
    const failed = await prisma.connectorDelivery.count({ where: { status: { not: "applied" } } });
    if (failed > 0) throw new Error(`${failed} deliveries were not applied.`);

    const replayStarted = performance.now();
    for (const delivery of deliveries) {
      const status = await post(connector.id, connector.secret, delivery.body, delivery.eventId);
      if (status !== "duplicate") throw new Error(`Replay of ${delivery.eventId} was ${status}.`);
    }
    const replayMs = performance.now() - replayStarted;

    // What one batch of each kind sends: 50 creates, then their 50 stage changes, applied by the worker's function.
    const sample = Array.from({ length: 50 }, (_, n) => APPLICATIONS + n);
    for (const n of sample)
      await post(
        connector.id,
        connector.secret,
        payloadFor("new_candidate_application", n, now),
        `sample-created-${n}`,
      );
    const createBatch = await recordQueries(() => applyReceivedDeliveries({ connectorId: connector.id }));
    for (const n of sample)
      await post(connector.id, connector.secret, payloadFor("candidate_stage_change", n, now), `sample-moved-${n}`);
    const moveBatch = await recordQueries(() => applyReceivedDeliveries({ connectorId: connector.id }));

    const ofConnector = { job: { externalIds: { some: { connectorId: connector.id } } } };
    const [applications, applied, moved, acknowledgements] = await Promise.all([
      prisma.externalRecord.count({ where: { connectorId: connector.id, kind: "application" } }),
      prisma.event.count({ where: { type: "applied", application: ofConnector } }),
      prisma.event.count({ where: { type: "stage_changed", application: ofConnector } }),
      prisma.message.count({ where: { kind: "application_received", application: ofConnector } }),
    ]);
    const expected = APPLICATIONS + sample.length;
    if (applications !== expected || applied !== expected || moved !== expected || acknowledgements !== expected) {
      throw new Error(
        `Duplicates or gaps: ${applications} applications, ${applied} applied, ${moved} moves, ${acknowledgements} acknowledgements.`,
      );
    }

    const direct = await directWrites(now);
    const directTotal = direct.reduce((sum, ms) => sum + ms, 0);
    const perAnswer = timingOf("the webhook's answer (verified, read, logged)", answers);
    const perDirect = timingOf("rival: the same write straight through the write path", direct);
    const measurements: Measurement[] = [
      withTarget(
        singleRun(`${deliveries.length} deliveries posted one after another, all applied`, totalMs),
        TARGET_MS,
      ),
      perAnswer,
      singleRun(`${deliveries.length} replays, every one found a duplicate`, replayMs),
      singleRun(`rival: ${deliveries.length} writes straight through the write path`, directTotal),
      perDirect,
    ];
    return {
      name: "connectors",
      title: this.title,
      target: `${deliveries.length} deliveries applied in under ${TARGET_MS / 1000} s, no duplicate`,
      date: new Date().toISOString(),
      environment: environment(context.database),
      dataset: {
        deliveries: deliveries.length,
        jobs: JOBS,
        deliveriesPerSecond: Math.round((deliveries.length / totalMs) * 1000),
        replaysPerSecond: Math.round((deliveries.length / replayMs) * 1000),
        connectorToDirectRatio: Math.round((totalMs / directTotal) * 10) / 10,
        applicationsCreated: applications,
        allPostedAfterMs: Math.round(postedMs),
        statementsFor50Creates: countStatements(createBatch.queries).total,
        statementsFor50StageChanges: countStatements(moveBatch.queries).total,
      },
      measurements,
      skipped: [],
    };
  },
};
