// Who interviews an application. Interviewers see only the applications they are assigned to (see scope.server.ts).
import { prisma } from "~/platform/db.server";
import { InvalidInputError, NotFoundError } from "~/platform/errors.server";
import { recordAudit } from "./audit.server";
import { applicationScope, type Actor } from "./scope.server";

export async function listInterviewers(applicationId: string) {
  const rows = await prisma.applicationInterviewer.findMany({
    where: { applicationId },
    select: { user: { select: { id: true, name: true, role: true, active: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => row.user);
}

export async function assignInterviewer(applicationId: string, userId: string, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const application = await tx.application.findFirst({
      where: { id: applicationId, ...applicationScope(actor) },
      select: { id: true },
    });
    if (!application) throw new NotFoundError("The application");
    const user = await tx.user.findFirst({ where: { id: userId, active: true }, select: { id: true, name: true } });
    if (!user) {
      throw new InvalidInputError("Choose an active team member.", [
        { path: "userId", message: "Choose an active team member." },
      ]);
    }
    await tx.applicationInterviewer.upsert({
      where: { applicationId_userId: { applicationId, userId } },
      create: { applicationId, userId },
      update: {},
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "application.interviewer_assigned",
      entityType: "Application",
      entityId: applicationId,
      data: { userId },
    });
    return user;
  });
}

export async function removeInterviewer(applicationId: string, userId: string, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const application = await tx.application.findFirst({
      where: { id: applicationId, ...applicationScope(actor) },
      select: { id: true },
    });
    if (!application) throw new NotFoundError("The application");
    const removed = await tx.applicationInterviewer.deleteMany({ where: { applicationId, userId } });
    if (removed.count > 0) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "application.interviewer_removed",
        entityType: "Application",
        entityId: applicationId,
        data: { userId },
      });
    }
  });
}
