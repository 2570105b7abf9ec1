// "Waiting on us" costs the same few SQL statements whatever the size of the workspace: grouping, counting and paging
// happen in the database, and only the page's rows come back. A loader that starts querying per row or per clock
// (N+1) fails here long before anyone notices a slow page.
import { beforeAll, expect, test } from "vitest";
import { getWaitingList } from "~/models/sla/waiting-list.server";
import { createPipelineDataset, createPipelineStaff, type PipelineStaff } from "../../../bench/datasets/pipeline";
import { pinClock } from "../../clock";
import { seedFactories } from "../../factories";
import { recordQueries } from "../../query-counter";

const NOW = pinClock();

let staff: PipelineStaff;
let smallJobId: string;
let largeJobId: string;

beforeAll(async () => {
  seedFactories(4_242);
  staff = await createPipelineStaff("waiting");
  smallJobId = (await createPipelineDataset(staff, { applications: 10, title: "Small", now: NOW })).job.id;
  largeJobId = (await createPipelineDataset(staff, { applications: 2_000, title: "Large", now: NOW })).job.id;
}, 300_000);

test("a page of 2,000 waiting applications takes as many statements as a page of 10", async () => {
  const small = await recordQueries(() => getWaitingList(staff.admin, { jobId: smallJobId, at: NOW }));
  const large = await recordQueries(() => getWaitingList(staff.admin, { jobId: largeJobId, at: NOW }));

  expect(small.result.counts.total).toBeGreaterThan(0);
  expect(large.result.counts.total).toBeGreaterThan(1_000);
  expect(large.result.rows).toHaveLength(50);
  expect(large.result.next).not.toBeNull();
  // The grouped page with its counts, then the feedback clocks' interviews, who owes feedback, and their names.
  expect(large.queries.length, large.queries.join("\n\n")).toBeLessThanOrEqual(4);
  expect(large.queries.length, large.queries.join("\n\n")).toBeLessThanOrEqual(Math.max(small.queries.length, 4));

  // The next page costs the same, and starts where the first ended.
  const second = await recordQueries(() =>
    getWaitingList(staff.admin, { jobId: largeJobId, at: NOW, cursor: large.result.next! }),
  );
  expect(second.queries.length).toBeLessThanOrEqual(4);
  const firstIds = new Set(large.result.rows.map((row) => row.applicationId));
  expect(second.result.rows.some((row) => firstIds.has(row.applicationId))).toBe(false);
  expect(second.result.rows[0]!.lead.dueAt.getTime()).toBeGreaterThanOrEqual(
    large.result.rows.at(-1)!.lead.dueAt.getTime(),
  );
});
