// Calling API routes the way Remix does (real Requests, the route's loader or action) against the test database.
import fs from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { expect } from "vitest";
import type { z } from "zod";
import type { Role } from "~/domain/permissions";
import { createApiToken } from "~/models/api-token.server";
import { createUser, type UserSummary } from "~/models/user.server";
import { prisma } from "~/platform/db.server";

export const ORIGIN = "http://hearback.test";

type RouteFunction = (args: LoaderFunctionArgs | ActionFunctionArgs) => Promise<Response>;
export type ApiRouteModule = { loader: RouteFunction; action: RouteFunction };

const LITERAL_DOT = "\u{E000}"; // a private-use character no route file name contains

/** "api.v1.jobs.$jobId.ts" → "/api/v1/jobs/{jobId}" (Remix flat-route file names; "[.]" is a literal dot, and
 * brackets escape the rest: "[test]" is the segment "test"). */
function pathOfRouteFile(file: string): string {
  const segments = file
    .replace(/\.tsx?$/, "")
    .replaceAll("[.]", LITERAL_DOT)
    .split(".")
    .map((segment) =>
      segment
        .replaceAll(LITERAL_DOT, ".")
        .replace(/^\$(\w+)$/, "{$1}")
        .replace(/\[([^\]]*)\]/g, "$1"),
    );
  return `/${segments.join("/")}`;
}

/** Every endpoint's route module (app/routes/api.v1.*, api.public.*, healthz and readyz), by its OpenAPI path
 * ("/api/v1/jobs/{jobId}"). */
export async function endpointRoutes(): Promise<Map<string, ApiRouteModule>> {
  const routesDir = path.resolve("app/routes");
  const files = fs
    .readdirSync(routesDir)
    .filter(
      (file) =>
        (file.startsWith("api.v1.") ||
          file.startsWith("api.public.") ||
          file === "healthz.ts" ||
          file === "readyz.ts") &&
        !file.includes(".test."),
    );
  const routes = new Map<string, ApiRouteModule>();
  for (const file of files) {
    routes.set(pathOfRouteFile(file), (await import(/* @vite-ignore */ path.join(routesDir, file))) as ApiRouteModule);
  }
  return routes;
}

let counter = 0;

export type Caller = { token: string; tokenId: string; user: UserSummary | null };

/** A staff member of `role` with an API token of their own; `null`: a token without an owner, as the CLI makes. */
export async function caller(role: Role | null): Promise<Caller> {
  counter += 1;
  const user = role
    ? await createUser({
        email: `api-${role.replace("_", "-")}${counter}@example.com`,
        name: `${role} ${counter}`,
        role,
        password: "correct horse battery",
      })
    : null;
  const { token, secret } = await createApiToken({ name: `test token ${counter}` }, user?.id ?? null);
  return { token: secret, tokenId: token.id, user };
}

export type RequestOptions = {
  token?: string | null;
  /** Sent as JSON, unless it is a string or a stream (sent as is). */
  body?: unknown;
  headers?: Record<string, string>;
};

export function apiRequest(method: string, path: string, who: Caller | null, options: RequestOptions = {}): Request {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? who?.token : options.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    headers["Content-Type"] ??= "application/json";
    body =
      typeof options.body === "string" || options.body instanceof ReadableStream
        ? (options.body as BodyInit)
        : JSON.stringify(options.body);
  }
  return new Request(`${ORIGIN}${path}`, {
    method,
    headers,
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}

export type ApiAnswer<T = Record<string, unknown>> = { status: number; body: T; headers: Headers };

/** Runs the route as Remix would: the loader for GET and HEAD, the action for every other method. */
export async function send<T = Record<string, unknown>>(
  route: ApiRouteModule,
  request: Request,
  params: Record<string, string> = {},
): Promise<ApiAnswer<T>> {
  const method = request.method.toUpperCase();
  const run = method === "GET" || method === "HEAD" ? route.loader : route.action;
  const response = await run({ request, params, context: {} });
  expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
}

/** Fails the test unless `value` matches the resource schema the OpenAPI document promises. */
export function expectShape<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`Answer does not match its schema: ${JSON.stringify(result.error.issues)}`);
  return result.data;
}

export type ErrorBody = { error: { code: string; message: string; issues: { path: string; message: string }[] } };

export async function rowCounts() {
  const [jobs, stages, candidates, applications, events, audits] = await Promise.all([
    prisma.job.count(),
    prisma.stage.count(),
    prisma.candidate.count(),
    prisma.application.count(),
    prisma.event.count(),
    prisma.auditLog.count(),
  ]);
  return { jobs, stages, candidates, applications, events, audits };
}
