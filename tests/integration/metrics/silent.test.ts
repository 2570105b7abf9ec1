// Silent candidates: measured by the regular-update clock where the policy sets one (a paused clock — waiting on the
// candidate — is not silence), else by wall-clock time since the last email against the default policy's target.
import { beforeAll, expect, test } from "vitest";
import type { MetricsFilters } from "~/domain/metrics/report";
import { recordMessage } from "~/models/application.server";
import { listDrillDown } from "~/models/metrics/drill-down.server";
import { loadMetricsReport } from "~/models/metrics/report.server";
import { createPolicy } from "~/models/sla/policies.server";
import { createTestApplication, createTestJob, createTestUser, type TestUser } from "../../factories";
import { at, applyRoundTheClockPolicy } from "./dataset";

let admin: TestUser;
const WINDOW: MetricsFilters = { from: at("2026-05-01T00:00:00Z"), to: at("2026-06-01T00:00:00Z") };

beforeAll(async () => {
  await applyRoundTheClockPolicy(); // regular update every 1,440 minutes, round the clock
  admin = await createTestUser({ role: "admin" });
});

test("an application whose regular-update clock runs past due is silent; one waiting on the candidate is not", async () => {
  const job = await createTestJob({ department: "Clocked" });
  const quiet = await createTestApplication({ jobId: job.id, appliedAt: at("2026-05-04T09:00:00Z") });
  const asked = await createTestApplication({ jobId: job.id, appliedAt: at("2026-05-04T09:00:00Z") });
  await recordMessage(
    asked.id,
    {
      direction: "outbound",
      body: "Which day suits you?",
      automated: false,
      awaitsCandidate: true,
      occurredAt: at("2026-05-04T10:00:00Z"),
    },
    admin,
  );
  const filters = { ...WINDOW, jobId: job.id };
  expect((await loadMetricsReport(admin, filters, at("2026-05-05T08:59:00Z"))).silentCandidates).toBe(0);
  expect((await loadMetricsReport(admin, filters, at("2026-05-05T09:01:00Z"))).silentCandidates).toBe(1);
  const { rows } = await listDrillDown(
    admin,
    filters,
    { kind: "silent" },
    { limit: 10, offset: 0 },
    at("2026-05-06T09:00:00Z"),
  );
  expect(rows.map((row) => [row.applicationId, row.detail])).toEqual([[quiet.id, "no email for 2 d"]]);
});

test("without a regular-update target, the default policy's target applies to the time since the last email", async () => {
  await createPolicy(
    {
      name: "Replies only",
      match: { departments: ["Replies only"] },
      countAutomatedReplies: false,
      targets: [{ metric: "first_response", minutes: 60, businessHours: false }],
    },
    null,
  );
  const job = await createTestJob({ department: "Replies only" });
  const application = await createTestApplication({ jobId: job.id, appliedAt: at("2026-05-11T09:00:00Z") });
  await recordMessage(
    application.id,
    {
      direction: "outbound",
      body: "Thanks!",
      automated: false,
      awaitsCandidate: false,
      occurredAt: at("2026-05-11T12:00:00Z"),
    },
    admin,
  );
  const filters = { ...WINDOW, jobId: job.id };
  expect((await loadMetricsReport(admin, filters, at("2026-05-12T11:59:00Z"))).silentCandidates).toBe(0);
  expect((await loadMetricsReport(admin, filters, at("2026-05-12T12:01:00Z"))).silentCandidates).toBe(1);
});
