// What `hearback` does, in TypeScript so that it uses the app's own models (bin/hearback.mjs parses the command line
// and loads this through tsx). The embedded database can be open in one process only: while a server runs on it, the
// commands go to that server's /internal/cli endpoints; otherwise this process opens the database, applying pending
// migrations first. With DATABASE_URL (PostgreSQL) the database is always opened directly. `backup` and `restore`
// work on the embedded database only (docs/operations.md).
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { apiTokenInputSchema } from "~/domain/api-tokens";
import type { ApiTokenSummary } from "~/models/api-token.server";
import type { apiTokenResource } from "~/web/api-resources.server";
import { CLI_SECRET_HEADER } from "~/web/cli-endpoint.server";
import type { BackupContents } from "~/platform/backup.server";
import { dataDir, env } from "~/platform/env.server";
import { claimDataDir, readInstance, releaseDataDir, type InstanceRecord } from "~/platform/instance.server";
import type { z } from "zod";

export type Command =
  | { kind: "token.create"; name: string }
  | { kind: "token.list" }
  | { kind: "token.revoke"; tokenId: string }
  /** `file` is absolute: resolved where the command was run. */
  | { kind: "backup"; file: string; force: boolean }
  | { kind: "restore"; file: string };

/** What to print: `stdout` lines (the result) and `stderr` lines (explanations). */
export type Output = { stdout: string[]; stderr: string[] };

/** A failure to report in one clear sentence. Exit code 2: the command line was wrong; 1: anything else. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}

type TokenView = z.output<typeof apiTokenResource>;

type Backend = {
  createToken(name: string): Promise<{ token: TokenView; secret: string }>;
  listTokens(): Promise<TokenView[]>;
  revokeToken(tokenId: string): Promise<TokenView>;
};

const SERVER_START_WAIT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 15_000;
const BACKUP_TIMEOUT_MS = 10 * 60_000;

export async function runCommand(command: Command): Promise<Output> {
  if (command.kind === "backup") return backup(command.file, command.force);
  if (command.kind === "restore") return restore(command.file);
  if (command.kind === "token.create") {
    const parsed = apiTokenInputSchema.safeParse({ name: command.name });
    if (!parsed.success) throw new CliError(`--name: ${parsed.error.issues[0]?.message ?? "invalid"}`, 2);
    return withBackend(async (backend, notes) => {
      const { token, secret } = await backend.createToken(parsed.data.name);
      return {
        stderr: [
          ...notes,
          `Created the API token "${token.name}" (${token.prefix}…). It acts with admin rights.`,
          "Store it now: it will not be shown again. Use it as `Authorization: Bearer <token>`.",
        ],
        stdout: [secret],
      };
    });
  }
  if (command.kind === "token.list") {
    return withBackend(async (backend, notes) => ({ stderr: notes, stdout: tokenTable(await backend.listTokens()) }));
  }
  return withBackend(async (backend, notes) => {
    const token = await backend.revokeToken(command.tokenId);
    return { stderr: notes, stdout: [`Revoked the API token "${token.name}" (${token.prefix}…).`] };
  });
}

function tokenTable(tokens: TokenView[]): string[] {
  if (tokens.length === 0) return ["No API tokens yet. Create one with: hearback token create --name <name>"];
  const rows = [
    ["ID", "NAME", "PREFIX", "OWNER", "CREATED", "LAST USED", "STATUS"],
    ...tokens.map((token) => [
      token.id,
      token.name,
      `${token.prefix}…`,
      token.owner?.email ?? "(none: admin rights)",
      token.createdAt.slice(0, 16).replace("T", " "),
      token.lastUsedAt ? token.lastUsedAt.slice(0, 16).replace("T", " ") : "never",
      token.revokedAt ? `revoked ${token.revokedAt.slice(0, 10)}` : "active",
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join("  ")
      .trimEnd(),
  );
}

async function withBackend(work: (backend: Backend, notes: string[]) => Promise<Output>): Promise<Output> {
  if (!env.DATABASE_URL) {
    if (dataDir.startsWith("memory://")) {
      throw new CliError("HEARBACK_DATA_DIR=memory:// keeps nothing after this command ends; point it at a folder.");
    }
    const server = await runningServer();
    if (server) return work(serverBackend(server), [`Using the Hearback server (pid ${server.pid}) on ${dataDir}.`]);
  }
  return withOwnDatabase(work);
}

/** The server holding the embedded database, once it listens; null when none runs. */
async function runningServer(): Promise<(InstanceRecord & { port: number }) | null> {
  const deadline = Date.now() + SERVER_START_WAIT_MS;
  for (;;) {
    const record = readInstance();
    if (!record) return null;
    if (record.port) return { ...record, port: record.port };
    // The record exists before the port is known while a server starts (or while another CLI command runs).
    if (Date.now() > deadline) {
      throw new CliError(
        `Another Hearback process (pid ${record.pid}) is using the data folder ${dataDir} and does not answer. ` +
          "Wait until it has started or stopped, then try again.",
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function serverBackend(server: InstanceRecord & { port: number }): Backend {
  async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const url = `http://127.0.0.1:${server.port}/internal/cli${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          [CLI_SECRET_HEADER]: server.cliSecret,
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new CliError(
        `The Hearback server (pid ${server.pid}) holds the data folder ${dataDir} but does not answer at ${url} ` +
          `(${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}). ` +
          "If it listens on another address (HOST), stop it and run this command again.",
      );
    }
    const payload = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    if (!response.ok) {
      throw new CliError(payload?.error?.message ?? `The Hearback server answered ${response.status}.`);
    }
    return payload as T;
  }
  return {
    createToken: (name) => call("POST", "/tokens", { name }),
    listTokens: async () => (await call<{ items: TokenView[] }>("GET", "/tokens")).items,
    revokeToken: async (tokenId) =>
      (await call<{ token: TokenView }>("POST", `/tokens/${encodeURIComponent(tokenId)}/revoke`)).token,
  };
}

async function withOwnDatabase(work: (backend: Backend, notes: string[]) => Promise<Output>): Promise<Output> {
  const embedded = !env.DATABASE_URL;
  if (embedded) {
    // Recorded like a server, so that a server started meanwhile refuses to open the same files.
    try {
      claimDataDir();
    } catch (error) {
      throw new CliError((error as Error).message);
    }
  }
  try {
    // Imported only now: opening the database module opens the database.
    const { database } = await import("~/platform/db.server");
    try {
      const { applyMigrations } = await import("~/platform/migrate.server");
      const applied = await applyMigrations(database);
      const notes =
        applied.length > 0 ? [`Applied ${applied.length} database migration(s): ${applied.join(", ")}`] : [];
      const tokens = await import("~/models/api-token.server");
      const { presentApiToken } = await import("~/web/api-resources.server");
      const { NotFoundError } = await import("~/platform/errors.server");
      const present = (token: ApiTokenSummary) => presentApiToken(token);
      return await work(
        {
          async createToken(name) {
            const { token, secret } = await tokens.createApiToken({ name }, null);
            return { token: present(token), secret };
          },
          listTokens: async () => (await tokens.listApiTokens()).map(present),
          async revokeToken(tokenId) {
            try {
              return present(await tokens.revokeApiToken(tokenId, null));
            } catch (error) {
              if (error instanceof NotFoundError) throw new CliError(`No API token has the id ${tokenId}.`);
              throw error;
            }
          },
        },
        notes,
      );
    } finally {
      await database.close();
    }
  } finally {
    if (embedded) releaseDataDir();
  }
}

function requireEmbeddedDatabase(what: "backup" | "restore"): void {
  if (env.DATABASE_URL) {
    throw new CliError(
      what === "backup"
        ? "DATABASE_URL points at PostgreSQL, which Hearback does not back up itself. Use pg_dump, e.g. " +
            'pg_dump -Fc -f hearback.dump "$DATABASE_URL" (see docs/operations.md).'
        : "DATABASE_URL points at PostgreSQL; restore writes the embedded database only. Restore a pg_dump with " +
            "pg_restore (see docs/operations.md), or unset DATABASE_URL.",
      2,
    );
  }
  if (dataDir.startsWith("memory://")) {
    throw new CliError("HEARBACK_DATA_DIR=memory:// keeps nothing after this command ends; point it at a folder.", 2);
  }
}

function describeContents(contents: BackupContents): string {
  const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;
  return `${plural(contents.jobs, "job")}, ${plural(contents.applications, "application")}`;
}

function humanSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Loaded only for backup and restore: PGlite's module takes a moment, which the token commands need not wait for. */
const backups = () => import("~/platform/backup.server");

async function backup(file: string, force: boolean): Promise<Output> {
  requireEmbeddedDatabase("backup");
  const { BackupError, describeBackup, gzipped, writeFileAtomically } = await backups();
  if (!force && fs.existsSync(file)) {
    throw new CliError(`${file} already exists. Choose another name, or add --force to replace it.`, 2);
  }
  if (!fs.existsSync(path.dirname(file))) throw new CliError(`The folder ${path.dirname(file)} does not exist.`, 2);
  const server = await runningServer();
  const notes: string[] = [];
  let size: number;
  try {
    if (server) {
      notes.push(`Using the Hearback server (pid ${server.pid}) on ${dataDir}.`);
      size = await writeFileAtomically(file, await backupFromServer(server), { overwrite: force });
    } else {
      size = await writeFileAtomically(file, gzipped(await backupOwnDatabase()), { overwrite: force });
    }
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(error.message, 2);
    throw error;
  }
  let contents: BackupContents;
  try {
    contents = await describeBackup(file);
  } catch (error) {
    throw new CliError(`${file} was written but does not open as a database: ${(error as Error).message}`);
  }
  return {
    stderr: [
      ...notes,
      `Backed up the embedded database to ${file} (${humanSize(size)}): ${describeContents(contents)}.`,
    ],
    stdout: [],
  };
}

/** The gzip'd backup streamed by the running server (app/routes/internal.cli.backup.ts). */
async function backupFromServer(server: InstanceRecord & { port: number }): Promise<Readable> {
  const url = `http://127.0.0.1:${server.port}/internal/cli/backup`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { [CLI_SECRET_HEADER]: server.cliSecret },
      signal: AbortSignal.timeout(BACKUP_TIMEOUT_MS),
    });
  } catch (error) {
    throw new CliError(
      `The Hearback server (pid ${server.pid}) holds the data folder ${dataDir} but does not answer at ${url} ` +
        `(${(error as Error).message}).`,
    );
  }
  if (!response.ok || !response.body) {
    const payload = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new CliError(payload?.error?.message ?? `The Hearback server answered ${response.status}.`);
  }
  return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
}

/** The backup taken by opening the data folder here (no server runs on it); the database is not migrated. */
async function backupOwnDatabase(): Promise<Uint8Array[]> {
  if (!fs.existsSync(path.join(dataDir, "pglite", "PG_VERSION"))) {
    throw new CliError(`There is no embedded database in ${dataDir} to back up.`, 2);
  }
  try {
    claimDataDir();
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  try {
    const { database } = await import("~/platform/db.server");
    try {
      return await (await backups()).backupTarball(database, dataDir);
    } finally {
      await database.close();
    }
  } finally {
    releaseDataDir();
  }
}

async function restore(file: string): Promise<Output> {
  requireEmbeddedDatabase("restore");
  const { BackupError, isMissingOrEmpty, restoreBackup } = await backups();
  const server = readInstance();
  if (server) {
    throw new CliError(
      `A Hearback process (pid ${server.pid}) is using the data folder ${dataDir}. Stop it first, or restore into ` +
        "another folder with HEARBACK_DATA_DIR.",
      2,
    );
  }
  if (!isMissingOrEmpty(dataDir)) {
    throw new CliError(
      `The data folder ${dataDir} is not empty. Restore into an empty or new folder (HEARBACK_DATA_DIR), ` +
        "or move this one aside first.",
      2,
    );
  }
  try {
    const contents = await restoreBackup(file, dataDir);
    return {
      stderr: [
        `Restored ${file} into ${dataDir}: ${describeContents(contents)}.`,
        "Start Hearback on it as usual; pending database migrations are applied then.",
      ],
      stdout: [],
    };
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(error.message, 2);
    throw error;
  }
}
