// The sweeper marks breaches and raises warnings once, notifies the job's recruiter, and emails inside their hours.
import { expect, test } from "vitest";
import { createPolicy } from "~/models/sla/policies.server";
import { runRecomputesNow } from "~/models/sla/recompute.server";
import { sweepClocks } from "~/models/sla/sweep.server";
import { emailTimeFor, setNotifyOutsideHours } from "~/models/notification.server";
import { queueNotificationEmails } from "~/workers/sla-worker.server";
import { deliverDueMessages } from "~/models/outbox/delivery.server";
import { prisma } from "~/platform/db.server";
import { localOutboxTransport, sentMail } from "~/platform/mail.server";
import { clockNow, pinClock } from "../../clock";
import { createTestApplication, createTestJob, createTestUser } from "../../factories";

pinClock();

const MINUTE = 60_000;

async function fastPolicyApplication(department: string, now: Date) {
  const recruiter = await createTestUser({ role: "recruiter", timeZone: "Europe/Berlin" });
  await createPolicy(
    {
      name: `Fast ${department}`,
      match: { departments: [department] },
      countAutomatedReplies: false,
      targets: [{ metric: "first_response", minutes: 60, businessHours: false, warnBeforeMinutes: 30 }],
    },
    recruiter.id,
  );
  await runRecomputesNow();
  const job = await createTestJob({ department, recruiterId: recruiter.id });
  // Applied 45 minutes ago: warned 15 minutes ago, due in 15 minutes.
  const application = await createTestApplication({ jobId: job.id, appliedAt: new Date(now.getTime() - 45 * MINUTE) });
  return { recruiter, job, application };
}

test("a warning and then a breach are each noticed once and notify the job's recruiter", async () => {
  const now = clockNow();
  const { recruiter, application } = await fastPolicyApplication("Sweep", now);
  const warned = await sweepClocks(now);
  expect(warned).toMatchObject({ warned: 1, breached: 0, notified: 1 });
  expect(await sweepClocks(now)).toMatchObject({ warned: 0, breached: 0, notified: 0 });

  const later = new Date(now.getTime() + 20 * MINUTE);
  expect(await sweepClocks(later)).toMatchObject({ breached: 1, notified: 1 });
  expect(await sweepClocks(later)).toMatchObject({ breached: 0, notified: 0 });

  const clock = await prisma.slaClock.findFirstOrThrow({
    where: { applicationId: application.id, metric: "first_response" },
  });
  expect(clock).toMatchObject({ breached: true, state: "running" });
  const notifications = await prisma.notification.findMany({
    where: { userId: recruiter.id },
    orderBy: { createdAt: "asc" },
    select: { kind: true, title: true, applicationId: true },
  });
  expect(notifications.map((notification) => notification.kind).sort()).toEqual(["sla_breach", "sla_warning"]);
  expect(notifications.every((notification) => notification.applicationId === application.id)).toBe(true);
});

test("breaches found long after their time are marked but not pushed to anyone", async () => {
  const recruiter = await createTestUser({ role: "recruiter" });
  const job = await createTestJob({ department: "Old history", recruiterId: recruiter.id });
  await createTestApplication({ jobId: job.id, appliedAt: new Date("2026-01-05T10:00:00Z") });
  const result = await sweepClocks(clockNow());
  expect(result.breached).toBeGreaterThanOrEqual(1);
  expect(await prisma.notification.count({ where: { userId: recruiter.id } })).toBe(0);
});

test("notification emails wait for the recipient's working hours unless they asked for any time", () => {
  const hours = [{ day: "mon", open: "09:00", close: "17:00" }];
  const saturdayNight = new Date("2026-03-07T22:00:00Z");
  const berliner = { id: "u", timeZone: "Europe/Berlin", notifyOutsideHours: false };
  // Next Monday 09:00 in Berlin (UTC+1 in March before the DST change) = 08:00 UTC.
  expect(emailTimeFor(berliner, { hours, holidays: [] }, saturdayNight)).toEqual(new Date("2026-03-09T08:00:00Z"));
  expect(emailTimeFor({ ...berliner, notifyOutsideHours: true }, { hours, holidays: [] }, saturdayNight)).toEqual(
    saturdayNight,
  );
});

test("due notification emails go through the outbox once, to the recruiter, with a link to the application", async () => {
  const now = clockNow();
  const { recruiter, application } = await fastPolicyApplication("Mail", now);
  await setNotifyOutsideHours(recruiter.id, true);
  await sweepClocks(now);
  const before = sentMail.length;
  const later = new Date(now.getTime() + MINUTE);
  expect(await queueNotificationEmails(later)).toBeGreaterThanOrEqual(1);
  expect(await queueNotificationEmails(later)).toBe(0);
  await deliverDueMessages(localOutboxTransport(null), { now: () => later });
  const mine = sentMail.slice(before).filter((mail) => mail.to.includes(recruiter.email));
  expect(mine).toHaveLength(1);
  expect(mine[0]!.text).toContain(`/applications/${application.id}`);
  const stored = await prisma.message.findFirstOrThrow({ where: { toAddress: { contains: recruiter.email } } });
  expect(stored).toMatchObject({ audience: "staff", status: "sent", eventId: null });
});

test("two sweepers running at once (two app instances) notify once", async () => {
  const now = clockNow();
  const { recruiter } = await fastPolicyApplication("Twins", now);
  const later = new Date(now.getTime() + 20 * MINUTE);
  const results = await Promise.all([sweepClocks(later), sweepClocks(later), sweepClocks(later)]);
  // Each overdue clock is claimed by exactly one of them.
  const markedNow = await prisma.slaClock.count({ where: { breachNotifiedAt: later } });
  expect(markedNow).toBeGreaterThanOrEqual(1);
  expect(results.reduce((sum, result) => sum + result.breached, 0)).toBe(markedNow);
  expect(await prisma.notification.count({ where: { userId: recruiter.id, kind: "sla_breach" } })).toBe(1);
});
