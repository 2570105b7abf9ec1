// Drill-downs list exactly the applications behind each figure (the dataset of report.test.ts), most urgent first,
// with their detail, paged, with a total; scoped like the report.
import { beforeAll, expect, test } from "vitest";
import { DRILL_DOWNS, drillDownSlug, parseDrillDown, type DrillDownSlug } from "~/domain/metrics/drill-downs";
import type { MetricsFilters } from "~/domain/metrics/report";
import { listDrillDown } from "~/models/metrics/drill-down.server";
import { loadMetricsReport } from "~/models/metrics/report.server";
import type { Actor } from "~/models/scope.server";
import { at, buildDataset } from "./dataset";

let data: Awaited<ReturnType<typeof buildDataset>>;
let admin: Actor;
let names: Map<string, string>;

const NOW = at("2026-04-01T00:00:00Z");
const WINDOW: MetricsFilters = { from: at("2026-03-02T00:00:00Z"), to: at("2026-03-16T00:00:00Z") };

beforeAll(async () => {
  data = await buildDataset();
  admin = data.users.admin;
  names = new Map(Object.entries(data.apps).map(([name, app]) => [app.id, name]));
});

function drillDownNamed(slug: DrillDownSlug) {
  const parsed = parseDrillDown(slug);
  if (!parsed) throw new Error(`No drill-down ${slug}`);
  return parsed;
}

async function list(slug: DrillDownSlug, actor: Actor = admin, page = { limit: 50, offset: 0 }) {
  const { total, rows } = await listDrillDown(actor, WINDOW, drillDownNamed(slug), page, NOW);
  return { total, rows: rows.map((row) => [names.get(row.applicationId), row.detail]) };
}

test("each drill-down lists the applications behind its figure, most urgent first, with a detail", async () => {
  expect(await list("applications")).toEqual({
    total: 5,
    rows: [
      ["app1", null],
      ["app2", null],
      ["app4", null],
      ["app3", null],
      ["app5", null],
    ],
  });
  expect(await list("first_response_breached")).toEqual({
    total: 2,
    rows: [
      ["app2", "due 3 Mar, 2 h late"],
      ["app3", "due 9 Mar, 6 d 15 h late"], // still running at the window's end, 16 Mar 00:00
    ],
  });
  expect(await list("periodic_update_breached")).toEqual({
    total: 2,
    rows: [
      ["app2", "due 4 Mar, 21 h late"],
      ["app3", "due 10 Mar, 5 d 16 h late"],
    ],
  });
  expect(await list("closure_breached")).toEqual({ total: 1, rows: [["app5", "due 11 Mar, 4 d 13 h late"]] });
  expect(await list("next_response_breached")).toEqual({ total: 0, rows: [] });
  expect(await list("breached_now")).toEqual({
    total: 3,
    rows: [
      ["app6", "update overdue by 22 d 13 h"],
      ["app3", "first response overdue by 6 d 15 h"],
      ["app5", "rejection email overdue by 4 d 13 h"],
    ],
  });
  expect(await list("silent")).toEqual({
    total: 2,
    rows: [
      ["app6", "no email for 39 d 13 h"],
      ["app3", "no email for 22 d 16 h"],
    ],
  });
  expect(await list("decisions_owed")).toEqual({
    total: 2,
    rows: [
      ["app6", "waited 39 d 14 h on Ada Manager"],
      ["app3", "waited 22 d 16 h on Ada Manager"],
    ],
  });
  expect(await list("rejected_not_told")).toEqual({ total: 1, rows: [["app5", "rejected 11 Mar, not told"]] });
  expect(await list("promises_broken")).toEqual({
    total: 2,
    rows: [
      ["app2", "promised by 4 Mar, 21 h late"],
      ["app3", "promised by 10 Mar, 5 d 16 h late"],
    ],
  });
  expect(await list("hired")).toEqual({ total: 1, rows: [["app1", "hired 4 Mar after 2 d"]] });
  expect(await list("detractors")).toEqual({ total: 1, rows: [["app4", "scored 3 of 10"]] });
  const friction = await list("friction");
  expect(friction.total).toBe(3);
  expect(friction.rows).toEqual(
    expect.arrayContaining([
      ["app2", "long silence, unclear next step"],
      ["app4", "long silence"],
      ["app5", "rescheduling"],
    ]),
  );
});

test("rows carry the application's candidate, job, stage and status; erased candidates stay listed", async () => {
  const { rows } = await listDrillDown(
    admin,
    WINDOW,
    drillDownNamed("rejected_not_told"),
    { limit: 10, offset: 0 },
    NOW,
  );
  expect(rows).toEqual([
    {
      applicationId: data.apps.app5.id,
      candidateName: expect.not.stringMatching(/^$/),
      jobTitle: "Seller",
      stageName: "Applied",
      status: "rejected",
      appliedAt: "2026-03-10T10:00:00.000Z",
      detail: "rejected 11 Mar, not told",
    },
  ]);
});

test("paging keeps the total", async () => {
  expect(await list("applications", admin, { limit: 2, offset: 2 })).toEqual({
    total: 5,
    rows: [
      ["app4", null],
      ["app3", null],
    ],
  });
  expect(await list("applications", admin, { limit: 2, offset: 10 })).toEqual({ total: 5, rows: [] });
});

test("drill-down totals match the report's figures; hiring managers see only their jobs", async () => {
  const report = await loadMetricsReport(admin, WINDOW, NOW);
  const total = async (slug: DrillDownSlug) =>
    (await listDrillDown(admin, WINDOW, drillDownNamed(slug), { limit: 1, offset: 0 }, NOW)).total;
  expect(await total("applications")).toBe(report.applications);
  expect(await total("silent")).toBe(report.silentCandidates);
  expect(await total("hired")).toBe(report.timeToHire.count);
  expect(await total("rejected_not_told")).toBe(report.closureRate.rejected - report.closureRate.told);
  expect(await total("detractors")).toBe(report.candidateNps.detractors);
  for (const drillDown of DRILL_DOWNS) {
    const own = await listDrillDown(data.users.managerB, WINDOW, drillDown, { limit: 50, offset: 0 }, NOW);
    const jobs = new Set(own.rows.map((row) => row.jobTitle));
    expect(
      [...jobs].filter((title) => title !== "Seller"),
      drillDownSlug(drillDown),
    ).toEqual([]);
  }
});
