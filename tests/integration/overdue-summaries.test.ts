// The daily overdue summaries: one per recruiter with what is overdue on their jobs and one per admin for the whole
// workspace, once a day from 08:00 in their time zone, none for someone with nothing overdue; emailed like the rest.
import { expect, test } from "vitest";
import { createPolicy } from "~/models/sla/policies.server";
import { runRecomputesNow } from "~/models/sla/recompute.server";
import { runOverdueSummaryTick } from "~/workers/overdue-summaries.server";
import { queueNotificationEmails } from "~/workers/sla-worker.server";
import { prisma } from "~/platform/db.server";
import { pinClock } from "../clock";
import { createTestApplication, createTestJob, createTestUser } from "../factories";

// Tuesday 10:00 UTC: 10:00 in London, 11:00 in Berlin.
const now = pinClock("2027-01-12T10:00:00Z");
const HOUR = 60 * 60_000;

async function summaries() {
  return prisma.notification.findMany({
    where: { kind: { in: ["overdue_summary", "workspace_overdue_summary"] } },
    orderBy: [{ summaryDate: "asc" }, { kind: "asc" }],
    select: { userId: true, kind: true, title: true, body: true, summaryDate: true, emailAfter: true },
  });
}

test("one summary a day per recruiter with something overdue, and the workspace's count for admins", async () => {
  const admin = await createTestUser({ role: "admin", timeZone: "Europe/Berlin" });
  const priya = await createTestUser({ role: "recruiter", timeZone: "Europe/London" });
  const calm = await createTestUser({ role: "recruiter", timeZone: "Europe/London" });
  await createPolicy(
    {
      name: "Summaries: answer within the hour",
      match: { departments: ["Summaries"] },
      countAutomatedReplies: false,
      targets: [{ metric: "first_response", minutes: 60, businessHours: false, warnBeforeMinutes: 30 }],
    },
    admin.id,
  );
  await runRecomputesNow();
  const priyasJob = await createTestJob({ department: "Summaries", recruiterId: priya.id });
  // The standard first-response promise (two business days) keeps these on track throughout.
  const priyasOtherJob = await createTestJob({ department: "Calm", recruiterId: priya.id });
  const calmJob = await createTestJob({ department: "Calm", recruiterId: calm.id });
  const nobodysJob = await createTestJob({ department: "Summaries", recruiterId: null });
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * HOUR);
  await createTestApplication({ jobId: priyasJob.id, appliedAt: hoursAgo(3) }); // overdue
  await createTestApplication({ jobId: priyasJob.id, appliedAt: hoursAgo(2) }); // overdue
  await createTestApplication({ jobId: priyasOtherJob.id, appliedAt: hoursAgo(0.25) }); // on track
  await createTestApplication({ jobId: calmJob.id, appliedAt: hoursAgo(0.25) }); // on track
  await createTestApplication({ jobId: nobodysJob.id, appliedAt: hoursAgo(5) }); // overdue, no recruiter

  expect(await runOverdueSummaryTick(now)).toBe(2);
  const first = await summaries();
  expect(first).toEqual([
    {
      userId: priya.id,
      kind: "overdue_summary",
      title: "2 candidates are overdue on your jobs",
      body: "Overdue now: 2 first responses. The Waiting page lists them, most overdue first.",
      summaryDate: "2027-01-12",
      emailAfter: now, // inside her working hours
    },
    {
      userId: admin.id,
      kind: "workspace_overdue_summary",
      title: "3 candidates overdue across the workspace, on 2 jobs",
      body: "Overdue now: 3 first responses. The Waiting page lists them, most overdue first.",
      summaryDate: "2027-01-12",
      emailAfter: now,
    },
  ]);
  expect(first.some((summary) => summary.userId === calm.id)).toBe(false);

  // Later the same day, and another instance ticking at the same moment: nothing new.
  expect(await runOverdueSummaryTick(new Date(now.getTime() + 3 * HOUR))).toBe(0);
  const [again, twin] = await Promise.all([
    runOverdueSummaryTick(new Date(now.getTime() + 4 * HOUR)),
    runOverdueSummaryTick(new Date(now.getTime() + 4 * HOUR)),
  ]);
  expect(again + twin).toBe(0);
  // The next day before 08:00 in London (05:00) is not yet time; at 09:00 it is, for both.
  expect(await runOverdueSummaryTick(new Date(now.getTime() + 19 * HOUR))).toBe(0);
  expect(await runOverdueSummaryTick(new Date(now.getTime() + 23 * HOUR))).toBe(2);
  const dates = (await summaries()).map((summary) => `${summary.kind} ${summary.summaryDate}`);
  expect(dates).toEqual([
    "overdue_summary 2027-01-12",
    "workspace_overdue_summary 2027-01-12",
    "overdue_summary 2027-01-13",
    "workspace_overdue_summary 2027-01-13",
  ]);
});

test("a summary's email leads to the Waiting page, filtered to what is overdue", async () => {
  await prisma.message.deleteMany({});
  expect(await queueNotificationEmails(new Date(now.getTime() + 23 * HOUR))).toBeGreaterThanOrEqual(2);
  const bodies = (await prisma.message.findMany({ select: { subject: true, bodyText: true } })).filter((message) =>
    message.subject.includes("overdue"),
  );
  expect(bodies.some((message) => message.bodyText.includes("/waiting?risk=breached&scope=mine"))).toBe(true);
  expect(bodies.some((message) => /\/waiting\?risk=breached\n/.test(message.bodyText))).toBe(true);
});

test("someone who never had a summary gets one at once, whatever the hour", async () => {
  const early = await createTestUser({ role: "admin", timeZone: "Pacific/Auckland" });
  // 05:00 on the 14th in Auckland: before 08:00, but the first summary does not wait; the next one does.
  await runOverdueSummaryTick(new Date("2027-01-13T16:00:00Z"));
  await runOverdueSummaryTick(new Date("2027-01-13T17:00:00Z"));
  const mine = await prisma.notification.findMany({ where: { userId: early.id }, select: { summaryDate: true } });
  expect(mine).toEqual([{ summaryDate: "2027-01-14" }]);
});
