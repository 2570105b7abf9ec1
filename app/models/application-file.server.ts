// Files candidates sent with their application (the CV from the careers page), for staff who may see the
// application: the list on its page, and one file's bytes for the download. The application's scope is in every
// `where`, so a file is exactly as visible as its application.
import { prisma } from "~/platform/db.server";
import { applicationScope, type Actor } from "./scope.server";

export type ApplicationFileSummary = {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: Date;
};

export async function listApplicationFiles(applicationId: string, actor: Actor): Promise<ApplicationFileSummary[]> {
  return prisma.applicationFile.findMany({
    where: { applicationId, application: applicationScope(actor) },
    select: { id: true, fileName: true, contentType: true, size: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
}

/** One file with its content, or null when it does not exist or the actor may not see its application. */
export async function getApplicationFile(
  applicationId: string,
  fileId: string,
  actor: Actor,
): Promise<{ fileName: string; contentType: string; content: Uint8Array } | null> {
  return prisma.applicationFile.findFirst({
    where: { id: fileId, applicationId, application: applicationScope(actor) },
    select: { fileName: true, contentType: true, content: true },
  });
}
