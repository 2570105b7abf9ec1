// Finding applications across jobs: the recent-applications list (and an interviewer's own list), searchable by
// candidate name or email, one page at a time.
import type { Prisma } from "~/generated/prisma/client";
import type { ApplicationStatus } from "~/domain/applications";
import { prisma } from "~/platform/db.server";
import { applicationScope, type Actor } from "./scope.server";

export type ApplicationSearch = {
  query?: string;
  jobId?: string;
  status?: ApplicationStatus;
  page?: number;
  pageSize?: number;
};

const applicationListSelect = {
  id: true,
  status: true,
  appliedAt: true,
  closedAt: true,
  candidate: { select: { name: true, email: true } },
  job: { select: { id: true, title: true } },
  stage: { select: { name: true } },
} satisfies Prisma.ApplicationSelect;

export type ApplicationListItem = Prisma.ApplicationGetPayload<{ select: typeof applicationListSelect }>;

export async function listApplications(actor: Actor, search: ApplicationSearch = {}) {
  const pageSize = Math.min(Math.max(search.pageSize ?? 25, 1), 100);
  const page = Math.max(search.page ?? 1, 1);
  const query = search.query?.trim();
  const where: Prisma.ApplicationWhereInput = {
    AND: [
      applicationScope(actor),
      search.jobId ? { jobId: search.jobId } : {},
      search.status ? { status: search.status } : {},
      query
        ? {
            candidate: {
              OR: [{ name: { contains: query, mode: "insensitive" } }, { emailKey: { contains: query.toLowerCase() } }],
            },
          }
        : {},
    ],
  };
  const [total, items] = await Promise.all([
    prisma.application.count({ where }),
    prisma.application.findMany({
      where,
      select: applicationListSelect,
      orderBy: [{ appliedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
