// The candidate's status page under load: the BUILT app (`node server.mjs --production`) started as a child process on
// its own demo workspace (temporary data folder, free port; with TEST_DATABASE_URL its own throw-away PostgreSQL
// database), and autocannon sending GET /s/<token> from 200 concurrent clients. Tokens are read the way staff see
// them: signed in as the demo admin, from each application page's "Candidate's status page" link.
// Target (docs/decisions/014): 200 concurrent clients, p95 under 50 ms, no errors. Requests/s is reported alongside.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
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
import { environment, timingOf, withTarget, type Benchmark } from "./harness";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const TARGET_MS = 50;
/** The paced run: 200 clients that together ask this many pages a second (each one every few seconds, as people
 * reading a page do), below what the server can do flat out. */
const PACED_PER_SECOND = Number(process.env.BENCH_PACED_RATE ?? 50);
/** Status links to spread the load over: many candidates, as in life, not one page served 100,000 times. */
const MAX_TOKENS = 120;

export const statusPageBenchmark: Benchmark = {
  name: "status-page",
  title: "Candidate status page /s/<token>, built app under load",
  async run(context) {
    await build();
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hearback-bench-status-"));
    // On PostgreSQL the server gets a database of its own, so it seeds the demo workspace on an empty one.
    const database: TestDatabaseTarget | null = process.env.DATABASE_URL ? await createTestDatabaseTarget() : null;
    const server = startServer(port, dataDir, database?.databaseUrl);
    try {
      await waitForHealth(origin, server);
      const tokens = await statusTokens(origin);
      if (tokens.length === 0) throw new Error("Found no status links in the demo workspace.");
      const check = await fetch(`${origin}/s/${tokens[0]}`, { headers: { "X-Forwarded-For": "198.18.0.1" } });
      if (check.status !== 200) throw new Error(`GET /s/<token> answered ${check.status}.`);

      await load(origin, tokens, { connections: 20, seconds: 3 }); // warm-up: JIT, caches, the first views' events
      const single = await load(origin, tokens, { connections: 1, seconds: 5 });
      const paced = await pacedLoad(origin, tokens, {
        clients: CONNECTIONS,
        seconds: DURATION_SECONDS,
        perSecond: PACED_PER_SECOND,
      });
      const loaded = await load(origin, tokens, { connections: CONNECTIONS, seconds: DURATION_SECONDS });
      const failures = loaded.errors + loaded.timeouts + loaded.non2xx;
      const measurement = withTarget(
        timingOf(
          `GET /s/<token>, ${CONNECTIONS} concurrent clients, ${DURATION_SECONDS} s (${loaded.requestsPerSecond} requests/s, ${failures} errors)`,
          loaded.latencies,
        ),
        TARGET_MS,
      );
      // No errors is part of the target: a fast 500 or 429 is not a page.
      if (failures > 0) measurement.withinTarget = false;
      return {
        name: "status-page",
        title: this.title,
        target: `${CONNECTIONS} concurrent clients: p95 under ${TARGET_MS} ms and no errors (requests/s reported)`,
        date: new Date().toISOString(),
        environment: environment(context.database),
        dataset: {
          statusLinks: tokens.length,
          connections: CONNECTIONS,
          seconds: DURATION_SECONDS,
          requests: loaded.latencies.length,
          requestsPerSecond: loaded.requestsPerSecond,
          singleClientRequestsPerSecond: single.requestsPerSecond,
          errors: loaded.errors,
          timeouts: loaded.timeouts,
          non2xx: loaded.non2xx,
          server: "node server.mjs --production (gzip on, as browsers ask for it)",
          loadGenerator: "autocannon 9, keep-alive, pipelining 1 (bodies read and counted, not decoded to text)",
        },
        measurements: [
          timingOf(`GET /s/<token>, one client at a time (${single.requestsPerSecond} requests/s)`, single.latencies),
          withTarget(
            timingOf(
              `GET /s/<token>, ${CONNECTIONS} clients paced at ${PACED_PER_SECOND} requests/s in all (${paced.errors + paced.timeouts + paced.non2xx} errors)`,
              paced.latencies,
            ),
            TARGET_MS,
            { informational: true },
          ),
          measurement,
        ],
        skipped: [],
      };
    } finally {
      await stopServer(server);
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

/** Status tokens as staff see them: the demo admin opens applications (active and closed) and reads each link. */
async function statusTokens(origin: string): Promise<string[]> {
  const cookie = await signIn(origin, "admin@demo.hearback.app");
  const get = async (address: string) => {
    const response = await fetch(`${origin}${address}`, { headers: { Cookie: cookie } });
    if (!response.ok) throw new Error(`GET ${address} answered ${response.status}.`);
    return response.text();
  };
  const applicationIds = new Set<string>();
  for (const status of ["active", "rejected", "hired", "withdrawn"]) {
    for (let page = 1; page <= 10 && applicationIds.size < MAX_TOKENS; page += 1) {
      const html = await get(`/applications?status=${status}&page=${page}`);
      const found = [...html.matchAll(/href="\/applications\/([a-z0-9]{20,})"/g)].map((match) => match[1]!);
      if (found.length === 0) break;
      for (const id of found) if (applicationIds.size < MAX_TOKENS) applicationIds.add(id);
    }
  }
  const tokens: string[] = [];
  for (const id of applicationIds) {
    const token = /href="https?:\/\/[^"]*\/s\/([A-Za-z0-9_-]{32})"/.exec(await get(`/applications/${id}`))?.[1];
    if (token) tokens.push(token);
  }
  return tokens;
}

type LoadResult = {
  latencies: number[];
  requestsPerSecond: number;
  errors: number;
  timeouts: number;
  non2xx: number;
};

let nextAddress = 0;

/** GET /s/<token> over `connections` keep-alive connections for `seconds`, a random link each time, each connection
 * sending its next request as soon as the last one is answered (autocannon). Each request
 * comes from its own address (X-Forwarded-For), as from different candidates: the per-address limit (120 a minute)
 * guards against guessing and would otherwise answer one load generator with 429s. */
async function load(
  origin: string,
  tokens: string[],
  { connections, seconds }: { connections: number; seconds: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections,
        duration: seconds,
        timeout: 10,
        setupClient: readBodiesWithoutDecoding,
        requests: [
          {
            method: "GET",
            setupRequest: (request) => {
              nextAddress = (nextAddress + 1) % 60_000;
              return {
                ...request,
                path: `/s/${tokens[Math.floor(Math.random() * tokens.length)]}`,
                headers: {
                  ...request.headers,
                  "accept-encoding": "gzip",
                  "x-forwarded-for": `10.${(nextAddress >> 16) & 255}.${(nextAddress >> 8) & 255}.${nextAddress & 255}`,
                },
              };
            },
          },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, _statusCode, _bytes, responseTime) => latencies.push(responseTime));
  });
  return {
    latencies,
    requestsPerSecond: Math.round(result.requests.total / seconds),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

/** `clients` people, each opening a random status link, reading for a random while (exponential, so that together
 * they ask `perSecond` pages a second) and opening one again, on keep-alive connections. autocannon's own rate limit
 * sends each second's requests in one burst, which measures the burst rather than the page. */
async function pacedLoad(
  origin: string,
  tokens: string[],
  { clients, seconds, perSecond }: { clients: number; seconds: number; perSecond: number },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  const result = { errors: 0, timeouts: 0, non2xx: 0 };
  const meanPauseMs = (clients / perSecond) * 1000;
  const deadline = performance.now() + seconds * 1000;
  const client = async () => {
    // Start spread out, as people do, instead of all at once.
    await sleep(Math.random() * meanPauseMs);
    while (performance.now() < deadline) {
      nextAddress = (nextAddress + 1) % 60_000;
      const started = performance.now();
      const status = await get(agent, `${origin}/s/${tokens[Math.floor(Math.random() * tokens.length)]}`, {
        "accept-encoding": "gzip",
        "x-forwarded-for": `10.${(nextAddress >> 16) & 255}.${(nextAddress >> 8) & 255}.${nextAddress & 255}`,
      });
      latencies.push(performance.now() - started);
      if (status === "timeout") result.timeouts += 1;
      if (status === "error" || status === "timeout") result.errors += 1;
      else if (status < 200 || status > 299) result.non2xx += 1;
      await sleep(-Math.log(1 - Math.random()) * meanPauseMs);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  agent.destroy();
  return { latencies, requestsPerSecond: Math.round(latencies.length / seconds), ...result };
}

function get(agent: http.Agent, url: string, headers: Record<string, string>): Promise<number | "error" | "timeout"> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent, headers, timeout: 10_000 }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.on("error", () => resolve("error"));
    });
    request.on("timeout", () => {
      request.destroy();
      resolve("timeout");
    });
    request.on("error", () => resolve("error"));
  });
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
