// The weekly digest end to end: who gets one and when (Monday in their own business hours), what it says for a known
// data set, that it lands in the outbox as a staff email, and that it goes out once per week however many ticks run.
import { expect, test } from "vitest";
import type { Role } from "~/generated/prisma/client";
import { runDigestTick } from "~/workers/digest.server";
import { digestClaimKey, queueDueDigests } from "~/models/digest.server";
import { deliverDueMessages } from "~/models/outbox/delivery.server";
import { prisma } from "~/platform/db.server";
import { localOutboxTransport, sentMail } from "~/platform/mail.server";
import { createApplicationWithHistory, createTestJob, createTestUser, fakeCandidate } from "../../factories";

const MINUTE = 60_000;

async function manager(options: { role?: Role; timeZone: string; name?: string }) {
  const user = await createTestUser({ role: options.role ?? "hiring_manager", ...options });
  const job = await createTestJob({ title: `Job of ${user.name}`, hiringManagerId: user.id });
  return { user, job };
}

function digestsTo(email: string) {
  return prisma.message.findMany({
    where: { audience: "staff", toAddress: { contains: `<${email}>` }, subject: { startsWith: "Your Hearback week" } },
    orderBy: { createdAt: "asc" },
  });
}

test("each manager's digest is due at 09:00 on Monday in their own time zone (Auckland and Los Angeles)", async () => {
  const auckland = await manager({ timeZone: "Pacific/Auckland" });
  const la = await manager({ timeZone: "America/Los_Angeles" });
  // Week 2026-W45. Auckland's Monday 09:00 NZDT (UTC+13) is Sunday 1 November 20:00 UTC; Los Angeles went back to
  // PST (UTC−8) that Sunday, so its Monday 09:00 is 2 November 17:00 UTC.
  await queueDueDigests(new Date("2026-11-01T19:55:00Z"));
  expect(await digestsTo(auckland.user.email)).toHaveLength(0);
  await queueDueDigests(new Date("2026-11-01T20:00:00Z"));
  expect(await digestsTo(auckland.user.email)).toHaveLength(1);
  expect(await digestsTo(la.user.email)).toHaveLength(0);
  await queueDueDigests(new Date("2026-11-02T16:59:00Z"));
  expect(await digestsTo(la.user.email)).toHaveLength(0);
  await queueDueDigests(new Date("2026-11-02T17:00:00Z"));
  expect(await digestsTo(la.user.email)).toHaveLength(1);
  // The rest of the week brings nothing more; the next Monday brings the next one.
  await queueDueDigests(new Date("2026-11-06T12:00:00Z"));
  expect(await digestsTo(auckland.user.email)).toHaveLength(1);
  expect(await digestsTo(la.user.email)).toHaveLength(1);
  await queueDueDigests(new Date("2026-11-09T17:00:00Z"));
  expect(await digestsTo(auckland.user.email)).toHaveLength(2);
  expect(await digestsTo(la.user.email)).toHaveLength(2);
  expect(await prisma.setting.count({ where: { key: digestClaimKey("2026-W46", la.user.id) } })).toBe(1);
});

test("a closed Monday on the workspace calendar moves the digest to Tuesday's opening", async () => {
  const berlin = await manager({ timeZone: "Europe/Berlin" });
  const schedule = await prisma.schedule.findFirstOrThrow({ where: { isDefault: true } });
  await prisma.schedule.update({
    where: { id: schedule.id },
    data: { holidays: [{ date: "2026-10-19", name: "Closed Monday" }] },
  });
  try {
    await queueDueDigests(new Date("2026-10-19T12:00:00Z"));
    expect(await digestsTo(berlin.user.email)).toHaveLength(0);
    // Tuesday 20 October 09:00 CEST (UTC+2).
    await queueDueDigests(new Date("2026-10-20T06:59:00Z"));
    expect(await digestsTo(berlin.user.email)).toHaveLength(0);
    await queueDueDigests(new Date("2026-10-20T07:00:00Z"));
    expect(await digestsTo(berlin.user.email)).toHaveLength(1);
  } finally {
    await prisma.schedule.update({ where: { id: schedule.id }, data: { holidays: schedule.holidays ?? [] } });
  }
});

test("only people who manage an open job get one: not interviewers, inactive people, or managers of closed jobs", async () => {
  const now = new Date("2026-10-12T20:00:00Z"); // Monday afternoon everywhere below
  const withoutJob = await createTestUser({ role: "hiring_manager", timeZone: "UTC" });
  const closedOnly = await createTestUser({ role: "hiring_manager", timeZone: "UTC" });
  await createTestJob({ hiringManagerId: closedOnly.id, status: "closed" });
  // Jobs take active hiring managers only; these two changed after they were named.
  const interviewer = await manager({ timeZone: "UTC" });
  await prisma.user.update({ where: { id: interviewer.user.id }, data: { role: "interviewer" } });
  const inactive = await manager({ timeZone: "UTC" });
  await prisma.user.update({ where: { id: inactive.user.id }, data: { active: false } });
  const recruiter = await manager({ role: "recruiter", timeZone: "UTC" });
  const admin = await manager({ role: "admin", timeZone: "UTC" });
  const onHold = await createTestUser({ role: "hiring_manager", timeZone: "UTC" });
  await createTestJob({ hiringManagerId: onHold.id, status: "on_hold" });

  await queueDueDigests(now);
  for (const nobody of [withoutJob, closedOnly, interviewer.user, inactive.user]) {
    expect(await digestsTo(nobody.email)).toHaveLength(0);
  }
  for (const somebody of [recruiter.user, admin.user, onHold]) {
    expect(await digestsTo(somebody.email)).toHaveLength(1);
  }
});

test("two ticks at the same moment queue one digest; a claim already made stops a later tick", async () => {
  const { user } = await manager({ timeZone: "Europe/London" });
  const now = new Date("2026-10-05T09:30:00Z"); // Monday 10:30 BST
  await Promise.all([queueDueDigests(now), queueDueDigests(now), queueDueDigests(now)]);
  expect(await digestsTo(user.email)).toHaveLength(1);
  await queueDueDigests(new Date(now.getTime() + 5 * MINUTE));
  expect(await digestsTo(user.email)).toHaveLength(1);
  const claim = await prisma.setting.findUniqueOrThrow({ where: { key: digestClaimKey("2026-W41", user.id) } });
  expect(claim.value).toEqual({ userId: user.id, week: "2026-W41", queuedAt: now.toISOString() });
});

test("the digest for a known week: figures and changes, the longest waiting first, in the outbox to the manager", async () => {
  const dana = await createTestUser({
    role: "hiring_manager",
    name: "Dana Whitfield",
    timeZone: "America/Los_Angeles",
  });
  const job = await createTestJob({ title: "Backend Engineer", hiringManagerId: dana.id });
  const otherJob = await createTestJob({ title: "Not Dana's", hiringManagerId: null });
  const recruiter = await createTestUser({ role: "recruiter" });
  const apply = (
    name: string,
    appliedAt: string,
    jobId = job.id,
    steps: Parameters<typeof createApplicationWithHistory>[0]["steps"] = [],
  ) =>
    createApplicationWithHistory({
      jobId,
      candidate: { ...fakeCandidate(), name },
      appliedAt: new Date(appliedAt),
      createdById: null,
      steps,
    });
  // The last 7 days: three applications, one answered after 4 hours.
  // The week before: two applications, one of them turned down since (nobody waits on that one any more).
  await apply("Eve Lind", "2026-09-22T10:00:00Z", job.id, [
    { type: "decision", at: new Date("2026-10-02T10:00:00Z"), by: recruiter, outcome: "rejected" },
  ]);
  const ada = await apply("Ada Byron", "2026-09-23T10:00:00Z");
  const ben = await apply("Ben Okafor", "2026-09-29T10:00:00Z", job.id, [
    { type: "message_out", at: new Date("2026-09-29T14:00:00Z"), by: recruiter, body: "Thanks, we are reading it." },
  ]);
  const cleo = await apply("Cleo Park", "2026-10-01T10:00:00Z");
  const dev = await apply("Dev Mehta", "2026-10-04T10:00:00Z");
  await apply("Someone Else", "2026-09-30T10:00:00Z", otherJob.id);

  const now = new Date("2026-10-05T17:05:00Z"); // Monday 10:05 PDT
  await runDigestTick(now);
  const [digest, ...more] = await digestsTo(dana.email);
  expect(more).toHaveLength(0);
  expect(digest).toMatchObject({
    audience: "staff",
    direction: "outbound",
    status: "queued",
    applicationId: null,
    toAddress: `"Dana Whitfield" <${dana.email}>`,
    subject: "Your Hearback week: 4 candidates waiting on you",
    scheduledFor: now,
  });
  const url = (id: string) => `http://hearback.test/applications/${id}`;
  expect(digest!.bodyText).toContain(
    [
      "Hello Dana Whitfield,",
      "",
      "Here is how your jobs treated candidates in the last 7 days (since Monday 28 September), compared with the 7 days before.",
      "",
      "- Applications: 3 (+1, 1 more than the week before)",
      "- Time to first response (median): 4 h",
      "- First responses on time: 50% (↑ 50 points, better than the week before)",
      // Ben saw a "hear back by" date in the reply (regular update due 2 October 14:00) that passed unkept.
      "- Promises kept (“hear back by” dates met): 0%",
      // Now: Ada's first response, regular update and stage decision; Ben's regular update; Cleo's first response;
      // Eve's first response and closure (turned down without a word, due 5 October 10:00). A week before: Ada's
      // and Eve's first responses and regular updates.
      "- Response times overdue now: 7 (+3, 3 more than a week ago)",
      // A week ago Ada and Eve were waiting; Eve was decided since, and Ben, Cleo and Dev applied.
      "- Decisions you owe: 4 (+2, 2 more than a week ago)",
      "",
    ].join("\n"),
  );
  expect(digest!.bodyText).toContain(
    [
      "These candidates are waiting on your decision, longest first:",
      `1. Ada Byron, Backend Engineer (Applied), waiting 12 days 7 h: ${url(ada)}`,
      `2. Ben Okafor, Backend Engineer (Applied), waiting 6 days 7 h: ${url(ben)}`,
      `3. Cleo Park, Backend Engineer (Applied), waiting 4 days 7 h: ${url(cleo)}`,
      `4. Dev Mehta, Backend Engineer (Applied), waiting 1 day 7 h: ${url(dev)}`,
      "",
      "All your figures: http://hearback.test/metrics",
      "Decisions you owe: http://hearback.test/decisions",
    ].join("\n"),
  );
  expect(digest!.bodyText).not.toContain("Someone Else");
  expect(digest!.bodyHtml).toContain(`<a href="${url(ada)}">Ada Byron</a>`);

  // Delivered like any staff email: to the manager, with both parts.
  const before = sentMail.length;
  await deliverDueMessages(localOutboxTransport(null));
  const mail = sentMail.slice(before).find((sent) => sent.subject === digest!.subject);
  expect(mail?.to).toContain(dana.email);
  expect(mail?.html).toContain(`>Ada Byron</a>`);
  expect(await prisma.message.findUniqueOrThrow({ where: { id: digest!.id } })).toMatchObject({ status: "sent" });
});

test("a manager with nobody waiting is thanked", async () => {
  const { user } = await manager({ timeZone: "UTC", name: "Quiet Manager" });
  await queueDueDigests(new Date("2026-09-07T10:00:00Z"));
  const [digest] = await digestsTo(user.email);
  expect(digest!.subject).toBe("Your Hearback week: nobody waiting on you");
  expect(digest!.bodyText).toContain("- Applications: 0 (no change from the week before)");
  expect(digest!.bodyText).toContain("Nobody is waiting on you. Thank you!");
});

test("claims of weeks more than eight weeks back are removed when digests go out; other settings stay", async () => {
  await prisma.setting.createMany({
    data: [
      { key: "digest:2026-W30:someone", value: {} },
      { key: "digest:2026-W34:someone", value: {} },
      { key: "digestive:2026-W01", value: {} },
    ],
  });
  const { user } = await manager({ timeZone: "UTC" });
  await queueDueDigests(new Date("2026-08-31T09:00:00Z")); // Monday of 2026-W36: keeps W28 and later
  expect(await digestsTo(user.email)).toHaveLength(1);
  const left = await prisma.setting.findMany({
    where: { key: { in: ["digest:2026-W30:someone", "digest:2026-W34:someone", "digestive:2026-W01"] } },
  });
  expect(left.map((row) => row.key).sort()).toEqual([
    "digest:2026-W30:someone",
    "digest:2026-W34:someone",
    "digestive:2026-W01",
  ]);
  await queueDueDigests(new Date("2026-09-28T09:00:00Z")); // 2026-W40: keeps W32 and later
  const after = await prisma.setting.findMany({
    where: { key: { in: ["digest:2026-W30:someone", "digest:2026-W34:someone", "digestive:2026-W01"] } },
  });
  expect(after.map((row) => row.key).sort()).toEqual(["digest:2026-W34:someone", "digestive:2026-W01"]);
});
