// The JSON API's plumbing: bearer-token authentication, the error format, a size-limited JSON body reader and method
// dispatch, so that each /api/v1 route reads as parse → authorise → call a model → answer.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import { can, type Permission, type Role } from "~/domain/permissions";
import { authenticateApiToken } from "~/models/api-token.server";
import { withApiTokenAudit } from "~/models/audit.server";
import type { Actor } from "~/models/scope.server";
import type { UserSummary } from "~/models/user.server";
import { readBounded } from "~/platform/bounded-read.server";
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  type FieldIssue,
} from "~/platform/errors.server";
import { logger } from "~/platform/log.server";

export const MAX_JSON_BODY_BYTES = 1024 * 1024;

export const API_ERROR_STATUS = {
  validation_error: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal_error: 500,
  not_implemented: 501,
  service_unavailable: 503,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/** An answer in the API's error format. Throw it from a handler; `apiRoute` turns it into the response. */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = API_ERROR_STATUS[code];
  }
}

/** A JSON response. Dates become ISO 8601 UTC strings (Date#toJSON). */
export function apiJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      ...init.headers,
    },
  });
}

function errorBody(code: ApiErrorCode, message: string, issues: FieldIssue[]) {
  return { error: { code, message, issues } };
}

function isPrismaError(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}

/** Any error a handler threw, as the API's error response. Errors we did not expect are logged and hidden. */
export function errorResponse(error: unknown): Response {
  const answer = (code: ApiErrorCode, message: string, issues: FieldIssue[] = [], headers?: Record<string, string>) =>
    apiJson(errorBody(code, message, issues), { status: API_ERROR_STATUS[code], headers });
  if (error instanceof ApiError) return answer(error.code, error.message, error.issues, error.headers);
  if (error instanceof InvalidInputError) return answer("validation_error", error.message, error.issues);
  if (error instanceof ConflictError) return answer("conflict", error.message, error.issues);
  if (error instanceof NotFoundError) return answer("not_found", error.message);
  if (error instanceof ForbiddenError) return answer("forbidden", error.message);
  // A unique index beat our own check (two requests at once): the later one conflicts.
  if (isPrismaError(error, "P2002")) return answer("conflict", "This conflicts with a change made at the same time.");
  if (isPrismaError(error, "P2025")) return answer("not_found", "The record was not found.");
  logger.error({ err: error }, "An API request failed");
  return answer("internal_error", "Something went wrong on our side. The request was not applied; please retry.");
}

/** zod issues as the API's issues: paths joined with "." ("candidate.email", "stages.0.kind"); "" is the body. */
export function issuesFromZod(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

function validationError(message: string, issues: FieldIssue[] = []): ApiError {
  return new ApiError("validation_error", message, issues);
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError("payload_too_large", `The request body is larger than ${maxBytes / 1024 / 1024} MB.`);
}

/** A request body as bytes, refused (413) once larger than `maxBytes`: by its Content-Length, and for chunked uploads
 * (no Content-Length) counted as it streams in and dropped as soon as it is too large. */
export async function readRawBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declaredLength = Number(request.headers.get("Content-Length") ?? "");
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes) throw tooLarge(maxBytes);
  const bytes = await readBounded(request.body, maxBytes);
  if (!bytes) throw tooLarge(maxBytes);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** How deeply objects and arrays may nest in a JSON body: far beyond any schema of ours, far below a stack's limit. */
export const MAX_JSON_DEPTH = 64;

type BodyProblem = { kind: "too_deep" | "nul_text"; path: string[] };

/**
 * The first problem in a parsed body, in document order: a container nested deeper than MAX_JSON_DEPTH (the body
 * itself is level 1), or a string PostgreSQL cannot store (it has a NUL character). Walks with its own stack, so no
 * body can exhaust the call stack.
 */
function firstBodyProblem(body: unknown): BodyProblem | null {
  const pending: { value: unknown; path: string[] }[] = [{ value: body, path: [] }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value === "string") {
      if (value.includes("\u0000")) return { kind: "nul_text", path };
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (path.length >= MAX_JSON_DEPTH) return { kind: "too_deep", path };
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value);
    // Pushed last to first, so the first entry is looked at first.
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, item] = entries[index]!;
      pending.push({ value: item, path: [...path, key] });
    }
  }
  return null;
}

/** The request's JSON object body: at most 1 MB, UTF-8, well-formed. Anything else is a 400/413/415. */
export async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  const contentType = request.headers.get("Content-Type");
  if (contentType && !/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(contentType)) {
    throw new ApiError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  }
  const bytes = await readRawBody(request, MAX_JSON_BODY_BYTES);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw validationError("The request body is not valid UTF-8 text.");
  }
  if (text.trim() === "") throw validationError("The request body is empty; send a JSON object.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw validationError(`The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw validationError("The request body must be a JSON object.");
  }
  const problem = firstBodyProblem(value);
  if (problem?.kind === "too_deep") {
    const message = `The request body is nested too deeply: at most ${MAX_JSON_DEPTH} levels of objects and arrays.`;
    throw validationError(message, [
      { path: problem.path.join("."), message: `Nested deeper than ${MAX_JSON_DEPTH} levels.` },
    ]);
  }
  if (problem?.kind === "nul_text") {
    const message = "Text must not contain NUL characters (\\u0000).";
    throw validationError(message, [{ path: problem.path.join("."), message }]);
  }
  return value as Record<string, unknown>;
}

/** Reads the body and validates it with the endpoint's schema (the same one its form uses). */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const result = schema.safeParse(await readJsonBody(request));
  if (!result.success) {
    throw validationError("The request has invalid fields; see issues.", issuesFromZod(result.error.issues));
  }
  return result.data;
}

/** Validates the query string with `schema` (a parameter given twice: the first value counts). */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const params = new URL(request.url).searchParams;
  const values: Record<string, string> = {};
  for (const [key, value] of params) values[key] ??= value;
  const nulKey = Object.keys(values).find((key) => values[key]!.includes("\u0000"));
  if (nulKey !== undefined) {
    const message = "Query parameters must not contain NUL characters (%00).";
    throw validationError(message, [{ path: nulKey, message }]);
  }
  const result = schema.safeParse(values);
  if (!result.success) {
    throw validationError("The query has invalid parameters; see issues.", issuesFromZod(result.error.issues));
  }
  return result.data;
}

/** Who is calling: the token and the user it acts as (none for the CLI's tokens, which act as an admin). */
export type ApiPrincipal = {
  tokenId: string;
  tokenName: string;
  user: UserSummary | null;
  role: Role;
  /** What the models scope by and record as the actor. */
  actor: Actor;
};

/**
 * The actor of a token without an owner: admin rights and no user. Models write its id into nullable actor columns
 * only (events, audit entries: "no staff member") and admin scopes never read it, so null is what reaches the
 * database; the audit entries name the token instead (withApiTokenAudit).
 */
function ownerlessActor(): Actor {
  return { id: null as unknown as string, role: "admin" };
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

function unauthorized(message: string): ApiError {
  return new ApiError("unauthorized", message, [], { "WWW-Authenticate": 'Bearer realm="hearback"' });
}

export async function requireApiPrincipal(request: Request): Promise<ApiPrincipal> {
  const header = request.headers.get("Authorization");
  if (!header) {
    throw unauthorized("Send an API token as `Authorization: Bearer <token>`. Admins create tokens in Settings.");
  }
  const match = BEARER.exec(header);
  if (!match) throw unauthorized("The Authorization header must read `Bearer <token>`.");
  const result = await authenticateApiToken(match[1]!);
  if (!result.ok) {
    const messages = {
      unknown: "This API token is not valid.",
      revoked: "This API token was revoked.",
      owner_deactivated: "The account this API token belongs to is deactivated.",
    } as const;
    throw unauthorized(messages[result.reason]);
  }
  const { token, owner } = result;
  return {
    tokenId: token.id,
    tokenName: token.name,
    user: owner,
    role: owner?.role ?? "admin",
    actor: owner ?? ownerlessActor(),
  };
}

export function requireApiPermission(principal: ApiPrincipal, permission: Permission): void {
  if (!can(principal.role, permission)) {
    throw new ApiError("forbidden", "This API token's account is not allowed to do that.");
  }
}

type RouteArgs = LoaderFunctionArgs | ActionFunctionArgs;
export type ApiMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type PublicHandler = (args: RouteArgs) => Promise<Response>;
type ApiHandler = (args: RouteArgs & { principal: ApiPrincipal }) => Promise<Response>;

function dispatch<H>(handlers: Partial<Record<ApiMethod, H>>, run: (handler: H, args: RouteArgs) => Promise<Response>) {
  const allowed = Object.keys(handlers);
  const allow = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : [])].join(", ");
  // One function serves as the route's loader (GET, HEAD) and action (everything else).
  return async function handle(args: RouteArgs): Promise<Response> {
    const method = args.request.method.toUpperCase();
    const handler = handlers[(method === "HEAD" ? "GET" : method) as ApiMethod];
    try {
      if (!handler) {
        throw new ApiError("method_not_allowed", `${method} is not supported here. Use ${allow}.`, [], {
          Allow: allow,
        });
      }
      return await run(handler, args);
    } catch (error) {
      if (error instanceof Response) return error;
      return errorResponse(error);
    }
  };
}

/** No record has an id with a NUL character (PostgreSQL cannot even compare one): such a path names nothing. */
function refuseUnstorableIds(params: RouteArgs["params"]): void {
  if (Object.values(params).some((value) => value?.includes("\u0000"))) {
    throw new ApiError("not_found", "There is no record with that id.");
  }
}

/** An authenticated endpoint: the handler gets the caller; audit entries it causes record the token. */
export function apiRoute(handlers: Partial<Record<ApiMethod, ApiHandler>>) {
  return dispatch(handlers, async (handler, args) => {
    const principal = await requireApiPrincipal(args.request);
    refuseUnstorableIds(args.params);
    return withApiTokenAudit(principal.tokenId, () => handler({ ...args, principal }));
  });
}

/** An endpoint anyone may call (health check, API description). */
export function publicApiRoute(handlers: Partial<Record<ApiMethod, PublicHandler>>) {
  return dispatch(handlers, (handler, args) => handler(args));
}
