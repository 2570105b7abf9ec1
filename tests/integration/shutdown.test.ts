// SIGTERM drains the real server (`node server.mjs`, the development server, so no build is needed): from the signal
// on it takes no new connections, a request in flight completes, the email the outbox is sending is sent and marked
// so (not lost, not left "sending"), and the process exits 0 well within 10 s. Its log is JSON lines: the request's
// line carries the id the response was given, and nothing the form carried.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, expect, test } from "vitest";
import { queueStaffEmail } from "~/models/outbox/queue.server";
import { database as testDatabase, openDatabase, type Database } from "~/platform/db.server";
import { applyMigrations } from "~/platform/migrate.server";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hearback-shutdown-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** The server's database: this test's PostgreSQL database, or an embedded one in its own data folder (PGlite lives
 * in one process: opened here only while the server is not running). */
async function withServerDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  if (onPostgres) return work(testDatabase);
  const database = openDatabase({ dataDir });
  try {
    await applyMigrations(database);
    return await work(database);
  } finally {
    await database.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** An SMTP server that holds the first message it is given until `release()`: an email in flight, on demand. */
async function holdingSmtpServer() {
  let dataStarted!: () => void;
  const inFlight = new Promise<void>((resolve) => (dataStarted = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const accepted: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    closeTimeout: 50,
    onData(stream, session, callback) {
      dataStarted();
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        void released.then(() => {
          accepted.push(Buffer.concat(chunks).toString("utf8"));
          callback();
        });
      });
    },
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.server.address() as AddressInfo).port)),
  );
  return {
    url: `smtp://127.0.0.1:${port}`,
    inFlight,
    release,
    accepted,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type LogLine = Record<string, unknown> & { msg?: string };

function startServer(port: number, smtpUrl: string): ChildProcess & { lines: LogLine[]; raw: () => string } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    HEARBACK_DATA_DIR: dataDir,
    HEARBACK_DEMO: "0",
    SMTP_URL: smtpUrl,
    INBOUND_SMTP_PORT: "",
    TRUST_PROXY: "",
    LOG_LEVEL: "info",
  };
  if (!onPostgres) delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["server.mjs"], { env, stdio: ["ignore", "pipe", "pipe"] });
  const lines: LogLine[] = [];
  let output = "";
  let pending = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    pending += chunk.toString();
    const complete = pending.split("\n");
    pending = complete.pop()!;
    for (const line of complete) if (line.startsWith("{")) lines.push(JSON.parse(line) as LogLine);
  });
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return Object.assign(child, { lines, raw: () => output });
}

async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = performance.now() + ms;
  while (performance.now() < deadline) {
    const found = await check();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Waited ${ms} ms for ${what}`);
}

async function answers(url: string): Promise<Response | undefined> {
  try {
    return await fetch(url);
  } catch {
    return undefined;
  }
}

const admin = { name: "Ada Lovelace", email: "ada.lovelace@example.com", password: "correct horse battery staple" };

test("SIGTERM: no new connections, the request in flight completes, the email being sent is sent, exit 0 within 10 s", async () => {
  const messageId = await withServerDatabase((database) =>
    queueStaffEmail(database.prisma, {
      to: { name: "Grace Hopper", email: "grace.hopper@example.com" },
      subject: "Sent while the server stops",
      text: "Hello Grace,\n\nThis one is in flight when SIGTERM comes.\n",
    }),
  );
  const smtp = await holdingSmtpServer();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = startServer(port, smtp.url);
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    server.once("exit", (code) => resolve({ code, at: performance.now() })),
  );
  try {
    await waitFor("the server to answer", async () => (await answers(`${origin}/healthz`))?.ok || undefined, 150_000);
    expect((await fetch(`${origin}/readyz`)).status).toBe(200);
    expect((await fetch(`${origin}/setup`)).status).toBe(200); // compiles the page before it is timed below
    await smtp.inFlight; // the outbox is sending the email; the server holds its answer

    // A sign-up whose form is still arriving when SIGTERM comes.
    const form = new URLSearchParams(admin).toString();
    const request = http.request(`${origin}/setup`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": Buffer.byteLength(form),
        Origin: origin,
      },
    });
    const response = new Promise<http.IncomingMessage>((resolve, reject) => {
      request.once("response", resolve);
      request.once("error", reject);
    });
    request.write(form.slice(0, 12));
    await new Promise((resolve) => setTimeout(resolve, 500));

    const signalledAt = performance.now();
    server.kill("SIGTERM");
    await waitFor("the draining line", () => server.lines.find((line) => line.msg?.startsWith("Draining")), 5_000);
    const refused = await fetch(`${origin}/readyz`).then(
      () => null,
      (error: Error & { cause?: { code?: string } }) => error.cause?.code,
    );
    expect(refused).toBe("ECONNREFUSED");

    request.end(form.slice(12));
    const answer = await response;
    answer.resume();
    expect(answer.statusCode).toBe(302);
    expect(answer.headers.location).toBe("/jobs");
    const requestId = answer.headers["x-request-id"];
    expect(requestId).toMatch(/^[0-9a-f]{16}$/);

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const releasedAt = performance.now();
    smtp.release();
    const exit = await exited;
    expect(exit.code, server.raw()).toBe(0);
    expect(exit.at - signalledAt).toBeLessThan(10_000);
    expect(exit.at).toBeGreaterThanOrEqual(releasedAt); // it waited for the email in flight

    expect(smtp.accepted).toHaveLength(1);
    const [message, admins] = await withServerDatabase(async (database) => [
      await database.prisma.message.findUniqueOrThrow({ where: { id: messageId }, select: { status: true } }),
      await database.prisma.user.count({ where: { role: "admin" } }),
    ]);
    expect(message.status).toBe("sent");
    expect(admins).toBe(1);

    const requestLine = server.lines.find((line) => line.method === "POST" && line.path === "/setup");
    expect(requestLine).toMatchObject({ level: "info", reqId: requestId, status: 302 });
    expect(requestLine!.ms).toEqual(expect.any(Number));
    expect(server.lines.at(-1)).toMatchObject({ level: "info", msg: "Stopped" });
    const log = server.raw();
    for (const secret of [admin.name, admin.email, admin.password, "grace.hopper", "Grace Hopper"]) {
      expect(log).not.toContain(secret);
    }
  } finally {
    if (server.exitCode === null) server.kill("SIGKILL");
    await smtp.stop();
  }
}, 240_000);
