// The OpenAPI 3.1 description of /api/v1, assembled from the operations each API route module declares and generated
// from the zod schemas the endpoints validate with (request bodies: their input side) and the resource schemas they
// answer with, so the document cannot drift from the code.
import { z } from "zod";
import { errorResource } from "./api-resources.server";

type JsonSchema = Record<string, unknown>;

/** One operation of the API, declared by the route module that implements it. */
export type ApiOperation = {
  method: "get" | "post" | "put" | "patch" | "delete";
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
  /** contentType: a success that is not JSON (Prometheus text); default application/json. */
  success: { status: number; description: string; schema: z.ZodType; contentType?: string };
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

export const BODY_ERRORS = [400, 413, 415];

const TAGS = [
  { name: "System", description: "Health and this description." },
  { name: "Jobs", description: "Jobs and their pipelines of stages." },
  { name: "Applications", description: "Candidates applying to jobs, and what happens to them." },
  {
    name: "Interviews",
    description: "Interviews scheduled or offered as times to choose from, their calendar invitations and feedback.",
  },
  {
    name: "Schedules",
    description: "Business hours and holidays that business-time SLA targets count in, with due-date calculators.",
  },
  { name: "SLA policies", description: "Response-time promises to candidates, tried in order; the default last." },
  { name: "SLA clocks", description: "Clocks per application, as of any instant, and the “waiting on us” queue." },
  { name: "Templates", description: "Messages to candidates: the compassion lint." },
  { name: "Metrics", description: "How fast candidates hear back: the dashboard's figures (docs/metrics.md)." },
  {
    name: "Inbound email",
    description:
      "Candidate replies and staff email sent to the BCC capture address, posted as raw email by a mail provider's webhook.",
  },
  {
    name: "Imports",
    description: "Candidates and their history from a spreadsheet: ATS exports and trackers (docs/imports.md).",
  },
  {
    name: "Connectors",
    description: "Connected ATSs (Greenhouse, Ashby, Lever) and generic signed webhooks: docs/connectors.md.",
  },
  {
    name: "Webhooks",
    description: "Endpoints that receive Hearback's events, signed (Standard Webhooks): docs/webhooks.md.",
  },
] as const;

function toJsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: "draft-2020-12" }) as JsonSchema;
  return rest;
}

function parameters(operation: ApiOperation) {
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

function describe(operation: ApiOperation) {
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
        content: {
          [operation.success.contentType ?? "application/json"]: {
            schema: toJsonSchema(operation.success.schema, "output"),
          },
        },
      },
      ...errorResponses,
    },
  };
}

/** A route module that documents its endpoint: its `openapi` export. */
export type DocumentedRoute = { openapi: readonly ApiOperation[] };

/** The document's paths follow the order of `routes`, and each route's operations their order there. */
export function buildOpenApiDocument(serverUrl: string, routes: readonly DocumentedRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of routes.flatMap((route) => route.openapi)) {
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
