// What each write operation costs in SQL statements and time, against its floor: the same rows written by
// hand-written multi-row SQL (bench/writes/floor-sql.ts: one statement per table, rows as one jsonb parameter, every
// value computed beforehand, all in one transaction). Every measured run changes a fresh application (created in the
// first stage of a five-stage job under the default SLA policy, beside a few hundred others: bench/writes/setup.ts).
// The model functions are called through their exported signatures only.
//
// What each floor writes (bench/writes/floors.ts); "clocks" and "stays" are the SlaClock and StageStay rows the real
// operation inserted or changed on a sample application, upserted in one statement each:
// - create an application: INSERT Candidate, Application (furthestPosition 0), Event (applied), AuditLog; clocks (3
//   started); stays (the first); with the acknowledgement, INSERT Message (the rendered email's columns).
// - move a stage: UPDATE Application (stageId, furthestPosition); INSERT Event (stage_changed), AuditLog; clocks
//   (stage decision stopped, next one started); stays (left, entered).
// - record an inbound message: INSERT Event (message_in), AuditLog; clocks (next response started).
// - event with clock sync: INSERT Event (message_in); clocks (next response started).
// - decision with its rejection email: UPDATE Application (status, closedAt, outcomeReason); INSERT Event (decision),
//   AuditLog, Message (the queued rejection); clocks (running ones stopped, closure started); stays (left).
// - reopen: UPDATE Message (cancelled), Application (active again); INSERT Event (reopened), AuditLog; clocks
//   (closure cancelled, stage decision and periodic update started again).
// Targets: the decision p50 under 10 ms, the event with its clock sync p50 under 2 ms, every write within 5× its
// floor (p50 / floor p50), judged on the embedded database.
import { againstFloor, environment, measure, withTarget, type Benchmark, type Timing } from "./harness";
import { STATEMENTS_COUNTED, withStatementCount } from "./statements";
import * as floors from "./writes/floors";
import * as operations from "./writes/operations";
import { createTargets, createWritesSetup, derivedRowsOf, newApplicationInput, queuedMessage } from "./writes/setup";
import type { MessageRow } from "./writes/setup";

const MAX_RATIO = 5;
const DECISION_TARGET_MS = 10;
const EVENT_TARGET_MS = 2;

type Counted = Timing & { statements: number };

/** Times `work(index)` for index 0, 1, … (warm-up runs first) and counts the statements of each run. */
async function measureCounted(
  label: string,
  work: (index: number) => Promise<unknown>,
  context: { runs: number; warmUpRuns: number },
): Promise<Counted> {
  let next = 0;
  let statements = 0;
  const timing = await measure(
    label,
    async () => {
      const counted = await withStatementCount(() => work(next++));
      statements = Math.max(statements, counted.total);
    },
    context,
  );
  return { ...timing, statements };
}

const floorLabel = (label: string) => `${label}, floor`;

export const writesBenchmark: Benchmark = {
  name: "writes",
  title: "Write operations: SQL statements and time against hand-written SQL",
  async run(context) {
    const setup = await createWritesSetup();
    const count = context.warmUpRuns + context.runs;
    const timed = (label: string, work: (index: number) => Promise<unknown>) => measureCounted(label, work, context);
    const floor = (label: string, plans: floors.FloorPlan[]) =>
      timed(floorLabel(label), (index) => floors.runFloor(plans[index]!));

    const creates = async (label: string, notify: boolean) => {
      const inputs = Array.from({ length: count }, () => newApplicationInput(setup, notify));
      const ids: string[] = [];
      const op = await timed(label, async (index) => {
        ids.push(await operations.create(setup, inputs[index]!));
      });
      const rows = floors.changedRows({ clocks: [], stays: [] }, await derivedRowsOf(ids[0]!));
      const message = notify ? await queuedMessage(ids[0]!) : null;
      const plans = Array.from({ length: count }, () =>
        floors.createFloor(setup, newApplicationInput(setup, notify), rows, message),
      );
      return againstFloor(op, await floor(label, plans), MAX_RATIO);
    };

    /** An operation on fresh applications; `plan` builds a floor's statements for one application. */
    const changes = async (
      label: string,
      targets: { op: string[]; floor: string[] },
      operation: (applicationId: string) => Promise<unknown>,
      plan: (
        applicationId: string,
        rows: floors.DerivedRows,
        index: number,
      ) => Promise<floors.FloorPlan> | floors.FloorPlan,
    ) => {
      const before = await derivedRowsOf(targets.op[0]!);
      const op = await timed(label, (index) => operation(targets.op[index]!));
      const rows = floors.changedRows(before, await derivedRowsOf(targets.op[0]!));
      const plans: floors.FloorPlan[] = [];
      for (const [index, applicationId] of targets.floor.entries()) plans.push(await plan(applicationId, rows, index));
      return againstFloor(op, await floor(label, plans), MAX_RATIO);
    };
    const freshTargets = async () => ({
      op: await createTargets(setup, count),
      floor: await createTargets(setup, count),
    });

    const createQuiet = await creates("create an application, no email", false);
    const createNotify = await creates("create an application with its acknowledgement email", true);
    const move = await changes(
      "move to a stage without an entry email",
      await freshTargets(),
      (id) => operations.move(setup, id),
      (id, rows) => floors.moveFloor(setup, id, rows),
    );
    const message = await changes(
      "record an inbound message (recordMessage)",
      await freshTargets(),
      (id) => operations.recordInboundMessage(setup, id),
      (id, rows) => floors.messageInFloor(setup, id, rows, true),
    );
    const event = await changes(
      "event with clock sync (appendEvent message_in)",
      await freshTargets(),
      (id) => operations.appendMessageIn(id),
      (id, rows) => floors.messageInFloor(setup, id, rows, false),
    );
    const decided = await freshTargets();
    const rejectionIds: string[] = [];
    let rejection: MessageRow | undefined;
    const decision = await changes(
      "decision with its rejection email",
      decided,
      (id) => operations.reject(setup, id),
      async (id, rows, index) => {
        rejection ??= await queuedMessage(decided.op[0]!);
        const { plan, messageId } = floors.decideFloor(setup, id, rows, rejection);
        rejectionIds[index] = messageId;
        return plan;
      },
    );
    const reopen = await changes(
      "reopen a rejection (reopenApplication)",
      decided,
      (id) => operations.reopen(setup, id),
      (id, rows, index) => floors.reopenFloor(setup, id, rejectionIds[index]!, rows),
    );

    return {
      name: "writes",
      title: this.title,
      target:
        `decision with its rejection email p50 < ${DECISION_TARGET_MS} ms; event with clock sync p50 < ` +
        `${EVENT_TARGET_MS} ms; every write within ${MAX_RATIO}× its floor (p50 / floor p50)`,
      date: new Date().toISOString(),
      environment: environment(context.database),
      dataset: {
        backgroundApplications: setup.backgroundApplications,
        freshApplicationsPerMeasurement: count,
        statements: STATEMENTS_COUNTED,
        floor: "one statement per table written, rows as one jsonb parameter, one transaction",
      },
      measurements: [
        createQuiet,
        createNotify,
        move,
        message,
        withTarget(event, EVENT_TARGET_MS, { percentile: "p50" }),
        withTarget(decision, DECISION_TARGET_MS, { percentile: "p50" }),
        reopen,
      ],
      skipped: [],
    };
  },
};
