// GET /readyz: 503 until start-up has finished, 200 while ready (and the database answers:
// readyz-database.test.ts), 503 again from the moment shutdown begins; /healthz (liveness) answers throughout.
import { expect, test } from "vitest";
import * as healthRoute from "~/routes/healthz";
import * as readinessRoute from "~/routes/readyz";
import { lifecyclePhase, markDraining, markReady } from "~/platform/lifecycle.server";
import { apiRequest, send, type ErrorBody } from "./api/helpers";

const askReadiness = () => send<ErrorBody & { ready?: boolean }>(readinessRoute, apiRequest("GET", "/readyz", null));
const askHealth = () => send(healthRoute, apiRequest("GET", "/healthz", null));

test("before start-up has finished: 503, while /healthz already answers", async () => {
  expect(lifecyclePhase()).toBe("starting");
  const starting = await askReadiness();
  expect(starting.status).toBe(503);
  expect(starting.body.error).toMatchObject({ code: "service_unavailable", message: "Hearback is starting." });
  expect((await askHealth()).status).toBe(200);
});

test("once ready: 200", async () => {
  markReady();
  expect(await askReadiness()).toMatchObject({ status: 200, body: { ready: true } });
});

test("from the moment shutdown begins: 503 for good, while /healthz still answers", async () => {
  markDraining();
  const draining = await askReadiness();
  expect(draining.status).toBe(503);
  expect(draining.body.error.message).toBe("Hearback is shutting down.");
  markReady(); // a process on its way out never becomes ready again
  expect((await askReadiness()).status).toBe(503);
  expect((await askHealth()).status).toBe(200);
});
