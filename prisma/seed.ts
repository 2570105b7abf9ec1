// The demo workspace: a small company three months into hiring for six roles, made with the same factories as the
// tests (tests/factories.ts), so every application has the events and audit entries the models write. Runs at first
// start on an empty database (app/models/workspace.server.ts) unless HEARBACK_DEMO=0; `npm run db:seed`
// (prisma/seed-cli.ts) seeds one by hand. The whole workspace is written in one transaction under the start-up lock.
import { saveCareersSettings } from "~/models/careers.server";
import { changePublication } from "~/models/job.server";
import { saveMailSettings } from "~/models/outbox/mail-settings.server";
import type { Prisma, PrismaClient, Role } from "~/generated/prisma/client";
import type { StageKind } from "~/domain/jobs";
import {
  createTestJob,
  createTestUser,
  fakeCandidate,
  rng,
  seedFactories,
  type ApplicationPlan,
  type CandidateData,
} from "../tests/factories";
import { insertApplicationsInBulk } from "../tests/bulk-applications";
import { holidaysFromCountry } from "~/domain/sla/holiday-import";
import { DEFAULT_SLA_TARGETS } from "~/domain/sla/policies";
import type { ScheduleInput } from "~/domain/sla/schedule";
import { createPolicy } from "~/models/sla/policies.server";
import { runRecomputesNow } from "~/models/sla/recompute.server";
import { START_UP_LOCK_KEY } from "~/platform/migrate.server";
import { seedDemoExperience } from "./seed-experience";
import { seedDemoInterviews } from "./seed-interviews";
import { answerPromptly, keepUp, leaveSilent, tellRejected } from "./seed-upkeep";
import { planApplication, varyPace, type Fate, type Pace, type StoryStaff } from "../tests/history-plans";

export type DemoLogin = { role: string; email: string; password: string };

export const DEMO_PASSWORD = "hearback-demo";

const DAY = 24 * 60 * 60 * 1000;

type PersonKey = "alex" | "priya" | "jonas" | "maya" | "daniel" | "sofia" | "marcus" | "lena" | "tom";

const PEOPLE: { key: PersonKey; role: Role; name: string; timeZone: string }[] = [
  { key: "alex", role: "admin", name: "Alex Morgan", timeZone: "Europe/Berlin" },
  { key: "priya", role: "recruiter", name: "Priya Raman", timeZone: "Europe/London" },
  { key: "jonas", role: "recruiter", name: "Jonas Becker", timeZone: "Europe/Berlin" },
  { key: "maya", role: "recruiter", name: "Maya Thompson", timeZone: "Europe/Dublin" },
  { key: "daniel", role: "hiring_manager", name: "Daniel Okafor", timeZone: "Europe/Berlin" },
  { key: "sofia", role: "hiring_manager", name: "Sofia Lindqvist", timeZone: "Europe/Stockholm" },
  { key: "marcus", role: "hiring_manager", name: "Marcus Klein", timeZone: "Europe/Berlin" },
  { key: "lena", role: "interviewer", name: "Lena Fischer", timeZone: "Europe/Berlin" },
  { key: "tom", role: "interviewer", name: "Tom Nguyen", timeZone: "Europe/Amsterdam" },
];

function demoEmail(key: PersonKey): string {
  return key === "alex" ? "admin@demo.hearback.app" : `${key}@demo.hearback.app`;
}

type DemoStage = { name: string; kind: StageKind; decisionMinutes?: number };

type DemoJob = {
  title: string;
  department: string;
  location: string;
  hiringManager: PersonKey;
  recruiter: PersonKey;
  /** How quickly this team usually answers. */
  pace: Pace;
  openedDaysAgo: number;
  stopped?: { daysAgo: number; status: "closed" | "on_hold" };
  applications: number;
  /** Candidates in process the team has forgotten: silent for weeks, their nudge unanswered. */
  silent?: number;
  /** Days before now (or before the stop) of the applications that end in a hire. */
  hires: number[];
  stages: DemoStage[];
  /** Published on the careers page with this description. */
  careersDescription?: string;
};

const JOBS: DemoJob[] = [
  {
    title: "Senior Backend Engineer",
    department: "Engineering",
    location: "Berlin or remote (EU)",
    careersDescription:
      "You will build the services behind Lindenwerk's booking platform: TypeScript on Node.js, PostgreSQL, and a few queues.\n\n" +
      "You care about clear code, good tests and calm on-call weeks. You have shipped and run backend systems for several years.\n\n" +
      "We work in small teams, mostly asynchronously, with two office days a month in Berlin for those who like them.",
    hiringManager: "daniel",
    recruiter: "jonas",
    pace: "fast",
    openedDaysAgo: 88,
    applications: 70,
    hires: [62],
    stages: [
      { name: "Applied", kind: "applied" },
      { name: "Recruiter screen", kind: "screen", decisionMinutes: 2 * 24 * 60 },
      { name: "Technical interview", kind: "interview", decisionMinutes: 3 * 24 * 60 },
      { name: "System design", kind: "assessment" },
      { name: "Offer", kind: "offer" },
    ],
  },
  {
    title: "Frontend Engineer",
    department: "Engineering",
    careersDescription:
      "You will shape the pages our customers use every day: React, accessible HTML first, and fast on a slow phone.\n\n" +
      "You enjoy working closely with design and like to see what people do with what you built.",
    location: "Remote (Europe)",
    hiringManager: "daniel",
    recruiter: "priya",
    pace: "fast",
    openedDaysAgo: 76,
    applications: 58,
    hires: [],
    stages: [
      { name: "Applied", kind: "applied" },
      { name: "Screen", kind: "screen", decisionMinutes: 24 * 60 },
      { name: "Pairing session", kind: "assessment" },
      { name: "Team interview", kind: "interview", decisionMinutes: 2 * 24 * 60 },
      { name: "Offer", kind: "offer" },
    ],
  },
  {
    title: "Product Designer",
    department: "Design",
    location: "Berlin (hybrid)",
    hiringManager: "sofia",
    recruiter: "maya",
    pace: "slow",
    silent: 1,
    openedDaysAgo: 84,
    applications: 48,
    hires: [70],
    stages: [
      { name: "Applied", kind: "applied" },
      { name: "Portfolio review", kind: "screen", decisionMinutes: 3 * 24 * 60 },
      { name: "Design challenge", kind: "assessment" },
      { name: "Panel interview", kind: "interview" },
      { name: "Offer", kind: "offer" },
    ],
  },
  {
    title: "Account Executive, DACH",
    department: "Sales",
    location: "Munich",
    hiringManager: "marcus",
    recruiter: "jonas",
    pace: "fast",
    openedDaysAgo: 64,
    applications: 46,
    hires: [55],
    stages: [
      { name: "Applied", kind: "applied" },
      { name: "Phone screen", kind: "screen" },
      { name: "Interview with the sales lead", kind: "interview", decisionMinutes: 2 * 24 * 60 },
      { name: "Role play", kind: "assessment" },
      { name: "Offer", kind: "offer" },
    ],
  },
  {
    title: "Customer Support Specialist",
    department: "Customer Support",
    location: "Remote (US time zones)",
    hiringManager: "marcus",
    recruiter: "priya",
    pace: "fast",
    openedDaysAgo: 70,
    stopped: { daysAgo: 2, status: "on_hold" },
    applications: 46,
    hires: [],
    stages: [
      { name: "Applied", kind: "applied" },
      { name: "Screen", kind: "screen" },
      { name: "Interview", kind: "interview" },
      { name: "Offer", kind: "offer" },
    ],
  },
  {
    title: "Data Analyst",
    department: "Data",
    location: "Berlin",
    hiringManager: "sofia",
    recruiter: "maya",
    pace: "fast",
    openedDaysAgo: 90,
    stopped: { daysAgo: 24, status: "closed" },
    applications: 42,
    hires: [58],
    stages: [
      { name: "Applied", kind: "applied" },
      { name: "Screen", kind: "screen" },
      { name: "Case study", kind: "assessment" },
      { name: "Interview", kind: "interview" },
      { name: "Offer", kind: "offer" },
    ],
  },
];

const SOURCES = [
  { value: "Careers page", weight: 40 },
  { value: "LinkedIn", weight: 30 },
  { value: "Referral", weight: 10 },
  { value: "Job board", weight: 15 },
  { value: "Meetup", weight: 5 },
];

/**
 * A team that keeps up reaches an outcome within a few weeks: applications older than `settlesInDays` have one;
 * recent ones are mostly still in progress.
 */
function chooseFate(ageDays: number, settlesInDays: number): Fate {
  return rng.helpers.weightedArrayElement([
    { value: "rejected_at_application" as const, weight: 38 },
    { value: "rejected_after_screen" as const, weight: 14 },
    { value: "rejected_after_interview" as const, weight: 10 },
    { value: "withdrawn" as const, weight: 5 },
    { value: "offer_declined" as const, weight: 1 },
    ...(ageDays < settlesInDays ? [{ value: "in_progress" as const, weight: 60 }] : []),
  ]);
}

export type SeedOptions = { now?: Date; seed?: number };

/**
 * How long the seed's transaction may run. It takes about 3 s, longer on a busy machine; an instance that starts while
 * another seeds waits for the start-up lock inside its own transaction, and on the embedded database a second
 * transaction waits for the first to end before it begins.
 */
const SEED_TRANSACTION_MS = 10 * 60_000;

type Tx = Prisma.TransactionClient;

/**
 * The demo company works from Berlin: office hours with a lunch break and a short Friday, German public holidays
 * (Berlin) for this year and next, and a faster first-reply promise for Engineering than the standard one.
 */
async function configureDemoSla(tx: Tx, now: Date, adminId: string) {
  const year = now.getUTCFullYear();
  const hours: ScheduleInput["hours"] = [
    ...(["mon", "tue", "wed", "thu"] as const).flatMap((day) => [
      { day, open: "09:00", close: "12:30" },
      { day, open: "13:30", close: "17:30" },
    ]),
    { day: "fri", open: "09:00", close: "15:00" },
  ];
  await tx.schedule.update({
    where: { id: "default-schedule" },
    data: {
      name: "Berlin office hours",
      timeZone: "Europe/Berlin",
      hours,
      holidays: holidaysFromCountry({ country: "DE", region: "BE", years: [year - 1, year, year + 1] }),
    },
  });
  // The default policy as the SLA migration wrote it predates interviews: it gets the standard feedback promise too.
  await tx.slaPolicy.update({
    where: { id: "default-policy" },
    data: { targets: DEFAULT_SLA_TARGETS as Prisma.InputJsonValue },
  });
  await createPolicy(
    {
      name: "Engineering: first reply within a business day",
      match: { departments: ["Engineering"] },
      countAutomatedReplies: false,
      targets: DEFAULT_SLA_TARGETS.map((target) =>
        target.metric === "first_response" ? { ...target, minutes: 480, warnBeforeMinutes: 120 } : target,
      ),
    },
    adminId,
    tx,
  );
  // The policy change queued a recompute of nothing (no applications yet); finish it so the admin pages start clean.
  await runRecomputesNow(() => now, tx);
}

/**
 * Seeds the demo workspace into a database without accounts and returns the demo sign-ins, or null when the database
 * has accounts by the time the seed holds the start-up lock (another instance seeded it first, or someone set it up).
 * All or nothing: one transaction under the lock migrations take, so instances starting together seed once, and a
 * seed that fails or dies midway leaves nothing behind for the next start to trip over.
 */
export async function seedDemoWorkspace(prisma: PrismaClient, options: SeedOptions = {}): Promise<DemoLogin[] | null> {
  const seeded = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${START_UP_LOCK_KEY})`;
      // /setup creates the first admin under this lock (createFirstAdmin): nobody adds an account while we decide.
      await tx.$executeRawUnsafe(`LOCK TABLE "User" IN EXCLUSIVE MODE`);
      if ((await tx.user.count()) > 0) return false;
      await writeDemoWorkspace(tx, options);
      return true;
    },
    { timeout: SEED_TRANSACTION_MS, maxWait: SEED_TRANSACTION_MS },
  );
  if (!seeded) return null;
  // The embedded database has no autovacuum, so the planner would never learn the tables' sizes; without statistics
  // the pipeline board is about 20 times slower (bench/results).
  await prisma.$executeRawUnsafe("ANALYZE");
  return PEOPLE.map((person) => ({ role: person.role, email: demoEmail(person.key), password: DEMO_PASSWORD }));
}

/** Writes the demo workspace in `tx`. Accounts, jobs and the SLA setup go through the models. */
async function writeDemoWorkspace(tx: Tx, options: SeedOptions): Promise<void> {
  const now = options.now ?? new Date();
  seedFactories(options.seed ?? 7);

  const people = new Map<PersonKey, StoryStaff>();
  for (const person of PEOPLE) {
    const user = await createTestUser({
      role: person.role,
      name: person.name,
      email: demoEmail(person.key),
      password: DEMO_PASSWORD,
      timeZone: person.timeZone,
      db: tx,
    });
    people.set(person.key, { ...user, name: person.name });
  }
  const admin = people.get("alex")!;
  const interviewers = [people.get("lena")!, people.get("tom")!];
  await configureDemoSla(tx, now, admin.id);
  // The name candidates read in the demo's emails ("Priya Raman at Lindenwerk").
  await saveMailSettings({ companyName: "Lindenwerk", minimumDelayHours: 24 }, admin.id, tx);
  await saveCareersSettings(
    {
      companyName: "Lindenwerk",
      howWeHire:
        "A person reads every application within a week. Then a 30-minute call with the recruiter, one interview with the team, and a conversation about the offer.\n\n" +
        "Every candidate hears back from us, whatever the news. Your status page shows where you are at any time.",
    },
    admin.id,
    tx,
  );

  const plans: ApplicationPlan[] = [];
  const earlierCandidates: CandidateData[] = [];
  for (const demoJob of JOBS) {
    const job = await createTestJob({
      title: demoJob.title,
      department: demoJob.department,
      location: demoJob.location,
      status: demoJob.stopped?.status ?? "open",
      hiringManagerId: people.get(demoJob.hiringManager)!.id,
      recruiterId: people.get(demoJob.recruiter)!.id,
      stages: demoJob.stages,
      actorId: admin.id,
      db: tx,
    });
    if (demoJob.careersDescription) {
      await changePublication(job.id, { published: true, description: demoJob.careersDescription }, admin, tx);
    }
    const openedAt = now.getTime() - demoJob.openedDaysAgo * DAY;
    const lastApplication = now.getTime() - (demoJob.stopped?.daysAgo ?? 0) * DAY - 2 * 60 * 60 * 1000;
    const appliedTimes = [
      ...demoJob.hires.map((daysAgo) => ({ at: lastApplication - daysAgo * DAY, fate: "hired" as const })),
      ...Array.from({ length: demoJob.applications - demoJob.hires.length }, () => {
        const at = rng.number.int({ min: openedAt, max: lastApplication });
        return { at, fate: chooseFate((lastApplication - at) / DAY, demoJob.pace === "slow" ? 30 : 18) };
      }),
    ].sort((a, b) => a.at - b.at);
    const upkeep = { recruiter: people.get(demoJob.recruiter)!, jobTitle: demoJob.title, now };
    const jobLimit = new Date(now.getTime() - (demoJob.stopped?.daysAgo ?? 0) * DAY);
    const inProcess: ApplicationPlan[] = [];
    const settled: ApplicationPlan[] = [];
    const usedHere = new Set<string>();
    for (const { at, fate } of appliedTimes) {
      // A few people apply for two of the roles: same email, same candidate.
      const repeat = earlierCandidates.length > 0 && rng.datatype.boolean(0.04);
      const candidate = repeat ? rng.helpers.arrayElement(earlierCandidates) : fakeCandidate();
      if (usedHere.has(candidate.email)) continue;
      usedHere.add(candidate.email);
      if (!repeat) earlierCandidates.push(candidate);
      const plan = planApplication({
        job,
        candidate,
        appliedAt: new Date(at),
        until: now,
        fate,
        pace: fate === "hired" ? "fast" : varyPace(demoJob.pace),
        recruiter: upkeep.recruiter,
        hiringManager: people.get(demoJob.hiringManager)!,
        interviewers,
        source: rng.helpers.weightedArrayElement(SOURCES),
        jobStopped: demoJob.stopped && {
          at: new Date(now.getTime() - demoJob.stopped.daysAgo * DAY),
          status: demoJob.stopped.status,
        },
        closureRate: demoJob.pace === "slow" ? 0.9 : 1,
        stallRate: 0, // the forgotten candidates are chosen below
      });
      const stillOpen = !plan.steps.some((step) => step.type === "decision");
      const kept = demoJob.pace === "slow" ? plan : answerPromptly(plan, upkeep, jobLimit);
      if (stillOpen && demoJob.stopped?.status !== "closed") inProcess.push(kept);
      else settled.push(kept);
    }
    // Rejected candidates hear so; on the slow team, the latest one rejected without a word has not yet.
    const told = settled.map((plan) => tellRejected(plan, upkeep));
    const untold = demoJob.pace === "slow" ? told.findLastIndex((plan, index) => plan !== settled[index]) : -1;
    plans.push(...told.map((plan, index) => (index === untold ? settled[index]! : plan)));
    // The longest waiting are the ones forgotten; the others are kept up to date.
    const silent = demoJob.silent ?? 0;
    inProcess.forEach((plan, index) => {
      if (index < silent) plans.push(leaveSilent(plan, upkeep, { quietDays: 16 + 3 * index, nudged: index === 0 }));
      else
        plans.push(
          keepUp(plan, upkeep, { limit: jobLimit, updateKind: demoJob.stopped ? "role_on_hold" : "delay_update" }),
        );
    });
  }

  plans.sort((a, b) => a.appliedAt.getTime() - b.appliedAt.getTime());
  await insertApplicationsInBulk(plans, { tx });
  await seedDemoExperience(tx, now, admin.id);
  await seedDemoInterviews(tx, now, interviewers);
}
