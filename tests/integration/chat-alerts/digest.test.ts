// The Monday digest in chat: once per channel and ISO week (also with two instances ticking at once), from Monday
// 08:00 in the workspace's time zone; the workspace's figures for a workspace channel, the job's for a job channel;
// none for channels with the digest off, turned off, or for a closed job.
import { expect, test } from "vitest";
import { addChatChannel } from "~/models/chat-alerts/channels.server";
import { queueChatDigests } from "~/models/chat-alerts/digest.server";
import { prisma } from "~/platform/db.server";
import { pinClock } from "../../clock";
import { createTestApplication, createTestJob, createTestUser } from "../../factories";

// Monday 11 January 2027, 10:00 UTC.
const monday = pinClock("2027-01-11T10:00:00Z");
const HOUR = 60 * 60_000;
const later = (hours: number) => new Date(monday.getTime() + hours * HOUR);

async function digests() {
  return prisma.httpDelivery.findMany({
    where: { eventType: "chat.digest" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { channelId: true, body: true },
  });
}

test("once a week per channel, the workspace's or the job's figures", async () => {
  const admin = await createTestUser({ role: "admin" });
  const job = await createTestJob({ title: "Midwife" });
  const other = await createTestJob({ title: "Porter" });
  await createTestApplication({ jobId: job.id, appliedAt: new Date("2027-01-08T09:00:00Z") });
  await createTestApplication({ jobId: other.id, appliedAt: new Date("2027-01-08T09:00:00Z") });
  await createTestApplication({ jobId: other.id, appliedAt: new Date("2027-01-09T09:00:00Z") });
  const options = { kind: "auto" as const, overdueAlerts: true, weeklyDigest: true };
  const workspace = await addChatChannel(
    { ...options, url: "https://hooks.slack.com/services/T/B/weekly", scope: "workspace" },
    admin.id,
  );
  const midwives = await addChatChannel(
    { ...options, url: "https://prod-2.westeurope.logic.azure.com/workflows/midwife", scope: job.id },
    admin.id,
  );
  await addChatChannel(
    { ...options, weeklyDigest: false, url: "https://hooks.slack.com/services/T/B/alerts-only", scope: "workspace" },
    admin.id,
  );
  const off = await addChatChannel(
    { ...options, url: "https://hooks.slack.com/services/T/B/off", scope: "workspace" },
    admin.id,
  );
  await prisma.chatChannel.update({ where: { id: off.id }, data: { disabledAt: monday, disabledReason: "410" } });
  const closedJob = await createTestJob({ title: "Filled role", status: "closed" });
  await addChatChannel(
    { ...options, url: "https://hooks.slack.com/services/T/B/closed", scope: closedJob.id },
    admin.id,
  );

  // Sunday evening is too early.
  expect(await queueChatDigests(new Date("2027-01-10T20:00:00Z"))).toBe(0);
  const [one, two] = await Promise.all([queueChatDigests(monday), queueChatDigests(monday)]);
  expect(one + two).toBe(2);
  expect(await queueChatDigests(later(3))).toBe(0);

  const sent = await digests();
  expect(sent.map((delivery) => delivery.channelId).sort()).toEqual([workspace.id, midwives.id].sort());
  const slack = JSON.parse(sent.find((delivery) => delivery.channelId === workspace.id)!.body);
  expect(slack.blocks[0].text.text).toBe("Hearback week");
  expect(slack.blocks[2].fields[0]).toEqual({
    type: "mrkdwn",
    text: expect.stringMatching(/^\*Applications\*\n\d+ \(/),
  });
  const teams = JSON.parse(sent.find((delivery) => delivery.channelId === midwives.id)!.body);
  const card = teams.attachments[0].content;
  expect(card.body[0].text).toBe("Hearback week: Midwife");
  expect(card.body[2].facts[0]).toEqual({ title: "Applications", value: "1 (+1, 1 more than the week before)" });
  expect(card.actions[0].url).toBe(`http://hearback.test/metrics?jobId=${job.id}`);

  // The next Monday: one more each.
  expect(await queueChatDigests(later(7 * 24))).toBe(2);
  const claims = await prisma.chatAlert.findMany({
    where: { jobId: "digest" },
    orderBy: { hour: "asc" },
    select: { hour: true },
  });
  expect(claims.map((claim) => claim.hour)).toEqual(["2027-W02", "2027-W02", "2027-W03", "2027-W03"]);
});
