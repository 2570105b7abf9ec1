// Rejecting one candidate from the application page: the rejection email chosen among those in the candidate's
// language, its preview with their real merge fields, the banner's send time read from the queued message, Undo, and
// the page's weight (statements, a paged timeline).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, expect, test } from "vitest";
import { SlaClocksPanel, type PanelClock } from "~/components/sla/sla-clocks-panel";
import { rejectionSendNotice } from "~/domain/rejection-send-notice";
import { addNote } from "~/models/application.server";
import { createApplication } from "~/models/application-intake.server";
import { createJob } from "~/models/job.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import * as applicationPage from "~/routes/applications.$applicationId";
import { pinClock } from "../../clock";
import { recordQueries } from "../../query-counter";
import { getRequest, postRequest, run, signIn, type SignedIn } from "./helpers";

type PageData = Awaited<ReturnType<typeof applicationPage.loader>>;
type Answer = {
  intent: string;
  errors: Record<string, string>;
  values: Record<string, string>;
  preview?: { templateId: string; subject: string; html: string; text: string; scheduledFor: Date; problems: string[] };
};

let now: Date;
let recruiter: SignedIn;
let count = 0;

beforeAll(async () => {
  // Tuesday 12 January 2027, 10:00 UTC: 11:00 in Berlin, inside the humane sending hours.
  now = pinClock("2027-01-12T10:00:00Z");
  recruiter = await signIn("recruiter", { timeZone: "America/New_York" });
  await ensureTemplateLibrary();
});

async function setup(candidate: { name: string; locale?: "en" | "de"; timeZone?: string }) {
  const job = await createJob(
    { title: "Data Engineer", status: "open", hiringManagerId: null, recruiterId: null, scheduleId: null },
    recruiter.user.id,
  );
  count += 1;
  return createApplication(
    {
      jobId: job.id,
      candidate: {
        name: candidate.name,
        email: `single-reject${count}@example.com`,
        timeZone: candidate.timeZone ?? "Europe/Berlin",
        locale: candidate.locale,
      },
      appliedAt: new Date("2027-01-04T08:00:00Z"),
      notify: false,
    },
    recruiter.user.id,
  );
}

function expectWithinAMinuteAfter(instant: Date, earliest: string) {
  const after = instant.getTime() - new Date(earliest).getTime();
  expect(after).toBeGreaterThanOrEqual(0);
  expect(after).toBeLessThan(60_000);
}

function load(applicationId: string, query = "") {
  return run<PageData>(applicationPage.loader, getRequest(`/applications/${applicationId}${query}`, recruiter), {
    applicationId,
  });
}

function act(applicationId: string, fields: Record<string, string>) {
  return run<Answer>(applicationPage.action, postRequest(`/applications/${applicationId}`, recruiter, fields), {
    applicationId,
  });
}

async function templateOf(applicationId: string, kind: string) {
  const { templates } = (await load(applicationId)).data.rejection;
  const template = templates.find((choice) => choice.kind === kind);
  if (!template) throw new Error(`No ${kind} template offered.`);
  return template;
}

test("rejecting with a chosen template queues that template, and the banner names the queued send time", async () => {
  const application = await setup({ name: "Greta Vogel" });
  const page = await load(application.id);
  // An application in its first stage would get "not progressing"; the recruiter picks the post-interview one.
  const usual = page.data.rejection.templates.find((choice) => choice.id === page.data.rejection.defaultTemplateId);
  expect(usual?.kind).toBe("not_progressing");
  const chosen = await templateOf(application.id, "rejection_after_interview");

  const rejected = await act(application.id, { intent: "reject", reason: "skills", templateId: chosen.id });
  expect(rejected).toMatchObject({ status: 302, location: `/applications/${application.id}?done=rejected` });

  const message = await prisma.message.findFirstOrThrow({
    where: { applicationId: application.id, audience: "candidate" },
    select: { templateId: true, kind: true, status: true, scheduledFor: true, subject: true },
  });
  expect(message).toMatchObject({ templateId: chosen.id, kind: "rejection_after_interview", status: "queued" });
  // Humane timing: the ten-minute undo window, inside Berlin's Monday-to-Thursday hours.
  // (The pinned clock runs on at the real pace, so a few seconds past 10:10 UTC.)
  expectWithinAMinuteAfter(message.scheduledFor!, "2027-01-12T10:10:00Z");

  const after = await load(application.id, "?done=rejected");
  expect(after.data.rejection.scheduledFor).toEqual(message.scheduledFor);
  expect(after.data.rejection.sendNotice).toBe(
    "The rejection email goes Tue 12 Jan, 11:10 in their time (Europe/Berlin) — 05:10 yours.",
  );
  expect(after.data.rejection.sendNotice).toBe(
    rejectionSendNotice({
      scheduledFor: message.scheduledFor!,
      candidateTimeZone: "Europe/Berlin",
      viewerTimeZone: "America/New_York",
      now,
    }),
  );
  expect(after.data.can.reopen).toBe(true);
});

test("the preview renders the candidate's own merge fields and planned send time, and changes nothing", async () => {
  const application = await setup({ name: "Henrik Larsen" });
  const chosen = await templateOf(application.id, "rejection_after_screen");

  const previewed = await act(application.id, {
    intent: "preview-rejection",
    templateId: chosen.id,
    reason: "experience",
  });

  expect(previewed.status).toBe(200);
  expect(previewed.data.values).toMatchObject({ reason: "experience", templateId: chosen.id });
  const preview = previewed.data.preview!;
  expect(preview.templateId).toBe(chosen.id);
  expect(preview.problems).toEqual([]);
  expect(preview.text).toContain("Henrik");
  expect(`${preview.subject} ${preview.text}`).toContain("Data Engineer");
  expect(preview.text).not.toContain("{{");
  expect(preview.html).toContain("Henrik");
  expectWithinAMinuteAfter(new Date(preview.scheduledFor), "2027-01-12T10:10:00Z");
  expect(await prisma.message.count({ where: { applicationId: application.id } })).toBe(0);
  expect((await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("active");
});

test("a candidate who reads German is offered the German rejection emails", async () => {
  const application = await setup({ name: "Jonas Weber", locale: "de" });
  const { templates } = (await load(application.id)).data.rejection;
  const rows = await prisma.template.findMany({
    where: { id: { in: templates.map((template) => template.id) } },
    select: { locale: true },
  });
  expect(rows.length).toBeGreaterThanOrEqual(3);
  expect(new Set(rows.map((row) => row.locale))).toEqual(new Set(["de"]));
  const english = await prisma.template.findFirstOrThrow({
    where: { kind: "not_progressing", locale: "en" },
    select: { id: true },
  });
  const refused = await act(application.id, { intent: "reject", reason: "skills", templateId: english.id });
  expect(refused.status).toBe(400);
  expect(refused.data.errors.templateId).toBe("Choose one of the rejection emails listed.");
});

test("bad input is refused with a clear message, the chosen template kept, and nothing rejected", async () => {
  const application = await setup({ name: "Ines Roth" });
  const chosen = await templateOf(application.id, "rejection_after_screen");

  const noReason = await act(application.id, { intent: "reject", reason: "", templateId: chosen.id });
  expect(noReason.status).toBe(400);
  expect(noReason.data.errors.reason).toBe("Choose a reason for the rejection.");
  expect(noReason.data.values.templateId).toBe(chosen.id);

  const unknown = await act(application.id, { intent: "reject", reason: "skills", templateId: "no-such-template" });
  expect(unknown.status).toBe(400);
  expect(unknown.data.errors.templateId).toBe("Choose one of the rejection emails listed.");
  expect(unknown.data.values.templateId).toBe("no-such-template");

  const none = await act(application.id, { intent: "reject", reason: "skills" });
  expect(none.data.errors.templateId).toBe("Choose the rejection email.");

  expect((await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("active");
  expect(await prisma.message.count({ where: { applicationId: application.id } })).toBe(0);
});

test("an interviewer can neither preview nor reject", async () => {
  const application = await setup({ name: "Kai Brandt" });
  const chosen = await templateOf(application.id, "rejection_after_screen");
  const interviewer = await signIn("interviewer");
  const answer = await run(
    applicationPage.action,
    postRequest(`/applications/${application.id}`, interviewer, { intent: "preview-rejection", templateId: chosen.id }),
    { applicationId: application.id },
  );
  expect([403, 404]).toContain(answer.status);
});

test("Undo in the banner cancels the queued rejection email and makes the application active again", async () => {
  const application = await setup({ name: "Lotte Krause" });
  const chosen = await templateOf(application.id, "not_progressing");
  await act(application.id, { intent: "reject", reason: "skills", templateId: chosen.id });

  const undone = await act(application.id, { intent: "reopen" });

  expect(undone.location).toBe(`/applications/${application.id}?done=reopened`);
  expect(
    (await prisma.message.findFirstOrThrow({ where: { applicationId: application.id }, select: { status: true } }))
      .status,
  ).toBe("cancelled");
  expect((await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("active");
  const page = await load(application.id);
  expect(page.data.rejection.sendNotice).toBeNull();
  expect(page.data.can.reopen).toBe(false);
});

test("a long timeline comes a page at a time, and the page is read in a handful of statements", async () => {
  const application = await setup({ name: "Mia Hoffmann" });
  for (let index = 0; index < 60; index += 1) await addNote(application.id, `Note ${index}`, recruiter.user);

  const { result: first, queries } = await recordQueries(() => load(application.id));
  expect(first.data.application.events).toHaveLength(50);
  expect(first.data.application.events[0]!.data).toEqual({ body: "Note 59" });
  expect(first.data.timeline).toEqual({ shown: 50, total: 61, next: 61 });
  // Session and user, the scope check, the page itself, the team, the rejection emails: no statement per relation.
  expect(queries.length).toBeLessThanOrEqual(6);

  const all = await load(application.id, "?timeline=100");
  expect(all.data.application.events).toHaveLength(61);
  expect(all.data.application.events.at(-1)!.type).toBe("applied");
  expect(all.data.timeline).toEqual({ shown: 61, total: 61, next: 61 });
});

test("the SLA panel names repeating clocks in words, never by their number", () => {
  const clock = (metric: PanelClock["metric"], instance: number): PanelClock => ({
    id: `${metric}-${instance}`,
    metric,
    instance,
    state: "running",
    startedAt: new Date("2027-01-11T09:00:00Z"),
    dueAt: new Date("2027-01-13T09:00:00Z"),
    warnAt: null,
    stoppedAt: null,
    breached: false,
    businessHours: true,
    targetMinutes: 960,
    remainingMinutes: null,
  });
  const html = renderToStaticMarkup(
    createElement(SlaClocksPanel, {
      clocks: [clock("next_response", 3), clock("next_response", 1), clock("periodic_update", 2)],
      now: new Date("2027-01-12T10:00:00Z"),
      timeZone: "UTC",
      candidateTimeZone: "UTC",
      hearBackBy: null,
    }),
  );
  const text = html.replace(/<[^>]+>/g, "");
  expect(text).toContain("Reply to candidate · their 3rd message");
  expect(text).toContain("Regular update · the 2nd update");
  expect(text).not.toMatch(/#\d/);
});
