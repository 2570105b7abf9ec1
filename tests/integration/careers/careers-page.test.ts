// The public careers page end to end through its routes, with real requests and the real database: publishing a job
// from its form (slug from the title, unique, stable), the list showing only published open jobs, an application
// with its CV (application in the first stage, file, note, acknowledgement queued, the confirmation's promised date),
// applying twice (no second application, the status link emailed again), refusals that keep what was typed (a fake
// PDF, an oversize file, the hidden field, a too-quick or forged form), the CV download for staff who may see the
// application and nobody else, and erasure removing the file.
import { beforeAll, expect, test } from "vitest";
import { jobFormValues, type JobFormValues } from "~/domain/job-form";
import { MAX_CV_BYTES } from "~/domain/careers/file-type";
import { eraseCandidate } from "~/models/erasure.server";
import { createJob } from "~/models/job.server";
import { createPolicy } from "~/models/sla/policies.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import * as applicationPage from "~/routes/applications.$applicationId";
import * as download from "~/routes/applications.$applicationId_.files.$fileId";
import * as careersJob from "~/routes/careers.$slug";
import * as careersList from "~/routes/careers._index";
import * as editJob from "~/routes/jobs.$jobId.edit";
import * as careersSettings from "~/routes/settings.careers";
import { formStamp } from "~/web/careers-form.server";
import { clockNow, minutesFrom, pinClock } from "../../clock";
import { createTestUser, uniqueEmail } from "../../factories";
import { getRequest, ORIGIN, postRequest, run, signIn } from "../ui/helpers";

const NOW = pinClock();
const DEPARTMENT = "Careers page tests";
const UPDATE_MINUTES = 5 * 24 * 60;
const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

beforeAll(async () => {
  await ensureTemplateLibrary();
  // Calendar time, so the promised date is exactly five days after applying whatever day the suite runs.
  await createPolicy(
    {
      name: "Careers page: calendar-time updates",
      position: 1,
      match: { departments: [DEPARTMENT] },
      countAutomatedReplies: false,
      targets: [{ metric: "periodic_update", minutes: UPDATE_MINUTES, businessHours: false }],
    },
    null,
  );
});

let address = 0;
/** Each request from its own address, so the per-address limits never trip across tests. */
function visitor(): string {
  address += 1;
  return `198.51.100.${address % 250}`;
}

function jobFields(values: JobFormValues): string[][] {
  const fields = [
    ["intent", "save"],
    ["title", values.title],
    ["department", values.department],
    ["location", values.location],
    ["status", values.status],
    ["hiringManagerId", values.hiringManagerId],
    ["recruiterId", values.recruiterId],
    ["scheduleId", values.scheduleId],
    ["description", values.description],
    ...(values.published ? [["published", "on"]] : []),
  ];
  values.stages.forEach((stage, index) => {
    fields.push(
      [`stages.${index}.id`, stage.id],
      [`stages.${index}.name`, stage.name],
      [`stages.${index}.kind`, stage.kind],
      [`stages.${index}.decisionAmount`, stage.decisionAmount],
      [`stages.${index}.decisionUnit`, stage.decisionUnit],
      [`stages.${index}.entryTemplateKind`, stage.entryTemplateKind],
    );
  });
  return fields;
}

let jobCounter = 0;
/** An open job published on the careers page; its slug. */
async function publishedJob(title = `Careers Tester ${(jobCounter += 1)}`) {
  const recruiter = await createTestUser({
    role: "recruiter",
    name: "Priya Raman",
    email: uniqueEmail("careers.recruiter@example.com"),
  });
  const job = await createJob(
    {
      title,
      department: DEPARTMENT,
      status: "open",
      hiringManagerId: null,
      recruiterId: recruiter.id,
      scheduleId: null,
      published: true,
      description: "You will answer customers.\n\nYou like people.",
    },
    null,
  );
  return { ...job, slug: job.slug! };
}

type Fields = Record<string, string>;

function applicationFields(overrides: Fields = {}): Fields {
  return {
    formStamp: formStamp(minutesFrom(NOW, -2)),
    website: "",
    name: "Jana Müller",
    email: `jana.${(address += 1)}@example.com`,
    phone: "+49 30 1234567",
    link: "https://www.linkedin.com/in/jana-mueller",
    locale: "de",
    timeZone: "Europe/Berlin",
    message: "Ich freue mich auf Ihre Antwort.",
    ...overrides,
  };
}

function applyRequest(slug: string, fields: Fields, file: { name: string; bytes: Uint8Array } | null, lang = "en") {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append("cv", new Blob(file ? [Uint8Array.from(file.bytes)] : []), file?.name ?? "");
  return new Request(`${ORIGIN}/careers/${slug}?lang=${lang}`, {
    method: "POST",
    headers: { Origin: ORIGIN, "X-Hearback-Client-Ip": visitor() },
    body,
  });
}

function pageRequest(path: string, headers: Fields = {}) {
  return new Request(`${ORIGIN}${path}`, { headers: { "X-Hearback-Client-Ip": visitor(), ...headers } });
}

type ActionData = { values: Fields; errors: Fields; fileLost: boolean };

async function apply(
  slug: string,
  fields: Fields,
  file: { name: string; bytes: Uint8Array } | null = { name: "Jana CV.pdf", bytes: PDF },
) {
  return run<ActionData>(careersJob.action, applyRequest(slug, fields, file), { slug });
}

async function applicationsOf(email: string) {
  return prisma.application.findMany({
    where: { candidate: { emailKey: email.toLowerCase() } },
    select: {
      id: true,
      source: true,
      stage: { select: { position: true } },
      files: { select: { id: true, fileName: true, contentType: true, size: true } },
      messages: { select: { kind: true, status: true, subject: true, bodyText: true } },
      events: { select: { type: true, visibility: true, data: true } },
      candidateId: true,
    },
  });
}

test("publishing from the job form gives a slug from the title, unique, and stable through renames", async () => {
  const admin = await signIn("admin");
  const make = () =>
    createJob(
      { title: "Barista (m/w/d)", status: "open", hiringManagerId: null, recruiterId: null, scheduleId: null },
      admin.user.id,
    );
  const [first, second] = [await make(), await make()];
  expect(first.slug).toBeNull();
  expect(first.publishedAt).toBeNull();

  const publish = async (job: typeof first, changes: Partial<JobFormValues>) => {
    const values = { ...jobFormValues(job), ...changes };
    const saved = await run(editJob.action, postRequest(`/jobs/${job.id}/edit`, admin, jobFields(values)), {
      jobId: job.id,
    });
    expect(saved.status).toBe(302);
    return prisma.job.findUniqueOrThrow({
      where: { id: job.id },
      select: { slug: true, publishedAt: true, description: true, title: true, status: true },
    });
  };

  const published = await publish(first, { published: true, description: "Coffee, done well." });
  expect(published.slug).toMatch(/^barista-m-w-d(-\d+)?$/);
  expect(published.publishedAt).not.toBeNull();
  expect(published.description).toBe("Coffee, done well.");

  const twin = await publish(second, { published: true });
  expect(twin.slug).not.toBe(published.slug);
  expect(twin.slug).toMatch(/^barista-m-w-d-\d+$/);

  // Renamed, unpublished and published again: the same address.
  const renamed = await publish(first, { title: "Head Barista", published: true, description: "Coffee, done well." });
  expect(renamed.slug).toBe(published.slug);
  const unpublished = await publish(first, { title: "Head Barista", published: false });
  expect(unpublished).toMatchObject({ slug: published.slug, publishedAt: null, description: null });
  const again = await publish(first, { title: "Head Barista", published: true });
  expect(again.slug).toBe(published.slug);

  const audit = await prisma.auditLog.findMany({
    where: { entityType: "Job", entityId: first.id, action: { in: ["job.published", "job.unpublished"] } },
    select: { action: true },
    orderBy: { createdAt: "asc" },
  });
  expect(audit.map((entry) => entry.action)).toEqual(["job.published", "job.unpublished", "job.published"]);

  // The edit page shows the address.
  const page = await run<{ careersUrl: string }>(editJob.loader, getRequest(`/jobs/${first.id}/edit`, admin), {
    jobId: first.id,
  });
  expect(page.data.careersUrl).toMatch(new RegExp(`/careers/${published.slug}$`));
});

test("the careers page lists only jobs that are published and open, in the page's language", async () => {
  const listed = await publishedJob("Listed Careers Role");
  const closed = await publishedJob("Closed Careers Role");
  await prisma.job.update({ where: { id: closed.id }, data: { status: "closed" } });
  const onHold = await publishedJob("On Hold Careers Role");
  await prisma.job.update({ where: { id: onHold.id }, data: { status: "on_hold" } });
  await createJob(
    { title: "Unpublished Careers Role", status: "open", hiringManagerId: null, recruiterId: null, scheduleId: null },
    null,
  );

  const page = await run<{ locale: string; openings: { title: string; slug: string }[] }>(
    careersList.loader,
    pageRequest("/careers", { "Accept-Language": "de-CH,de;q=0.9,en;q=0.5" }),
  );
  expect(page.status).toBe(200);
  expect(page.data.locale).toBe("de");
  const titles = page.data.openings.map((opening) => opening.title);
  expect(titles).toContain("Listed Careers Role");
  expect(titles).not.toContain("Closed Careers Role");
  expect(titles).not.toContain("On Hold Careers Role");
  expect(titles).not.toContain("Unpublished Careers Role");

  const english = await run<{ locale: string }>(
    careersList.loader,
    pageRequest("/careers?lang=en", { "Accept-Language": "de" }),
  );
  expect(english.data.locale).toBe("en");

  // A closed job's own page is a 404 in the page's language; an open one shows its description as paragraphs.
  const gone = await run<{ page: string }>(careersJob.loader, pageRequest(`/careers/${closed.slug}?lang=de`), {
    slug: closed.slug,
  });
  expect(gone.status).toBe(404);
  expect(gone.data.page).toBe("closed");
  const open = await run<{ page: string; description: string[]; job: { title: string } }>(
    careersJob.loader,
    pageRequest(`/careers/${listed.slug}`),
    { slug: listed.slug },
  );
  expect(open.data).toMatchObject({
    page: "form",
    job: { title: "Listed Careers Role" },
    description: ["You will answer customers.", "You like people."],
  });
});

test("an application creates the candidate's application with the CV, a note and the queued acknowledgement", async () => {
  const job = await publishedJob();
  const fields = applicationFields();
  const sent = await apply(job.slug, fields);
  expect(sent.status).toBe(302);
  expect(sent.location).toMatch(new RegExp(`^/careers/${job.slug}\\?lang=en&done=`));

  const [application] = await applicationsOf(fields.email!);
  expect(application).toBeDefined();
  expect(application!.source).toBe("Careers page");
  expect(application!.stage.position).toBe(0);
  expect(application!.files).toEqual([
    { id: expect.any(String), fileName: "Jana CV.pdf", contentType: "application/pdf", size: PDF.byteLength },
  ]);
  const acknowledgement = application!.messages.find((message) => message.kind === "application_received");
  expect(acknowledgement?.status).toBe("queued");
  // German, as chosen, with the status link.
  expect(acknowledgement?.subject).toContain("Ihre Bewerbung");
  expect(acknowledgement?.bodyText).toMatch(/\/s\/[A-Za-z0-9_-]{32}/);
  const note = application!.events.find((event) => event.type === "note");
  expect(note?.visibility).toBe("internal");
  expect((note?.data as { body: string }).body).toBe(
    "Message from the careers page:\n\nIch freue mich auf Ihre Antwort.\n\nLink: https://www.linkedin.com/in/jana-mueller",
  );
  const candidate = await prisma.candidate.findUniqueOrThrow({
    where: { id: application!.candidateId },
    select: { name: true, phone: true, locale: true, timeZone: true },
  });
  expect(candidate).toEqual({ name: "Jana Müller", phone: "+49 30 1234567", locale: "de", timeZone: "Europe/Berlin" });

  // The confirmation: the status page's promise, in the page's language and the candidate's time zone.
  const confirmation = await run<{ page: string; outcome: string; lines: string[] }>(
    careersJob.loader,
    pageRequest(sent.location!),
    { slug: job.slug },
  );
  const due = new Date(NOW.getTime() + UPDATE_MINUTES * 60_000);
  const dueText = new Intl.DateTimeFormat("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "Europe/Berlin",
  }).format(due);
  expect(confirmation.data.page).toBe("confirmation");
  expect(confirmation.data.outcome).toBe("applied");
  expect(confirmation.data.lines[0]).toContain(`You will hear from us by ${dueText}`);

  // A forged confirmation shows the form, not somebody's promise.
  const forged = sent.location!.replace(/done=[^&]+/, `done=applied~${application!.id}~${NOW.getTime()}.AAAA`);
  const shown = await run<{ page: string }>(careersJob.loader, pageRequest(forged), { slug: job.slug });
  expect(shown.data.page).toBe("form");
});

test("applying again while the application is active creates none and emails the status link again, once", async () => {
  const job = await publishedJob();
  const fields = applicationFields({ locale: "en" });
  expect((await apply(job.slug, fields)).status).toBe(302);
  const again = await apply(job.slug, { ...fields, email: fields.email!.toUpperCase(), name: "Jana M." });
  expect(again.status).toBe(302);
  const applications = await applicationsOf(fields.email!);
  expect(applications).toHaveLength(1);
  const resent = applications[0]!.messages.filter((message) => message.kind === "custom");
  expect(resent).toHaveLength(1);
  expect(resent[0]!.status).toBe("queued");
  expect(resent[0]!.subject).toBe(`Your status page for ${job.title}`);
  expect(resent[0]!.bodyText).toMatch(/\/s\/[A-Za-z0-9_-]{32}/);
  expect(applications[0]!.files).toHaveLength(1);

  const confirmation = await run<{ page: string; outcome: string }>(careersJob.loader, pageRequest(again.location!), {
    slug: job.slug,
  });
  expect(confirmation.data).toMatchObject({ page: "confirmation", outcome: "already_applied" });

  // A third time within minutes: the same kind answer, no more email (nobody can flood an inbox through the form).
  expect((await apply(job.slug, fields)).status).toBe(302);
  const after = await applicationsOf(fields.email!);
  expect(after[0]!.messages.filter((message) => message.kind === "custom")).toHaveLength(1);
});

test("a file that is not what it claims, or too large, is refused with everything typed kept", async () => {
  const job = await publishedJob();
  const fields = applicationFields();
  const fake = await apply(job.slug, fields, { name: "cv.pdf", bytes: new TextEncoder().encode("MZ not a pdf") });
  expect(fake.status).toBe(400);
  expect(fake.data.errors.cv).toMatch(/not a PDF, DOCX or ODT/);
  expect(fake.data.fileLost).toBe(true);
  const { formStamp: _stamp, website: _trap, ...typed } = fields;
  expect(fake.data.values).toEqual(typed);

  const big = new Uint8Array(MAX_CV_BYTES + 1);
  big.set(PDF);
  const oversize = await apply(job.slug, fields, { name: "huge.pdf", bytes: big });
  expect(oversize.status).toBe(400);
  expect(oversize.data.errors.cv).toMatch(/larger than 10 MB/);
  expect(oversize.data.values).toEqual(typed);

  const missing = await apply(job.slug, fields, null);
  expect(missing.status).toBe(400);
  expect(missing.data.errors.cv).toMatch(/Choose your CV/);

  // A body declared over the limit is not read at all.
  const declared = applyRequest(job.slug, fields, { name: "cv.pdf", bytes: PDF });
  const headers = new Headers(declared.headers);
  headers.set("Content-Length", String(12 * 1024 * 1024));
  const tooBig = await run<ActionData>(
    careersJob.action,
    new Request(declared.url, { method: "POST", headers, body: new Uint8Array(16), duplex: "half" } as RequestInit),
    { slug: job.slug },
  );
  expect(tooBig.status).toBe(413);
  expect(tooBig.data.errors.form).toMatch(/at most 10 MB/);

  expect(await applicationsOf(fields.email!)).toEqual([]);
});

test("the hidden field, a too-quick form and a forged stamp are refused kindly, keeping what was typed", async () => {
  const job = await publishedJob();
  const fields = applicationFields();
  const trapped = await apply(job.slug, { ...fields, website: "https://spam.example" });
  expect(trapped.status).toBe(400);
  expect(trapped.data.errors.form).toMatch(/could not accept this form/);

  const quick = await apply(job.slug, { ...fields, formStamp: formStamp(clockNow()) });
  expect(quick.status).toBe(400);
  expect(quick.data.errors.form).toMatch(/very quick/);
  expect(quick.data.values.name).toBe("Jana Müller");
  expect(quick.data.values.message).toBe("Ich freue mich auf Ihre Antwort.");

  const forged = await apply(job.slug, { ...fields, formStamp: `${NOW.getTime() - 600_000}.c2lnbmF0dXJl` });
  expect(forged.status).toBe(400);
  expect(forged.data.errors.form).toMatch(/open for a long time/);

  const stale = await apply(job.slug, { ...fields, formStamp: formStamp(minutesFrom(NOW, -25 * 60)) });
  expect(stale.status).toBe(400);

  expect(await applicationsOf(fields.email!)).toEqual([]);
});

test("staff who may see the application download the CV; others get a 404; erasure removes the file", async () => {
  const job = await publishedJob();
  const fields = applicationFields();
  expect((await apply(job.slug, fields, { name: "Jana Müller CV.pdf", bytes: PDF })).status).toBe(302);
  const [application] = await applicationsOf(fields.email!);
  const file = application!.files[0]!;
  const params = { applicationId: application!.id, fileId: file.id };
  const path = `/applications/${application!.id}/files/${file.id}`;

  const recruiter = await signIn("recruiter");
  const staffPage = await run<{ files: { id: string; fileName: string }[] }>(
    applicationPage.loader,
    getRequest(`/applications/${application!.id}`, recruiter),
    { applicationId: application!.id },
  );
  expect(staffPage.data.files.map((listed) => listed.fileName)).toEqual(["Jana Müller CV.pdf"]);

  const response = await download.loader({ request: getRequest(path, recruiter), params, context: {} });
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/pdf");
  expect(response.headers.get("Content-Disposition")).toBe(
    `attachment; filename="Jana Muller CV.pdf"; filename*=UTF-8''Jana%20M%C3%BCller%20CV.pdf`,
  );
  expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);

  // An interviewer not on this application, and a hiring manager of another job, cannot.
  for (const role of ["interviewer", "hiring_manager"] as const) {
    const outsider = await signIn(role);
    const refused = await run(download.loader, getRequest(path, outsider), params);
    expect(refused.status).toBe(404);
  }
  const anonymous = await run(download.loader, getRequest(path), params);
  expect(anonymous.status).toBe(302);
  expect(anonymous.location).toMatch(/^\/login/);

  const admin = await signIn("admin");
  await eraseCandidate(application!.candidateId, admin.user);
  expect(await prisma.applicationFile.count({ where: { applicationId: application!.id } })).toBe(0);
  const note = await prisma.event.findFirstOrThrow({
    where: { applicationId: application!.id, type: "note" },
    select: { data: true },
  });
  expect(JSON.stringify(note.data)).not.toContain("linkedin");
  const afterErasure = await run(download.loader, getRequest(path, admin), params);
  expect(afterErasure.status).toBe(404);
});

test("the careers settings page saves the company name with the email settings and the how-we-hire text", async () => {
  const admin = await signIn("admin");
  const saved = await run(
    careersSettings.action,
    postRequest("/settings/careers", admin, {
      companyName: "Lindenwerk Careers",
      howWeHire: "We read everything.\n\nWe answer everyone.",
    }),
  );
  expect(saved.status).toBe(302);
  const mail = await prisma.setting.findUniqueOrThrow({ where: { key: "mail" }, select: { value: true } });
  expect(mail.value).toMatchObject({ companyName: "Lindenwerk Careers" });
  const list = await run<{ company: string; howWeHire: string[] }>(careersList.loader, pageRequest("/careers"));
  expect(list.data).toMatchObject({
    company: "Lindenwerk Careers",
    howWeHire: ["We read everything.", "We answer everyone."],
  });
  expect(await prisma.auditLog.count({ where: { action: "settings.careers_updated", actorId: admin.user.id } })).toBe(
    1,
  );

  const invalid = await run<{ errors: Fields }>(
    careersSettings.action,
    postRequest("/settings/careers", admin, { companyName: "", howWeHire: "" }),
  );
  expect(invalid.status).toBe(400);
  expect(invalid.data.errors.companyName).toBe("Company name is required.");

  const recruiter = await signIn("recruiter");
  const refused = await run(careersSettings.loader, getRequest("/settings/careers", recruiter));
  expect(refused.status).toBe(403);
});
