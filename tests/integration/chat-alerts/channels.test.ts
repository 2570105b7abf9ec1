// Chat channels: added with the kind told from the URL (or chosen), the URL sealed and only a hint shown, refused
// when not https or not Slack/Teams without a choice, options changed, turned on again, a test message queued in the
// channel's own format, deleted — each with its audit entry.
import { expect, test } from "vitest";
import {
  addChatChannel,
  deleteChatChannel,
  enableChatChannel,
  listChatChannels,
  sendChatTestMessage,
  setChatChannelOptions,
} from "~/models/chat-alerts/channels.server";
import { prisma } from "~/platform/db.server";
import { InvalidInputError } from "~/platform/errors.server";
import { openSecret } from "~/platform/secret-box.server";
import { createTestJob, createTestUser } from "../../factories";

const SLACK_URL = "https://hooks.slack.com/services/T0001/B0001/abcdefghWXYZ";
const TEAMS_URL = "https://prod-01.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=s1Gn";

const form = (url: string, scope = "workspace", kind: "auto" | "slack" | "teams" = "auto") => ({
  url,
  scope,
  kind,
  overdueAlerts: true,
  weeklyDigest: true,
});

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InvalidInputError);
  return (error as InvalidInputError).issues;
}

test("adding, listing, changing, turning on again and deleting a channel, each audited", async () => {
  const admin = await createTestUser({ role: "admin" });
  const job = await createTestJob({ title: "Staff Nurse" });
  const slack = await addChatChannel(form(SLACK_URL), admin.id);
  const teams = await addChatChannel(form(TEAMS_URL, job.id), admin.id);
  expect(slack.kind).toBe("slack");
  expect(teams.kind).toBe("teams");

  const stored = await prisma.chatChannel.findUniqueOrThrow({ where: { id: slack.id } });
  expect(stored.urlCipher).not.toContain("hooks.slack.com");
  expect(openSecret(stored.urlCipher)).toBe(SLACK_URL);
  expect(stored.urlHint).toBe("hooks.slack.com…WXYZ");

  const listed = await listChatChannels();
  const mine = listed.filter((channel) => [slack.id, teams.id].includes(channel.id));
  expect(mine.map(({ kind, urlHint, job: scope }) => ({ kind, urlHint, scope }))).toEqual([
    { kind: "slack", urlHint: "hooks.slack.com…WXYZ", scope: null },
    { kind: "teams", urlHint: "prod-01.westeurope.logic.azure.com…s1Gn", scope: { id: job.id, title: "Staff Nurse" } },
  ]);
  expect(mine[0]!.lastDelivery).toBeNull();

  await setChatChannelOptions(slack.id, { overdueAlerts: false, weeklyDigest: true }, admin.id);
  await prisma.chatChannel.update({
    where: { id: teams.id },
    data: {
      disabledAt: new Date("2027-01-10T10:00:00Z"),
      disabledReason: "404 for a day",
      failingSince: new Date("2027-01-09T10:00:00Z"),
    },
  });
  await enableChatChannel(teams.id, admin.id);
  const after = await prisma.chatChannel.findMany({
    where: { id: { in: [slack.id, teams.id] } },
    orderBy: { createdAt: "asc" },
    select: { overdueAlerts: true, weeklyDigest: true, disabledAt: true, disabledReason: true, failingSince: true },
  });
  expect(after).toEqual([
    { overdueAlerts: false, weeklyDigest: true, disabledAt: null, disabledReason: null, failingSince: null },
    { overdueAlerts: true, weeklyDigest: true, disabledAt: null, disabledReason: null, failingSince: null },
  ]);

  const deliveryId = await sendChatTestMessage(teams.id, admin.id);
  const delivery = await prisma.httpDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
  expect(delivery).toMatchObject({ channelId: teams.id, eventType: "chat.test", status: "queued" });
  const card = JSON.parse(delivery.body);
  expect(card.type).toBe("message");
  expect(card.attachments[0].content.body[1].text).toBe(
    "This channel gets overdue alerts (at most one message an hour per job) and the Monday digest for the job Staff Nurse.",
  );
  expect((await listChatChannels()).find((channel) => channel.id === teams.id)!.lastDelivery).toMatchObject({
    status: "queued",
  });

  await deleteChatChannel(teams.id, admin.id);
  expect(await prisma.chatChannel.count({ where: { id: teams.id } })).toBe(0);
  expect(await prisma.httpDelivery.count({ where: { id: deliveryId } })).toBe(0);

  const audit = await prisma.auditLog.findMany({
    where: { entityType: "ChatChannel", entityId: { in: [slack.id, teams.id] } },
    orderBy: { createdAt: "asc" },
    select: { action: true, actorId: true },
  });
  expect(audit.map((entry) => entry.action).sort()).toEqual(
    [
      "chat_channel.created",
      "chat_channel.created",
      "chat_channel.updated",
      "chat_channel.enabled",
      "chat_channel.test_sent",
      "chat_channel.deleted",
    ].sort(),
  );
  expect(audit.every((entry) => entry.actorId === admin.id)).toBe(true);
  // The audit log keeps the hint, never the URL.
  expect(JSON.stringify(await prisma.auditLog.findMany({ where: { entityType: "ChatChannel" } }))).not.toContain(
    "B0001",
  );
});

test("refused: not https, a URL with a password, an unknown host without a choice, a job that does not exist", async () => {
  const admin = await createTestUser({ role: "admin" });
  expect(await refusal(addChatChannel(form("http://hooks.slack.com/services/x"), admin.id))).toEqual([
    { path: "url", message: "The URL must start with https://." },
  ]);
  expect((await refusal(addChatChannel(form("https://u:p@hooks.slack.com/x"), admin.id)))[0]!.path).toBe("url");
  expect((await refusal(addChatChannel(form("https://chat.example.com/hooks/abc"), admin.id)))[0]!.path).toBe("kind");
  expect((await refusal(addChatChannel(form(SLACK_URL, "no-such-job"), admin.id)))[0]!.path).toBe("scope");
  // A host Hearback does not know is accepted when the admin says which it is.
  const chosen = await addChatChannel(form("https://chat.example.com/hooks/abc", "workspace", "slack"), admin.id);
  expect(chosen.kind).toBe("slack");
});
