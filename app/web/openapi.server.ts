// The OpenAPI 3.1 description of /api/v1, generated from the zod schemas the endpoints validate with (request bodies:
// their input side) and the resource schemas they answer with, so the document cannot drift from the code.
import { z } from "zod";
import { applicationInputSchema, decisionSchema, messageInputSchema, stageMoveSchema } from "~/domain/applications";
import { jobInputSchema } from "~/domain/jobs";
import { metricsQuerySchema } from "~/domain/metrics/query";
import { slaPolicyInputSchema } from "~/domain/sla/policies";
import { scheduleInputSchema } from "~/domain/sla/schedule";
import { lintResultSchema, templateLintInputSchema } from "~/domain/templates/schemas";
import { INBOUND_EMAIL_CONTENT_TYPES, inboundReceiptResource } from "~/domain/inbound/receipt";
import {
  applicationCreatedResource,
  applicationResource,
  errorResource,
  healthResource,
  jobListQuerySchema,
  jobListResource,
  jobResource,
  messageRecordedResource,
} from "./api-resources.server";
import {
  applicationSlaResource,
  asOfQuerySchema,
  deletedResource,
  dueQuerySchema,
  dueResource,
  elapsedQuerySchema,
  elapsedResource,
  MAX_CALCULATOR_MINUTES,
  queueQuerySchema,
  queueResource,
  scheduleListResource,
  scheduleResource,
  slaPolicyListResource,
  slaPolicyResource,
} from "./api-sla-resources.server";
import { metricsResource } from "./api-metrics-resources.server";

type JsonSchema = Record<string, unknown>;

type Operation = {
  method: "get" | "post" | "put" | "delete";
  /** OpenAPI path, parameters in braces: /api/v1/jobs/{jobId}. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: (typeof TAGS)[number]["name"];
  /** false: no token needed. */
  authenticated?: boolean;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A body that is not JSON (a raw email): its media types and what it holds. */
  rawBody?: { contentTypes: string[]; description: string };
  success: { status: number; description: string; schema: z.ZodType };
  /** Error statuses this endpoint can answer besides 401 (authenticated ones) and 500. */
  errors: number[];
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "validation_error: the body or query is invalid; `issues` names each field.",
  401: "unauthorized: the bearer token is missing, unknown or revoked.",
  403: "forbidden: the token's account may not do this.",
  404: "not_found: no such resource, or the token's account may not see it.",
  405: "method_not_allowed: this path does not support the method (see the Allow header).",
  409: "conflict: the change conflicts with the current state.",
  413: "payload_too_large: the body is larger than 1 MB.",
  415: "unsupported_media_type: the body is not JSON.",
  500: "internal_error: nothing was changed; retry later.",
  501: "not_implemented: the requested behaviour is not available yet.",
  503: "service_unavailable: the database is not answering.",
};

const BODY_ERRORS = [400, 413, 415];

const TAGS = [
  { name: "System", description: "Health and this description." },
  { name: "Jobs", description: "Jobs and their pipelines of stages." },
  { name: "Applications", description: "Candidates applying to jobs, and what happens to them." },
  {
    name: "Schedules",
    description: "Business hours and holidays that business-time SLA targets count in, with due-date calculators.",
  },
  { name: "SLA policies", description: "Response-time promises to candidates, tried in order; the default last." },
  { name: "SLA clocks", description: "Clocks per application, as of any instant, and the “waiting on us” queue." },
  { name: "Templates", description: "Messages to candidates: the compassion lint." },
  { name: "Metrics", description: "How fast candidates hear back: the dashboard's figures (docs/metrics.md)." },
  { name: "Inbound email", description: "Candidate replies, posted as raw email by a mail provider's webhook." },
] as const;

const SCHEDULE_BODY_NOTE =
  "Invalid input is a 400 whose issues name the field: an unknown `timeZone`, a malformed time " +
  "(`hours.1.open`), a reversed or overlapping interval, an impossible date (`holidays.0.date`), a partial-day " +
  "holiday with only one of closedFrom and closedUntil.";

export const OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/healthz",
    operationId: "getHealth",
    summary: "Health check",
    description: "200 while the database answers.",
    tag: "System",
    authenticated: false,
    success: { status: 200, description: "The service and its database answer.", schema: healthResource },
    errors: [503],
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This API description",
    tag: "System",
    authenticated: false,
    success: { status: 200, description: "An OpenAPI 3.1 document.", schema: z.looseObject({}) },
    errors: [],
  },
  {
    method: "get",
    path: "/api/v1/jobs",
    operationId: "listJobs",
    summary: "List the jobs the token may see",
    description: "Admins and recruiters see every job; hiring managers the jobs they manage.",
    tag: "Jobs",
    query: jobListQuerySchema,
    success: { status: 200, description: "The jobs, open ones first.", schema: jobListResource },
    errors: [400],
  },
  {
    method: "post",
    path: "/api/v1/jobs",
    operationId: "createJob",
    summary: "Create a job",
    description:
      "Needs the manage_jobs permission (admins, recruiters). Without `stages` the job gets Applied, Screen, " +
      "Interview and Offer. The first stage must be of kind `applied`.",
    tag: "Jobs",
    body: jobInputSchema,
    success: { status: 201, description: "The job with its stages.", schema: jobResource },
    errors: [...BODY_ERRORS, 403],
  },
  {
    method: "get",
    path: "/api/v1/jobs/{jobId}",
    operationId: "getJob",
    summary: "Get a job with its stages",
    tag: "Jobs",
    success: { status: 200, description: "The job.", schema: jobResource },
    errors: [404],
  },
  {
    method: "post",
    path: "/api/v1/applications",
    operationId: "createApplication",
    summary: "Add a candidate to a job",
    description:
      "Needs the add_candidates permission. The candidate is matched by email, case-insensitively, or created. " +
      "A second active application of the same candidate to the same job is a 409. An unknown jobId is a 400 " +
      'with an issue at "jobId".',
    tag: "Applications",
    body: applicationInputSchema,
    success: { status: 201, description: "The new application.", schema: applicationCreatedResource },
    errors: [...BODY_ERRORS, 403, 409],
  },
  {
    method: "get",
    path: "/api/v1/applications/{applicationId}",
    operationId: "getApplication",
    summary: "Get an application with its candidate, stage and status",
    tag: "Applications",
    success: { status: 200, description: "The application.", schema: applicationResource },
    errors: [404],
  },
  {
    method: "post",
    path: "/api/v1/applications/{applicationId}/stage",
    operationId: "moveApplication",
    summary: "Move an application to another stage of its job",
    description: "Needs the move_applications permission. Closed applications cannot move (409).",
    tag: "Applications",
    body: stageMoveSchema,
    success: { status: 200, description: "The application after the move.", schema: applicationResource },
    errors: [...BODY_ERRORS, 403, 404, 409],
  },
  {
    method: "post",
    path: "/api/v1/applications/{applicationId}/decision",
    operationId: "decideApplication",
    summary: "Reject, hire or withdraw an application",
    description: "Needs the decide_applications permission. An application is decided once (409 afterwards).",
    tag: "Applications",
    body: decisionSchema,
    success: { status: 200, description: "The decided application.", schema: applicationResource },
    errors: [...BODY_ERRORS, 403, 404, 409],
  },
  {
    method: "post",
    path: "/api/v1/applications/{applicationId}/messages",
    operationId: "recordMessage",
    summary: "Send or record a message on an application",
    description:
      "With `occurredAt` the message is recorded as history and not sent. An inbound message without " +
      "`occurredAt` is recorded as received now. An outbound message without `occurredAt` is queued in the " +
      "outbox and emailed to the candidate (now, or at `sendAt`) from the token's owner, with the status link " +
      "and a reply address; `subject` is required and `body` is Markdown that may use merge fields such as " +
      "{{candidate.firstName}}. The compassion lint's errors (unknown merge fields, empty body) answer 400.",
    tag: "Applications",
    body: messageInputSchema,
    success: { status: 201, description: "The recorded or queued message.", schema: messageRecordedResource },
    errors: [...BODY_ERRORS, 403, 404, 409],
  },
  {
    method: "get",
    path: "/api/v1/schedules",
    operationId: "listSchedules",
    summary: "List business schedules",
    description: "Any staff token. The default schedule first.",
    tag: "Schedules",
    success: { status: 200, description: "The schedules.", schema: scheduleListResource },
    errors: [],
  },
  {
    method: "post",
    path: "/api/v1/schedules",
    operationId: "createSchedule",
    summary: "Create a business schedule",
    description: `Needs the manage_settings permission (admins). ${SCHEDULE_BODY_NOTE}`,
    tag: "Schedules",
    body: scheduleInputSchema,
    success: { status: 201, description: "The schedule.", schema: scheduleResource },
    errors: [...BODY_ERRORS, 403],
  },
  {
    method: "get",
    path: "/api/v1/schedules/{scheduleId}",
    operationId: "getSchedule",
    summary: "Get a business schedule",
    tag: "Schedules",
    success: { status: 200, description: "The schedule.", schema: scheduleResource },
    errors: [404],
  },
  {
    method: "put",
    path: "/api/v1/schedules/{scheduleId}",
    operationId: "updateSchedule",
    summary: "Replace a business schedule",
    description:
      "Needs the manage_settings permission. Due dates of running clocks move (a recompute is queued); start " +
      `times and past breaches stay. ${SCHEDULE_BODY_NOTE}`,
    tag: "Schedules",
    body: scheduleInputSchema,
    success: { status: 200, description: "The schedule as saved.", schema: scheduleResource },
    errors: [...BODY_ERRORS, 403, 404],
  },
  {
    method: "delete",
    path: "/api/v1/schedules/{scheduleId}",
    operationId: "deleteSchedule",
    summary: "Delete a business schedule",
    description:
      "Needs the manage_settings permission. Jobs and policies that used it fall back to the policy's or the " +
      "default schedule. The default schedule cannot be deleted (409).",
    tag: "Schedules",
    success: { status: 200, description: "The schedule was deleted.", schema: deletedResource },
    errors: [403, 404, 409],
  },
  {
    method: "get",
    path: "/api/v1/schedules/{scheduleId}/due",
    operationId: "scheduleDueDate",
    summary: "When N business minutes after an instant are up",
    description:
      "Counting starts at the next opening when `from` is outside open hours; DST and holidays count as the " +
      `schedule's local clock says. minutes: 0 to ${MAX_CALCULATOR_MINUTES}. A schedule with no open hours, or one ` +
      "too sparse to reach the due date within 100 years, is a 409.",
    tag: "Schedules",
    query: dueQuerySchema,
    success: { status: 200, description: "The due instant.", schema: dueResource },
    errors: [400, 404, 409],
  },
  {
    method: "get",
    path: "/api/v1/schedules/{scheduleId}/elapsed",
    operationId: "scheduleElapsedMinutes",
    summary: "Business minutes between two instants",
    description:
      "`to` must not be before `from` and at most ten years after it (400 naming `to`). A schedule with no open " +
      "hours is a 409.",
    tag: "Schedules",
    query: elapsedQuerySchema,
    success: { status: 200, description: "The business minutes.", schema: elapsedResource },
    errors: [400, 404, 409],
  },
  {
    method: "get",
    path: "/api/v1/sla-policies",
    operationId: "listSlaPolicies",
    summary: "List SLA policies in matching order",
    description: "Any staff token. The first policy whose conditions fit a job wins; the default policy is last.",
    tag: "SLA policies",
    success: { status: 200, description: "The policies.", schema: slaPolicyListResource },
    errors: [],
  },
  {
    method: "post",
    path: "/api/v1/sla-policies",
    operationId: "createSlaPolicy",
    summary: "Create an SLA policy",
    description:
      "Needs the manage_settings permission. Without `position` the policy is tried after the others (before " +
      "the default). Unknown schedule or job ids are a 400 naming the field.",
    tag: "SLA policies",
    body: slaPolicyInputSchema,
    success: { status: 201, description: "The policy.", schema: slaPolicyResource },
    errors: [...BODY_ERRORS, 403],
  },
  {
    method: "get",
    path: "/api/v1/sla-policies/{policyId}",
    operationId: "getSlaPolicy",
    summary: "Get an SLA policy",
    tag: "SLA policies",
    success: { status: 200, description: "The policy.", schema: slaPolicyResource },
    errors: [404],
  },
  {
    method: "put",
    path: "/api/v1/sla-policies/{policyId}",
    operationId: "updateSlaPolicy",
    summary: "Replace an SLA policy",
    description:
      "Needs the manage_settings permission. The default policy keeps no match conditions. Running clocks are " +
      "recomputed: start times stay, due dates move, past breaches stay.",
    tag: "SLA policies",
    body: slaPolicyInputSchema,
    success: { status: 200, description: "The policy as saved.", schema: slaPolicyResource },
    errors: [...BODY_ERRORS, 403, 404],
  },
  {
    method: "delete",
    path: "/api/v1/sla-policies/{policyId}",
    operationId: "deleteSlaPolicy",
    summary: "Delete an SLA policy",
    description: "Needs the manage_settings permission. The default policy cannot be deleted (409).",
    tag: "SLA policies",
    success: { status: 200, description: "The policy was deleted.", schema: deletedResource },
    errors: [403, 404, 409],
  },
  {
    method: "post",
    path: "/api/v1/templates/lint",
    operationId: "lintTemplate",
    summary: "Check a message with the compassion lint",
    description:
      "Any staff token; nothing is stored. Errors (an unknown {{token}}, an empty body, sections or partials) block " +
      "saving and sending and make the score 0. Warnings: no personal greeting, a rejection that does not state the " +
      "decision in its first two sentences, opening with “Unfortunately”, no-reply wording, no named sender, a " +
      "status update without {{nextUpdateBy}}, reading grade above 8, sentences over 25 words, passive voice and " +
      "insensitive wording (the last three for English).",
    tag: "Templates",
    body: templateLintInputSchema,
    success: { status: 200, description: "Score, reading grade and findings.", schema: lintResultSchema },
    errors: [...BODY_ERRORS],
  },
  {
    method: "post",
    path: "/api/v1/inbound/email",
    operationId: "receiveInboundEmail",
    summary: "Receive a candidate's reply (raw RFC 822 email)",
    description:
      "Needs the move_applications permission. The email is filed on the application its signed reply address " +
      "(reply+…@) or its In-Reply-To/References name, as a message_in that starts next_response; otherwise it waits " +
      "in the staff inbox (status unmatched). Quoted history and signatures are left out. The same Message-ID posted " +
      "again is stored once (duplicate: true). At most 10 MB (413); an empty body or one that is not an email is a 400.",
    tag: "Inbound email",
    rawBody: {
      contentTypes: INBOUND_EMAIL_CONTENT_TYPES,
      description: "The whole email as received: headers, blank line, MIME body.",
    },
    success: { status: 202, description: "Stored: filed or in the inbox.", schema: inboundReceiptResource },
    errors: [...BODY_ERRORS, 403],
  },
  {
    method: "get",
    path: "/api/v1/applications/{applicationId}/sla",
    operationId: "getApplicationSla",
    summary: "An application's SLA clocks as of an instant",
    description:
      "Replayed from the event log as of `at` (default now): events after it are ignored, and only clock " +
      "instances started at or before it are listed. Uses today's policy and schedule; a schedule without open " +
      "hours under business-hours targets is a 409.",
    tag: "SLA clocks",
    query: asOfQuerySchema,
    success: { status: 200, description: "The clocks.", schema: applicationSlaResource },
    errors: [400, 404, 409],
  },
  {
    method: "get",
    path: "/api/v1/queue",
    operationId: "getQueue",
    summary: "Waiting on us: running clocks, soonest due first",
    description:
      "The running clocks of the applications the token may see. `breached` and `risk` are judged as of `at` " +
      "(default now).",
    tag: "SLA clocks",
    query: queueQuerySchema,
    success: { status: 200, description: "The queue.", schema: queueResource },
    errors: [400],
  },
  {
    method: "get",
    path: "/api/v1/metrics",
    operationId: "getMetrics",
    summary: "The metrics report for a window",
    description:
      "The dashboard's figures for applications, clocks and survey answers in [from, to), scoped to the " +
      "jobs the token's account may see (hiring managers: their own; interviewers: 403). Attainment and rates are " +
      "fractions 0–1, durations wall-clock minutes; a figure without data is null, never 0 ÷ 0. The window may " +
      "span at most two years. Definitions: docs/metrics.md.",
    tag: "Metrics",
    query: metricsQuerySchema,
    success: { status: 200, description: "The report.", schema: metricsResource },
    errors: [400, 403],
  },
];

function toJsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: "draft-2020-12" }) as JsonSchema;
  return rest;
}

function parameters(operation: Operation) {
  const inPath = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
    name: match[1]!,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const query = operation.query ? toJsonSchema(operation.query, "input") : null;
  const required = new Set((query?.required as string[] | undefined) ?? []);
  const inQuery = Object.entries((query?.properties as Record<string, JsonSchema> | undefined) ?? {}).map(
    ([name, schema]) => ({ name, in: "query", required: required.has(name), schema }),
  );
  return [...inPath, ...inQuery];
}

function describe(operation: Operation) {
  const authenticated = operation.authenticated ?? true;
  const errorStatuses = [...new Set([...(authenticated ? [401] : []), ...operation.errors, 500])].sort((a, b) => a - b);
  const errorResponses = Object.fromEntries(
    errorStatuses.map((status) => [
      String(status),
      {
        description: ERROR_DESCRIPTIONS[status] ?? "Error.",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      },
    ]),
  );
  const parameterList = parameters(operation);
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [operation.tag],
    security: authenticated ? [{ bearerAuth: [] }] : [],
    ...(parameterList.length ? { parameters: parameterList } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: toJsonSchema(operation.body, "input") } },
          },
        }
      : {}),
    ...(operation.rawBody
      ? {
          requestBody: {
            required: true,
            description: operation.rawBody.description,
            content: Object.fromEntries(
              operation.rawBody.contentTypes.map((type) => [type, { schema: { type: "string" } }]),
            ),
          },
        }
      : {}),
    responses: {
      [String(operation.success.status)]: {
        description: operation.success.description,
        content: { "application/json": { schema: toJsonSchema(operation.success.schema, "output") } },
      },
      ...errorResponses,
    },
  };
}

export function buildOpenApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS) {
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = describe(operation);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Hearback API",
      version: "1",
      description:
        "JSON in and out; timestamps are ISO 8601 in UTC. Authenticate with `Authorization: Bearer <token>`: " +
        "admins create tokens in Settings → API tokens, or run `npx hearback token create --name <name>`. " +
        'Errors read {"error":{"code","message","issues":[{"path","message"}]}}.',
    },
    servers: [{ url: serverUrl }],
    tags: TAGS,
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API token, like hb_…" },
      },
      schemas: { Error: toJsonSchema(errorResource, "output") },
    },
  };
}
