// The candidate's time zone when staff add them: guessed from the phone number's country code when left to it.
import { expect, test } from "vitest";
import { createJob } from "~/models/job.server";
import * as addCandidate from "~/routes/jobs.$jobId.candidates.new";
import { prisma } from "~/platform/db.server";
import { getRequest, postRequest, run, signIn } from "./helpers";

const noPeople = { hiringManagerId: null, recruiterId: null, scheduleId: null };
type Answer = { errors: Record<string, string>; values: Record<string, string>; likely?: string[] };

const fields = (email: string, phone: string, timeZone = "") => ({
  name: "Jonas Weber",
  email,
  timeZone,
  locale: "de",
  phone,
  source: "",
});

async function zoneOf(location: string | null) {
  const stored = await prisma.application.findUniqueOrThrow({
    where: { id: location!.replace("/applications/", "") },
    select: { candidate: { select: { timeZone: true } } },
  });
  return stored.candidate.timeZone;
}

test("a candidate added with a +49 phone and the zone left to the guess is stored in Europe/Berlin", async () => {
  const recruiter = await signIn("recruiter");
  const job = await createJob({ title: "Guess Berlin", status: "open", ...noPeople }, recruiter.user.id);
  const result = await run(
    addCandidate.action,
    postRequest(`/jobs/${job.id}/candidates/new`, recruiter, fields("jonas.weber@example.com", "+49 30 1234567")),
    { jobId: job.id },
  );
  expect(result.status).toBe(302);
  expect(await zoneOf(result.location)).toBe("Europe/Berlin");
});

test("a zone staff chose wins over the phone number's country", async () => {
  const recruiter = await signIn("recruiter");
  const job = await createJob({ title: "Chosen", status: "open", ...noPeople }, recruiter.user.id);
  const result = await run(
    addCandidate.action,
    postRequest(
      `/jobs/${job.id}/candidates/new`,
      recruiter,
      fields("jonas.lisbon@example.com", "+49 30 1234567", "Europe/Lisbon"),
    ),
    { jobId: job.id },
  );
  expect(result.status).toBe(302);
  expect(await zoneOf(result.location)).toBe("Europe/Lisbon");
});

test("without a country code the candidate stays in UTC", async () => {
  const recruiter = await signIn("recruiter");
  const job = await createJob({ title: "No code", status: "open", ...noPeople }, recruiter.user.id);
  const result = await run(
    addCandidate.action,
    postRequest(`/jobs/${job.id}/candidates/new`, recruiter, fields("jonas.local@example.com", "030 1234567")),
    { jobId: job.id },
  );
  expect(result.status).toBe(302);
  expect(await zoneOf(result.location)).toBe("UTC");
});

test("a country with several zones asks staff to choose, offering its likely zones, and saves nothing", async () => {
  const recruiter = await signIn("recruiter");
  const job = await createJob({ title: "Ask", status: "open", ...noPeople }, recruiter.user.id);
  const before = await prisma.candidate.count();
  const result = await run<Answer>(
    addCandidate.action,
    postRequest(`/jobs/${job.id}/candidates/new`, recruiter, fields("jonas.sydney@example.com", "+61 2 9374 4000")),
    { jobId: job.id },
  );
  expect(result.status).toBe(400);
  expect(result.data.errors).toEqual({
    timeZone: "The phone number's country code +61 spans several time zones. Choose the candidate's time zone.",
  });
  expect(result.data.likely?.slice(0, 2)).toEqual(["Australia/Sydney", "Australia/Brisbane"]);
  expect(result.data.values).toMatchObject({ email: "jonas.sydney@example.com", phone: "+61 2 9374 4000" });
  expect(await prisma.candidate.count()).toBe(before);
});

test("the page lists the zones labelled with their country and offset", async () => {
  const recruiter = await signIn("recruiter");
  const job = await createJob({ title: "Labels", status: "open", ...noPeople }, recruiter.user.id);
  const page = await run<Awaited<ReturnType<typeof addCandidate.loader>>>(
    addCandidate.loader,
    getRequest(`/jobs/${job.id}/candidates/new`, recruiter),
    { jobId: job.id },
  );
  const europe = page.data.timeZones.regions.find((region) => region.label === "Europe")!;
  expect(europe.choices.find((choice) => choice.value === "Europe/Berlin")?.label).toMatch(
    /^Berlin, Germany \(UTC\+0[12]:00\)$/,
  );
});
