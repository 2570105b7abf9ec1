// The public kept-promise record through its routes and models, on a workspace with known answers: the public
// figures are the dashboard's for the same 90 days, a figure from fewer than 20 cases has no rate, nothing about a
// candidate reaches the page, the JSON or the badge, nothing is public before publishing, and unpublishing (or a
// change of the promises shown) takes the page, the JSON and the badge down at once, the hour-long cache included.
import { beforeAll, expect, test } from "vitest";
import { recordWindow } from "~/domain/public-promise/record";
import { PROMISE_TEXTS } from "~/domain/public-promise/texts";
import { recordMessage } from "~/models/application.server";
import { decideApplication } from "~/models/decisions.server";
import { loadMetricsReport } from "~/models/metrics/report.server";
import { computePublicPromiseRecord, publishedPromiseRecord, savePublicPromise } from "~/models/public-promise.server";
import type { Actor } from "~/models/scope.server";
import { recordStatusView } from "~/models/status-page.server";
import { prisma } from "~/platform/db.server";
import * as publicJson from "~/routes/api.public.promise";
import * as adminApi from "~/routes/api.v1.public-promise";
import * as careersJob from "~/routes/careers.$slug";
import * as careersList from "~/routes/careers._index";
import * as badge from "~/routes/promise.badge[.]svg";
import * as promisePage from "~/routes/promise._index";
import * as statusPage from "~/routes/s.$token";
import * as settingsPage from "~/routes/settings.public-promise";
import { publicPromiseResource, publicPromiseSettingsResource } from "~/web/public-promise.server";
import { minutesFrom, pinClock } from "../../clock";
import { createTestApplication, createTestJob, createTestUser } from "../../factories";
import { apiRequest, caller, expectShape, send, type ErrorBody } from "../api/helpers";
import { applyRoundTheClockPolicy } from "../metrics/dataset";
import { getRequest, postRequest, run, signIn, type SignedIn } from "../ui/helpers";

const NOW = pinClock();
const DAY = 24 * 60;

let admin: SignedIn;
let staff: Actor;
let jobA: { id: string; slug: string };
let jobB: { id: string; slug: string };

async function publishOnCareers(jobId: string, slug: string) {
  await prisma.job.update({ where: { id: jobId }, data: { publishedAt: minutesFrom(NOW, -200 * DAY), slug } });
  return { id: jobId, slug };
}

async function say(applicationId: string, at: Date) {
  await recordMessage(
    applicationId,
    { direction: "outbound", body: "Hello", automated: false, awaitsCandidate: false, occurredAt: at },
    staff,
  );
}

/** One applicant: looks at the status page after 10 minutes, hears back after `answerMinutes`, and is rejected a day
 * later (told an hour after that, when `told`), or stays active when `rejected` is false. */
async function applicant(jobId: string, appliedAt: Date, answerMinutes: number, rejected: boolean, told: boolean) {
  const application = await createTestApplication({ jobId, appliedAt });
  await recordStatusView(application.id, minutesFrom(appliedAt, 10));
  await say(application.id, minutesFrom(appliedAt, answerMinutes));
  if (!rejected) return;
  const decidedAt = minutesFrom(appliedAt, DAY);
  await decideApplication(application.id, { outcome: "rejected", occurredAt: decidedAt, notify: false }, staff);
  if (told) await say(application.id, minutesFrom(decidedAt, 60));
}

beforeAll(async () => {
  await applyRoundTheClockPolicy(); // first response within 60 minutes, round the clock
  staff = await createTestUser({ role: "recruiter" });
  admin = await signIn("admin");
  const a = await createTestJob({ title: "Night Nurse", department: "Care" });
  const b = await createTestJob({ title: "Day Porter", department: "Care" });
  jobA = await publishOnCareers(a.id, "night-nurse");
  jobB = await publishOnCareers(b.id, "day-porter");
  const firstDay = minutesFrom(NOW, -60 * DAY);
  // Job A: 24 applicants, 20 answered in 30 minutes and 4 after two hours; 22 rejected, 21 of them told.
  for (let index = 0; index < 24; index += 1) {
    await applicant(jobA.id, minutesFrom(firstDay, index * DAY), index < 20 ? 30 : 120, index < 22, index < 21);
  }
  // Job B: 5 applicants, too few for a figure of its own.
  for (let index = 0; index < 5; index += 1) {
    await applicant(jobB.id, minutesFrom(firstDay, index * DAY + 60), 30, true, true);
  }
  // Before the 90 days: counts on neither the dashboard's window nor the record.
  await applicant(jobA.id, minutesFrom(NOW, -120 * DAY), 120, true, false);
});

test("the public figures are the dashboard's for the same period, per workspace and per job", async () => {
  const record = await computePublicPromiseRecord(["first_response", "outcome_told", "hear_back_by"], NOW);
  expect({ from: record.from, to: record.to }).toEqual(recordWindow(NOW));
  const adminActor: Actor = { id: admin.user.id, role: "admin" };
  const dashboard = await loadMetricsReport(adminActor, recordWindow(NOW), NOW);
  const [firstResponse, told, hearBackBy] = record.workspace.figures;
  expect(firstResponse).toEqual({
    promise: "first_response",
    cases: dashboard.sla.first_response.met + dashboard.sla.first_response.breached,
    kept: dashboard.sla.first_response.met,
    rate: dashboard.sla.first_response.attainment,
  });
  expect(told).toEqual({
    promise: "outcome_told",
    cases: dashboard.closureRate.rejected,
    kept: dashboard.closureRate.told,
    rate: dashboard.closureRate.rate,
  });
  expect(hearBackBy).toEqual({
    promise: "hear_back_by",
    cases: dashboard.promiseKept.shown,
    kept: dashboard.promiseKept.kept,
    rate: dashboard.promiseKept.rate,
  });
  // And the figures themselves, worked out by hand: 25 and 24 of 29 answered in time, 26 of 27 rejections told.
  expect(firstResponse).toMatchObject({ cases: 29, kept: 25 });
  expect(told).toMatchObject({ cases: 27, kept: 26 });
  expect(hearBackBy!.cases).toBeGreaterThanOrEqual(20);

  const job = record.jobs.find((scope) => scope.job?.id === jobA.id)!;
  const jobDashboard = await loadMetricsReport(adminActor, { ...recordWindow(NOW), jobId: jobA.id }, NOW);
  expect(job.figures[0]).toMatchObject({ cases: 24, kept: 20, rate: jobDashboard.sla.first_response.attainment });
  expect(job.figures[1]).toMatchObject({ cases: 22, kept: 21, rate: jobDashboard.closureRate.rate });
  expect(job.figures[2]).toMatchObject({ kept: jobDashboard.promiseKept.kept, rate: jobDashboard.promiseKept.rate });
  expect(job.firstResponseTarget).toEqual({ minutes: 60, businessHours: false });
});

test("a job with fewer than 20 cases shows its sample size and no rate", async () => {
  const record = await computePublicPromiseRecord(["first_response", "outcome_told"], NOW);
  const small = record.jobs.find((scope) => scope.job?.id === jobB.id)!;
  expect(small.figures).toEqual([
    { promise: "first_response", cases: 5, kept: null, rate: null },
    { promise: "outcome_told", cases: 5, kept: null, rate: null },
  ]);
});

test("nothing is public before an admin publishes it", async () => {
  expect(await publishedPromiseRecord(NOW)).toBeNull();
  expect((await run(promisePage.loader, getRequest("/promise"))).status).toBe(404);
  const json = await publicJson.loader({ request: getRequest("/api/public/promise"), params: {}, context: {} });
  expect(json.status).toBe(404);
  expect(((await json.json()) as ErrorBody).error.code).toBe("not_found");
  const image = await badge.loader({ request: getRequest("/promise/badge.svg"), params: {}, context: {} });
  expect(image.status).toBe(404);
  expect(image.headers.get("Cache-Control")).toBe("no-store");
  const careers = await run<{ promise: unknown }>(careersList.loader, getRequest("/careers"));
  expect(careers.data.promise).toBeNull();
});

async function publicAnswers() {
  const page = await run<Record<string, unknown>>(promisePage.loader, getRequest("/promise"));
  const json = await publicJson.loader({ request: getRequest("/api/public/promise"), params: {}, context: {} });
  const image = await badge.loader({ request: getRequest("/promise/badge.svg"), params: {}, context: {} });
  return { page, json, image };
}

test("published: the page, the JSON and the badge show the record, and nothing about any candidate", async () => {
  const published = await run(
    settingsPage.action,
    postRequest("/settings/public-promise", admin, [
      ["metrics", "first_response"],
      ["metrics", "outcome_told"],
      ["metrics", "hear_back_by"],
      ["published", "true"],
    ]),
  );
  expect(published.location).toBe("/settings/public-promise?done=published");
  const { page, json, image } = await publicAnswers();
  expect(page.status).toBe(200);
  expect(json.status).toBe(200);
  expect(json.headers.get("Access-Control-Allow-Origin")).toBe("*");
  expect(json.headers.get("Cache-Control")).toBe("public, no-cache");
  const body = expectShape(publicPromiseResource, await json.json());
  expect(body.workspace.promises[0]).toMatchObject({
    text: "We answer every application within 1 hour.",
    cases: 29,
    kept: 25,
  });
  expect(body.jobs.map((job) => job.title)).toEqual(["Day Porter", "Night Nurse"]);
  expect(image.status).toBe(200);
  expect(image.headers.get("Content-Type")).toBe("image/svg+xml; charset=utf-8");
  expect(image.headers.get("X-Content-Type-Options")).toBe("nosniff");
  expect(image.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
  const svg = await image.text();
  expect(svg).toContain('role="img"');
  expect(svg).toContain("<title>Answers applicants in 1 hour · kept 86%</title>");

  const candidates = await prisma.candidate.findMany({ select: { id: true, name: true, email: true, phone: true } });
  const applications = await prisma.application.findMany({ select: { id: true } });
  const personal = [
    ...candidates.flatMap((candidate) => [candidate.id, candidate.name, candidate.email, candidate.phone]),
    ...applications.map((application) => application.id),
    staff.id,
  ].filter((value): value is string => Boolean(value));
  expect(personal.length).toBeGreaterThan(60);
  const shown = [JSON.stringify(page.data), JSON.stringify(body), svg].join("\n");
  for (const value of personal) expect(shown).not.toContain(value);
});

test("the badge and the JSON answer 304 to a cache that already holds them", async () => {
  const first = await badge.loader({ request: getRequest("/promise/badge.svg"), params: {}, context: {} });
  const etag = first.headers.get("ETag")!;
  const again = await badge.loader({
    request: new Request("http://hearback.test/promise/badge.svg", { headers: { "If-None-Match": etag } }),
    params: {},
    context: {},
  });
  expect(again.status).toBe(304);
});

test("the careers pages and the apply page carry the promise once published", async () => {
  const careers = await run<{ promise: { promise: string; kept: string | null } }>(
    careersList.loader,
    getRequest("/careers"),
  );
  expect(careers.data.promise).toEqual(
    expect.objectContaining({
      promise: "We answer every application within 1 hour.",
      kept: "This team kept this promise for 86% of applicants in the last 90 days.",
    }),
  );
  // The big job has a figure of its own; the small one shows the workspace's.
  const own = await run<{ keptPromise: { kept: string } }>(
    careersJob.loader,
    getRequest(`/careers/${jobA.slug}?lang=de`),
    { slug: jobA.slug },
  );
  expect(own.data.keptPromise.kept).toContain("83 %");
  const small = await run<{ keptPromise: { kept: string } }>(careersJob.loader, getRequest(`/careers/${jobB.slug}`), {
    slug: jobB.slug,
  });
  expect(small.data.keptPromise.kept).toContain("86%");
});

test("the record is computed at most hourly, and a change of the promises shown empties the cache at once", async () => {
  const first = await publishedPromiseRecord(NOW);
  expect(first).not.toBeNull();
  // A new applicant answered late moves the figures, but within the hour the kept record is served.
  await applicant(jobA.id, minutesFrom(NOW, -DAY), 120, false, false);
  const withinTheHour = await publishedPromiseRecord(minutesFrom(NOW, 30));
  expect(withinTheHour).toBe(first);
  const anHourLater = await publishedPromiseRecord(minutesFrom(NOW, 61));
  expect(anHourLater!.computedAt).toEqual(minutesFrom(NOW, 61));
  expect(anHourLater!.workspace.figures[0]!.cases).toBe(first!.workspace.figures[0]!.cases + 1);

  await savePublicPromise({ published: true, metrics: ["outcome_told"] }, admin.user.id, minutesFrom(NOW, 62));
  const changed = await publishedPromiseRecord(minutesFrom(NOW, 63));
  expect(changed!.promises).toEqual(["outcome_told"]);
  expect(changed!.workspace.figures.map((figure) => figure.promise)).toEqual(["outcome_told"]);
});

test("unpublishing takes the page, the JSON and the badge down at once, with what was kept of them", async () => {
  expect(await publishedPromiseRecord()).not.toBeNull(); // the record is in memory now
  const taken = await run(
    settingsPage.action,
    postRequest("/settings/public-promise", admin, [
      ["metrics", "outcome_told"],
      ["published", "false"],
    ]),
  );
  expect(taken.location).toBe("/settings/public-promise?done=unpublished");
  const { page, json, image } = await publicAnswers();
  expect([page.status, json.status, image.status]).toEqual([404, 404, 404]);
  expect(await publishedPromiseRecord()).toBeNull();
  const careers = await run<{ promise: unknown }>(careersList.loader, getRequest("/careers"));
  expect(careers.data.promise).toBeNull();
});

test("Settings → Public promise: admins only, a preview of the promises ticked", async () => {
  const recruiter = await signIn("recruiter");
  const refused = await run(settingsPage.loader, getRequest("/settings/public-promise", recruiter));
  expect(refused.status).toBe(403);
  const preview = await run<{ chosen: string[]; record: { promises: string[] } }>(
    settingsPage.loader,
    getRequest("/settings/public-promise?preview=1&metrics=hear_back_by&metrics=first_response", admin),
  );
  expect(preview.data.chosen).toEqual(["first_response", "hear_back_by"]);
  expect(preview.data.record.promises).toEqual(["first_response", "hear_back_by"]);
  const none = await run<{ errors: Record<string, string> }>(
    settingsPage.action,
    postRequest("/settings/public-promise", admin, [["published", "true"]]),
  );
  expect(none.status).toBe(400);
  expect(none.data.errors.metrics).toBe("Choose at least one promise to publish.");
});

test("the API: admins read and publish, with the preview; others are refused; bad input is a 400", async () => {
  const owner = await caller("admin");
  const route = adminApi as Parameters<typeof send>[0];
  const read = await send(route, apiRequest("GET", "/api/v1/public-promise", owner));
  expect(read.status).toBe(200);
  const settings = expectShape(publicPromiseSettingsResource, read.body);
  expect(settings.published).toBe(false);
  expect(settings.urls.json).toBe("http://hearback.test/api/public/promise");

  const published = await send(
    route,
    apiRequest("POST", "/api/v1/public-promise", owner, { body: { published: true, metrics: ["first_response"] } }),
  );
  expect(published.status).toBe(200);
  expect(expectShape(publicPromiseSettingsResource, published.body)).toMatchObject({
    published: true,
    metrics: ["first_response"],
  });
  expect((await publishedPromiseRecord())!.promises).toEqual(["first_response"]);

  const bad = await send<ErrorBody>(
    route,
    apiRequest("POST", "/api/v1/public-promise", owner, { body: { published: true, metrics: ["nps"] } }),
  );
  expect(bad.status).toBe(400);
  expect(bad.body.error.issues[0]!.path).toBe("metrics.0");

  const recruiter = await caller("recruiter");
  const refused = await send<ErrorBody>(route, apiRequest("GET", "/api/v1/public-promise", recruiter));
  expect(refused.status).toBe(403);

  const down = await send(route, apiRequest("POST", "/api/v1/public-promise", owner, { body: { published: false } }));
  expect(down.body).toMatchObject({ published: false, metrics: ["first_response"] });
  expect(await publishedPromiseRecord()).toBeNull();
});

test("the candidate's status page: how often the team kept its hear-back dates, beside theirs, while published", async () => {
  const application = await createTestApplication({
    jobId: jobA.id,
    appliedAt: minutesFrom(NOW, -60),
    candidate: { locale: "en" },
  });
  const token = application.statusUrl.split("/s/")[1]!;
  const open = () =>
    run<{ keptPromise: { kept: string; href: string } | null }>(
      statusPage.loader,
      new Request(`http://hearback.test/s/${token}`, { headers: { "X-Hearback-Client-Ip": "203.0.113.77" } }),
      { token },
    );
  expect((await open()).data.keptPromise).toBeNull();
  await savePublicPromise({ published: true, metrics: ["first_response", "hear_back_by"] }, admin.user.id);
  const record = (await publishedPromiseRecord())!;
  const rate = record.workspace.figures.find((figure) => figure.promise === "hear_back_by")!.rate!;
  expect((await open()).data.keptPromise).toMatchObject({
    kept: `This team kept ${PROMISE_TEXTS.en.percent(rate)} of the dates it gave applicants in the last 90 days.`,
    href: "/promise?lang=en",
  });
  // Without the hear-back promise published, the status page says nothing of the others.
  await savePublicPromise({ published: true, metrics: ["first_response"] }, admin.user.id);
  expect((await open()).data.keptPromise).toBeNull();
  await savePublicPromise({ published: false }, admin.user.id);
  expect((await open()).data.keptPromise).toBeNull();
});
