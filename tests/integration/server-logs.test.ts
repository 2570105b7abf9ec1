// What the server logs: a real fault once, with its stack and the request's id; not a request for an address nobody
// routes, nor one the client abandoned.
import { afterEach, expect, test, vi } from "vitest";
import { handleError } from "~/entry.server";
import { currentRequestId, logger, runWithRequestId } from "~/platform/log.server";

const request = () => new Request("http://hearback.test/nope");

afterEach(() => vi.restoreAllMocks());

/** The shape Remix hands handleError for an unmatched address (an ErrorResponse). */
const notFound = {
  status: 404,
  statusText: "Not Found",
  internal: true,
  data: 'Error: No route matches URL "/nope"',
  error: new Error('No route matches URL "/nope"'),
};

/** logger.error's calls, each with the request id it was made under (the logger's mixin adds it to the line). */
function loggedErrors() {
  const calls: { args: unknown[]; reqId: string | null }[] = [];
  vi.spyOn(logger, "error").mockImplementation((...args: unknown[]) => {
    calls.push({ args, reqId: currentRequestId() });
  });
  return calls;
}

test("an unknown address is not logged as an error; a fault is logged once, under the request's id", () => {
  const logged = loggedErrors();
  handleError(notFound, { request: request() });
  expect(logged).toHaveLength(0);
  const fault = new Error("the database went away");
  runWithRequestId("req-7", () => handleError(fault, { request: request() }));
  expect(logged).toEqual([{ args: [{ err: fault }, "A request failed"], reqId: "req-7" }]);
});

test("a fault Remix wraps in a 500 response is logged as the fault itself", () => {
  const logged = loggedErrors();
  const fault = new Error("a loader threw");
  handleError(
    { status: 500, statusText: "Internal Server Error", internal: true, data: "", error: fault },
    {
      request: request(),
    },
  );
  expect(logged.map((call) => call.args[0])).toEqual([{ err: fault }]);
});

test("a request the client abandoned is not logged", () => {
  const logged = loggedErrors();
  const controller = new AbortController();
  controller.abort();
  handleError(new Error("aborted"), {
    request: new Request("http://hearback.test/jobs", { signal: controller.signal }),
  });
  expect(logged).toHaveLength(0);
});
