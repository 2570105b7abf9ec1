// The demo workspace: three months of believable hiring by a team that mostly keeps its promises, internally
// consistent, quick to build, and seeded only once.
import { beforeAll, expect, test } from "vitest";
import { prepareWorkspace } from "~/models/workspace.server";
import { verifyCredentials } from "~/models/user.server";
import { prisma } from "~/platform/db.server";
import { pinClock } from "../clock";
import { DEMO_PASSWORD, seedDemoWorkspace, type DemoLogin } from "../../prisma/seed";

const DAY = 24 * 60 * 60 * 1000;
let logins: DemoLogin[];
let seedMs: number;
let now: Date;

beforeAll(async () => {
  now = pinClock();
  const started = performance.now();
  logins = (await seedDemoWorkspace(prisma, { now }))!;
  seedMs = performance.now() - started;
}, 60_000);

test("seeding takes seconds, not minutes", () => {
  // About 3 s on either database; the bound only catches a seed that went back to one transaction per step.
  expect(seedMs).toBeLessThan(20_000);
});

test("the team: an admin, three recruiters, three hiring managers, two interviewers, all able to sign in", async () => {
  const roles = await prisma.user.groupBy({ by: ["role"], _count: { _all: true } });
  expect(Object.fromEntries(roles.map((row) => [row.role, row._count._all]))).toEqual({
    admin: 1,
    recruiter: 3,
    hiring_manager: 3,
    interviewer: 2,
  });
  expect(logins).toHaveLength(9);
  for (const login of logins) {
    expect(login.email).toMatch(/@demo\.hearback\.app$/);
    expect(login.password).toBe(DEMO_PASSWORD);
    expect(await verifyCredentials(login.email, login.password)).toMatchObject({ role: login.role });
  }
  expect(await verifyCredentials(logins[0]!.email, "not-the-demo-password")).toBeNull();
});

test("six jobs with their own pipelines: one on hold, one closed", async () => {
  const jobs = await prisma.job.findMany({
    select: {
      status: true,
      department: true,
      hiringManagerId: true,
      recruiterId: true,
      stages: { select: { kind: true } },
    },
  });
  expect(jobs).toHaveLength(6);
  expect(jobs.filter((job) => job.status === "on_hold")).toHaveLength(1);
  expect(jobs.filter((job) => job.status === "closed")).toHaveLength(1);
  expect(new Set(jobs.map((job) => job.department)).size).toBeGreaterThanOrEqual(5);
  for (const job of jobs) {
    expect(job.hiringManagerId && job.recruiterId).toBeTruthy();
    expect(job.stages.map((stage) => stage.kind)).toContain("applied");
    expect(job.stages.length).toBeGreaterThanOrEqual(4);
  }
});

test("about 300 candidates from many places, in English and German, applying over 90 days", async () => {
  const candidates = await prisma.candidate.findMany({ select: { locale: true, timeZone: true } });
  expect(candidates.length).toBeGreaterThanOrEqual(270);
  expect(candidates.length).toBeLessThanOrEqual(330);
  const german = candidates.filter((candidate) => candidate.locale === "de").length;
  expect(german / candidates.length).toBeGreaterThan(0.15);
  expect(german / candidates.length).toBeLessThan(0.6);
  expect(new Set(candidates.map((candidate) => candidate.timeZone)).size).toBeGreaterThanOrEqual(8);

  const span = await prisma.application.aggregate({ _min: { appliedAt: true }, _max: { appliedAt: true } });
  expect(now.getTime() - span._min.appliedAt!.getTime()).toBeGreaterThan(80 * DAY);
  expect(now.getTime() - span._max.appliedAt!.getTime()).toBeLessThan(3 * DAY);
  expect(await prisma.application.count()).toBeGreaterThanOrEqual(candidates.length); // some applied twice
});

test("every application has exactly one applied event, at its appliedAt, and nothing before it or after now", async () => {
  const [broken] = await prisma.$queryRaw<{ missingApplied: number; early: number; late: number }[]>`
    SELECT
      (SELECT count(*)::int FROM "Application" a WHERE (SELECT count(*) FROM "Event" e
         WHERE e."applicationId" = a.id AND e.type = 'applied' AND e."occurredAt" = a."appliedAt") <> 1) AS "missingApplied",
      (SELECT count(*)::int FROM "Event" e JOIN "Application" a ON a.id = e."applicationId"
         WHERE e."occurredAt" < a."appliedAt") AS "early",
      (SELECT count(*)::int FROM "Event" e WHERE e."occurredAt" > ${now}) AS "late"`;
  expect(broken).toEqual({ missingApplied: 0, early: 0, late: 0 });
});

test("closed applications have closedAt and the decision or withdrawal that closed them; open ones have neither", async () => {
  const applications = await prisma.application.findMany({
    select: {
      status: true,
      closedAt: true,
      outcomeReason: true,
      events: {
        where: { type: { in: ["decision", "withdrawn"] } },
        select: { type: true, occurredAt: true, data: true },
      },
    },
  });
  for (const application of applications) {
    if (application.status === "active") {
      expect(application.closedAt).toBeNull();
      expect(application.events).toEqual([]);
      continue;
    }
    expect(application.closedAt).toBeInstanceOf(Date);
    expect(application.events).toHaveLength(1);
    const [closing] = application.events;
    expect(closing!.occurredAt).toEqual(application.closedAt);
    if (application.status === "withdrawn") expect(closing!.type).toBe("withdrawn");
    else expect(closing).toMatchObject({ type: "decision", data: { outcome: application.status } });
    if (application.status === "rejected") expect(application.outcomeReason).toBeTruthy();
  }
  const statuses = Object.fromEntries(
    (await prisma.application.groupBy({ by: ["status"], _count: { _all: true } })).map((row) => [
      row.status,
      row._count._all,
    ]),
  );
  expect(statuses.hired).toBeGreaterThanOrEqual(2);
  expect(statuses.hired).toBeLessThanOrEqual(8);
  expect(statuses.withdrawn).toBeGreaterThanOrEqual(3);
  expect(statuses.rejected).toBeGreaterThan(100);
  expect(statuses.active).toBeGreaterThan(40);
});

test("each application sits in the stage its last move took it to", async () => {
  const applications = await prisma.application.findMany({
    select: {
      stageId: true,
      job: { select: { stages: { orderBy: { position: "asc" }, take: 1, select: { id: true } } } },
      events: { where: { type: "stage_changed" }, orderBy: { occurredAt: "desc" }, take: 1, select: { data: true } },
    },
  });
  for (const application of applications) {
    const lastMove = application.events[0]?.data as { toStageId: string } | undefined;
    expect(application.stageId).toBe(lastMove?.toStageId ?? application.job.stages[0]!.id);
  }
  expect(await prisma.event.count({ where: { type: "stage_changed" } })).toBeGreaterThan(150);
});

test("every touchpoint has its audit entry", async () => {
  const events = Object.fromEntries(
    (await prisma.event.groupBy({ by: ["type"], _count: { _all: true } })).map((row) => [row.type, row._count._all]),
  );
  const audits = Object.fromEntries(
    (await prisma.auditLog.groupBy({ by: ["action"], _count: { _all: true } })).map((row) => [
      row.action,
      row._count._all,
    ]),
  );
  expect(audits["application.created"]).toBe(events.applied);
  expect(audits["application.moved"]).toBe(events.stage_changed);
  expect(audits["application.message_recorded"]).toBe(events.message_out! + events.message_in!);
  expect(audits["application.note_added"]).toBe(events.note);
  // Interviews logged as history, and the demo's planned ones (scheduled, offered, ended; their feedback).
  const planned = ["scheduled", "offered", "ended"].reduce(
    (sum, action) => sum + (audits[`interview.${action}`] ?? 0),
    0,
  );
  expect(audits["application.interview_logged"]! + planned).toBe(events.interview);
  expect(audits["interview.feedback_recorded"]).toBe(events.interview_feedback);
  expect(audits["application.withdrawn"]).toBe(events.withdrawn);
  expect(audits["application.rejected"]! + audits["application.hired"]!).toBe(events.decision);
  expect(audits["user.created"]).toBe(9);
  expect(audits["job.created"]).toBe(6);
});

test("interviews are held by assigned interviewers", async () => {
  const assignments = await prisma.applicationInterviewer.findMany({ select: { user: { select: { role: true } } } });
  expect(assignments.length).toBeGreaterThan(10);
  expect(new Set(assignments.map((assignment) => assignment.user.role))).toEqual(new Set(["interviewer"]));
  expect(await prisma.event.count({ where: { type: "interview" } })).toBeGreaterThan(10);
});

test("mostly fast answers, a candidate left in silence, and a rejection nobody was told about", async () => {
  const [figures] = await prisma.$queryRaw<{ fast: number; slow: number; silent: number; untold: number }[]>`
    WITH first_reply AS (
      SELECT a.id, a."appliedAt",
             (SELECT min(e."occurredAt") FROM "Event" e WHERE e."applicationId" = a.id AND e.type = 'message_out'
                AND (e.data->>'automated')::boolean = false) AS "repliedAt"
      FROM "Application" a
    )
    SELECT
      (SELECT count(*)::int FROM first_reply WHERE "repliedAt" - "appliedAt" < interval '1 day') AS fast,
      (SELECT count(*)::int FROM first_reply WHERE "repliedAt" - "appliedAt" > interval '5 days') AS slow,
      (SELECT count(*)::int FROM "Application" a WHERE a.status = 'active' AND COALESCE(
         (SELECT max(e."occurredAt") FROM "Event" e WHERE e."applicationId" = a.id AND e.type = 'message_out'),
         a."appliedAt") < ${now}::timestamptz - interval '14 days') AS silent,
      (SELECT count(*)::int FROM "Application" a WHERE a.status = 'rejected' AND NOT EXISTS (
         SELECT 1 FROM "Event" e WHERE e."applicationId" = a.id AND e.type = 'message_out'
           AND e."occurredAt" >= a."closedAt")) AS untold`;
  expect(figures!.fast).toBeGreaterThan(figures!.slow);
  expect(figures!.slow).toBeGreaterThan(5);
  expect(figures!.silent).toBeGreaterThanOrEqual(1);
  expect(figures!.silent).toBeLessThanOrEqual(5);
  expect(figures!.untold).toBeGreaterThanOrEqual(1);
  expect(figures!.untold).toBeLessThanOrEqual(5);
});

test("the closed job has nobody waiting; the job on hold still has candidates waiting", async () => {
  const closed = await prisma.job.findFirstOrThrow({ where: { status: "closed" }, select: { id: true } });
  const onHold = await prisma.job.findFirstOrThrow({ where: { status: "on_hold" }, select: { id: true } });
  expect(await prisma.application.count({ where: { jobId: closed.id, status: "active" } })).toBe(0);
  expect(await prisma.application.count({ where: { jobId: closed.id, status: "hired" } })).toBe(1);
  expect(await prisma.application.count({ where: { jobId: onHold.id, status: "active" } })).toBeGreaterThan(5);
});

test("the experience data: survey answers from closed applications only, the support team's three figures", async () => {
  const closed = await prisma.application.count({ where: { status: { not: "active" } } });
  const answers = await prisma.surveyResponse.findMany({
    select: { nps: true, effort: true, createdAt: true, application: { select: { status: true, closedAt: true } } },
  });
  expect(answers.length).toBeGreaterThan(closed * 0.2);
  expect(answers.length).toBeLessThan(closed * 0.5);
  for (const answer of answers) {
    expect(answer.application.status).not.toBe("active");
    expect(answer.createdAt.getTime()).toBeGreaterThan(answer.application.closedAt!.getTime());
    expect(answer.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(answer.nps).toBeGreaterThanOrEqual(0);
    expect(answer.nps).toBeLessThanOrEqual(10);
    expect([1, 2, 3, 4, 5]).toContain(answer.effort);
  }
  // Promoters and detractors both: a score worth reading, and a good one (NPS between +20 and +60).
  expect(answers.some((answer) => answer.nps >= 9)).toBe(true);
  expect(answers.some((answer) => answer.nps <= 6)).toBe(true);
  const promoters = answers.filter((answer) => answer.nps >= 9).length;
  const detractors = answers.filter((answer) => answer.nps <= 6).length;
  const nps = (100 * (promoters - detractors)) / answers.length;
  expect(nps).toBeGreaterThan(20);
  expect(nps).toBeLessThan(60);
  expect(
    (await prisma.customerBenchmark.findMany({ select: { metric: true } })).map((row) => row.metric).sort(),
  ).toEqual(["first_reply", "next_reply", "resolution"]);
});

test("a team that keeps its promises: under 10% of running clocks overdue, a few due soon", async () => {
  const running = await prisma.slaClock.findMany({
    where: { state: "running", dueAt: { not: null } },
    select: { dueAt: true, warnAt: true },
  });
  const overdue = running.filter((clock) => clock.dueAt! < now).length;
  const dueSoon = running.filter((clock) => clock.dueAt! >= now && clock.warnAt && clock.warnAt <= now).length;
  expect(running.length).toBeGreaterThan(80);
  expect(overdue).toBeGreaterThanOrEqual(5);
  expect(overdue).toBeLessThanOrEqual(20);
  expect(overdue / running.length).toBeLessThan(0.1);
  expect(dueSoon).toBeGreaterThanOrEqual(1);
  // Most past promises were kept too.
  const [history] = await prisma.$queryRaw<{ stopped: number; late: number }[]>`
    SELECT count(*)::int AS stopped, count(*) FILTER (WHERE "stoppedAt" > "dueAt")::int AS late
      FROM "SlaClock" WHERE state = 'stopped' AND "dueAt" IS NOT NULL`;
  expect(history!.late / history!.stopped).toBeLessThan(0.3);
  // The dashboard's headline figures: first replies and answers to what candidates wrote mostly on time.
  const kept = await prisma.$queryRaw<{ metric: string; share: number }[]>`
    SELECT metric::text, avg(CASE WHEN "stoppedAt" <= "dueAt" THEN 1 ELSE 0 END)::float AS share
      FROM "SlaClock" WHERE state = 'stopped' AND "dueAt" IS NOT NULL
       AND metric IN ('first_response', 'next_response') GROUP BY metric ORDER BY metric`;
  for (const { share } of kept) expect(share).toBeGreaterThan(0.8);
});

test("one job is clearly slower than the others: its first replies take longest and most of the overdue is there", async () => {
  const jobs = await prisma.$queryRaw<{ title: string; medianHours: number; overdue: number }[]>`
    SELECT j.title,
           (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c."stoppedAt" - c."startedAt") / 3600)
              FROM "SlaClock" c WHERE c."jobId" = j.id AND c.metric = 'first_response' AND c.state = 'stopped')::float
             AS "medianHours",
           (SELECT count(*)::int FROM "SlaClock" c
             WHERE c."jobId" = j.id AND c.state = 'running' AND c."dueAt" < ${now}) AS overdue
      FROM "Job" j ORDER BY "medianHours" DESC`;
  const [slowest, ...others] = jobs;
  expect(slowest!.title).toBe("Product Designer");
  for (const job of others) expect(slowest!.medianHours).toBeGreaterThan(job.medianHours * 1.5);
  const overdue = jobs.reduce((sum, job) => sum + job.overdue, 0);
  expect(slowest!.overdue).toBeGreaterThan(overdue / 2);
});

test("first start seeds only an empty database", async () => {
  const users = await prisma.user.count();
  const workspace = await prepareWorkspace({ demo: true });
  expect(workspace.announcement("http://localhost:3000")).toEqual([]);
  expect(await prisma.user.count()).toBe(users);
});

test("the demo's interviews: one booked ahead, times offered, one held with feedback still owed", async () => {
  const interviews = await prisma.interview.findMany({ select: { status: true, applicationId: true, id: true } });
  expect(interviews.map((interview) => interview.status).sort()).toEqual(["done", "offered", "scheduled"]);
  const held = interviews.find((interview) => interview.status === "done")!;
  const clock = await prisma.slaClock.findFirst({
    where: { applicationId: held.applicationId, metric: "interviewer_feedback" },
  });
  expect(clock).toMatchObject({ state: "running", interviewId: held.id });
  // Its interviewers may see it: interviewers see the applications they are assigned to.
  const seats = await prisma.interviewSeat.findMany({ where: { interviewId: held.id }, select: { userId: true } });
  const assigned = await prisma.applicationInterviewer.findMany({ where: { applicationId: held.applicationId } });
  expect(assigned.map((row) => row.userId)).toEqual(expect.arrayContaining(seats.map((seat) => seat.userId)));
});
