// The server's logger (pino): one JSON object a line on stdout — level, time, msg and fields; readable lines instead
// in a development terminal (pino-pretty). Every line logged while a request is handled carries that request's id
// (`reqId`), from the context server.mjs opens around the request (runWithRequestId); workers log through a child
// logger with a `worker` field. Code logs ids, never names, emails or message bodies; redacted fields and the
// scrubbing of email addresses from messages and errors are a second line of defence (docs/operations.md).
import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";
import pino from "pino";
import { env } from "./env.server";
import { singleton } from "./singleton.server";

export type Logger = pino.Logger;

type RequestContext = { reqId: string };

const requestContext = singleton("log.requestContext", () => new AsyncLocalStorage<RequestContext>());

/** Runs `work` as part of the request `reqId`: whatever it logs, now or in its promises, carries the id. */
export function runWithRequestId<T>(reqId: string, work: () => T): T {
  return requestContext.run({ reqId }, work);
}

/** The id of the request being handled, if any. */
export function currentRequestId(): string | null {
  return requestContext.getStore()?.reqId ?? null;
}

/** Fields whose values are never written, at the top level and two levels down. */
const PRIVATE_FIELDS = [
  "email",
  "emails",
  "name",
  "phone",
  "body",
  "text",
  "html",
  "subject",
  "password",
  "cookie",
  "authorization",
  "token",
  "secret",
];
export const REDACTED_PATHS = PRIVATE_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);

const EMAIL_ADDRESS = /[^\s@<>"'(),;:[\]]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;

/** Text with every email address replaced: error messages (an SMTP refusal, a constraint) may quote one. */
export function withoutEmailAddresses(text: string): string {
  return text.replace(EMAIL_ADDRESS, "[email]");
}

function serializeError(value: unknown): unknown {
  if (typeof value === "string") return withoutEmailAddresses(value);
  if (!(value instanceof Error)) return value;
  const serialized = pino.stdSerializers.err(value);
  return {
    ...serialized,
    message: withoutEmailAddresses(serialized.message),
    stack: serialized.stack ? withoutEmailAddresses(serialized.stack) : serialized.stack,
  };
}

/** Readable lines for a person at a development terminal; JSON lines everywhere else (production, tests, pipes). */
function prettyInTerminal(): pino.DestinationStream | undefined {
  if (env.NODE_ENV !== "development" || !process.stdout.isTTY) return undefined;
  const pretty = createRequire(import.meta.url)("pino-pretty") as (options: object) => pino.DestinationStream;
  return pretty({ sync: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" });
}

export type LoggerOptions = { level?: string; destination?: pino.DestinationStream };

export function createLogger({ level = env.LOG_LEVEL, destination }: LoggerOptions = {}): Logger {
  const pretty = destination ? undefined : prettyInTerminal();
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      // Level names ("info"), not pino's numbers, for people reading and grepping JSON lines.
      formatters: pretty ? {} : { level: (label) => ({ level: label }) },
      mixin() {
        const reqId = requestContext.getStore()?.reqId;
        return reqId ? { reqId } : {};
      },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      serializers: { err: serializeError },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg: unknown) => (typeof arg === "string" ? withoutEmailAddresses(arg) : arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    destination ?? pretty ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** The process's logger. */
export const logger: Logger = singleton("log.logger", () => createLogger());
