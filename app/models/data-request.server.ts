// Candidates' requests to delete their data: asked on the status link (one open request at a time), handled by an
// admin on Settings → Data requests — erased (app/models/erasure.server.ts) or declined with a note.
import type { Prisma } from "~/generated/prisma/client";
import { DATA_REQUEST_PERMISSION } from "~/domain/data-requests";
import { can } from "~/domain/permissions";
import { prisma } from "~/platform/db.server";
import { ConflictError, ForbiddenError, NotFoundError } from "~/platform/errors.server";
import { recordAudit } from "./audit.server";
import { eraseCandidate, type ErasureResult } from "./erasure.server";
import { getMailSettings } from "./outbox/mail-settings.server";
import type { Actor } from "./scope.server";

/** What the candidate's deletion page shows: their language, whether the application is still open, and the request
 * they already made, if one is open. */
export async function getDeletionRequestPage(applicationId: string) {
  const application = await prisma.application.findUnique({
    where: { id: applicationId },
    select: {
      status: true,
      candidate: {
        select: {
          locale: true,
          timeZone: true,
          dataRequests: {
            where: { status: "open" },
            orderBy: { createdAt: "asc" },
            take: 1,
            select: { createdAt: true },
          },
        },
      },
    },
  });
  if (!application) throw new NotFoundError("The application");
  const { companyName } = await getMailSettings();
  return {
    locale: application.candidate.locale,
    timeZone: application.candidate.timeZone,
    active: application.status === "active",
    openRequestAt: application.candidate.dataRequests[0]?.createdAt ?? null,
    companyName,
  };
}

/** Records the candidate's request, unless one is open already (a double click, two tabs): then nothing changes. */
export async function requestDataDeletion(
  applicationId: string,
  input: { reason?: string },
): Promise<{ outcome: "created" | "already_open"; requestedAt: Date }> {
  return prisma.$transaction(async (tx) => {
    const application = await tx.application.findUnique({
      where: { id: applicationId },
      select: { candidateId: true },
    });
    if (!application) throw new NotFoundError("The application");
    // The candidate's row lock lets one of two simultaneous requests through; the other finds it open.
    await tx.$executeRaw`SELECT 1 FROM "Candidate" WHERE id = ${application.candidateId} FOR UPDATE`;
    const candidate = await tx.candidate.findUniqueOrThrow({
      where: { id: application.candidateId },
      select: { erasedAt: true },
    });
    if (candidate.erasedAt) throw new NotFoundError("The application");
    const open = await tx.dataRequest.findFirst({
      where: { candidateId: application.candidateId, status: "open" },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    });
    if (open) return { outcome: "already_open", requestedAt: open.createdAt };
    const request = await tx.dataRequest.create({
      data: { candidateId: application.candidateId, applicationId, kind: "erasure", reason: input.reason ?? null },
      select: { id: true, createdAt: true },
    });
    await recordAudit(tx, {
      actorId: null,
      action: "data_request.created",
      entityType: "DataRequest",
      entityId: request.id,
      data: { by: "candidate", applicationId, kind: "erasure" },
    });
    return { outcome: "created", requestedAt: request.createdAt };
  });
}

function assertMayHandle(actor: Actor) {
  if (!can(actor.role, DATA_REQUEST_PERMISSION)) throw new ForbiddenError();
}

const dataRequestSelect = {
  id: true,
  status: true,
  reason: true,
  note: true,
  createdAt: true,
  closedAt: true,
  closedBy: { select: { name: true } },
  candidate: { select: { id: true, name: true, email: true, erasedAt: true } },
  application: { select: { id: true, status: true, job: { select: { title: true } } } },
} satisfies Prisma.DataRequestSelect;

export type DataRequestItem = Prisma.DataRequestGetPayload<{ select: typeof dataRequestSelect }>;

const CLOSED_SHOWN = 50;

/** Open requests, oldest first (the one waiting longest on top), and the most recently closed ones. */
export async function listDataRequests(actor: Actor) {
  assertMayHandle(actor);
  const [open, closed] = await Promise.all([
    prisma.dataRequest.findMany({
      where: { status: "open" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: dataRequestSelect,
    }),
    prisma.dataRequest.findMany({
      where: { status: { in: ["completed", "declined"] } },
      orderBy: [{ closedAt: "desc" }, { id: "desc" }],
      take: CLOSED_SHOWN,
      select: dataRequestSelect,
    }),
  ]);
  return { open, closed };
}

async function openRequest(requestId: string) {
  const request = await prisma.dataRequest.findUnique({
    where: { id: requestId },
    select: { candidateId: true, status: true },
  });
  if (!request) throw new NotFoundError("The data request");
  if (request.status !== "open") throw new ConflictError("This request was already handled.");
  return request;
}

/** Erases the requester's data; the erasure completes this and any other open request of theirs. */
export async function eraseForDataRequest(requestId: string, actor: Actor): Promise<ErasureResult> {
  assertMayHandle(actor);
  const request = await openRequest(requestId);
  return eraseCandidate(request.candidateId, actor);
}

/** Declines a request (for example a legal duty to keep the records), with the reason for the record. */
export async function declineDataRequest(requestId: string, note: string, actor: Actor, now: Date = new Date()) {
  assertMayHandle(actor);
  await openRequest(requestId);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.dataRequest.updateMany({
      where: { id: requestId, status: "open" },
      data: { status: "declined", closedAt: now, closedById: actor.id, note },
    });
    if (count === 0) throw new ConflictError("This request was already handled.");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "data_request.declined",
      entityType: "DataRequest",
      entityId: requestId,
      data: { status: "declined" },
    });
  });
}
