import { expect, test } from "vitest";
import { chatChannelFormSchema, chatUrlHint, detectChatKind } from "./channels";
import { chatDigestMessage } from "./digest";
import { chatBody } from "./format";
import { overdueAlertMessage, overdueFor, OVERDUE_LISTED, type OverdueClock } from "./overdue";
import { escapeSlack, slackMessage } from "./slack";
import { teamsMessage } from "./teams";

const now = new Date("2026-12-08T10:30:00Z");
const base = "https://hb.example.com";

const alert = overdueAlertMessage({
  jobId: "job1",
  jobTitle: "Backend <Engineer> & [Lead]",
  overdueOnJob: 3,
  now,
  baseUrl: base,
  clocks: [
    { applicationId: "app2", metric: "stage_decision", stageName: "Onsite", dueAt: new Date("2026-12-08T07:00:00Z") },
    {
      applicationId: "app1",
      metric: "first_response",
      stageName: "Phone Screen",
      dueAt: new Date("2026-12-06T09:00:00Z"),
    },
  ],
});

test("Slack: Block Kit with the longest overdue first, escaped text and <url|label> links", () => {
  expect(slackMessage(alert)).toEqual({
    text: "2 promises to candidates became overdue on Backend &lt;Engineer&gt; &amp; [Lead]",
    blocks: [
      { type: "header", text: { type: "plain_text", text: "Overdue: Backend <Engineer> & [Lead]", emoji: false } },
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: "2 promises to candidates became overdue on this job. The longest is 2 days overdue.",
        },
      },
      {
        type: "section",
        fields: [
          { type: "mrkdwn", text: "*First response*\n1" },
          { type: "mrkdwn", text: "*Stage decision*\n1" },
          { type: "mrkdwn", text: "*Overdue on this job now*\n3" },
        ],
      },
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text:
            "• A candidate in Phone Screen: first response, 2 days overdue · <https://hb.example.com/applications/app1|Open application>\n" +
            "• A candidate in Onsite: stage decision, 3 hours overdue · <https://hb.example.com/applications/app2|Open application>",
        },
      },
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: "<https://hb.example.com/waiting?risk=breached&amp;job=job1|See what is overdue>",
        },
      },
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: "Hearback sends at most one message an hour per job. Candidates’ names stay in Hearback.",
          },
        ],
      },
    ],
  });
});

test("Teams: a message with one Adaptive Card 1.4, a FactSet and an Action.OpenUrl", () => {
  expect(teamsMessage(alert)).toEqual({
    type: "message",
    summary: "2 promises to candidates became overdue on Backend <Engineer> & [Lead]",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            {
              type: "TextBlock",
              text: "Overdue: Backend <Engineer> & ［Lead］",
              wrap: true,
              weight: "Bolder",
              size: "Medium",
            },
            {
              type: "TextBlock",
              text: "2 promises to candidates became overdue on this job. The longest is 2 days overdue.",
              wrap: true,
            },
            {
              type: "FactSet",
              facts: [
                { title: "First response", value: "1" },
                { title: "Stage decision", value: "1" },
                { title: "Overdue on this job now", value: "3" },
              ],
            },
            {
              type: "TextBlock",
              text: "A candidate in Phone Screen: first response, 2 days overdue · [Open application](https://hb.example.com/applications/app1)",
              wrap: true,
              spacing: "Small",
            },
            {
              type: "TextBlock",
              text: "A candidate in Onsite: stage decision, 3 hours overdue · [Open application](https://hb.example.com/applications/app2)",
              wrap: true,
              spacing: "Small",
            },
            {
              type: "TextBlock",
              text: "Hearback sends at most one message an hour per job. Candidates’ names stay in Hearback.",
              wrap: true,
              size: "Small",
              isSubtle: true,
            },
          ],
          actions: [
            {
              type: "Action.OpenUrl",
              title: "See what is overdue",
              url: "https://hb.example.com/waiting?risk=breached&job=job1",
            },
          ],
        },
      },
    ],
  });
});

test("at most ten applications are listed, then “and N more” leads to Waiting on us", () => {
  const clocks: OverdueClock[] = Array.from({ length: 13 }, (_, index) => ({
    applicationId: `app${index}`,
    metric: "first_response",
    stageName: "Applied",
    dueAt: new Date(now.getTime() - (index + 1) * 60_000),
  }));
  const message = overdueAlertMessage({
    jobId: "j",
    jobTitle: "Designer",
    clocks,
    overdueOnJob: 13,
    now,
    baseUrl: base,
  });
  expect(message.items).toHaveLength(OVERDUE_LISTED);
  expect(message.items[0]!.text).toBe("A candidate in Applied: first response, 13 minutes overdue");
  expect(message.more).toEqual({
    count: 3,
    link: { label: "and 3 more", url: "https://hb.example.com/waiting?risk=breached&job=j" },
  });
  const slack = slackMessage(message);
  expect(JSON.stringify(slack)).toContain("…<https://hb.example.com/waiting?risk=breached&amp;job=j|and 3 more>");
  expect(JSON.stringify(teamsMessage(message))).toContain(
    "…[and 3 more](https://hb.example.com/waiting?risk=breached&job=j)",
  );
});

test("how long overdue reads in minutes, hours or days", () => {
  expect(overdueFor(10_000)).toBe("1 minute");
  expect(overdueFor(59 * 60_000)).toBe("59 minutes");
  expect(overdueFor(60 * 60_000)).toBe("1 hour");
  expect(overdueFor(47 * 3600_000)).toBe("1 day");
  expect(overdueFor(23 * 3600_000)).toBe("23 hours");
  expect(overdueFor(3 * 24 * 3600_000)).toBe("3 days");
});

test("Slack escaping: only &, < and >, so text cannot make links or mentions", () => {
  expect(escapeSlack("<!channel> & <https://evil|x>")).toBe("&lt;!channel&gt; &amp; &lt;https://evil|x&gt;");
});

test("the digest shows the email's figures with their changes, for the workspace or one job", () => {
  const figures = {
    applications: 12,
    firstResponseMedianMinutes: 90,
    firstResponseAttainment: 0.75,
    promiseKeptRate: null,
    breachesNow: 2,
    decisionsOwed: 4,
  };
  const previous = { ...figures, applications: 10, firstResponseMedianMinutes: 120, breachesNow: 2, decisionsOwed: 5 };
  const workspace = chatDigestMessage({
    job: null,
    week: "2026-W50",
    now,
    timeZone: "Europe/Berlin",
    current: figures,
    previous,
    baseUrl: base,
  });
  expect(workspace.title).toBe("Hearback week");
  expect(workspace.intro).toBe(
    "How the workspace treated candidates in the last 7 days (since Tuesday 1 December), compared with the 7 days before.",
  );
  expect(workspace.facts).toEqual([
    { title: "Applications", value: "12 (+2, 2 more than the week before)" },
    { title: "Time to first response (median)", value: "1 h 30 min (↓ 25%, faster than the week before)" },
    { title: "First responses on time", value: "75% (no change from the week before)" },
    { title: "Promises kept (“hear back by” dates met)", value: "none due yet" },
    { title: "Response times overdue now", value: "2 (no change from a week ago)" },
    { title: "Decisions owed", value: "4 (−1, 1 fewer than a week ago)" },
  ]);
  expect(workspace.items).toEqual([]);
  expect(workspace.actions.map((action) => action.url)).toEqual([
    "https://hb.example.com/metrics",
    "https://hb.example.com/waiting?risk=breached",
    "https://hb.example.com/decisions",
  ]);
  const job = chatDigestMessage({
    job: { id: "j1", title: "Nurse" },
    week: "2026-W50",
    now,
    timeZone: "UTC",
    current: figures,
    previous,
    baseUrl: base,
  });
  expect(job.title).toBe("Hearback week: Nurse");
  expect(job.actions[0]!.url).toBe("https://hb.example.com/metrics?jobId=j1");
  expect(JSON.parse(chatBody("teams", job)).attachments[0].content.body[2].type).toBe("FactSet");
  expect(JSON.parse(chatBody("slack", job)).blocks[0]).toEqual({
    type: "header",
    text: { type: "plain_text", text: "Hearback week: Nurse", emoji: false },
  });
});

test("Slack and Teams are told apart by the URL's host", () => {
  const kind = (url: string) => detectChatKind(new URL(url));
  expect(kind("https://hooks.slack.com/services/T000/B000/XXXX")).toBe("slack");
  expect(kind("https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x")).toBe(
    "teams",
  );
  expect(
    kind("https://default1234.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/x"),
  ).toBe("teams");
  expect(kind("https://contoso.webhook.office.com/webhookb2/abc")).toBe("teams");
  expect(kind("https://hooks.slack.com.evil.example/services/x")).toBeNull();
  expect(kind("https://example.com/hook")).toBeNull();
  expect(chatUrlHint(new URL("https://hooks.slack.com/services/T000/B000/abcdWXYZ"))).toBe("hooks.slack.com…WXYZ");
});

test("the add form: checkboxes read as booleans, the kind defaults to the URL's", () => {
  expect(
    chatChannelFormSchema.parse({ url: " https://hooks.slack.com/x ", scope: "workspace", overdueAlerts: "on" }),
  ).toEqual({
    url: "https://hooks.slack.com/x",
    scope: "workspace",
    kind: "auto",
    overdueAlerts: true,
    weeklyDigest: false,
  });
  expect(chatChannelFormSchema.safeParse({ url: "", scope: "workspace" }).success).toBe(false);
});
