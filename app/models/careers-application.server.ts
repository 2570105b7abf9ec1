// An application sent from the public careers page: the candidate and application through the one intake path (first
// stage, `applied` touchpoint, clocks, acknowledgement with the status link queued in the outbox), their CV as an
// ApplicationFile and their message and link as an internal note, all in one transaction. Applying again while an
// application for the job is active creates nothing: the status link is emailed again instead.
import type { ApplicationForm } from "~/domain/careers/application-form";
import { CAREERS_TEXTS } from "~/domain/careers/texts";
import type { Locale } from "~/domain/i18n";
import { buildStatusView } from "~/domain/status-page/view";
import { prisma } from "~/platform/db.server";
import { ConflictError } from "~/platform/errors.server";
import { wakeOutboxWorker } from "~/platform/outbox-signal.server";
import { createApplications, IntakeRefusal } from "./application-intake.server";
import { recordAudit } from "./audit.server";
import { appendEvents } from "./event.server";
import { loadStatusPage } from "./status-page.server";
import { emailStatusLinkAgain } from "./status-link.server";

/** The `source` of every application from the careers page. */
export const CAREERS_SOURCE = "Careers page";

export type CvUpload = { fileName: string; contentType: string; bytes: Uint8Array };

export type CareersApplicationResult =
  | { outcome: "applied"; applicationId: string }
  | { outcome: "already_applied"; applicationId: string }
  | { outcome: "closed" };

/**
 * The candidate's words as staff read them on the timeline: their message, then their link. Internal, so their
 * status page never shows it, and a note rather than an inbound message, because a covering letter is not a question
 * that starts a reply clock. Erasure blanks it like every note.
 */
export function careersNoteBody(form: Pick<ApplicationForm, "message" | "link">): string | null {
  const parts = [
    form.message ? `Message from the careers page:\n\n${form.message}` : null,
    form.link ? `Link: ${form.link}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join("\n\n") : null;
}

async function activeApplicationOf(jobId: string, email: string): Promise<string | null> {
  const application = await prisma.application.findFirst({
    where: { jobId, status: "active", candidate: { emailKey: email.toLowerCase(), erasedAt: null } },
    select: { id: true },
  });
  return application?.id ?? null;
}

function isDuplicate(error: unknown): boolean {
  return error instanceof IntakeRefusal && error.refusal instanceof ConflictError && error.refusal.issues.length > 0;
}

/** Applies for a listed job (checked again here: it may have closed since the form was shown). */
export async function applyFromCareersPage(
  slug: string,
  form: ApplicationForm,
  cv: CvUpload,
  now: Date = new Date(),
): Promise<CareersApplicationResult> {
  const job = await prisma.job.findFirst({
    where: { slug, status: "open", publishedAt: { not: null } },
    select: { id: true },
  });
  if (!job) return { outcome: "closed" };
  const existing = await activeApplicationOf(job.id, form.email);
  if (existing) return alreadyApplied(existing, now);
  try {
    const applicationId = await prisma.$transaction(async (tx) => {
      const [created] = await createApplications(
        tx,
        [
          {
            jobId: job.id,
            candidate: {
              name: form.name,
              email: form.email,
              phone: form.phone ?? undefined,
              timeZone: form.timeZone,
              locale: form.locale,
            },
            source: CAREERS_SOURCE,
            notify: true,
          },
        ],
        null,
        now,
      );
      const id = created!.id;
      const file = await tx.applicationFile.create({
        data: {
          applicationId: id,
          fileName: cv.fileName,
          contentType: cv.contentType,
          size: cv.bytes.byteLength,
          content: Uint8Array.from(cv.bytes),
        },
        select: { id: true },
      });
      const note = careersNoteBody(form);
      if (note) {
        await appendEvents(
          tx,
          [{ applicationId: id, type: "note", data: { body: note }, occurredAt: now, visibility: "internal" }],
          { now },
        );
      }
      await recordAudit(tx, {
        actorId: null,
        action: "application.file_added",
        entityType: "Application",
        entityId: id,
        data: { fileId: file.id, size: cv.bytes.byteLength, contentType: cv.contentType },
      });
      return id;
    });
    wakeOutboxWorker();
    return { outcome: "applied", applicationId };
  } catch (error) {
    // Two sends of the same form at once: the second finds the first's application.
    if (!isDuplicate(error)) throw error;
    const raced = await activeApplicationOf(job.id, form.email);
    if (!raced) throw error;
    return alreadyApplied(raced, now);
  }
}

async function alreadyApplied(applicationId: string, now: Date): Promise<CareersApplicationResult> {
  await emailStatusLinkAgain(applicationId, statusLinkTexts(), now);
  return { outcome: "already_applied", applicationId };
}

function statusLinkTexts() {
  return { en: CAREERS_TEXTS.en.statusLinkEmail, de: CAREERS_TEXTS.de.statusLinkEmail };
}

/**
 * What the confirmation says about when the candidate hears from us: the very lines of their status page's promise
 * ("You will hear from us by …"), in the page's language and the candidate's time zone. Null when the application
 * is gone (erased since) or not for this job.
 */
export async function confirmationPromise(
  applicationId: string,
  jobSlug: string,
  locale: Locale,
  now: Date = new Date(),
): Promise<{ jobTitle: string; lines: string[] } | null> {
  const application = await prisma.application.findFirst({
    where: { id: applicationId, job: { slug: jobSlug }, candidate: { erasedAt: null } },
    select: { id: true },
  });
  if (!application) return null;
  const record = await loadStatusPage(application.id);
  if (!record) return null;
  const view = buildStatusView({ ...record, locale }, { token: "", now });
  return { jobTitle: record.jobTitle, lines: view.promise?.lines ?? [] };
}
