// The messages Hearback writes on its own (docs/email.md): the acknowledgement when someone applies, a stage's
// optional message when they enter it, the rejection after a reject decision and the confirmation of a withdrawal.
// Each uses the workspace's template of that kind in the candidate's language, sent by the job's recruiter; bad news
// waits for a humane time. An automatic message whose merge fields would be empty (an invitation with no interview
// scheduled) is not sent: the change goes ahead, and the job's recruiter gets a notification to write themselves.
import type { Prisma } from "~/generated/prisma/client";
import { BAD_NEWS_KINDS, type TemplateKind } from "~/domain/templates/kinds";
import { queueTemplateMessages, type QueuedMessage, type SendTiming } from "./queue.server";

export type AutomaticMessageRequest = {
  applicationId: string;
  kind: TemplateKind;
  actorId: string | null;
  timing?: SendTiming;
  bulkRejectionId?: string | null;
  /** The interview it is about (else its merge fields describe the next scheduled one). */
  interviewId?: string | null;
  now?: Date;
};

/** Queues automatic messages for many applications; each result is null when no template of its kind exists or a
 * merge field it uses would be empty (skipped and reported, see queueTemplateMessages). */
export async function queueAutomaticMessages(
  db: Prisma.TransactionClient,
  requests: AutomaticMessageRequest[],
): Promise<(QueuedMessage | null)[]> {
  return queueTemplateMessages(
    db,
    requests.map((request) => ({
      applicationId: request.applicationId,
      kind: request.kind,
      automated: true,
      awaitsCandidate: false,
      timing: request.timing ?? (BAD_NEWS_KINDS.has(request.kind) ? { kind: "humane" } : { kind: "now" }),
      actorId: request.actorId,
      bulkRejectionId: request.bulkRejectionId,
      interviewId: request.interviewId,
      now: request.now,
    })),
    { ifFieldEmpty: "skip" },
  );
}

export async function queueAutomaticMessage(
  db: Prisma.TransactionClient,
  request: AutomaticMessageRequest,
): Promise<QueuedMessage | null> {
  const [queued] = await queueAutomaticMessages(db, [request]);
  return queued ?? null;
}
