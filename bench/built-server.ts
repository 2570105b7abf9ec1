// The built app as a benchmark drives it: `npm run build`, then `node server.mjs --production` as a child process on a
// free port and its own data folder (or PostgreSQL database), signed in the way a browser signs in. Shared by the
// benchmarks that load whole pages (status-page, pages).
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type autocannon from "autocannon";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function build() {
  await new Promise<void>((resolve, reject) => {
    const child = spawn("npm", ["run", "build", "--silent"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`npm run build exited with ${code}.`))));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export function startServer(port: number, dataDir: string, databaseUrl: string | undefined): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    HEARBACK_DATA_DIR: dataDir,
    HEARBACK_DEMO: "1",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    // The load generator plays a proxy in front of many candidates: their addresses come in X-Forwarded-For.
    TRUST_PROXY: "loopback",
  };
  env.NODE_ENV = "production";
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["server.mjs", "--production"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  (child as ChildProcess & { output: () => string }).output = () => output;
  return child;
}

export async function waitForHealth(origin: string, server: ChildProcess) {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited:\n${serverOutput(server)}`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The server did not start within 4 minutes:\n${serverOutput(server)}`);
}

export function serverOutput(server: ChildProcess): string {
  return (server as ChildProcess & { output?: () => string }).output?.() ?? "";
}

export async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * autocannon 9 turns every response body into a string, kept for body checks (expectBody, verifyBody) that this
 * benchmark does not use. Decoding the gzipped page that way took half of the load generator's CPU, which shares the
 * two cores with the server: it capped a run near 7,000 pages/s and p95 near 40 ms even against a server that only
 * writes the same stored response (docs/decisions/014). The bytes are still read, framed and counted; only the string
 * is left out.
 */
export function readBodiesWithoutDecoding(client: autocannon.Client): void {
  const pending = (client as unknown as { pipelinedRequests?: { addBody?: (chunk: Buffer) => void } })
    .pipelinedRequests;
  if (typeof pending?.addBody !== "function") {
    throw new Error("autocannon's client changed (no pipelinedRequests.addBody): update readBodiesWithoutDecoding.");
  }
  pending.addBody = () => undefined;
}

/** Signs in through the login form as a browser does; answers the session cookie. */
export async function signIn(origin: string, email: string, password = "hearback-demo"): Promise<string> {
  const login = await fetch(`${origin}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
    body: new URLSearchParams({ email, password }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  if (login.status !== 302 || !cookie) throw new Error(`Signing in as ${email} answered ${login.status}.`);
  return cookie;
}
