// When a rejection may be undone: until its email has started going out. The application page asks to decide
// whether to offer the button; the model asks again inside the transaction that reopens.
import type { ApplicationStatus } from "./applications";
import { REJECTION_KINDS, type TemplateKind } from "./templates/kinds";

/** One of the candidate's emails on the application (staff notifications do not tell the candidate anything). */
export type CandidateMessage = { status: string; kind: TemplateKind | null; createdAt: Date };

type ClosedApplication = { status: ApplicationStatus; closedAt: Date | null; appliedAt: Date };

export function rejectionWasTold(
  application: Pick<ClosedApplication, "closedAt" | "appliedAt">,
  candidateMessages: readonly CandidateMessage[],
): boolean {
  const since = application.closedAt ?? application.appliedAt;
  return candidateMessages.some(
    (message) =>
      (message.status === "sending" || message.status === "sent") &&
      message.kind !== null &&
      REJECTION_KINDS.has(message.kind) &&
      message.createdAt >= since,
  );
}

/** Why this application cannot be reopened, or null when it can. */
export function reopenRefusal(
  application: ClosedApplication,
  candidateMessages: readonly CandidateMessage[],
): string | null {
  if (application.status !== "rejected") {
    return `Only a rejection can be undone; this application is ${application.status}.`;
  }
  if (rejectionWasTold(application, candidateMessages)) {
    return "The candidate has already been sent the rejection, so it cannot be undone.";
  }
  return null;
}

export function canReopen(application: ClosedApplication, candidateMessages: readonly CandidateMessage[]): boolean {
  return reopenRefusal(application, candidateMessages) === null;
}
