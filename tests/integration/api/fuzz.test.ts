// Bounded fuzzing of every operation in the API's own OpenAPI document: wrong types, nulls, huge strings, deep
// nesting, bad and unknown ids, missing required and extra fields, bad query parameters, odd bodies, wrong methods
// and tokens. Each request goes through its route's loader or action the way Remix calls it. No answer may be a 5xx,
// and every 4xx must be in the documented error format with a status the document lists for the operation.
// Generation is seeded (SEED, and each operation's id), so a run sends the same requests every time and a failure
// names the case that reproduces it.
import { beforeAll, expect, test } from "vitest";
import * as openApiRoute from "~/routes/api.v1.openapi[.]json";
import { errorResource } from "~/web/api-resources.server";
import { API_ERROR_STATUS } from "~/web/api.server";
import { pinClock } from "../../clock";
import { apiRequest, caller, endpointRoutes, ORIGIN, send, type ApiRouteModule, type Caller } from "./helpers";
import { scheduleInterview } from "~/models/interviews/schedule.server";
import { markReady } from "~/platform/lifecycle.server";

pinClock();

const SEED = 20_270_112;
/** Random cases per operation, on top of the fixed ones every operation gets. */
const RANDOM_CASES = 12;
const HUGE = "x".repeat(100_000);

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
};
type Parameter = { name: string; in: "path" | "query"; required: boolean; schema: JsonSchema };
type OperationDoc = {
  operationId: string;
  security: unknown[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, unknown>;
};
type Operation = { method: string; path: string; doc: OperationDoc; route: ApiRouteModule };

// ---------------------------------------------------------------------------------------------------------------
// Seeded choices (mulberry32): no Math.random anywhere.

type Random = {
  next(): number;
  int(below: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
};

function seeded(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return { next, int, pick: (items) => items[int(items.length)]!, chance: (probability) => next() < probability };
}

/** FNV-1a of `text`, mixed with SEED: each operation draws from its own sequence. */
function seedFor(text: string): number {
  let hash = 0x811c9dc5 ^ SEED;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return hash >>> 0;
}

// ---------------------------------------------------------------------------------------------------------------
// The records requests may name, made through the API itself.

type Fixtures = {
  admin: Caller;
  others: Caller[];
  ids: Record<string, string[]>;
};
let fixtures: Fixtures;

async function created(route: ApiRouteModule, url: string, who: Caller, body: unknown) {
  const answer = await send<{ id: string; stages?: { id: string }[] }>(route, apiRequest("POST", url, who, { body }));
  expect(answer.status, `${url}: ${JSON.stringify(answer.body)}`).toBe(201);
  return answer.body;
}

// The operations, read from the served document when the file is collected: one test each.
const routes = await endpointRoutes();
const documentAnswer = await send<{ paths: Record<string, Record<string, OperationDoc>> }>(
  openApiRoute,
  apiRequest("GET", "/api/v1/openapi.json", null),
);
// Reads first, then writes, then what closes or removes the records the others use.
const rank = (method: string, path: string) =>
  method === "get" ? 0 : method === "delete" ? 3 : path.endsWith("/decision") ? 2 : 1;
const operations: Operation[] = Object.entries(documentAnswer.body.paths)
  .flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, doc]) => ({ method, path, doc, route: routes.get(path)! })),
  )
  .sort((a, b) => rank(a.method, a.path) - rank(b.method, b.path));

beforeAll(async () => {
  // As after start-up: /readyz answers 200 (app/boot.server.ts marks the process ready once its workers run).
  markReady();
  const admin = await caller("admin");
  const recruiter = await caller("recruiter");
  const hiringManager = await caller("hiring_manager");
  const interviewer = await caller("interviewer");
  const jobs = routes.get("/api/v1/jobs")!;
  const job = await created(jobs, "/api/v1/jobs", admin, {
    title: "Fuzz Engineer",
    department: "Fuzzing",
    recruiterId: recruiter.user!.id,
    hiringManagerId: hiringManager.user!.id,
  });
  const applications = [];
  for (const name of ["Ada Fuzz", "Bo Fuzz", "Cy Fuzz"]) {
    applications.push(
      await created(routes.get("/api/v1/applications")!, "/api/v1/applications", admin, {
        jobId: job.id,
        candidate: { name, email: `${name.split(" ")[0]!.toLowerCase()}.fuzz@example.com`, locale: "de" },
        notify: false,
      }),
    );
  }
  const schedule = await created(routes.get("/api/v1/schedules")!, "/api/v1/schedules", admin, {
    name: "Fuzz hours",
    timeZone: "Europe/Berlin",
    hours: [{ day: "mon", open: "09:00", close: "17:00" }],
  });
  const policy = await created(routes.get("/api/v1/sla-policies")!, "/api/v1/sla-policies", admin, {
    name: "Fuzz policy",
    match: { departments: ["Fuzzing"] },
    targets: [{ metric: "first_response", minutes: 60, businessHours: true }],
  });
  const connector = await created(routes.get("/api/v1/connectors")!, "/api/v1/connectors", admin, {
    kind: "webhook",
    name: "Fuzz sender",
  });
  const webhook = await created(routes.get("/api/v1/webhooks")!, "/api/v1/webhooks", admin, {
    url: "https://hooks.example.com/fuzz",
    events: ["sla.breached"],
  });
  // Through the model: the fuzz's `created` posts to paths without parameters.
  const interview = await scheduleInterview(
    applications[0]!.id,
    {
      startsAt: new Date("2099-01-05T10:00:00Z"),
      durationMinutes: 30,
      location: "Fuzz room",
      interviewerIds: [],
      notify: false,
    },
    admin.user!,
  );
  const userIds = [recruiter, hiringManager, admin].map((who) => who.user!.id);
  fixtures = {
    admin,
    others: [recruiter, hiringManager, interviewer],
    ids: {
      jobId: [job.id],
      applicationId: applications.map((application) => application.id),
      stageId: job.stages!.map((stage) => stage.id),
      scheduleId: [schedule.id, "default-schedule"],
      policyId: [policy.id],
      connectorId: [connector.id],
      webhookId: [webhook.id],
      interviewId: [interview.id],
      // No delivery has failed: a retry of any is a 404, which is what the cases check.
      deliveryId: ["no-such-delivery"],
      recruiterId: userIds,
      hiringManagerId: userIds,
    },
  };
});

// ---------------------------------------------------------------------------------------------------------------
// Well-formed values from the schema, so mutations hit one field at a time behind an otherwise good request.

const NAMED_STRINGS: Record<string, string> = {
  email: "fuzz.person@example.com",
  timeZone: "Europe/Berlin",
  open: "09:00",
  close: "17:00",
  closedFrom: "12:00",
  closedUntil: "24:00",
  date: "2027-02-01",
  from: "2026-12-01T00:00:00Z",
  to: "2027-01-01T00:00:00Z",
  at: "2027-01-12T10:00:00Z",
  minutes: "120",
  limit: "10",
  department: "Fuzzing",
};

function singular(name: string): string {
  return name.endsWith("Ids") ? name.slice(0, -1) : name.endsWith("s") ? name.slice(0, -1) : name;
}

function example(schema: JsonSchema, name: string, random: Random, withOptional: boolean): unknown {
  if (schema.anyOf)
    return example(
      schema.anyOf.find((option) => option.type !== "null")!,
      name,
      random,
      withOptional,
    );
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case "object":
      return Object.fromEntries(
        Object.entries(schema.properties ?? {})
          .filter(([key]) => schema.required?.includes(key) || (withOptional && random.chance(0.7)))
          .map(([key, property]) => [key, example(property, key, random, withOptional)]),
      );
    case "array":
      return [example(schema.items ?? {}, singular(name), random, withOptional)];
    case "integer":
    case "number":
      return name === "position" ? 1 : name === "warnBeforeMinutes" ? 10 : 60;
    case "boolean":
      return false;
    default: {
      const ids = fixtures.ids[name];
      if (ids) return random.pick(ids);
      if (schema.format === "date-time") return "2027-01-11T09:00:00Z";
      if (schema.pattern === "^\\d+$") return "10";
      return NAMED_STRINGS[name] ?? `Fuzz ${name}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// What goes wrong in a field.

/** JSON text put into a body as it is: values too deep for JSON.stringify, which recurses. */
class RawJson {
  constructor(readonly text: string) {}
}

function nested(depth: number): RawJson {
  const levels = Array.from({ length: depth }, (_item, level) => level % 2);
  const open = levels.map((isList) => (isList ? "[" : '{"deeper":')).join("");
  const close = levels
    .reverse()
    .map((isList) => (isList ? "]" : "}"))
    .join("");
  return new RawJson(`${open}"bottom"${close}`);
}

/** `value` as JSON text, RawJson parts included as they are. */
function jsonText(value: unknown): string {
  const raw: string[] = [];
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (!(item instanceof RawJson)) return item;
    raw.push(item.text);
    return `\u{E000}${raw.length - 1}\u{E000}`;
  });
  return text.replace(/"\u{E000}(\d+)\u{E000}"/gu, (_match, index: string) => raw[Number(index)]!);
}

const BAD_VALUES: [label: string, value: () => unknown][] = [
  ["null", () => null],
  ["true", () => true],
  ["zero", () => 0],
  ["negative", () => -1],
  ["fraction", () => 1.5],
  ["huge number", () => 1e308],
  ["unsafe integer", () => 2 ** 53 + 1],
  ["empty string", () => ""],
  ["blank", () => "   "],
  ["100k characters", () => HUGE],
  ["unknown id", () => "does-not-exist"],
  ["NUL", () => "a\u0000b"],
  ["control characters", () => "\u0001\u0008\u001f\u007f"],
  ["lone surrogate", () => "\ud800 half"],
  ["unicode", () => "Zoë 😀 \u202e مرحبا"],
  ["markup", () => '<script>alert(1)</script><img src=x onerror="alert(1)">'],
  ["impossible instant", () => "2027-02-30T25:61:00Z"],
  ["number as text", () => "123"],
  ["empty list", () => []],
  ["list", () => ["x", 1, null]],
  ["empty object", () => ({})],
  ["object", () => ({ a: 1 })],
  ["nested 60 deep", () => nested(60)],
  ["nested 5,000 deep", () => nested(5_000)],
];

type Path = (string | number)[];

/** Every property the schema describes, with arrays entered at index 0. */
function fieldPaths(schema: JsonSchema, prefix: Path = []): { path: Path; required: boolean }[] {
  if (schema.anyOf)
    return fieldPaths(
      schema.anyOf.find((option) => option.type !== "null")!,
      prefix,
    );
  if (schema.type === "array" && schema.items) return fieldPaths(schema.items, [...prefix, 0]);
  if (schema.type !== "object") return [];
  return Object.entries(schema.properties ?? {}).flatMap(([key, property]) => [
    { path: [...prefix, key], required: schema.required?.includes(key) ?? false },
    ...fieldPaths(property, [...prefix, key]),
  ]);
}

function setAt(body: unknown, path: Path, value: unknown, remove = false): void {
  let node = body as Record<string | number, unknown>;
  for (const [index, key] of path.slice(0, -1).entries()) {
    const child = node[key];
    if (typeof child !== "object" || child === null) node[key] = typeof path[index + 1] === "number" ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path.at(-1)!;
  if (remove) delete node[last];
  else node[last] = value;
}

// ---------------------------------------------------------------------------------------------------------------
// One request: how it is described in a failure, and what it sends.

type Case = {
  label: string;
  method: string;
  pathParams: Record<string, string>;
  query: [string, string][];
  body?: string | Uint8Array;
  contentType?: string;
  token: "caller" | "none" | "wrong";
  who: Caller;
};

const BAD_QUERY_VALUES: [label: string, value: string][] = [
  ["empty", ""],
  ["garbage", "soon"],
  ["100k characters", HUGE],
  ["a number", "1767225600"],
  ["negative", "-5"],
  ["fraction", "1.5"],
  ["huge number", "99999999999999999999999"],
  ["a date alone", "2026-03-02"],
  ["an impossible instant", "2027-02-30T25:61:00Z"],
  ["NUL", "a\u0000b"],
  ["unicode", "Zoë 😀"],
  ["unknown id", "does-not-exist"],
];

const BAD_PATH_VALUES: [label: string, value: string][] = [
  ["unknown id", "does-not-exist"],
  ["100k characters", HUGE],
  ["NUL", "\u0000"],
  ["dots", "../../etc/passwd"],
  ["percent", "%"],
  ["unicode", "😀"],
  ["blank", " "],
];

const RAW_BODIES: [label: string, body: string | Uint8Array, contentType?: string][] = [
  ["a JSON list", "[]"],
  ["JSON null", "null"],
  ["a JSON string", '"text"'],
  ["a JSON number", "42"],
  ["empty", ""],
  ["cut-off JSON", '{"a":'],
  ["5,000 nested lists", `{"a":${"[".repeat(5_000)}${"]".repeat(5_000)}}`],
  ["invalid UTF-8", new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
  ["form data", "title=Fuzz", "application/x-www-form-urlencoded"],
  ["without a Content-Type of its own", '{"title":"Fuzz"}', ""],
];

const RAW_EMAILS: [label: string, body: string | Uint8Array][] = [
  ["empty", ""],
  ["garbage", "not an email at all"],
  ["100k characters", HUGE],
  ["headers only", "From: someone@example.com\r\nSubject: hi\r\n"],
  ["a reply", "From: Ada <ada.fuzz@example.com>\r\nTo: reply+nope@hearback.test\r\nSubject: Re: hi\r\n\r\nThanks!\r\n"],
  ["bad headers", "From: <<<@@@>>>\r\nIn-Reply-To: \u0000\r\nMessage-ID: <\u0000>\r\n\r\nhi"],
  ["binary", new Uint8Array([0, 1, 2, 0xff, 0xfe, 13, 10, 13, 10, 0x80])],
  [
    "deep MIME",
    `Content-Type: multipart/mixed; boundary=b\r\n\r\n${"--b\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n".repeat(500)}`,
  ],
];

function caseFactory(operation: Operation, random: Random) {
  const parameters = operation.doc.parameters ?? [];
  const pathParameters = parameters.filter((parameter) => parameter.in === "path");
  const queryParameters = parameters.filter((parameter) => parameter.in === "query");
  const jsonSchema = operation.doc.requestBody?.content["application/json"]?.schema;
  const rawTypes = Object.keys(operation.doc.requestBody?.content ?? {}).filter((type) => type !== "application/json");
  const fields = jsonSchema ? fieldPaths(jsonSchema) : [];

  const goodPathParams = () =>
    Object.fromEntries(pathParameters.map((parameter) => [parameter.name, random.pick(fixtures.ids[parameter.name]!)]));
  const goodQuery = (withOptional: boolean): [string, string][] =>
    queryParameters
      .filter((parameter) => parameter.required || (withOptional && random.chance(0.5)))
      .map((parameter) => [parameter.name, String(example(parameter.schema, parameter.name, random, false))]);
  const goodBody = (withOptional: boolean) =>
    jsonSchema ? structuredClone(example(jsonSchema, "body", random, withOptional)) : undefined;

  const base = (label: string, withOptional = false): Case & { json?: unknown } => ({
    label,
    method: operation.method.toUpperCase(),
    pathParams: goodPathParams(),
    query: goodQuery(withOptional),
    json: goodBody(withOptional),
    body: rawTypes.length > 0 ? RAW_EMAILS[4]![1] : undefined,
    contentType: rawTypes[0],
    token: "caller",
    who: fixtures.admin,
  });

  /** One thing wrong with the request; its label says what. */
  function mutate(request: Case & { json?: unknown }): string {
    const hasJsonBody = typeof request.json === "object" && request.json !== null;
    const kinds = [
      ...(fields.length > 0 && hasJsonBody ? ["field", "field", "field", "missing", "extra"] : []),
      ...(jsonSchema ? ["raw body"] : []),
      ...(rawTypes.length > 0 ? ["raw email", "raw email"] : []),
      ...(queryParameters.length > 0 ? ["query", "query", "query missing", "query extra"] : []),
      ...(pathParameters.length > 0 ? ["path"] : []),
    ];
    if (kinds.length === 0) kinds.push("query extra");
    const kind = random.pick(kinds);
    switch (kind) {
      case "field": {
        const { path } = random.pick(fields);
        const [label, value] = random.pick(BAD_VALUES);
        setAt(request.json, path, value());
        return `${path.join(".")}: ${label}`;
      }
      case "missing": {
        const { path } = random.pick(fields);
        setAt(request.json, path, undefined, true);
        return `${path.join(".")}: missing`;
      }
      case "extra": {
        const { path } = random.pick(fields);
        const [label, value] = random.pick(BAD_VALUES);
        setAt(request.json, [...path.slice(0, -1), "unexpectedField"], value());
        return `extra field beside ${path.join(".")}: ${label}`;
      }
      case "raw body": {
        const [label, body, contentType] = random.pick(RAW_BODIES);
        request.json = undefined;
        request.body = body;
        if (contentType !== undefined) request.contentType = contentType;
        return `body: ${label}`;
      }
      case "raw email": {
        const [label, body] = random.pick(RAW_EMAILS);
        request.body = body;
        request.contentType = random.pick([...rawTypes, "application/json"]);
        return `email: ${label} as ${request.contentType}`;
      }
      case "query": {
        const parameter = random.pick(queryParameters);
        const [label, value] = random.pick(BAD_QUERY_VALUES);
        const others = request.query.filter(([name]) => name !== parameter.name);
        const shape = random.int(3);
        request.query =
          shape === 0
            ? [...others, [parameter.name, value]]
            : shape === 1
              ? [...others, [`${parameter.name}[]`, value]]
              : [
                  ...others,
                  [parameter.name, value],
                  [parameter.name, String(example(parameter.schema, "", random, false))],
                ];
        return `query ${parameter.name}: ${label}${["", " as an array", ", then a good one"][shape]}`;
      }
      case "query missing": {
        const parameter = random.pick(queryParameters);
        request.query = request.query.filter(([name]) => name !== parameter.name);
        return `query ${parameter.name}: missing`;
      }
      case "query extra": {
        const [label, value] = random.pick(BAD_QUERY_VALUES);
        request.query = [...request.query, ["unexpected", value]];
        return `extra query parameter: ${label}`;
      }
      default: {
        const parameter = random.pick(pathParameters);
        const [label, value] = random.pick(BAD_PATH_VALUES);
        request.pathParams[parameter.name] = value;
        return `path ${parameter.name}: ${label}`;
      }
    }
  }

  function finish(request: Case & { json?: unknown }): Case {
    const { json, ...rest } = request;
    return json === undefined ? rest : { ...rest, body: jsonText(json), contentType: "application/json" };
  }

  function* cases(): Generator<Case> {
    yield finish(base("as documented"));
    yield finish(base("as documented, with optional parts", true));
    yield finish({ ...base("without a token"), token: "none" });
    yield finish({ ...base("with a wrong token"), token: "wrong" });
    const wrongMethod = ["GET", "POST", "PUT", "DELETE"].find((method) => method !== operation.method.toUpperCase())!;
    yield finish({ ...base(`as ${wrongMethod}`), method: wrongMethod });
    for (const { path } of fields.filter((field) => field.required && field.path.length === 1)) {
      const request = base(`${path.join(".")}: missing (required)`);
      setAt(request.json, path, undefined, true);
      yield finish(request);
    }
    for (const parameter of queryParameters.filter((parameter) => parameter.required)) {
      const request = base(`query ${parameter.name}: missing`);
      request.query = request.query.filter(([name]) => name !== parameter.name);
      yield finish(request);
    }
    for (let index = 0; index < RANDOM_CASES; index += 1) {
      const request = base("");
      const labels = Array.from({ length: 1 + random.int(3) }, () => mutate(request));
      if (random.chance(0.2)) request.who = random.pick(fixtures.others);
      request.label = `${labels.join("; ")}${request.who === fixtures.admin ? "" : ` (as ${request.who.user!.role})`}`;
      yield finish(request);
    }
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------------------------
// Sending and judging.

function requestOf(operation: Operation, request: Case): Request {
  const url = new URL(
    operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(request.pathParams[name]!)),
    ORIGIN,
  );
  for (const [name, value] of request.query) url.searchParams.append(name, value);
  const headers: Record<string, string> = {};
  if (request.token === "caller") headers.Authorization = `Bearer ${request.who.token}`;
  if (request.token === "wrong") headers.Authorization = "Bearer hb_not_a_token";
  if (request.contentType) headers["Content-Type"] = request.contentType;
  const hasBody = request.body !== undefined && request.method !== "GET";
  return new Request(url, { method: request.method, headers, body: hasBody ? (request.body as BodyInit) : undefined });
}

function describeRequest(operation: Operation, request: Case): string {
  const short = (text: string) => (text.length > 160 ? `${text.slice(0, 160)}… (${text.length} chars)` : text);
  const body = typeof request.body === "string" ? short(request.body) : request.body ? "<bytes>" : "";
  return `${operation.doc.operationId} [${request.label}] ${request.method} ${short(requestOf(operation, request).url)} ${body}`;
}

async function problemWith(operation: Operation, request: Case): Promise<string | null> {
  const method = request.method.toUpperCase();
  const run = method === "GET" || method === "HEAD" ? operation.route.loader : operation.route.action;
  let response: Response;
  try {
    response = await run({ request: requestOf(operation, request), params: request.pathParams, context: {} });
  } catch (error) {
    return `threw instead of answering: ${(error as Error).message}`;
  }
  const text = await response.text();
  if (response.status >= 500) return `${response.status}: ${text.slice(0, 300)}`;
  // A success answers in its documented media type (JSON, or the Prometheus text format); every error in JSON.
  const success = operation.doc.responses[String(response.status)] as { content?: Record<string, unknown> } | undefined;
  const mediaType = response.status < 400 ? (Object.keys(success?.content ?? {})[0] ?? "application/json") : null;
  if (mediaType && mediaType !== "application/json") {
    return response.headers.get("Content-Type") === mediaType ? null : `${response.status} is not ${mediaType}`;
  }
  if (!/^application\/json/.test(response.headers.get("Content-Type") ?? "")) return `${response.status} is not JSON`;
  if (response.status < 400) return null;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `${response.status} with a body that is not JSON`;
  }
  const parsed = errorResource.safeParse(body);
  if (!parsed.success) return `${response.status} not in the error format: ${text.slice(0, 300)}`;
  const { code, message } = parsed.data.error;
  if (API_ERROR_STATUS[code] !== response.status) return `${response.status} with code ${code}`;
  if (message.trim() === "") return `${response.status} without a message`;
  const documented = Object.keys(operation.doc.responses).includes(String(response.status));
  if (!documented && method === operation.method.toUpperCase()) {
    return `${response.status} (${code}) is not among the documented answers: ${message}`;
  }
  return null;
}

test("the document has operations to fuzz, each with its route module", () => {
  expect(operations.length).toBeGreaterThanOrEqual(25);
  expect(operations.filter((operation) => !operation.route)).toEqual([]);
});

let sent = 0;

for (const operation of operations) {
  test(`${operation.method.toUpperCase()} ${operation.path} answers bad input with a 4xx in the error format`, async () => {
    const cases = caseFactory(operation, seeded(seedFor(operation.doc.operationId)));
    const failures: string[] = [];
    for (const request of cases()) {
      sent += 1;
      const problem = await problemWith(operation, request);
      if (problem) failures.push(`${describeRequest(operation, request)}\n    → ${problem}`);
    }
    expect(failures, `${failures.length} answers were wrong:\n${failures.join("\n")}`).toHaveLength(0);
  });
}

test("a few hundred requests were sent", () => {
  expect(sent).toBeGreaterThanOrEqual(400);
  expect(sent).toBeLessThanOrEqual(1_000);
});
