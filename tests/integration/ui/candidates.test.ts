// Adding a candidate to a job from the page form: validation, duplicates and permissions.
import { expect, test } from "vitest";
import { createJob } from "~/models/job.server";
import * as addCandidate from "~/routes/jobs.$jobId.candidates.new";
import { prisma } from "~/platform/db.server";
import { getRequest, postRequest, run, signIn } from "./helpers";

const noPeople = { hiringManagerId: null, recruiterId: null, scheduleId: null };
type Answer = { errors: Record<string, string>; values: Record<string, string> };

const valid = {
  name: "Mara Lopez",
  email: "Mara.Lopez@example.com",
  timeZone: "America/Mexico_City",
  locale: "de",
  phone: "+52 55 1234 5678",
  source: "Referral",
};

test("the form offers IANA time zones grouped by region, UTC among the others", async () => {
  const recruiter = await signIn("recruiter");
  const job = await createJob({ title: "Zones", status: "open", ...noPeople }, recruiter.user.id);
  const page = await run<Awaited<ReturnType<typeof addCandidate.loader>>>(
    addCandidate.loader,
    getRequest(`/jobs/${job.id}/candidates/new`, recruiter),
    { jobId: job.id },
  );
  const zones = page.data.timeZones.regions.flatMap((region) => region.choices.map((choice) => choice.value));
  expect(zones).toContain("UTC");
  expect(zones).toContain("Europe/Berlin");
});

test("invalid candidate details answer 400 with field messages, keep the input and write nothing", async () => {
  const recruiter = await signIn("recruiter");
  const job = await createJob({ title: "Validation", status: "open", ...noPeople }, recruiter.user.id);
  const before = { candidates: await prisma.candidate.count(), applications: await prisma.application.count() };

  const result = await run<Answer>(
    addCandidate.action,
    postRequest(`/jobs/${job.id}/candidates/new`, recruiter, {
      ...valid,
      name: "",
      email: "not-an-email",
      timeZone: "Mars/Olympus_Mons",
      locale: "fr",
    }),
    { jobId: job.id },
  );

  expect(result.status).toBe(400);
  expect(result.data.errors).toEqual({
    name: "Name is required.",
    email: "Enter a valid email address, like name@example.com.",
    timeZone: "Choose a time zone from the IANA list, like Europe/Berlin.",
    locale: "Language must be en or de.",
  });
  expect(result.data.values).toMatchObject({ email: "not-an-email", phone: valid.phone });
  expect({ candidates: await prisma.candidate.count(), applications: await prisma.application.count() }).toEqual(
    before,
  );
});

test("a valid candidate lands in the first stage and the page opens their application", async () => {
  const recruiter = await signIn("recruiter");
  const job = await createJob({ title: "Welcome", status: "open", ...noPeople }, recruiter.user.id);

  const result = await run(addCandidate.action, postRequest(`/jobs/${job.id}/candidates/new`, recruiter, valid), {
    jobId: job.id,
  });

  expect(result.status).toBe(302);
  const applicationId = result.location!.replace("/applications/", "");
  const stored = await prisma.application.findUniqueOrThrow({
    where: { id: applicationId },
    include: { candidate: true },
  });
  expect(stored).toMatchObject({ jobId: job.id, stageId: job.stages[0]!.id, source: "Referral", status: "active" });
  expect(stored.candidate).toMatchObject({
    name: "Mara Lopez",
    emailKey: "mara.lopez@example.com",
    timeZone: "America/Mexico_City",
    locale: "de",
    phone: "+52 55 1234 5678",
  });
});

test("the same person twice on one job is a 409 with the message on the email field", async () => {
  const recruiter = await signIn("recruiter");
  const job = await createJob({ title: "Twice", status: "open", ...noPeople }, recruiter.user.id);
  const path = `/jobs/${job.id}/candidates/new`;
  await run(addCandidate.action, postRequest(path, recruiter, { ...valid, email: "twice@example.com" }), {
    jobId: job.id,
  });
  const applicationsBefore = await prisma.application.count();

  const again = await run<Answer>(
    addCandidate.action,
    postRequest(path, recruiter, { ...valid, email: "TWICE@example.com" }),
    { jobId: job.id },
  );

  expect(again.status).toBe(409);
  expect(again.data.errors.email).toBe("This candidate already has an active application for this job.");
  expect(again.data.values.email).toBe("TWICE@example.com");
  expect(await prisma.application.count()).toBe(applicationsBefore);
});

test("only people who may add candidates reach the form, and only for jobs they can see", async () => {
  const admin = await signIn("admin");
  const manager = await signIn("hiring_manager");
  const job = await createJob(
    { title: "Guarded", status: "open", ...noPeople, hiringManagerId: manager.user.id },
    admin.user.id,
  );
  const path = `/jobs/${job.id}/candidates/new`;
  expect((await run(addCandidate.loader, getRequest(path, manager), { jobId: job.id })).status).toBe(403);
  expect((await run(addCandidate.action, postRequest(path, manager, valid), { jobId: job.id })).status).toBe(403);
  expect(
    (await run(addCandidate.loader, getRequest("/jobs/missing/candidates/new", admin), { jobId: "missing" })).status,
  ).toBe(404);
});
