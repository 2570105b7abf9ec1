// Overdue alerts in chat: one message per channel and job with newly breached clocks, at most one per job an hour
// (also when two instances sweep at once); a breach later in the hour waits for the next hour; a job channel hears
// only of its job, a workspace channel of every open job; nothing for a job with no news; no candidate names.
import { expect, test } from "vitest";
import { addChatChannel } from "~/models/chat-alerts/channels.server";
import { alertHour, queueOverdueAlerts } from "~/models/chat-alerts/overdue.server";
import { createPolicy } from "~/models/sla/policies.server";
import { runRecomputesNow } from "~/models/sla/recompute.server";
import { sweepClocks } from "~/models/sla/sweep.server";
import { prisma } from "~/platform/db.server";
import { pinClock } from "../../clock";
import { createTestApplication, createTestJob, createTestUser } from "../../factories";

const start = pinClock("2027-01-12T10:00:00Z");
const MINUTE = 60_000;
const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);

type Delivery = { channelId: string | null; body: string; eventType: string };

async function deliveries(): Promise<Delivery[]> {
  return prisma.httpDelivery.findMany({
    where: { eventType: "chat.overdue" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { channelId: true, body: true, eventType: true },
  });
}

test("grouped per job, one an hour, job channels for their job only", async () => {
  const admin = await createTestUser({ role: "admin" });
  await createPolicy(
    {
      name: "Chat alerts: answer within the hour",
      match: { departments: ["Chat alerts"] },
      countAutomatedReplies: false,
      targets: [{ metric: "first_response", minutes: 60, businessHours: false }],
    },
    admin.id,
  );
  await runRecomputesNow();
  const nurse = await createTestJob({ title: "Staff Nurse", department: "Chat alerts" });
  const porter = await createTestJob({ title: "Porter", department: "Chat alerts" });
  // The standard first-response promise (two business days) keeps the quiet job on time throughout.
  const quiet = await createTestJob({ title: "Quiet job", department: "Calm" });
  const closed = await createTestJob({ title: "Closed job", department: "Chat alerts", status: "closed" });

  const workspace = await addChatChannel(
    {
      url: "https://hooks.slack.com/services/T/B/workspace",
      scope: "workspace",
      kind: "auto",
      overdueAlerts: true,
      weeklyDigest: false,
    },
    admin.id,
  );
  const nurseChannel = await addChatChannel(
    {
      url: "https://prod-1.westeurope.logic.azure.com/workflows/nurse",
      scope: nurse.id,
      kind: "auto",
      overdueAlerts: true,
      weeklyDigest: false,
    },
    admin.id,
  );
  const digestOnly = await addChatChannel(
    {
      url: "https://hooks.slack.com/services/T/B/digest",
      scope: "workspace",
      kind: "auto",
      overdueAlerts: false,
      weeklyDigest: true,
    },
    admin.id,
  );

  // Applied two and three hours before the first sweep: their first responses are an hour or two overdue by then.
  const names = ["Ada Lovelace", "Grace Hopper", "Alan Turing"];
  await createTestApplication({ jobId: nurse.id, appliedAt: at(-180), candidate: { name: names[0] } });
  await createTestApplication({ jobId: nurse.id, appliedAt: at(-120), candidate: { name: names[1] } });
  await createTestApplication({ jobId: porter.id, appliedAt: at(-120), candidate: { name: names[2] } });
  await createTestApplication({ jobId: quiet.id, appliedAt: at(-10) });
  await createTestApplication({ jobId: closed.id, appliedAt: at(-120) }); // overdue, but the job is closed

  await sweepClocks(at(1));
  expect(await queueOverdueAlerts(at(1))).toBe(3);
  const first = await deliveries();
  expect(first.map((delivery) => delivery.channelId).sort()).toEqual(
    [workspace.id, workspace.id, nurseChannel.id].sort(),
  );
  expect(first.some((delivery) => delivery.channelId === digestOnly.id)).toBe(false);

  const nurseSlack = JSON.parse(
    first.find((d) => d.channelId === workspace.id && d.body.includes("Staff Nurse"))!.body,
  );
  expect(nurseSlack.text).toBe("2 promises to candidates became overdue on Staff Nurse");
  expect(nurseSlack.blocks[1].text.text).toBe(
    "2 promises to candidates became overdue on this job. The longest is 2 hours overdue.",
  );
  expect(nurseSlack.blocks[3].text.text).toMatch(
    /^• A candidate in Applied: first response, 2 hours overdue · <http:\/\/hearback\.test\/applications\/\w+\|Open application>\n• A candidate in Applied: first response, 1 hour overdue/,
  );
  const nurseTeams = JSON.parse(first.find((d) => d.channelId === nurseChannel.id)!.body);
  expect(nurseTeams.attachments[0].content.actions).toEqual([
    {
      type: "Action.OpenUrl",
      title: "See what is overdue",
      url: `http://hearback.test/waiting?risk=breached&job=${nurse.id}`,
    },
  ]);
  for (const delivery of first) for (const name of names) expect(delivery.body).not.toContain(name);

  // The same hour: nothing more, however many instances sweep.
  const [one, two] = await Promise.all([queueOverdueAlerts(at(10)), queueOverdueAlerts(at(10))]);
  expect(one + two).toBe(0);

  // A porter breaches at 10:29, after the hour's alert about porters: it waits for 11:00.
  await createTestApplication({ jobId: porter.id, appliedAt: at(-31) });
  await sweepClocks(at(30));
  expect(await queueOverdueAlerts(at(30))).toBe(0);
  expect(alertHour(at(65))).toBe("2027-01-12T11");
  const [three, four] = await Promise.all([queueOverdueAlerts(at(65)), queueOverdueAlerts(at(65))]);
  expect(three + four).toBe(1);
  const second = (await deliveries()).slice(first.length);
  expect(second).toHaveLength(1);
  expect(second[0]!.channelId).toBe(workspace.id);
  const porterSlack = JSON.parse(second[0]!.body);
  expect(porterSlack.text).toBe("1 promise to a candidate became overdue on Porter");
  // Only the news is listed; the figures count every overdue promise on the job.
  expect(porterSlack.blocks[2].fields).toEqual([
    { type: "mrkdwn", text: "*First response*\n1" },
    { type: "mrkdwn", text: "*Overdue on this job now*\n2" },
  ]);

  // Nothing new: nothing the hour after either.
  await sweepClocks(at(130));
  expect(await queueOverdueAlerts(at(130))).toBe(0);
});

test("a breach marked just before an alert but committed after it comes in the next hour's message", async () => {
  pinClock(at(241)); // the applications below are in the past
  const late = await createTestJob({ title: "Late mark", department: "Chat alerts" });
  await createTestApplication({ jobId: late.id, appliedAt: at(180) }); // due at(240)
  await sweepClocks(at(241));
  expect(await queueOverdueAlerts(at(242))).toBe(1); // 14:02, the workspace channel
  // Another sweep marked this one at(241.5), before that alert, but its transaction committed after it.
  const second = await createTestApplication({ jobId: late.id, appliedAt: at(180.5) });
  await prisma.slaClock.updateMany({
    where: { applicationId: second.id, metric: "first_response" },
    data: { breached: true, breachNotifiedAt: at(241.5) },
  });
  expect(await queueOverdueAlerts(at(250))).toBe(0); // the same hour
  expect(await queueOverdueAlerts(at(305))).toBe(1); // 15:05
  const last = (await deliveries()).at(-1)!;
  expect(JSON.parse(last.body).text).toBe("1 promise to a candidate became overdue on Late mark");
});

test("a channel turned off, or with overdue alerts off, gets nothing", async () => {
  const admin = await createTestUser({ role: "admin" });
  await prisma.chatChannel.updateMany({ data: { disabledAt: at(200) } });
  const job = await createTestJob({ title: "Off job", department: "Chat alerts" });
  await createTestApplication({ jobId: job.id, appliedAt: at(150) });
  await sweepClocks(at(240));
  expect(await queueOverdueAlerts(at(240))).toBe(0);
  await prisma.chatChannel.updateMany({ data: { disabledAt: null, overdueAlerts: false } });
  expect(await queueOverdueAlerts(at(241))).toBe(0);
  expect(admin.id).toBeTruthy();
});
