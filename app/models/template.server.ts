// Message templates: the default library (emails/) is copied in once per kind and language; every save is a new
// version, and a template the compassion lint finds errors in is never saved.
import type { Prisma } from "~/generated/prisma/client";
import type { TemplateKind, TemplateLocale } from "~/domain/templates/kinds";
import { lintTemplate, type LintResult } from "~/domain/templates/lint";
import { prisma } from "~/platform/db.server";
import { loadTemplateLibrary } from "~/platform/email-library.server";
import { InvalidInputError, NotFoundError } from "~/platform/errors.server";
import { newId } from "~/platform/ids.server";
import { recordAudit } from "./audit.server";

/** The name of the templates that come from the library. */
export const LIBRARY_TEMPLATE_NAME = "Standard";

const templateSelect = {
  id: true,
  kind: true,
  locale: true,
  name: true,
  subject: true,
  body: true,
  version: true,
  updatedAt: true,
} satisfies Prisma.TemplateSelect;

export type TemplateRow = Omit<Prisma.TemplateGetPayload<{ select: typeof templateSelect }>, "locale"> & {
  locale: TemplateLocale;
};

const asRow = <T extends { locale: string }>(template: T) => template as T & { locale: TemplateLocale };

// Any number: identifies this start-up step among PostgreSQL advisory locks, so instances starting together on one
// database do not both add the same template.
const LIBRARY_LOCK = 7_302_115;

/** Adds the library templates missing from the database (a new workspace, or kinds added later). */
export async function ensureTemplateLibrary(): Promise<number> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LIBRARY_LOCK})`;
    const existing = await tx.template.findMany({
      where: { name: LIBRARY_TEMPLATE_NAME },
      select: { kind: true, locale: true },
    });
    const have = new Set(existing.map((template) => `${template.kind}/${template.locale}`));
    const missing = loadTemplateLibrary().filter((template) => !have.has(`${template.kind}/${template.locale}`));
    // Two batch inserts, not one round trip per template: the library is dozens of rows and the seed, the demo and
    // every test database create it inside one short transaction.
    const rows = missing.map((template) => ({ ...template, id: newId() }));
    await tx.template.createMany({
      data: rows.map(({ id, kind, locale, subject, body }) => ({
        id,
        kind,
        locale,
        name: LIBRARY_TEMPLATE_NAME,
        subject,
        body,
      })),
    });
    await tx.templateVersion.createMany({
      data: rows.map(({ id, subject, body }) => ({ templateId: id, version: 1, subject, body })),
    });
    return missing.length;
  });
}

export async function listTemplates(): Promise<TemplateRow[]> {
  const templates = await prisma.template.findMany({
    // English before German within a kind.
    orderBy: [{ kind: "asc" }, { locale: "desc" }, { name: "asc" }],
    select: templateSelect,
  });
  return templates.map(asRow);
}

export async function getTemplate(id: string) {
  const template = await prisma.template.findUnique({
    where: { id },
    select: {
      ...templateSelect,
      versions: {
        orderBy: { version: "desc" },
        take: 20,
        select: { version: true, createdAt: true, subject: true, createdBy: { select: { name: true } } },
      },
    },
  });
  return template ? asRow(template) : null;
}

export type TemplateText = { subject: string; body: string };

/** The lint of a template's text as it would be saved. */
export function lintTemplateText(template: { kind: TemplateKind; locale: TemplateLocale }, text: TemplateText) {
  return lintTemplate({ kind: template.kind, locale: template.locale, ...text });
}

export function lintErrorIssues(lint: LintResult) {
  return lint.findings
    .filter((finding) => finding.severity === "error")
    .map((finding) => ({ path: finding.field ?? "body", message: finding.message }));
}

/** Saves a new version. Throws InvalidInputError (with field issues) when the lint finds errors; nothing is written. */
export async function saveTemplate(id: string, text: TemplateText, actorId: string | null) {
  return prisma.$transaction(async (tx) => {
    const template = await tx.template.findUnique({ where: { id }, select: { id: true, kind: true, locale: true } });
    if (!template) throw new NotFoundError("The template");
    const lint = lintTemplateText(asRow(template), text);
    const issues = lintErrorIssues(lint);
    if (issues.length > 0) throw new InvalidInputError("The template has errors; nothing was saved.", issues);
    const saved = await tx.template.update({
      where: { id },
      data: { subject: text.subject, body: text.body, version: { increment: 1 } },
      select: { version: true },
    });
    await tx.templateVersion.create({
      data: { templateId: id, version: saved.version, subject: text.subject, body: text.body, createdById: actorId },
    });
    await recordAudit(tx, {
      actorId,
      action: "template.saved",
      entityType: "Template",
      entityId: id,
      data: { version: saved.version, score: lint.score },
    });
    return { version: saved.version, lint };
  });
}
