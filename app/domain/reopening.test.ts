import { expect, test } from "vitest";
import { canReopen, reopenRefusal } from "./reopening";

const appliedAt = new Date("2026-03-02T09:00:00Z");
const closedAt = new Date("2026-03-10T09:00:00Z");
const rejected = { status: "rejected" as const, appliedAt, closedAt };

test("a rejection can be undone until its email starts going out", () => {
  const queued = { status: "queued", kind: "not_progressing" as const, createdAt: closedAt };
  expect(canReopen(rejected, [queued])).toBe(true);
  expect(canReopen(rejected, [{ ...queued, status: "sending" }])).toBe(false);
  expect(reopenRefusal(rejected, [{ ...queued, status: "sent" }])).toMatch(/already been sent the rejection/);
});

test("emails that are not this rejection do not stop it being undone", () => {
  const sentEarlier = { status: "sent", kind: "not_progressing" as const, createdAt: appliedAt };
  const sentUpdate = { status: "sent", kind: "application_received" as const, createdAt: closedAt };
  const sentByHand = { status: "sent", kind: null, createdAt: closedAt };
  expect(canReopen(rejected, [sentEarlier, sentUpdate, sentByHand])).toBe(true);
});

test("only a rejection can be undone", () => {
  expect(reopenRefusal({ ...rejected, status: "hired" }, [])).toBe(
    "Only a rejection can be undone; this application is hired.",
  );
});
