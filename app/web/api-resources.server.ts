// What the API answers: a zod schema per resource (which the OpenAPI document describes and tests check answers
// against) and the function that turns a model's result into it. Timestamps are ISO 8601 UTC strings.
import { z } from "zod";
import { APPLICATION_STATUSES } from "~/domain/applications";
import { JOB_DESCRIPTION_MAX_LENGTH, jobInputSchema, JOB_STATUSES, STAGE_KINDS } from "~/domain/jobs";
import { TEMPLATE_KINDS } from "~/domain/templates/kinds";
import type { ApiTokenSummary } from "~/models/api-token.server";
import type { ApplicationSummary, applicationDetailSelect } from "~/models/application.server";
import type { JobDetail, JobListItem } from "~/models/job.server";
import type { Prisma } from "~/generated/prisma/client";
import { publicUrl } from "~/platform/env.server";
import { API_ERROR_STATUS } from "./api.server";

const id = z.string().describe("Opaque identifier.");
const timestamp = z.iso.datetime().describe("ISO 8601 instant in UTC, like 2026-03-01T09:30:00.000Z.");
const person = z.object({ id, name: z.string() });

function iso(date: Date): string;
function iso(date: Date | null): string | null;
function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

export const errorResource = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(API_ERROR_STATUS) as [keyof typeof API_ERROR_STATUS]),
      message: z.string().describe("What went wrong, for people."),
      issues: z
        .array(
          z.object({
            path: z.string().describe('The field, dotted ("candidate.email", "stages.0.kind"); "" is the body.'),
            message: z.string(),
          }),
        )
        .describe("One entry per invalid field; empty when the error is not about a field."),
    }),
  })
  .describe("The error format of every failed request.");

export const healthResource = z.object({ ok: z.boolean() });

export const readinessResource = z.object({ ready: z.boolean() });

export const stageResource = z.object({
  id,
  name: z.string(),
  kind: z.enum(STAGE_KINDS),
  position: z.number().int().describe("0 for the first stage, where new applications land."),
  decisionMinutes: z.number().int().nullable().describe("Decision time promised in this stage, if any."),
  entryTemplateKind: z
    .enum(TEMPLATE_KINDS)
    .nullable()
    .describe(
      "Template kind emailed to the candidate (in their language) when an application enters this stage; " +
        "null: none. Jobs are only ever given library kinds, never custom.",
    ),
});

export const jobResource = z.object({
  id,
  title: z.string(),
  department: z.string().nullable(),
  location: z.string().nullable(),
  status: z.enum(JOB_STATUSES),
  scheduleId: z.string().nullable(),
  hiringManager: person.nullable(),
  recruiter: person.nullable(),
  published: z.boolean().describe("Listed on the public careers page (/careers)."),
  careersUrl: z.string().nullable().describe("Its apply page while it is published."),
  description: z.string().nullable().describe("What the job is, shown on its apply page."),
  createdAt: timestamp,
  stages: z.array(stageResource),
});

const publicationFields = {
  published: z
    .boolean({ error: "published must be true or false." })
    .optional()
    .describe("List the job on the public careers page (true) or take it off (false); absent leaves it as it is."),
  description: z
    .string()
    .trim()
    .max(JOB_DESCRIPTION_MAX_LENGTH, `description must be at most ${JOB_DESCRIPTION_MAX_LENGTH} characters.`)
    .nullable()
    .optional()
    .transform((value) => (value === "" ? null : value))
    .describe("What the job is, shown on its apply page (plain text; null or empty clears it)."),
};

/** A new job through the API: the job form's fields, and whether it is listed on the careers page. */
export const jobCreateSchema = jobInputSchema.extend(publicationFields);

/** PATCH /api/v1/jobs/:id: the careers-page fields of a job. */
export const jobPublicationSchema = z.strictObject(publicationFields);

export function presentJob(job: JobDetail): z.output<typeof jobResource> {
  return {
    id: job.id,
    title: job.title,
    department: job.department,
    location: job.location,
    status: job.status,
    scheduleId: job.scheduleId,
    hiringManager: job.hiringManager,
    recruiter: job.recruiter,
    published: job.publishedAt !== null,
    careersUrl: job.publishedAt && job.slug ? `${publicUrl()}/careers/${job.slug}` : null,
    description: job.description,
    createdAt: iso(job.createdAt),
    stages: job.stages.map((stage) => ({
      id: stage.id,
      name: stage.name,
      kind: stage.kind,
      position: stage.position,
      decisionMinutes: stage.decisionMinutes,
      entryTemplateKind: stage.entryTemplateKind,
    })),
  };
}

export const jobListQuerySchema = z.object({
  status: z.enum(JOB_STATUSES, { error: `status must be one of ${JOB_STATUSES.join(", ")}.` }).optional(),
});

export const jobListResource = z.object({
  items: z.array(
    z.object({
      id,
      title: z.string(),
      department: z.string().nullable(),
      location: z.string().nullable(),
      status: z.enum(JOB_STATUSES),
      createdAt: timestamp,
      activeApplications: z.number().int(),
    }),
  ),
});

export function presentJobList(jobs: JobListItem[]): z.output<typeof jobListResource> {
  return {
    items: jobs.map((job) => ({
      id: job.id,
      title: job.title,
      department: job.department,
      location: job.location,
      status: job.status,
      createdAt: iso(job.createdAt),
      activeApplications: job.activeApplications,
    })),
  };
}

export const applicationCreatedResource = z.object({
  id,
  jobId: id,
  candidateId: id,
  stageId: id,
  status: z.enum(APPLICATION_STATUSES),
  appliedAt: timestamp,
  source: z.string().nullable(),
  statusUrl: z.url().describe("The candidate's private status page. Returned only here: it is stored hashed."),
});

export function presentCreatedApplication(
  application: ApplicationSummary & { statusUrl: string },
): z.output<typeof applicationCreatedResource> {
  return {
    id: application.id,
    jobId: application.jobId,
    candidateId: application.candidateId,
    stageId: application.stageId,
    status: application.status,
    appliedAt: iso(application.appliedAt),
    source: application.source,
    statusUrl: application.statusUrl,
  };
}

export const applicationResource = z.object({
  id,
  jobId: id,
  candidateId: id,
  stageId: id,
  status: z.enum(APPLICATION_STATUSES),
  source: z.string().nullable(),
  appliedAt: timestamp,
  closedAt: timestamp.nullable(),
  outcomeReason: z.string().nullable(),
  candidate: z.object({
    id,
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    timeZone: z.string(),
    locale: z.string(),
  }),
  stage: z.object({ id, name: z.string(), kind: z.enum(STAGE_KINDS) }),
  job: z.object({ id, title: z.string(), department: z.string().nullable() }),
});

type ApplicationDetail = Prisma.ApplicationGetPayload<{ select: typeof applicationDetailSelect }>;

export function presentApplication(application: ApplicationDetail): z.output<typeof applicationResource> {
  const { candidate, stage, job } = application;
  return {
    id: application.id,
    jobId: application.jobId,
    candidateId: application.candidateId,
    stageId: application.stageId,
    status: application.status,
    source: application.source,
    appliedAt: iso(application.appliedAt),
    closedAt: iso(application.closedAt),
    outcomeReason: application.outcomeReason,
    candidate: {
      id: candidate.id,
      name: candidate.name,
      email: candidate.email,
      phone: candidate.phone,
      timeZone: candidate.timeZone,
      locale: candidate.locale,
    },
    stage: { id: stage.id, name: stage.name, kind: stage.kind },
    job: { id: job.id, title: job.title, department: job.department },
  };
}

export const messageRecordedResource = z.object({
  id: id.describe("Recorded: the id of the touchpoint event. Queued: the id of the outbox message."),
  applicationId: id,
  direction: z.enum(["outbound", "inbound"]),
  status: z.enum(["recorded", "queued"]).describe("recorded: history or received; queued: will be sent."),
  occurredAt: timestamp.nullable().describe("When it happened; null for a queued message until it is sent."),
  scheduledFor: timestamp.nullable().describe("Queued messages: when it goes out."),
  subject: z.string().nullable(),
});

export function presentRecordedMessage(
  applicationId: string,
  direction: "outbound" | "inbound",
  event: { id: string; occurredAt: Date },
): z.output<typeof messageRecordedResource> {
  return {
    id: event.id,
    applicationId,
    direction,
    status: "recorded",
    occurredAt: iso(event.occurredAt),
    scheduledFor: null,
    subject: null,
  };
}

export function presentQueuedMessage(
  applicationId: string,
  message: { id: string; scheduledFor: Date; subject: string },
): z.output<typeof messageRecordedResource> {
  return {
    id: message.id,
    applicationId,
    direction: "outbound",
    status: "queued",
    occurredAt: null,
    scheduledFor: iso(message.scheduledFor),
    subject: message.subject,
  };
}

export const apiTokenResource = z.object({
  id,
  name: z.string(),
  prefix: z.string().describe("The first characters of the token, to tell tokens apart."),
  owner: z.object({ id, name: z.string(), email: z.string() }).nullable().describe("null: acts as an admin."),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
});

export function presentApiToken(token: ApiTokenSummary): z.output<typeof apiTokenResource> {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    owner: token.user,
    createdAt: iso(token.createdAt),
    lastUsedAt: iso(token.lastUsedAt),
    revokedAt: iso(token.revokedAt),
  };
}
