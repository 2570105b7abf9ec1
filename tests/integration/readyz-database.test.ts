// GET /readyz on a ready process answers 503 when the database does not answer. Its own file: the spy below leaves
// Prisma's client unable to query for the rest of the file.
import { expect, test, vi } from "vitest";
import * as readinessRoute from "~/routes/readyz";
import { prisma } from "~/platform/db.server";
import { markReady } from "~/platform/lifecycle.server";
import { apiRequest, send, type ErrorBody } from "./api/helpers";

test("a ready process whose database does not answer is not ready", async () => {
  markReady();
  expect((await send(readinessRoute, apiRequest("GET", "/readyz", null))).status).toBe(200);
  // The database driver is the one thing replaced here: a database that fails cannot be made on demand.
  vi.spyOn(prisma, "$queryRaw").mockImplementation((() => Promise.reject(new Error("connection refused"))) as never);
  const down = await send<ErrorBody>(readinessRoute, apiRequest("GET", "/readyz", null));
  expect(down.status).toBe(503);
  expect(down.body.error).toMatchObject({ code: "service_unavailable", message: "The database is not answering." });
});
