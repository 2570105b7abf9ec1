// The logger writes one JSON object a line with the request's id, and keeps private fields and addresses out.
import { Writable } from "node:stream";
import { expect, test } from "vitest";
import { createLogger, runWithRequestId, withoutEmailAddresses } from "./log.server";

function capturedLogger(level = "info") {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
}

test("a line is one JSON object with level name, ISO time, message and fields", () => {
  const { logger, lines } = capturedLogger();
  logger.info({ applicationId: "app_1" }, "Queued");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({ level: "info", msg: "Queued", applicationId: "app_1" });
  expect(lines[0]!.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  expect(lines[0]).not.toHaveProperty("reqId");
});

test("lines logged during a request carry its id, also after an await and in a worker's child logger", async () => {
  const { logger, lines } = capturedLogger();
  await runWithRequestId("req-42", async () => {
    logger.info("before");
    await new Promise((resolve) => setTimeout(resolve, 1));
    logger.child({ worker: "outbox" }).warn("after");
  });
  logger.info("outside");
  expect(lines.map((line) => [line.msg, line.reqId])).toEqual([
    ["before", "req-42"],
    ["after", "req-42"],
    ["outside", undefined],
  ]);
  expect(lines[1]).toMatchObject({ worker: "outbox", level: "warn" });
});

test("the level filters lines", () => {
  const { logger, lines } = capturedLogger("warn");
  logger.info("not written");
  logger.error("written");
  expect(lines.map((line) => line.msg)).toEqual(["written"]);
});

test("private fields are redacted and email addresses scrubbed from messages and errors", () => {
  const { logger, lines } = capturedLogger();
  logger.info(
    { email: "jane@example.com", candidate: { name: "Jane Doe", id: "c1" }, headers: { cookie: "session=abc" } },
    "Sent to jane@example.com",
  );
  logger.error({ err: new Error("550 No such user: jane.doe+x@mail.example.org") }, "Delivery failed");
  expect(lines[0]).toMatchObject({
    email: "[redacted]",
    candidate: { name: "[redacted]", id: "c1" },
    headers: { cookie: "[redacted]" },
    msg: "Sent to [email]",
  });
  const err = lines[1]!.err as { message: string; stack: string; type: string };
  expect(err).toMatchObject({ type: "Error", message: "550 No such user: [email]" });
  expect(err.stack).not.toContain("jane.doe");
  expect(JSON.stringify(lines)).not.toMatch(/jane|Jane|abc/);
});

test("scrubbing keeps text without addresses as it is", () => {
  expect(withoutEmailAddresses("Connector c_1: delivery d_2 failed")).toBe("Connector c_1: delivery d_2 failed");
  expect(withoutEmailAddresses("to <a.b@c.example>, hearback@localhost")).toBe("to <[email]>, hearback@localhost");
});
