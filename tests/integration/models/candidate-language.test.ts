// Every word Hearback adds to a candidate's email around the template is in the candidate's language: the team that
// signs when the job names nobody, and the sender's name in From.
import { beforeAll, expect, test } from "vitest";
import { saveMailSettings } from "~/models/outbox/mail-settings.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import { pinClock } from "../../clock";
import { createTestApplication, createTestJob, createTestUser } from "../../factories";

pinClock();

beforeAll(async () => {
  await ensureTemplateLibrary();
  await saveMailSettings({ companyName: "Lindenwerk", minimumDelayHours: 24 }, null);
});

/** The acknowledgement a new applicant in `locale` gets for `job`. */
async function acknowledgement(jobId: string, locale: "en" | "de") {
  const application = await createTestApplication({ jobId, candidate: { locale }, notify: true });
  return prisma.message.findFirstOrThrow({
    where: { applicationId: application.id, kind: "application_received" },
    select: { bodyText: true, bodyHtml: true, fromAddress: true },
  });
}

test("a German candidate's email for a job without a recruiter is signed by the team in German", async () => {
  const job = await createTestJob({ title: "Werkstudent Logistik" });
  const german = await acknowledgement(job.id, "de");
  expect(german.bodyText).toContain("\nIhr Recruiting-Team von Lindenwerk\n");
  expect(german.bodyHtml).toContain("Ihr Recruiting-Team von Lindenwerk");
  expect(`${german.bodyText}${german.bodyHtml}`).not.toMatch(/hiring team/i);
  expect(german.fromAddress).toMatch(/^"Lindenwerk" </);

  const english = await acknowledgement(job.id, "en");
  expect(english.bodyText).toContain("\nThe Lindenwerk hiring team\n");
});

test("the named sender in From reads in the candidate's language", async () => {
  const recruiter = await createTestUser({ role: "recruiter", name: "Priya Raman" });
  const job = await createTestJob({ title: "Support Engineer", recruiterId: recruiter.id });
  expect((await acknowledgement(job.id, "de")).fromAddress).toMatch(/^"Priya Raman bei Lindenwerk" </);
  expect((await acknowledgement(job.id, "en")).fromAddress).toMatch(/^"Priya Raman at Lindenwerk" </);
});
