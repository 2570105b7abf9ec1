// What the server logs: a real fault once, with its stack; not a request for an address nobody routes.
import { afterEach, expect, test, vi } from "vitest";
import { handleError } from "~/entry.server";

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

test("an unknown address is not logged as an error; a fault is logged once", () => {
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  handleError(notFound, { request: request() });
  expect(logged).not.toHaveBeenCalled();
  const fault = new Error("the database went away");
  handleError(fault, { request: request() });
  expect(logged).toHaveBeenCalledTimes(1);
  expect(logged).toHaveBeenCalledWith(fault);
});

test("a request the client abandoned is not logged", () => {
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  const controller = new AbortController();
  controller.abort();
  handleError(new Error("aborted"), {
    request: new Request("http://hearback.test/jobs", { signal: controller.signal }),
  });
  expect(logged).not.toHaveBeenCalled();
});
