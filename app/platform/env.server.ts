// The process configuration, validated once. A bad variable stops start-up with a message that names it.
import path from "node:path";
import { z } from "zod";

const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""])
  .transform((value) => ["1", "true", "yes", "on"].includes(value));

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      "must be a postgresql:// connection string (leave it unset for the embedded database)",
    )
    .optional(),
  HEARBACK_DATA_DIR: z.string().min(1).default("./data"),
  HEARBACK_DEMO: booleanFlag.default(true),
  // The daily backup of the embedded database into <data>/backups (docs/operations.md); `off` turns it off.
  HEARBACK_BACKUPS: booleanFlag.default(true),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Hearback <hearback@localhost>"),
  // Where candidate replies go: reply+<application>@INBOUND_EMAIL_DOMAIN (default: the domain of MAIL_FROM).
  INBOUND_EMAIL_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, "must be a domain name such as replies.acme.example")
    .optional(),
  // When set, a built-in SMTP server on this port receives candidate replies (see docs/email.md).
  INBOUND_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  PUBLIC_URL: z.url({ message: "must be an absolute URL such as https://hearback.example.com" }).optional(),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  // Chat channels on the team's own network (a self-hosted Mattermost or Rocket.Chat): by default Hearback refuses to
  // POST to loopback and private addresses (app/platform/outbound-http.server.ts).
  CHAT_ALLOW_PRIVATE_NETWORK: booleanFlag.default(false),
  // How much the server logs (app/platform/log.server.ts): the least severe level written.
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      message: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "unset" so `FOO= npm start` behaves like not setting FOO.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env = parseEnv(process.env);

export const dataDir = env.HEARBACK_DATA_DIR.startsWith("memory://")
  ? env.HEARBACK_DATA_DIR
  : path.resolve(env.HEARBACK_DATA_DIR);

export function publicUrl(): string {
  return (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}
