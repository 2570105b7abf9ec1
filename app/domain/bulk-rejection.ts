// Rejecting many candidates of a job at once from the board, and undoing it while their emails still wait: the form's
// schema, the template kind to suggest for a selection, and the words the board shows about a bulk rejection while
// its background job runs and when it is done. Pure.
import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import { rejectionKindForStage, type StageKind } from "./jobs";
import { TEMPLATE_KIND_LABELS, type TemplateKind } from "./templates/kinds";
import { idField, optionalText } from "./validation";

/** More than a board shows in one column; the worker writes them a batch at a time. */
export const MAX_BULK_REJECTION = 500;

/** The rejection kinds (REJECTION_KINDS) as a tuple for the schema; a test keeps the two the same. */
export const BULK_REJECTION_KINDS = [
  "not_progressing",
  "rejection_after_screen",
  "rejection_after_interview",
] as const satisfies readonly TemplateKind[];
export type BulkRejectionKind = (typeof BULK_REJECTION_KINDS)[number];

/** Without JavaScript nobody suggests a kind from the selection: most bulk rejections follow a screening. */
export const FALLBACK_BULK_REJECTION_KIND: BulkRejectionKind = "rejection_after_screen";

export const BULK_REJECTION_KIND_OPTIONS = BULK_REJECTION_KINDS.map((kind) => ({
  value: kind,
  label: TEMPLATE_KIND_LABELS[kind],
}));

/** A form posts one checked box as a string and none at all as nothing: always a list of distinct ids. */
const selectedIds = z.preprocess(
  (value) => {
    const list = value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value];
    return [...new Set(list)];
  },
  z
    .array(idField("Application"))
    .min(1, "Select at least one candidate to reject.")
    .max(MAX_BULK_REJECTION, `Select at most ${MAX_BULK_REJECTION} candidates at once.`),
);

export const bulkRejectionSchema = z.object({
  applicationIds: selectedIds,
  reason: optionalText("Reason", 500),
  templateKind: z.enum(BULK_REJECTION_KINDS, { error: "Choose which rejection email the candidates get." }),
});
export type BulkRejectionInput = z.input<typeof bulkRejectionSchema>;

const KIND_ORDER: Record<BulkRejectionKind, number> = {
  not_progressing: 0,
  rejection_after_screen: 1,
  rejection_after_interview: 2,
};

/**
 * The rejection email to suggest for the selected candidates: the one most of them would get on their own. On a tie
 * the later stage's wins, so nobody who was interviewed is told they did not get past their application.
 */
export function suggestedRejectionKind(stageKinds: readonly StageKind[]): BulkRejectionKind {
  if (stageKinds.length === 0) return FALLBACK_BULK_REJECTION_KIND;
  const tally = new Map<BulkRejectionKind, number>();
  for (const stageKind of stageKinds) {
    const kind = rejectionKindForStage(stageKind);
    tally.set(kind, (tally.get(kind) ?? 0) + 1);
  }
  return [...tally.entries()].sort(
    ([kindA, countA], [kindB, countB]) => countB - countA || KIND_ORDER[kindB] - KIND_ORDER[kindA],
  )[0]![0];
}

export type ScheduledSend = { scheduledFor: Date; timeZone: string };

/**
 * The earliest send time as each candidate will read it, on their own clock ("Tue 8 Dec, 09:00"): the smallest local
 * wall-clock time among the emails, whatever their zones. The year is added when it is not now's.
 */
export function firstLocalSendTime(sends: readonly ScheduledSend[], now: Date = new Date()): string | null {
  let first: DateTime | null = null;
  for (const send of sends) {
    const zone = IANAZone.isValidZone(send.timeZone) ? send.timeZone : "UTC";
    // The same wall-clock reading in UTC, so that readings from different zones compare as the candidates see them.
    const local = DateTime.fromJSDate(send.scheduledFor, { zone }).setZone("UTC", { keepLocalTime: true });
    if (!first || local < first) first = local;
  }
  if (!first) return null;
  const sameYear = first.year === DateTime.fromJSDate(now, { zone: "UTC" }).year;
  return first.setLocale("en-GB").toFormat(sameYear ? "ccc d LLL, HH:mm" : "ccc d LLL yyyy, HH:mm");
}

function candidates(count: number): string {
  return `${count} ${count === 1 ? "candidate" : "candidates"}`;
}

export function rejectedMessage(count: number, firstSend: string | null): string {
  const rejected = `Rejected ${candidates(count)}.`;
  if (!firstSend) return rejected;
  const their = count === 1 ? "Their email goes out" : "Their emails go out";
  return `${rejected} ${their} from ${firstSend} (each in the candidate's own time zone).`;
}

export function undoneMessage(count: number): string {
  return `Undone: ${candidates(count)} ${count === 1 ? "is" : "are"} back on the board.`;
}

/** An undo whose worker gave up part-way. */
export function reopenedSoFarMessage(count: number): string {
  return `So far ${candidates(count)} ${count === 1 ? "is" : "are"} back on the board.`;
}

export function alreadyUndoneMessage(): string {
  return "This bulk rejection was already undone; nothing was changed.";
}

export function alreadySentMessage(sent: number, total: number): string {
  return (
    `${sent} of the ${total} rejection emails ${sent === 1 ? "has" : "have"} already gone out, so this bulk ` +
    "rejection can no longer be undone. " +
    "Nothing was changed."
  );
}

/** Under the banner once some emails went out. */
export function undoClosedNote(gone: number, total: number): string {
  return `${gone} of the ${total} emails ${gone === 1 ? "has" : "have"} gone out, so this can no longer be undone.`;
}

export function alreadyUndoingMessage(): string {
  return "This bulk rejection is already being undone; nothing more was changed.";
}

export type UndoAvailability = { possible: true } | { possible: false; message: string };

/**
 * All or nothing: one email already sent makes the whole batch final (see requestUndo). An undo accepted earlier is
 * final too, unless its worker gave up (status failed): asking again resumes it.
 */
export function undoAvailability(batch: {
  status?: BulkRejectionStatus;
  undoneAt: Date | null;
  undoRequestedAt?: Date | null;
  sent: number;
  total: number;
}): UndoAvailability {
  if (batch.undoneAt || batch.status === "undone") return { possible: false, message: alreadyUndoneMessage() };
  if (batch.undoRequestedAt && batch.status !== "failed") return { possible: false, message: alreadyUndoingMessage() };
  if (batch.sent > 0) return { possible: false, message: alreadySentMessage(batch.sent, batch.total) };
  return { possible: true };
}

/** Where a bulk rejection's background job stands (the BulkRejectionStatus enum of the schema). */
export const BULK_REJECTION_STATUSES = ["queued", "running", "done", "failed", "undoing", "undone"] as const;
export type BulkRejectionStatus = (typeof BULK_REJECTION_STATUSES)[number];

/** The worker still has work to do: the board shows progress and keeps itself up to date. */
export function isInProgress(status: BulkRejectionStatus): boolean {
  return status === "queued" || status === "running" || status === "undoing";
}

/** "Rejecting 230 of 500…", under the progress bar while the worker rejects. */
export function rejectingMessage(done: number, total: number): string {
  return done === 0
    ? `Rejecting ${total} ${total === 1 ? "candidate" : "candidates"}…`
    : `Rejecting ${done} of ${total}…`;
}

/** "Undoing: 120 of 230 back on the board…", while the worker reopens. */
export function undoingMessage(done: number, total: number): string {
  return `Undoing: ${done} of ${total} back on the board…`;
}

/**
 * Why the worker passed over an application that was active when the bulk rejection was queued: someone decided or
 * reopened it by hand meanwhile, the candidate withdrew, their data was erased, or it is no longer the creator's to see.
 */
export const SKIP_REASONS = ["rejected", "hired", "withdrawn", "not_active", "erased", "hidden"] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];
export type SkippedApplication = { applicationId: string; reason: SkipReason };

export function skipReasonFor(status: string): SkipReason {
  return status === "rejected" || status === "hired" || status === "withdrawn" ? status : "not_active";
}

const SKIP_WORDS: Record<SkipReason, string> = {
  rejected: "had already been rejected",
  hired: "had been hired",
  withdrawn: "had withdrawn",
  not_active: "was no longer active",
  erased: "had their data erased",
  hidden: "is no longer on this board",
};

/** "Skipped 2 who changed after you selected them: Ann Able had withdrawn; Ben Baker had been hired." */
export function skippedNote(skipped: readonly { name: string; reason: SkipReason }[], shown = 3): string | null {
  if (skipped.length === 0) return null;
  const described = skipped.slice(0, shown).map((entry) => `${entry.name} ${SKIP_WORDS[entry.reason]}`);
  const more = skipped.length - described.length;
  return (
    `Skipped ${skipped.length} who changed after you selected them: ` +
    `${described.join("; ")}${more > 0 ? `; and ${more} more` : ""}. Nobody was emailed twice.`
  );
}

/** The worker gave up on a batch after several attempts; what it had done stays done (and may be undone). */
export function failedMessage(batch: { undoing: boolean; done: number; total: number; error: string | null }): string {
  const what = batch.undoing
    ? `Undo stopped after ${batch.done} of ${batch.total} candidates were back on the board`
    : `Rejecting stopped after ${batch.done} of ${batch.total} candidates`;
  const why = batch.error ? `: ${batch.error.replace(/\.$/, "")}.` : ".";
  const next = batch.undoing
    ? " Their emails are all cancelled. Press Undo to try the rest again."
    : " Those rejected stay rejected; Undo brings them back, or select the others and reject them again.";
  return `${what}${why}${next}`;
}

export type SelectionProblem =
  | { name: string; problem: "other_job" }
  | { name: string; problem: "not_active"; status: string }
  | { name: string; problem: "in_progress" }
  | { name: string; problem: "refused"; message: string };

function describeProblem(problem: SelectionProblem): string {
  switch (problem.problem) {
    case "other_job":
      return `${problem.name} applied for another job`;
    case "not_active":
      return problem.status === "rejected"
        ? `${problem.name} was already rejected`
        : problem.status === "hired"
          ? `${problem.name} was hired`
          : problem.status === "withdrawn"
            ? `${problem.name} has withdrawn`
            : `${problem.name} is ${problem.status}`;
    case "in_progress":
      return `${problem.name} is already being rejected by another bulk rejection`;
    case "refused":
      return `${problem.name} could not be rejected: ${problem.message.replace(/\.$/, "")}`;
  }
}

/** Why a bulk rejection was refused, naming the candidates (the first few of many). */
export function selectionProblemsMessage(problems: readonly SelectionProblem[], shown = 3): string {
  const described = problems.slice(0, shown).map(describeProblem);
  const more = problems.length - described.length;
  const tail = more > 0 ? `; and ${more} more` : "";
  return `Nothing was rejected: ${described.join("; ")}${tail}. Deselect them and try again.`;
}
