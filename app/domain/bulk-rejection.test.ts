import { expect, test } from "vitest";
import {
  BULK_REJECTION_KINDS,
  failedMessage,
  isInProgress,
  rejectingMessage,
  skippedNote,
  skipReasonFor,
  undoingMessage,
  bulkRejectionSchema,
  firstLocalSendTime,
  MAX_BULK_REJECTION,
  rejectedMessage,
  selectionProblemsMessage,
  suggestedRejectionKind,
  undoAvailability,
  undoClosedNote,
  undoneMessage,
} from "./bulk-rejection";
import { REJECTION_KINDS } from "./templates/kinds";

test("the kinds on offer are exactly the rejection kinds", () => {
  expect(new Set(BULK_REJECTION_KINDS)).toEqual(REJECTION_KINDS);
});

test("one checked box, several, repeated ones and none all parse to a list of distinct ids", () => {
  const parse = (applicationIds: unknown) =>
    bulkRejectionSchema.safeParse({ applicationIds, templateKind: "not_progressing" });
  expect(parse("a1").data?.applicationIds).toEqual(["a1"]);
  expect(parse(["a1", "a2", "a1"]).data?.applicationIds).toEqual(["a1", "a2"]);
  expect(parse(undefined).error?.issues[0]).toMatchObject({
    path: ["applicationIds"],
    message: "Select at least one candidate to reject.",
  });
  expect(parse([]).success).toBe(false);
});

test("at most 500 candidates, a rejection kind, and a reason of at most 500 characters", () => {
  const ids = (count: number) => Array.from({ length: count }, (_, index) => `app${index}`);
  expect(
    bulkRejectionSchema.safeParse({ applicationIds: ids(MAX_BULK_REJECTION), templateKind: "not_progressing" }).success,
  ).toBe(true);
  expect(
    bulkRejectionSchema.safeParse({ applicationIds: ids(MAX_BULK_REJECTION + 1), templateKind: "not_progressing" })
      .error?.issues[0]?.message,
  ).toBe("Select at most 500 candidates at once.");
  expect(
    bulkRejectionSchema.safeParse({ applicationIds: ["a"], templateKind: "offer" }).error?.issues[0],
  ).toMatchObject({ path: ["templateKind"], message: "Choose which rejection email the candidates get." });
  expect(
    bulkRejectionSchema.safeParse({ applicationIds: ["a"], templateKind: "not_progressing", reason: "x".repeat(501) })
      .error?.issues[0]?.message,
  ).toBe("Reason must be at most 500 characters.");
  expect(
    bulkRejectionSchema.parse({ applicationIds: ["a"], templateKind: "not_progressing", reason: "  " }).reason,
  ).toBeUndefined();
});

test("the suggested email follows the stage most of the selection is in; a tie goes to the later stage", () => {
  expect(suggestedRejectionKind([])).toBe("rejection_after_screen");
  expect(suggestedRejectionKind(["applied", "applied", "screen"])).toBe("not_progressing");
  expect(suggestedRejectionKind(["applied", "screen", "screen"])).toBe("rejection_after_screen");
  expect(suggestedRejectionKind(["interview", "assessment", "screen"])).toBe("rejection_after_interview");
  expect(suggestedRejectionKind(["applied", "interview"])).toBe("rejection_after_interview");
  expect(suggestedRejectionKind(["applied", "screen"])).toBe("rejection_after_screen");
});

test("the first send time is the earliest on the candidates' own clocks", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  const sends = [
    // 09:00 in Berlin is 08:00 UTC; 09:00 in New York on the same day comes later in UTC but reads the same.
    { scheduledFor: new Date("2026-12-08T08:00:00Z"), timeZone: "Europe/Berlin" },
    { scheduledFor: new Date("2026-12-08T14:00:00Z"), timeZone: "America/New_York" },
    { scheduledFor: new Date("2026-12-09T09:30:00Z"), timeZone: "UTC" },
  ];
  expect(firstLocalSendTime(sends, now)).toBe("Tue 8 Dec, 09:00");
  // 14:30 in Sydney on the 8th is still the 7th in UTC: the candidate's reading counts.
  expect(
    firstLocalSendTime([{ scheduledFor: new Date("2026-12-08T03:30:00Z"), timeZone: "Australia/Sydney" }], now),
  ).toBe("Tue 8 Dec, 14:30");
  expect(firstLocalSendTime([{ scheduledFor: new Date("2027-01-05T09:00:00Z"), timeZone: "Mars/Base" }], now)).toBe(
    "Tue 5 Jan 2027, 09:00",
  );
  expect(firstLocalSendTime([], now)).toBeNull();
});

test("banner texts", () => {
  expect(rejectedMessage(12, "Tue 8 Dec, 09:00")).toBe(
    "Rejected 12 candidates. Their emails go out from Tue 8 Dec, 09:00 (each in the candidate's own time zone).",
  );
  expect(rejectedMessage(1, "Tue 8 Dec, 09:00")).toBe(
    "Rejected 1 candidate. Their email goes out from Tue 8 Dec, 09:00 (each in the candidate's own time zone).",
  );
  expect(undoneMessage(12)).toBe("Undone: 12 candidates are back on the board.");
  expect(undoneMessage(1)).toBe("Undone: 1 candidate is back on the board.");
  expect(undoClosedNote(1, 12)).toBe("1 of the 12 emails has gone out, so this can no longer be undone.");
  expect(undoClosedNote(3, 12)).toBe("3 of the 12 emails have gone out, so this can no longer be undone.");
});

test("undo is possible until the first email goes out, and only once", () => {
  expect(undoAvailability({ undoneAt: null, sent: 0, total: 12 })).toEqual({ possible: true });
  expect(undoAvailability({ undoneAt: null, sent: 3, total: 12 })).toEqual({
    possible: false,
    message:
      "3 of the 12 rejection emails have already gone out, so this bulk rejection can no longer be undone. " +
      "Nothing was changed.",
  });
  expect(undoAvailability({ undoneAt: null, sent: 1, total: 2 })).toMatchObject({
    message: expect.stringMatching(/^1 of the 2 rejection emails has already gone out/),
  });
  expect(undoAvailability({ undoneAt: new Date("2027-01-12T10:00:00Z"), sent: 0, total: 12 })).toEqual({
    possible: false,
    message: "This bulk rejection was already undone; nothing was changed.",
  });
});

test("a refusal names the candidates, the first few of many", () => {
  expect(
    selectionProblemsMessage([
      { name: "Ann Lee", problem: "not_active", status: "rejected" },
      { name: "Bo Chen", problem: "other_job" },
    ]),
  ).toBe(
    "Nothing was rejected: Ann Lee was already rejected; Bo Chen applied for another job. Deselect them and try again.",
  );
  const many = ["A", "B", "C", "D", "E"].map((name) => ({ name, problem: "not_active" as const, status: "hired" }));
  expect(selectionProblemsMessage(many)).toBe(
    "Nothing was rejected: A was hired; B was hired; C was hired; and 2 more. Deselect them and try again.",
  );
  expect(selectionProblemsMessage([{ name: "Ann Lee", problem: "refused", message: "Her data was erased." }])).toBe(
    "Nothing was rejected: Ann Lee could not be rejected: Her data was erased. Deselect them and try again.",
  );
});

test("progress reads as the recruiter sees it under the bar", () => {
  expect(rejectingMessage(0, 500)).toBe("Rejecting 500 candidates…");
  expect(rejectingMessage(230, 500)).toBe("Rejecting 230 of 500…");
  expect(undoingMessage(120, 230)).toBe("Undoing: 120 of 230 back on the board…");
  expect(["queued", "running", "undoing"].every((status) => isInProgress(status as never))).toBe(true);
  expect(["done", "failed", "undone"].some((status) => isInProgress(status as never))).toBe(false);
});

test("skipped candidates are named with why, the first few of many", () => {
  expect(skippedNote([])).toBeNull();
  expect(skipReasonFor("withdrawn")).toBe("withdrawn");
  expect(skipReasonFor("active")).toBe("not_active");
  expect(
    skippedNote([
      { name: "Ann Able", reason: "withdrawn" },
      { name: "Ben Baker", reason: "hired" },
      { name: "Cy Cole", reason: "rejected" },
      { name: "Di Dee", reason: "erased" },
    ]),
  ).toBe(
    "Skipped 4 who changed after you selected them: Ann Able had withdrawn; Ben Baker had been hired; " +
      "Cy Cole had already been rejected; and 1 more. Nobody was emailed twice.",
  );
});

test("a failed job says how far it got, why, and what the recruiter can do", () => {
  expect(failedMessage({ undoing: false, done: 150, total: 500, error: "Ann Able could not be changed: boom." })).toBe(
    "Rejecting stopped after 150 of 500 candidates: Ann Able could not be changed: boom. Those rejected stay rejected; " +
      "Undo brings them back, or select the others and reject them again.",
  );
  expect(failedMessage({ undoing: true, done: 10, total: 40, error: null })).toBe(
    "Undo stopped after 10 of 40 candidates were back on the board. Their emails are all cancelled. Press Undo to " +
      "try the rest again.",
  );
});

test("undo: once accepted it is final unless its worker gave up; one email gone closes it", () => {
  const at = new Date("2027-01-12T10:00:00Z");
  expect(undoAvailability({ status: "running", undoneAt: null, sent: 0, total: 3 })).toEqual({ possible: true });
  expect(undoAvailability({ status: "undoing", undoneAt: null, undoRequestedAt: at, sent: 0, total: 3 })).toMatchObject(
    { possible: false, message: expect.stringContaining("already being undone") },
  );
  expect(undoAvailability({ status: "failed", undoneAt: null, undoRequestedAt: at, sent: 0, total: 3 })).toEqual({
    possible: true,
  });
  expect(undoAvailability({ status: "undone", undoneAt: at, undoRequestedAt: at, sent: 0, total: 3 })).toMatchObject({
    possible: false,
    message: "This bulk rejection was already undone; nothing was changed.",
  });
  expect(undoAvailability({ status: "done", undoneAt: null, sent: 1, total: 3 })).toMatchObject({ possible: false });
});
