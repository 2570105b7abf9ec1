// Staff write the Markdown of candidate emails, and Markdown lets raw HTML through. Whichever way a message is written
// (the API, the composer, a saved template behind an automation), the HTML part stored in the outbox and handed to
// the mail transport keeps ordinary formatting only; the plain-text part is the text as written.
import { beforeAll, expect, test } from "vitest";
import { deliverDueMessages } from "~/models/outbox/delivery.server";
import { ensureTemplateLibrary, listTemplates, saveTemplate } from "~/models/template.server";
import * as messagesRoute from "~/routes/api.v1.applications.$applicationId.messages";
import * as composer from "~/routes/applications.$applicationId_.compose";
import { prisma } from "~/platform/db.server";
import { localOutboxTransport, sentMail } from "~/platform/mail.server";
import { pinClock } from "../../clock";
import { createTestApplication, createTestJob } from "../../factories";
import {
  expectNeutralised,
  expectOrdinaryFormatting,
  HOSTILE_MARKDOWN,
  ORDINARY_MARKDOWN,
} from "../../hostile-markdown";
import { apiRequest, caller, send } from "../api/helpers";
import { postRequest, run, signIn } from "../ui/helpers";

pinClock();

beforeAll(async () => {
  await ensureTemplateLibrary();
});

/** A friendly message around `markdown`, so the compassion lint lets it through. */
function messageAround(markdown: string): string {
  return [
    "Hi {{candidate.firstName}},",
    "thank you for your patience with us. Here is an update on your application for {{job.title}}.",
    markdown,
    "If you have any questions, just reply to this email.",
    "Best wishes,\n{{recruiter.name}}",
  ].join("\n\n");
}

async function application(notify = false) {
  const job = await createTestJob({ title: "Support Engineer" });
  return createTestApplication({ jobId: job.id, candidate: { locale: "en", timeZone: "Europe/Berlin" }, notify });
}

/** The stored outbox row and the mail the transport was handed, for the application's only message. */
async function storedAndSent(applicationId: string) {
  const message = await prisma.message.findFirstOrThrow({ where: { applicationId, direction: "outbound" } });
  await deliverDueMessages(localOutboxTransport(null));
  const mail = sentMail.find((sent) => sent.id === message.id);
  expect(mail, "the message was delivered").toBeDefined();
  return { stored: message, sent: mail! };
}

test("a message posted through the API keeps its formatting and loses its scripts, handlers and odd links", async () => {
  const admin = await caller("admin");
  const { id } = await application();
  const answer = await send(
    messagesRoute,
    apiRequest("POST", `/api/v1/applications/${id}/messages`, admin, {
      body: {
        direction: "outbound",
        subject: "An update on your application",
        body: messageAround(`${ORDINARY_MARKDOWN}\n\n${HOSTILE_MARKDOWN}`),
      },
    }),
    { applicationId: id },
  );
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  const { stored, sent } = await storedAndSent(id);
  for (const html of [stored.bodyHtml!, sent.html!]) {
    expectNeutralised(html);
    expectOrdinaryFormatting(html);
  }
  expect(sent.text).toContain("<script>alert('script')</script>");
  expect(sent.text).toBe(stored.bodyText);
});

test("a message sent from the composer is neutralised the same way", async () => {
  const recruiter = await signIn("recruiter", { name: "Priya Raman" });
  const { id } = await application();
  const sent = await run(
    composer.action,
    postRequest(`/applications/${id}/compose`, recruiter, {
      intent: "send",
      subject: "An update on your application",
      body: messageAround(HOSTILE_MARKDOWN),
      when: "now",
    }),
    { applicationId: id },
  );
  expect(sent.status, JSON.stringify(sent.data)).toBe(302);
  const { stored, sent: mail } = await storedAndSent(id);
  expectNeutralised(stored.bodyHtml!);
  expectNeutralised(mail.html!);
  expect(mail.text).toContain('<img src="x" onerror="alert(\'img\')">');
});

test("a saved template's Markdown is neutralised in the emails automations send from it", async () => {
  const template = (await listTemplates()).find(
    (row) => row.kind === "application_received" && row.locale === "en" && row.name === "Standard",
  )!;
  await saveTemplate(
    template.id,
    {
      subject: template.subject,
      body: template.body.replace("{{recruiter.name}}", `${HOSTILE_MARKDOWN}\n\n{{recruiter.name}}`),
    },
    null,
  );
  const { id } = await application(true);
  const { stored, sent } = await storedAndSent(id);
  expect(stored.kind).toBe("application_received");
  expectNeutralised(stored.bodyHtml!);
  expectNeutralised(sent.html!);
  expect(sent.html).toContain("styled paragraph");
  expect(sent.text).toContain("<iframe");
});
