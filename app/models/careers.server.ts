// The public careers page's reads and its settings: the open, published jobs (/careers), one of them by its slug
// (/careers/<slug>), and what an admin sets at /settings/careers — the company's name, kept once with the candidate
// email settings, and a short "how we hire" text of its own.
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import type { CareersSettingsInput } from "~/domain/careers/settings";
import { isSlug } from "~/domain/careers/slug";
import { prisma } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { getMailSettings, saveMailSettings } from "./outbox/mail-settings.server";
import { readSetting, saveSetting } from "./setting.server";

const KEY = "careers";

const storedSchema = z.object({ howWeHire: z.string().max(10_000).catch("") });

export type CareersSettings = { companyName: string; howWeHire: string };

export function careersPageUrl(): string {
  return `${publicUrl()}/careers`;
}

export function careersJobUrl(slug: string): string {
  return `${careersPageUrl()}/${slug}`;
}

export async function getCareersSettings(): Promise<CareersSettings> {
  const [mail, stored] = await Promise.all([getMailSettings(), readSetting(KEY)]);
  const parsed = storedSchema.safeParse(stored ?? {});
  return { companyName: mail.companyName, howWeHire: parsed.success ? parsed.data.howWeHire : "" };
}

/** Saves both in one transaction (the caller's `db`, else its own), each with its audit entry: the company name into the email settings (so emails
 * and the careers page always agree), the text into its own setting. */
export async function saveCareersSettings(
  input: CareersSettingsInput,
  actorId: string | null,
  db?: Prisma.TransactionClient,
): Promise<void> {
  const save = async (tx: Prisma.TransactionClient) => {
    const mail = await getMailSettings(tx);
    if (mail.companyName !== input.companyName) {
      await saveMailSettings({ ...mail, companyName: input.companyName }, actorId, tx);
    }
    await saveSetting(KEY, { howWeHire: input.howWeHire }, { action: "settings.careers_updated", actorId }, tx);
  };
  await (db ? save(db) : prisma.$transaction(save));
}

/** Listed on the careers page: published and open. */
export const LISTED_ON_CAREERS = { publishedAt: { not: null }, status: "open", slug: { not: null } } as const;

const openingSelect = { id: true, slug: true, title: true, department: true, location: true } as const;

export type Opening = { id: string; slug: string; title: string; department: string | null; location: string | null };

/** The open, published jobs, newest publication first. */
export async function listOpenings(): Promise<Opening[]> {
  const jobs = await prisma.job.findMany({
    where: LISTED_ON_CAREERS,
    select: openingSelect,
    orderBy: [{ publishedAt: "desc" }, { title: "asc" }],
  });
  return jobs.map((job) => ({ ...job, slug: job.slug! }));
}

/** One listed job by its slug, with its description; null when there is none (or it is closed or unpublished). */
export async function getOpening(slug: string): Promise<(Opening & { description: string | null }) | null> {
  if (!isSlug(slug)) return null;
  const job = await prisma.job.findFirst({
    where: { ...LISTED_ON_CAREERS, slug },
    select: { ...openingSelect, description: true },
  });
  return job ? { ...job, slug: job.slug! } : null;
}

/** The time zone the form suggests before the browser guesses one: the workspace's default business calendar's. */
export async function suggestedTimeZone(): Promise<string> {
  const schedule = await prisma.schedule.findFirst({
    where: { isDefault: true },
    select: { timeZone: true },
  });
  return schedule?.timeZone ?? "UTC";
}
