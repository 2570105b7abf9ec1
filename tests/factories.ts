// Test-data factories, shared by the tests and the demo seed (prisma/seed.ts), so demo data and test data are made the
// same way: through the model functions, which write each change's event and audit entry in one transaction.
// Deterministic for a given seedFactories(seed) and call order (ids and status tokens stay random).
import { faker as fakerDE } from "@faker-js/faker/locale/de";
import { faker as fakerDE_AT } from "@faker-js/faker/locale/de_AT";
import { faker as fakerDE_CH } from "@faker-js/faker/locale/de_CH";
import { faker as fakerEN } from "@faker-js/faker/locale/en";
import { faker as fakerEN_AU } from "@faker-js/faker/locale/en_AU";
import { faker as fakerEN_GB } from "@faker-js/faker/locale/en_GB";
import { faker as fakerEN_IN } from "@faker-js/faker/locale/en_IN";
import { faker as fakerEN_US } from "@faker-js/faker/locale/en_US";
import { faker as fakerES } from "@faker-js/faker/locale/es";
import { faker as fakerFR } from "@faker-js/faker/locale/fr";
import { faker as fakerNL } from "@faker-js/faker/locale/nl";
import { faker as fakerPL } from "@faker-js/faker/locale/pl";
import { faker as fakerPT_BR } from "@faker-js/faker/locale/pt_BR";
import { faker as fakerTR } from "@faker-js/faker/locale/tr";
import type { Faker } from "@faker-js/faker";
import type { Prisma, Role } from "~/generated/prisma/client";
import type { Outcome } from "~/domain/applications";
import type { JobInput, StageInput } from "~/domain/jobs";
import { moveApplication, recordMessage } from "~/models/application.server";
import { createApplication } from "~/models/application-intake.server";
import { decideApplication } from "~/models/decisions.server";
import { recordAudit } from "~/models/audit.server";
import { appendEvent } from "~/models/event.server";
import { assignInterviewer } from "~/models/interviewer.server";
import { createJob } from "~/models/job.server";
import type { Actor } from "~/models/scope.server";
import { createUser, type UserSummary } from "~/models/user.server";
import { prisma } from "~/platform/db.server";

/** The password of every factory-made account unless a test chooses another. */
export const TEST_PASSWORD = "correct horse battery staple";

/** The faker that makes every random choice (names aside), so one seed fixes a whole data set. */
export const rng: Faker = fakerEN;

type CandidateOrigin = { faker: Faker; locale: "en" | "de"; timeZones: string[]; weight: number };

// Where demo and test candidates come from: names, language and time zone that belong together.
const CANDIDATE_ORIGINS: CandidateOrigin[] = [
  {
    faker: fakerEN_US,
    locale: "en",
    timeZones: ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"],
    weight: 26,
  },
  { faker: fakerDE, locale: "de", timeZones: ["Europe/Berlin"], weight: 22 },
  { faker: fakerDE_AT, locale: "de", timeZones: ["Europe/Vienna"], weight: 4 },
  { faker: fakerDE_CH, locale: "de", timeZones: ["Europe/Zurich"], weight: 4 },
  { faker: fakerTR, locale: "de", timeZones: ["Europe/Berlin"], weight: 2 },
  { faker: fakerEN_GB, locale: "en", timeZones: ["Europe/London"], weight: 10 },
  { faker: fakerEN_IN, locale: "en", timeZones: ["Asia/Kolkata"], weight: 6 },
  { faker: fakerFR, locale: "en", timeZones: ["Europe/Paris"], weight: 5 },
  { faker: fakerES, locale: "en", timeZones: ["Europe/Madrid"], weight: 4 },
  { faker: fakerPL, locale: "en", timeZones: ["Europe/Warsaw"], weight: 4 },
  { faker: fakerNL, locale: "en", timeZones: ["Europe/Amsterdam"], weight: 3 },
  { faker: fakerPT_BR, locale: "en", timeZones: ["America/Sao_Paulo"], weight: 4 },
  { faker: fakerEN_AU, locale: "en", timeZones: ["Australia/Sydney"], weight: 3 },
];

const EMAIL_DOMAINS = ["example.com", "example.org", "example.net"]; // reserved: demo mail never reaches a person

let sequence = 0;
const usedEmails = new Set<string>();

/** Makes every later factory call repeat the same data. Call it first (tests: in a beforeAll or at the top). */
export function seedFactories(seed: number): void {
  rng.seed(seed);
  CANDIDATE_ORIGINS.forEach((origin, index) => origin.faker.seed(seed * 31 + index + 1));
  sequence = 0;
  usedEmails.clear();
}

seedFactories(20_240_601);

function nextSequence(): number {
  sequence += 1;
  return sequence;
}

function emailSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

/** `preferred` when no factory has used it yet, else the same address with a number before the @. */
export function uniqueEmail(preferred: string): string {
  const [local, domain] = preferred.toLowerCase().split("@") as [string, string];
  let email = `${local}@${domain}`;
  for (let suffix = 2; usedEmails.has(email); suffix += 1) email = `${local}${suffix}@${domain}`;
  usedEmails.add(email);
  return email;
}

export type TestUser = UserSummary & { password: string };

/** `db`: the caller's transaction (the demo seed writes the whole workspace in one); else the user's own. */
export async function createTestUser(
  options: {
    role?: Role;
    name?: string;
    email?: string;
    password?: string;
    timeZone?: string;
    db?: Prisma.TransactionClient;
  } = {},
): Promise<TestUser> {
  const role = options.role ?? "recruiter";
  const name = options.name ?? `${rng.person.firstName()} ${rng.person.lastName()}`;
  const email = options.email ?? uniqueEmail(`${role.replace("_", "-")}${nextSequence()}@example.com`);
  const password = options.password ?? TEST_PASSWORD;
  const user = await createUser({ email, name, role, password, timeZone: options.timeZone }, null, options.db);
  return { ...user, password };
}

export type TestJobOptions = Partial<Omit<JobInput, "stages">> & {
  stages?: (Omit<StageInput, "id" | "decisionMinutes"> & { decisionMinutes?: number | null })[];
  actorId?: string | null;
  /** The caller's transaction (the demo seed); else the job's own. */
  db?: Prisma.TransactionClient;
};

export async function createTestJob(options: TestJobOptions = {}) {
  const { actorId = null, stages, db, ...job } = options;
  return createJob(
    {
      title: job.title ?? rng.person.jobTitle(),
      department: job.department ?? rng.commerce.department(),
      location: job.location,
      status: job.status ?? "open",
      hiringManagerId: job.hiringManagerId ?? null,
      recruiterId: job.recruiterId ?? null,
      scheduleId: job.scheduleId ?? null,
      stages: stages?.map((stage) => ({ ...stage, id: undefined, decisionMinutes: stage.decisionMinutes ?? null })),
    },
    actorId,
    db,
  );
}

export type CandidateData = { name: string; email: string; timeZone: string; locale: "en" | "de"; phone?: string };

/** A plausible candidate: name, address, language and time zone from one origin (weighted; `locale` narrows it). */
export function fakeCandidate(options: { locale?: "en" | "de" } = {}): CandidateData {
  const origins = CANDIDATE_ORIGINS.filter((origin) => !options.locale || origin.locale === options.locale);
  const origin = rng.helpers.weightedArrayElement(origins.map((value) => ({ value, weight: value.weight })));
  const firstName = origin.faker.person.firstName();
  const lastName = origin.faker.person.lastName();
  const style = rng.number.int({ min: 0, max: 2 });
  const local = [
    `${emailSlug(firstName)}.${emailSlug(lastName)}`,
    `${emailSlug(firstName).slice(0, 1)}${emailSlug(lastName)}`,
    `${emailSlug(firstName)}${emailSlug(lastName).slice(0, 1)}`,
  ][style]!;
  return {
    name: `${firstName} ${lastName}`,
    email: uniqueEmail(`${local || "candidate"}@${rng.helpers.arrayElement(EMAIL_DOMAINS)}`),
    timeZone: rng.helpers.arrayElement(origin.timeZones),
    locale: origin.locale,
    ...(rng.datatype.boolean(0.4) ? { phone: origin.faker.phone.number({ style: "international" }) } : {}),
  };
}

export type TestApplicationOptions = {
  jobId: string;
  candidate?: Partial<CandidateData>;
  appliedAt?: Date;
  source?: string;
  notify?: boolean;
  actorId?: string | null;
};

export async function createTestApplication(options: TestApplicationOptions) {
  const candidate = { ...fakeCandidate(), ...options.candidate };
  return createApplication(
    {
      jobId: options.jobId,
      candidate,
      appliedAt: options.appliedAt,
      source: options.source,
      notify: options.notify ?? false,
    },
    options.actorId ?? null,
  );
}

/**
 * One touchpoint of an application's history. `by` is the staff member who did it (for inbound messages: who
 * recorded it). Steps must come in time order; applyHistory replays them through the models.
 */
export type HistoryStep =
  | { type: "move"; at: Date; by: Actor; stageId: string }
  | {
      type: "message_out";
      at: Date;
      by: Actor;
      subject?: string;
      body: string;
      automated?: boolean;
      awaitsCandidate?: boolean;
    }
  | { type: "message_in"; at: Date; by: Actor; subject?: string; body: string }
  | { type: "note"; at: Date; by: Actor; body: string }
  | { type: "interview"; at: Date; by: Actor; when: Date; where: string; interviewerIds: string[] }
  | { type: "assign_interviewer"; at: Date; by: Actor; userId: string }
  | { type: "decision"; at: Date; by: Actor; outcome: Outcome; reason?: string; notify?: boolean };

/** Everything needed to create one application and its past. */
export type ApplicationPlan = {
  jobId: string;
  candidate: CandidateData;
  appliedAt: Date;
  source?: string;
  /** Who added the application (null: the candidate applied themselves). */
  createdById: string | null;
  notify?: boolean;
  steps: HistoryStep[];
};

/** Creates the application and replays its history through the models. Returns the application's id. */
export async function createApplicationWithHistory(plan: ApplicationPlan): Promise<string> {
  const application = await createApplication(
    {
      jobId: plan.jobId,
      candidate: plan.candidate,
      appliedAt: plan.appliedAt,
      source: plan.source,
      notify: plan.notify ?? false,
    },
    plan.createdById,
  );
  await applyHistory(application.id, plan.steps);
  return application.id;
}

export async function applyHistory(applicationId: string, steps: HistoryStep[]): Promise<void> {
  for (const step of steps) await applyStep(applicationId, step);
}

async function applyStep(applicationId: string, step: HistoryStep): Promise<void> {
  switch (step.type) {
    case "move":
      await moveApplication(applicationId, { stageId: step.stageId, occurredAt: step.at }, step.by);
      return;
    case "message_out":
      await recordMessage(
        applicationId,
        {
          direction: "outbound",
          subject: step.subject,
          body: step.body,
          automated: step.automated ?? false,
          awaitsCandidate: step.awaitsCandidate ?? false,
          occurredAt: step.at,
        },
        step.by,
      );
      return;
    case "message_in":
      await recordMessage(
        applicationId,
        {
          direction: "inbound",
          subject: step.subject,
          body: step.body,
          automated: false,
          awaitsCandidate: false,
          occurredAt: step.at,
        },
        step.by,
      );
      return;
    case "note":
      await writePastNote(applicationId, step);
      return;
    case "interview":
      await logInterview(applicationId, step);
      return;
    case "assign_interviewer":
      await assignInterviewer(applicationId, step.userId, step.by);
      return;
    case "decision":
      await decideApplication(
        applicationId,
        { outcome: step.outcome, reason: step.reason, occurredAt: step.at, notify: step.notify ?? false },
        step.by,
      );
      return;
  }
}

// addNote stamps notes with the current time (staff type them as they go), so a history note takes the same two writes
// addNote makes, with the note's own time. tests/integration/factories.test.ts checks the shapes stay identical.
async function writePastNote(applicationId: string, step: Extract<HistoryStep, { type: "note" }>) {
  await prisma.$transaction(async (tx) => {
    const event = await appendEvent(tx, {
      applicationId,
      type: "note",
      data: { body: step.body },
      occurredAt: step.at,
      actorId: step.by.id,
      visibility: "internal",
    });
    await recordAudit(tx, {
      actorId: step.by.id,
      action: "application.note_added",
      entityType: "Application",
      entityId: applicationId,
      data: { eventId: event.id },
    });
  });
}

/** The audit action of an interview recorded as history (shared with the fast path); interviews planned in Hearback
 * go through app/models/interviews and audit as interview.*. */
export const INTERVIEW_LOGGED = "application.interview_logged";

// A past interview from history: the event the timeline and status page read, plus its audit entry.
async function logInterview(applicationId: string, step: Extract<HistoryStep, { type: "interview" }>) {
  await prisma.$transaction(async (tx) => {
    const event = await appendEvent(tx, {
      applicationId,
      type: "interview",
      data: { when: step.when.toISOString(), where: step.where, interviewerIds: step.interviewerIds },
      occurredAt: step.at,
      actorId: step.by.id,
    });
    await recordAudit(tx, {
      actorId: step.by.id,
      action: INTERVIEW_LOGGED,
      entityType: "Application",
      entityId: applicationId,
      data: { eventId: event.id },
    });
  });
}

export type TestInterviewOptions = {
  applicationId: string;
  /** Null while times are offered. */
  startsAt: Date | null;
  durationMinutes?: number;
  kind?: "screen" | "interview" | "assessment" | "onsite" | "other";
  status?: "offered" | "scheduled" | "cancelled" | "done" | "no_show";
  timeZone?: string;
  location?: string | null;
  videoUrl?: string | null;
  organizerId?: string | null;
  interviewerIds?: string[];
  sequence?: number;
  bookedAt?: Date | null;
};

/** An interview row written directly (no messages, touchpoints or audit), for tests of what reads interviews. */
export async function createTestInterview(options: TestInterviewOptions) {
  const { startsAt } = options;
  const duration = options.durationMinutes ?? 45;
  return prisma.interview.create({
    data: {
      applicationId: options.applicationId,
      kind: options.kind ?? "interview",
      status: options.status ?? (startsAt ? "scheduled" : "offered"),
      startsAt,
      endsAt: startsAt ? new Date(startsAt.getTime() + duration * 60_000) : null,
      timeZone: options.timeZone ?? "Europe/Berlin",
      location: options.location === undefined ? null : options.location,
      videoUrl: options.videoUrl === undefined ? "https://meet.example.com/abc-defg" : options.videoUrl,
      calendarUid: `interview-${nextSequence()}-${rng.string.alphanumeric(12)}@hearback.test`,
      sequence: options.sequence ?? 0,
      organizerId: options.organizerId ?? null,
      bookedAt: options.bookedAt ?? (startsAt ? startsAt : null),
      seats: { create: (options.interviewerIds ?? []).map((userId) => ({ userId })) },
    },
    select: { id: true, calendarUid: true, startsAt: true, endsAt: true },
  });
}
