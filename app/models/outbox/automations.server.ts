// The messages Hearback writes on its own (docs/email.md): the acknowledgement when someone applies, a stage's
// optional message when they enter it, the rejection after a reject decision and the confirmation of a withdrawal.
// Each uses the workspace's template of that kind in the candidate's language, sent by the job's recruiter; bad news
// waits for a humane time.
import type { Prisma } from "~/generated/prisma/client";
import { BAD_NEWS_KINDS, type TemplateKind } from "~/domain/templates/kinds";
import { queueTemplateMessage, type QueuedMessage, type SendTiming } from "./queue.server";

export async function queueAutomaticMessage(
  db: Prisma.TransactionClient,
  input: {
    applicationId: string;
    kind: TemplateKind;
    actorId: string | null;
    timing?: SendTiming;
    bulkRejectionId?: string | null;
  },
): Promise<QueuedMessage | null> {
  return queueTemplateMessage(db, {
    applicationId: input.applicationId,
    kind: input.kind,
    automated: true,
    awaitsCandidate: false,
    timing: input.timing ?? (BAD_NEWS_KINDS.has(input.kind) ? { kind: "humane" } : { kind: "now" }),
    actorId: input.actorId,
    bulkRejectionId: input.bulkRejectionId,
  });
}
