// In-app notifications: the sweeper tells the job's recruiter when a promise falls due, the page lists it, it can be
// marked read (one or all, only one's own), the header counts the unread ones, and the email preference saves. The
// header's icons and links are in navigation.test.ts.
import { beforeAll, expect, test } from "vitest";
import { createPolicy } from "~/models/sla/policies.server";
import { sweepClocks } from "~/models/sla/sweep.server";
import * as root from "~/root";
import * as notifications from "~/routes/notifications";
import { prisma } from "~/platform/db.server";
import { clockNow, pinClock } from "../../clock";
import { createTestApplication, createTestJob } from "../../factories";
import { getRequest, postRequest, run, signIn, type SignedIn } from "./helpers";

const NOW = pinClock();

type PageData = Awaited<ReturnType<typeof notifications.loader>>;
type Answer = { ok: boolean; message: string };

const MINUTE = 60_000;
const DEPARTMENT = "Calendar time";

beforeAll(async () => {
  await createPolicy(
    {
      name: "Calendar-time first response",
      position: 1,
      match: { departments: [DEPARTMENT] },
      countAutomatedReplies: false,
      targets: [{ metric: "first_response", minutes: 60, businessHours: false, warnBeforeMinutes: 30 }],
    },
    null,
  );
});

/** A job of `recruiter` whose one candidate applied `minutesAgo` minutes ago (first response due after 60). */
async function candidateWaiting(recruiter: SignedIn, name: string, minutesAgo: number) {
  const job = await createTestJob({
    title: `Role for ${name}`,
    department: DEPARTMENT,
    recruiterId: recruiter.user.id,
  });
  return createTestApplication({
    jobId: job.id,
    candidate: { name },
    appliedAt: new Date(NOW.getTime() - minutesAgo * MINUTE),
  });
}

const load = (who: SignedIn) => run<PageData>(notifications.loader, getRequest("/notifications", who));
const post = (who: SignedIn, fields: Record<string, string>) =>
  run<Answer>(notifications.action, postRequest("/notifications", who, fields));
async function unreadInHeader(who: SignedIn) {
  const result = await run<{ headerCounts: { notifications: number } }>(root.loader, getRequest("/jobs", who));
  return result.data.headerCounts.notifications;
}

test("after a due date the sweeper notifies the job's recruiter; the page lists it and the header counts it", async () => {
  const recruiter = await signIn("recruiter");
  const bystander = await signIn("recruiter");
  const overdue = await candidateWaiting(recruiter, "Olga Overdue", 90);
  const dueSoon = await candidateWaiting(recruiter, "Dev Duesoon", 40);
  expect(await unreadInHeader(recruiter)).toBe(0);

  const sweep = await sweepClocks(clockNow());
  expect(sweep.notified).toBeGreaterThanOrEqual(2);

  const page = await load(recruiter);
  expect(page.status).toBe(200);
  const byApplication = new Map(page.data.notifications.map((item) => [item.applicationId, item]));
  expect(byApplication.get(overdue.id)).toMatchObject({
    kind: "sla_breach",
    title: "Overdue: Olga Overdue",
    readAt: null,
  });
  expect(byApplication.get(overdue.id)?.body).toContain("first response");
  expect(byApplication.get(dueSoon.id)).toMatchObject({ kind: "sla_warning", title: "Due soon: Dev Duesoon" });
  expect(await unreadInHeader(recruiter)).toBe(2);
  expect((await load(bystander)).data.notifications).toEqual([]);
  expect(await unreadInHeader(bystander)).toBe(0);

  // A second sweep finds nothing new to say.
  await sweepClocks(clockNow());
  expect((await load(recruiter)).data.notifications).toHaveLength(2);
});

test("marking one read leaves the others; nobody can mark someone else's; mark all clears the count", async () => {
  const recruiter = await signIn("recruiter");
  const intruder = await signIn("admin");
  await candidateWaiting(recruiter, "Una One", 100);
  await candidateWaiting(recruiter, "Tim Two", 110);
  await sweepClocks(clockNow());
  const [first] = (await load(recruiter)).data.notifications;

  const foreign = await post(intruder, { intent: "read", notificationId: first!.id });
  expect(foreign.status).toBe(200);
  expect(await unreadInHeader(recruiter)).toBe(2);

  const one = await post(recruiter, { intent: "read", notificationId: first!.id });
  expect(one.data).toEqual({ ok: true, message: "Marked as read." });
  expect(await unreadInHeader(recruiter)).toBe(1);
  const after = (await load(recruiter)).data.notifications;
  expect(after.find((item) => item.id === first!.id)?.readAt).not.toBeNull();
  expect(after[0]!.readAt).toBeNull(); // unread first

  const all = await post(recruiter, { intent: "read-all" });
  expect(all.data.message).toBe("1 notification marked as read.");
  expect(await unreadInHeader(recruiter)).toBe(0);
});

test("the email preference checkbox saves both ways, and a bad request is a 400", async () => {
  const recruiter = await signIn("recruiter");
  expect((await load(recruiter)).data.notifyOutsideHours).toBe(false);

  await post(recruiter, { intent: "preferences", notifyOutsideHours: "on" });
  expect((await load(recruiter)).data.notifyOutsideHours).toBe(true);
  const stored = await prisma.user.findUniqueOrThrow({ where: { id: recruiter.user.id } });
  expect(stored.notifyOutsideHours).toBe(true);

  const off = await post(recruiter, { intent: "preferences" });
  expect(off.data.message).toBe("SLA emails will wait for your working hours.");
  expect((await load(recruiter)).data.notifyOutsideHours).toBe(false);

  expect((await post(recruiter, { intent: "explode" })).status).toBe(400);
  expect((await post(recruiter, { intent: "read" })).status).toBe(400);
});
