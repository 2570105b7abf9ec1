// Settings → Chat alerts: admins only; adding a channel (a refused form keeps what was typed, with the error beside
// its field), a test message queued, what it gets changed, turned on again, deleted.
import { expect, test } from "vitest";
import { prisma } from "~/platform/db.server";
import * as page from "~/routes/settings.chat-alerts";
import { createTestJob } from "../../factories";
import { getRequest, postRequest, run, signIn } from "./helpers";

type PageData = Awaited<ReturnType<typeof page.loader>>;
type Answer = {
  intent: string;
  errors?: Record<string, string>;
  values?: Record<string, unknown>;
  done?: string;
  channelId?: string;
};

const PATH = "/settings/chat-alerts";
const SLACK_URL = "https://hooks.slack.com/services/T0001/B0001/pageTest";

test("only admins open the page or post to it", async () => {
  const recruiter = await signIn("recruiter");
  expect((await run(page.loader, getRequest(PATH, recruiter))).status).toBe(403);
  const posted = await run(
    page.action,
    postRequest(PATH, recruiter, { intent: "add", url: SLACK_URL, scope: "workspace" }),
  );
  expect(posted.status).toBe(403);
  expect(await prisma.chatChannel.count()).toBe(0);
});

test("add, refuse, test, change, turn on again and delete", async () => {
  const admin = await signIn("admin");
  const job = await createTestJob({ title: "Radiographer" });

  const refused = await run<Answer>(
    page.action,
    postRequest(PATH, admin, {
      intent: "add",
      url: "http://example.com/hook",
      scope: job.id,
      kind: "auto",
      weeklyDigest: "on",
    }),
  );
  expect(refused.status).toBe(400);
  expect(refused.data.errors).toMatchObject({ url: "The URL must start with https://." });
  expect(refused.data.values).toEqual({
    url: "http://example.com/hook",
    scope: job.id,
    kind: "auto",
    overdueAlerts: false,
    weeklyDigest: true,
  });
  const unknown = await run<Answer>(
    page.action,
    postRequest(PATH, admin, { intent: "add", url: "https://chat.example.com/hook", scope: "workspace", kind: "auto" }),
  );
  expect(unknown.status).toBe(400);
  expect(Object.keys(unknown.data.errors!)).toContain("kind");

  const added = await run<Answer>(
    page.action,
    postRequest(PATH, admin, { intent: "add", url: SLACK_URL, scope: job.id, kind: "auto", overdueAlerts: "on" }),
  );
  expect(added.status).toBe(200);
  expect(added.data.done).toBe("Added the Slack channel. Send it a test message to see that it works.");
  const channelId = added.data.channelId!;

  const loaded = await run<PageData>(page.loader, getRequest(PATH, admin));
  expect(loaded.data.jobs.some((listed) => listed.id === job.id)).toBe(true);
  expect(loaded.data.channels).toEqual([
    expect.objectContaining({
      id: channelId,
      kind: "slack",
      urlHint: "hooks.slack.com…Test",
      job: { id: job.id, title: "Radiographer" },
      overdueAlerts: true,
      weeklyDigest: false,
      disabledAt: null,
    }),
  ]);
  expect(JSON.stringify(loaded.data)).not.toContain("B0001");

  const tested = await run<Answer>(page.action, postRequest(PATH, admin, { intent: "test", channelId }));
  expect(tested.data.done).toMatch(/^Test message on its way/);
  expect(await prisma.httpDelivery.count({ where: { channelId, eventType: "chat.test" } })).toBe(1);

  await run(page.action, postRequest(PATH, admin, { intent: "options", channelId, weeklyDigest: "on" }));
  expect(await prisma.chatChannel.findUniqueOrThrow({ where: { id: channelId } })).toMatchObject({
    overdueAlerts: false,
    weeklyDigest: true,
  });

  await prisma.chatChannel.update({
    where: { id: channelId },
    data: { disabledAt: new Date("2027-01-12T10:00:00Z"), disabledReason: "HTTP 404 for a day" },
  });
  const enabled = await run<Answer>(page.action, postRequest(PATH, admin, { intent: "enable", channelId }));
  expect(enabled.data.done).toMatch(/^Turned the channel on again/);
  expect((await prisma.chatChannel.findUniqueOrThrow({ where: { id: channelId } })).disabledAt).toBeNull();

  await run(page.action, postRequest(PATH, admin, { intent: "delete", channelId }));
  expect(await prisma.chatChannel.count({ where: { id: channelId } })).toBe(0);
  const gone = await run(page.action, postRequest(PATH, admin, { intent: "test", channelId }));
  expect(gone.status).toBe(404);
});
