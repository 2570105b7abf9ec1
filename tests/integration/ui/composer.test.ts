// Writing to a candidate from the application page: the composer previews with the application's real data, refuses
// lint errors with the text kept, sends now or at a humane time with the template version recorded, and the
// application page and the outbox show each email with cancel, send-again and undo-rejection.
import { beforeAll, expect, test } from "vitest";
import { TEMPLATE_KINDS } from "~/domain/templates/kinds";
import { decideApplication } from "~/models/decisions.server";
import { deliverDueMessages } from "~/models/outbox/delivery.server";
import { ensureTemplateLibrary, listTemplates } from "~/models/template.server";
import * as page from "~/routes/applications.$applicationId";
import * as composer from "~/routes/applications.$applicationId_.compose";
import * as outboxMessage from "~/routes/outbox.$messageId";
import * as outbox from "~/routes/outbox._index";
import * as templates from "~/routes/settings.templates._index";
import { prisma } from "~/platform/db.server";
import { localOutboxTransport, sentMail } from "~/platform/mail.server";
import { clockNow, pinClock } from "../../clock";
import { createTestApplication, createTestJob } from "../../factories";
import { getRequest, postRequest, run, signIn, type SignedIn } from "./helpers";

const NOW = pinClock();

type ComposerData = Awaited<ReturnType<typeof composer.loader>>;
type ComposerAnswer = ComposerData["state"];

beforeAll(async () => {
  await ensureTemplateLibrary();
});

async function setUp(locale: "en" | "de" = "en") {
  const recruiter = await signIn("recruiter", { name: "Priya Raman" });
  const job = await createTestJob({ title: "Support Engineer", recruiterId: recruiter.user.id });
  const application = await createTestApplication({
    jobId: job.id,
    candidate: { name: "Ana Silva", locale, timeZone: "Europe/Berlin" },
    appliedAt: new Date(NOW.getTime() - 3 * 24 * 60 * 60_000),
  });
  return { recruiter, job, application };
}

const composeUrl = (id: string, query = "") => `/applications/${id}/compose${query}`;

async function post(who: SignedIn, applicationId: string, fields: Record<string, string>) {
  return run<ComposerAnswer>(composer.action, postRequest(composeUrl(applicationId), who, fields), { applicationId });
}

test("the composer starts from a template in the candidate's language and previews with their real data", async () => {
  const { recruiter, application } = await setUp("de");
  const blank = await run<ComposerData>(composer.loader, getRequest(composeUrl(application.id), recruiter), {
    applicationId: application.id,
  });
  expect(blank.data.templates.length).toBe(TEMPLATE_KINDS.length); // every library kind in German, no English ones
  expect(blank.data.state.values.body).toContain("{{candidate.firstName}}");
  const rejection = blank.data.templates.find((template) => template.kind === "rejection_after_screen")!;
  const chosen = await run<ComposerData>(
    composer.loader,
    getRequest(composeUrl(application.id, `?template=${rejection.id}`), recruiter),
    { applicationId: application.id },
  );
  expect(chosen.data.state.extra).toMatchObject({ templateId: rejection.id, when: "humane" });
  expect(chosen.data.state.preview!.html).toContain("Ana");
  expect(chosen.data.state.preview!.text).toContain("Priya Raman");
  expect(chosen.data.state.preview!.text).toContain("/s/");
  expect(chosen.data.state.lint.score).toBe(100);
});

test("lint errors refuse the email with the text kept and nothing queued; Check never sends", async () => {
  const { recruiter, application } = await setUp();
  const fields = {
    intent: "send",
    subject: "Update",
    body: "Hi {{candidate.nickname}}, unfortunately no.",
    when: "now",
  };
  const refused = await post(recruiter, application.id, fields);
  expect(refused.status).toBe(400);
  expect(refused.data.errors!.body).toMatch(/candidate\.nickname/);
  expect(refused.data.values.body).toBe(fields.body);
  const checked = await post(recruiter, application.id, {
    ...fields,
    intent: "check",
    body: "Hi {{candidate.firstName}}",
  });
  expect(checked.status).toBe(200);
  expect(checked.data.preview!.text).toContain("Hi Ana");
  const noTime = await post(recruiter, application.id, { ...fields, body: "Hi {{candidate.firstName}}", when: "at" });
  expect(noTime.status).toBe(400);
  expect(noTime.data.errors!.sendAt).toBe("Enter when to send it.");
  expect(noTime.data.extra.when).toBe("at");
  expect(await prisma.message.count({ where: { applicationId: application.id } })).toBe(0);
});

test("an invitation with no interview planned shows an error for its empty fields and is refused when sent", async () => {
  const { recruiter, application } = await setUp();
  const template = (await listTemplates()).find((row) => row.kind === "interview_invite" && row.locale === "en")!;
  const chosen = await run<ComposerData>(
    composer.loader,
    getRequest(composeUrl(application.id, `?template=${template.id}`), recruiter),
    { applicationId: application.id },
  );
  expect(chosen.data.state.lint.score).toBe(0);
  expect(chosen.data.state.lint.findings).toContainEqual(
    expect.objectContaining({ rule: "empty_field", message: expect.stringContaining("{{interview.when}}") }),
  );
  const refused = await post(recruiter, application.id, {
    intent: "send",
    templateId: template.id,
    subject: template.subject,
    body: template.body,
    when: "now",
  });
  expect(refused.status).toBe(400);
  expect(refused.data.errors!.body).toMatch(/interview\.when/);
  expect(refused.data.values.body).toBe(template.body);
  expect(await prisma.message.count({ where: { applicationId: application.id } })).toBe(0);
});

test("sending from a template records its version; the email goes out from the recruiter and shows on the page", async () => {
  const { recruiter, application } = await setUp();
  const template = (await listTemplates()).find((row) => row.kind === "delay_update" && row.locale === "en")!;
  const sent = await post(recruiter, application.id, {
    intent: "send",
    templateId: template.id,
    subject: template.subject,
    body: template.body,
    when: "now",
    awaitsCandidate: "on",
  });
  expect(sent.status).toBe(302);
  expect(sent.location).toBe(`/applications/${application.id}?done=queued`);
  const message = await prisma.message.findFirstOrThrow({ where: { applicationId: application.id } });
  expect(message).toMatchObject({
    kind: "delay_update",
    templateId: template.id,
    templateVersion: template.version,
    awaitsCandidate: true,
    automated: false,
    createdById: recruiter.user.id,
  });
  const before = sentMail.length;
  await deliverDueMessages(localOutboxTransport(null));
  const mail = sentMail.slice(before).find((candidate) => candidate.id === message.id)!;
  expect(mail.from).toContain("Priya Raman at");
  expect(mail.raw).toContain(`Message-ID: ${message.headerMessageId}`);
  // The regular-update promise pauses while we wait for Ana's answer.
  const periodic = await prisma.slaClock.findMany({
    where: { applicationId: application.id, metric: "periodic_update" },
  });
  expect(periodic.some((clock) => clock.state === "paused")).toBe(true);

  const shown = await run<Awaited<ReturnType<typeof page.loader>>>(
    page.loader,
    getRequest(`/applications/${application.id}`, recruiter),
    { applicationId: application.id },
  );
  expect(shown.data.messages.map((row) => [row.status, row.templateVersion])).toEqual([["sent", template.version]]);
  const listed = await run<Awaited<ReturnType<typeof outbox.loader>>>(
    outbox.loader,
    getRequest("/outbox?show=sent", recruiter),
  );
  expect(listed.data.outbox.rows.map((row) => row.id)).toContain(message.id);
  const full = await run<Awaited<ReturnType<typeof outboxMessage.loader>>>(
    outboxMessage.loader,
    getRequest(`/outbox/${message.id}`, recruiter),
    { messageId: message.id },
  );
  expect(full.data.message.bodyHtml).toContain("Ana");
  const interviewer = await signIn("interviewer");
  expect((await run(outbox.loader, getRequest("/outbox", interviewer))).status).toBe(403);
});

test("a scheduled email can be cancelled from the page; a rejection can be undone until its email goes out", async () => {
  const { recruiter, application } = await setUp();
  const scheduled = await post(recruiter, application.id, {
    intent: "send",
    subject: "Next week",
    body: "Hi {{candidate.firstName}}, we will write again by {{nextUpdateBy}}.\n\n{{recruiter.name}}",
    when: "at",
    sendAt: "2031-05-06T10:00",
  });
  expect(scheduled.location).toBe(`/applications/${application.id}?done=scheduled`);
  const message = await prisma.message.findFirstOrThrow({ where: { applicationId: application.id } });
  const cancel = await run(
    page.action,
    postRequest(`/applications/${application.id}`, recruiter, { intent: "cancel-message", messageId: message.id }),
    { applicationId: application.id },
  );
  expect(cancel.location).toBe(`/applications/${application.id}?done=message-cancelled`);
  expect((await prisma.message.findUniqueOrThrow({ where: { id: message.id } })).status).toBe("cancelled");

  await decideApplication(
    application.id,
    { outcome: "rejected", reason: "Other candidates", notify: true },
    recruiter.user,
  );
  const shown = await run<Awaited<ReturnType<typeof page.loader>>>(
    page.loader,
    getRequest(`/applications/${application.id}`, recruiter),
    { applicationId: application.id },
  );
  expect(shown.data.can.reopen).toBe(true);
  const undo = await run(page.action, postRequest(`/applications/${application.id}`, recruiter, { intent: "reopen" }), {
    applicationId: application.id,
  });
  expect(undo.location).toBe(`/applications/${application.id}?done=reopened`);
  expect(await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
    status: "active",
    closedAt: null,
  });
  const rejection = await prisma.message.findFirstOrThrow({
    where: { applicationId: application.id, kind: "not_progressing" }, // rejected while still in Applied
  });
  expect(rejection.status).toBe("cancelled");
  const closure = await prisma.slaClock.findMany({ where: { applicationId: application.id, metric: "closure" } });
  expect(closure.every((clock) => clock.state === "cancelled")).toBe(true);

  // Once the rejection email has gone out, the rejection stands.
  await decideApplication(application.id, { outcome: "rejected", notify: true }, recruiter.user);
  await prisma.message.updateMany({
    where: { applicationId: application.id, status: "queued" },
    data: { status: "sent", sentAt: clockNow() },
  });
  const refused = await run<{ errors: Record<string, string> }>(
    page.action,
    postRequest(`/applications/${application.id}`, recruiter, { intent: "reopen" }),
    { applicationId: application.id },
  );
  expect(refused.status).toBe(409);
  expect(refused.data.errors.form).toMatch(/already been sent/);
});

test("admins set the company name and the minimum delay; bad input is refused and nothing saved", async () => {
  const admin = await signIn("admin");
  const bad = await run<{ errors: Record<string, string> }>(
    templates.action,
    postRequest("/settings/templates", admin, { companyName: " ", minimumDelayHours: "-3" }),
  );
  expect(bad.status).toBe(400);
  expect(Object.keys(bad.data.errors).sort()).toEqual(["companyName", "minimumDelayHours"]);
  const saved = await run(
    templates.action,
    postRequest("/settings/templates", admin, { companyName: "Acme Robotics", minimumDelayHours: "48" }),
  );
  expect(saved.location).toBe("/settings/templates?saved");
  const shown = await run<Awaited<ReturnType<typeof templates.loader>>>(
    templates.loader,
    getRequest("/settings/templates", admin),
  );
  expect(shown.data.settings).toEqual({ companyName: "Acme Robotics", minimumDelayHours: 48 });
});
