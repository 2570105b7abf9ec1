// The staff pages as people use them: the BUILT app (`node server.mjs --production`) on its own demo workspace, then
// the same workspace grown to 2,000 active applications. For each page:
// - its weight: the HTML a browser downloads before decompression (gzip is on) and after (what the target judges);
// - one signed-in user at a time: latency over loopback, close to the server's own time (p95 under 50 ms);
// - 10 signed-in sessions at once for a few seconds (autocannon): requests/s as a share of `/healthz`'s, the floor,
//   measured in the same phase of the same run (a staff page at least a quarter of it, the dashboard a tenth);
// - both again with every request rendered, nothing served from the staff-page cache (a parameter no page reads,
//   different each time): what the first view after a write costs, reported beside the target.
// With TEST_DATABASE_URL the server gets a throw-away PostgreSQL database of its own.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { createTestDatabaseTarget, type TestDatabaseTarget } from "../tests/test-database";
import {
  build,
  freePort,
  readBodiesWithoutDecoding,
  signIn,
  startServer,
  stopServer,
  waitForHealth,
} from "./built-server";
import { environment, measure, withTarget, type Benchmark, type Measurement } from "./harness";

const SESSIONS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const GROWN_ACTIVE_APPLICATIONS = Number(process.env.BENCH_ACTIVE_APPLICATIONS ?? 2000);
const SERVER_TIME_TARGET_MS = 50;
const MAX_HTML_KB = 100;
/** The share of /healthz's requests/s a page must reach under the same load; the dashboard computes more. */
const MIN_SHARE = 0.25;
const MIN_SHARE_DASHBOARD = 0.1;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

type Page = { label: string; path: string; minShare: number };

export const pagesBenchmark: Benchmark = {
  name: "pages",
  title: "Staff pages, built app: weight, one user, 10 sessions against /healthz",
  async run(context) {
    await build();
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hearback-bench-pages-"));
    const database: TestDatabaseTarget | null = process.env.DATABASE_URL ? await createTestDatabaseTarget() : null;
    const measurements: Measurement[] = [];
    const dataset: Record<string, number | string> = {
      sessions: SESSIONS,
      secondsPerPage: SECONDS,
      singleUserRuns: context.runs,
      server: "node server.mjs --production (gzip on)",
      loadGenerator: "autocannon 9, keep-alive, one session cookie per connection",
    };
    try {
      for (const phase of ["demo", "grown"] as const) {
        if (phase === "grown") {
          const grown = await growWorkspace(dataDir, database?.databaseUrl);
          dataset.grownActiveApplications = grown.activeBefore + grown.added;
        }
        const server = startServer(port, dataDir, database?.databaseUrl);
        try {
          await waitForHealth(origin, server);
          const workspace = phase === "demo" ? "demo workspace" : `${GROWN_ACTIVE_APPLICATIONS} active applications`;
          measurements.push(...(await measurePhase(origin, workspace, context, dataset, phase)));
        } finally {
          await stopServer(server);
        }
      }
    } finally {
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    return {
      name: "pages",
      title: this.title,
      target:
        `HTML ≤ ${MAX_HTML_KB} KB; one user p95 < ${SERVER_TIME_TARGET_MS} ms; ${SESSIONS} sessions ≥ ${MIN_SHARE}× ` +
        `/healthz requests/s (dashboard ≥ ${MIN_SHARE_DASHBOARD}×), on the demo and a grown workspace`,
      date: new Date().toISOString(),
      environment: environment(context.database),
      dataset,
      measurements,
      skipped: [],
    };
  },
};

async function measurePhase(
  origin: string,
  workspace: string,
  context: { runs: number; warmUpRuns: number },
  dataset: Record<string, number | string>,
  phase: string,
): Promise<Measurement[]> {
  const cookies: string[] = [];
  for (let index = 0; index < SESSIONS; index += 1) cookies.push(await signIn(origin, "admin@demo.hearback.app"));
  const pages = await staffPages(origin, cookies[0]!);
  await load(origin, "/healthz", [], 2); // warm-up: JIT and connection set-up
  const floor = await load(origin, "/healthz", [], SECONDS);
  dataset[`${phase}HealthzRequestsPerSecond`] = floor.requestsPerSecond;
  dataset[`${phase}HealthzP50Ms`] = floor.p50Ms;
  console.log(`  ${workspace}: /healthz ${floor.requestsPerSecond} requests/s, p50 ${floor.p50Ms} ms`);
  const measurements: Measurement[] = [];
  /** One signed-in GET, its body read to the end. */
  const readPage = async (address: string) => {
    const response = await fetch(`${origin}${address}`, { headers: { Cookie: cookies[0]! } });
    if (!response.ok) throw new Error(`GET ${address} answered ${response.status}.`);
    await response.arrayBuffer();
  };
  for (const page of pages) {
    const weight = await pageWeight(origin, page.path, cookies[0]!);
    const single = await measure(`${workspace} · ${page.label}`, () => readPage(page.path), context);
    const loaded = await load(origin, page.path, cookies, SECONDS);
    // The same page with nothing stored: each request's address differs by a parameter the page ignores, so each is
    // rendered (what the first view after a write costs).
    const renderedSingle = await measure(
      `${workspace} · ${page.label} (rendered)`,
      () => readPage(renderedAddress(page.path)),
      context,
    );
    const renderedLoad = await load(origin, page.path, cookies, SECONDS, renderedAddress);
    const share = loaded.requestsPerSecond / Math.max(1, floor.requestsPerSecond);
    const measurement: Measurement = {
      ...withTarget(single, SERVER_TIME_TARGET_MS),
      htmlKb: weight.htmlKb,
      gzipKb: weight.gzipKb,
      maxHtmlKb: MAX_HTML_KB,
      throughput: {
        requestsPerSecond: loaded.requestsPerSecond,
        p50Ms: loaded.p50Ms,
        floorRequestsPerSecond: floor.requestsPerSecond,
        share: Math.round(share * 100) / 100,
        minShare: page.minShare,
        withinShare: share >= page.minShare,
        failures: loaded.failures,
      },
      rendered: {
        p50Ms: renderedSingle.p50Ms,
        p95Ms: renderedSingle.p95Ms,
        requestsPerSecond: renderedLoad.requestsPerSecond,
        share: Math.round((renderedLoad.requestsPerSecond / Math.max(1, floor.requestsPerSecond)) * 100) / 100,
      },
    };
    // No errors is part of the target: a fast 500 is not a page.
    if (loaded.failures > 0) measurement.withinTarget = false;
    console.log(
      `  ${page.label}: ${weight.htmlKb} KB, one user p95 ${single.p95Ms} ms, ${loaded.requestsPerSecond} requests/s ` +
        `(${measurement.throughput!.share}× floor, p50 ${loaded.p50Ms} ms); rendered each time: p95 ` +
        `${renderedSingle.p95Ms} ms, ${renderedLoad.requestsPerSecond} requests/s (${measurement.rendered!.share}×)`,
    );
    measurements.push(measurement);
  }
  return measurements;
}

/** The pages staff live in, found the way a person finds them: the busiest job's board and the application with the
 * heaviest page among the first listed. */
async function staffPages(origin: string, cookie: string): Promise<Page[]> {
  const get = async (address: string) => {
    const response = await fetch(`${origin}${address}`, { headers: { Cookie: cookie } });
    if (!response.ok) throw new Error(`GET ${address} answered ${response.status}.`);
    return response.text();
  };
  const jobIds = [...new Set([...(await get("/jobs")).matchAll(/href="\/jobs\/([a-z0-9]{20,})"/g)].map((m) => m[1]!))];
  const busiestJob = await heaviest(
    jobIds.map((id) => `/jobs/${id}`),
    get,
  );
  const applicationIds = [
    ...new Set([...(await get("/applications")).matchAll(/href="\/applications\/([a-z0-9]{20,})"/g)].map((m) => m[1]!)),
  ].slice(0, 10);
  const heaviestApplication = await heaviest(
    applicationIds.map((id) => `/applications/${id}`),
    get,
  );
  const settings = await fetch(`${origin}/settings`, { headers: { Cookie: cookie }, redirect: "manual" });
  const page = (label: string, address: string, minShare = MIN_SHARE): Page => ({ label, path: address, minShare });
  return [
    page("Waiting on us", "/waiting"),
    page("Decisions owed", "/decisions"),
    page("Jobs", "/jobs"),
    page("Board (busiest job)", busiestJob),
    page("Applications", "/applications"),
    page("Application (heaviest of the first 10)", heaviestApplication),
    page("Dashboard", "/metrics", MIN_SHARE_DASHBOARD),
    page("Inbox", "/inbox"),
    page("Outbox", "/outbox"),
    page("Notifications", "/notifications"),
    ...(settings.status === 200 ? [page("Settings", "/settings")] : []),
    page("Templates", "/settings/templates"),
  ];
}

async function heaviest(addresses: string[], get: (address: string) => Promise<string>): Promise<string> {
  let best = { address: addresses[0] ?? "/", size: -1 };
  for (const address of addresses) {
    const size = (await get(address)).length;
    if (size > best.size) best = { address, size };
  }
  return best.address;
}

async function pageWeight(origin: string, address: string, cookie: string) {
  const plain = await fetch(`${origin}${address}`, { headers: { Cookie: cookie, "Accept-Encoding": "identity" } });
  const html = Buffer.byteLength(await plain.text());
  // fetch decodes gzip itself, so the compressed size comes from a request that does not ask it to.
  const zipped = await new Promise<number>((resolve, reject) => {
    http
      .get(`${origin}${address}`, { headers: { Cookie: cookie, "Accept-Encoding": "gzip" } }, (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () => resolve(bytes));
        response.on("error", reject);
      })
      .on("error", reject);
  });
  return { htmlKb: Math.round(html / 102.4) / 10, gzipKb: Math.round(zipped / 102.4) / 10 };
}

type Load = { requestsPerSecond: number; p50Ms: number; failures: number };

let nextCookie = 0;

let renderCount = 0;

/** The address with a parameter no page reads, different each time: never a stored page. */
function renderedAddress(address: string): string {
  renderCount += 1;
  return `${address}${address.includes("?") ? "&" : "?"}bench-render=${renderCount}`;
}

/** GET `address` over `SESSIONS` keep-alive connections for `seconds`, each connection with its own session; with
 * `vary`, each request's address comes from it. */
async function load(
  origin: string,
  address: string,
  cookies: string[],
  seconds: number,
  vary?: (address: string) => string,
): Promise<Load> {
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        url: `${origin}${address}`,
        connections: SESSIONS,
        duration: seconds,
        timeout: 10,
        headers: { "accept-encoding": "gzip" },
        ...(vary
          ? { requests: [{ method: "GET" as const, setupRequest: (request) => ({ ...request, path: vary(address) }) }] }
          : {}),
        setupClient: (client) => {
          readBodiesWithoutDecoding(client);
          if (cookies.length > 0) {
            nextCookie = (nextCookie + 1) % cookies.length;
            client.setHeaders({ "accept-encoding": "gzip", cookie: cookies[nextCookie]! });
          }
        },
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
  });
  return {
    requestsPerSecond: Math.round(result.requests.total / seconds),
    p50Ms: result.latency.p50,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

/** Runs bench/datasets/grow-workspace.ts while the server is stopped, so the embedded database's folder is free. */
async function growWorkspace(dataDir: string, databaseUrl: string | undefined) {
  const env: NodeJS.ProcessEnv = { ...process.env, HEARBACK_DATA_DIR: dataDir, HEARBACK_DEMO: "0" };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      path.join(root, "node_modules/.bin/tsx"),
      ["bench/datasets/grow-workspace.ts", "--active", String(GROWN_ACTIVE_APPLICATIONS)],
      { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] },
    );
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`Growing the workspace exited with ${code}.`)),
    );
  });
  return JSON.parse(output.trim().split("\n").at(-1)!) as { activeBefore: number; added: number };
}
