// The pipeline board must cost the same number of SQL statements whatever the size of the pipeline: a loader that
// starts querying per card (N+1) fails here long before anyone notices a slow board.
import { beforeAll, expect, test } from "vitest";
import { getBoard } from "~/models/board.server";
import { createPipelineDataset, createPipelineStaff, type PipelineStaff } from "../../bench/datasets/pipeline";
import { seedFactories } from "../factories";
import { recordQueries } from "../query-counter";

let staff: PipelineStaff;
let smallJobId: string;
let largeJobId: string;

beforeAll(async () => {
  seedFactories(2_000);
  staff = await createPipelineStaff();
  smallJobId = (await createPipelineDataset(staff, { applications: 10, title: "Small pipeline" })).job.id;
  largeJobId = (await createPipelineDataset(staff, { applications: 2_000, title: "Large pipeline" })).job.id;
}, 120_000);

test("the board of 2,000 applications takes as many queries as the board of 10", async () => {
  const small = await recordQueries(() => getBoard(smallJobId, staff.admin));
  const large = await recordQueries(() => getBoard(largeJobId, staff.admin));

  expect(small.result?.cards).toHaveLength(10);
  expect(large.result?.cards).toHaveLength(2_000);
  expect(large.queries.length, large.queries.join("\n\n")).toBe(small.queries.length);
  // The job, its stages, the cards with their counts, the cards' open SLA clocks, the totals by status and source.
  expect(large.queries.length, large.queries.join("\n\n")).toBeLessThanOrEqual(5);
});

test("a limited board (cards per stage, one stage in full) takes the same constant number of queries", async () => {
  const unlimited = await recordQueries(() => getBoard(largeJobId, staff.admin));
  const firstStageId = unlimited.result!.job.stages[0]!.id;
  const limited = await recordQueries(() =>
    getBoard(largeJobId, staff.admin, { perStageLimit: 100, expandStageId: firstStageId }),
  );

  const counts = limited.result!.counts;
  expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(2_000);
  expect(limited.result!.cards.filter((card) => card.stageId === firstStageId)).toHaveLength(counts[firstStageId]!);
  expect(limited.result!.cards.length).toBeLessThan(2_000);
  expect(limited.queries.length, limited.queries.join("\n\n")).toBe(unlimited.queries.length);
});

test("a hiring manager's board is scoped in the same queries", async () => {
  const asManager = await recordQueries(() => getBoard(largeJobId, staff.hiringManager));
  const asAdmin = await recordQueries(() => getBoard(largeJobId, staff.admin));
  expect(asManager.result?.cards).toHaveLength(2_000);
  expect(asManager.queries.length).toBe(asAdmin.queries.length);
});
