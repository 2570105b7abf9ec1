// Where imports stand: one import's progress and counts (its page, the poll), and the latest imports (the Import page).
import type { Prisma } from "~/generated/prisma/client";
import type { RowError } from "~/domain/imports/types";
import { prisma } from "~/platform/db.server";
import type { Actor } from "../scope.server";
import { assertMayImport, rowErrorsOf } from "./reading.server";

export type ImportProgress = {
  id: string;
  fileName: string;
  status: string;
  total: number;
  done: number;
  created: number;
  updated: number;
  skipped: number;
  errors: RowError[];
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  createdBy: string | null;
};

const progressSelect = {
  id: true,
  fileName: true,
  status: true,
  total: true,
  done: true,
  created: true,
  updated: true,
  skipped: true,
  errors: true,
  error: true,
  createdAt: true,
  finishedAt: true,
  createdBy: { select: { name: true } },
} satisfies Prisma.ImportSelect;

function progressOf(row: Prisma.ImportGetPayload<{ select: typeof progressSelect }>): ImportProgress {
  return { ...row, errors: rowErrorsOf(row.errors), createdBy: row.createdBy?.name ?? null };
}

export async function getImportProgress(id: string, actor: Actor): Promise<ImportProgress | null> {
  assertMayImport(actor);
  const row = await prisma.import.findUnique({ where: { id }, select: progressSelect });
  return row ? progressOf(row) : null;
}

/** The latest imports that were confirmed, newest first. */
export async function listImports(actor: Actor): Promise<ImportProgress[]> {
  assertMayImport(actor);
  const rows = await prisma.import.findMany({
    where: { status: { not: "preview" } },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: progressSelect,
  });
  return rows.map(progressOf);
}
