// Rejecting one candidate from the application page, as the board's bulk rejection does it: the recruiter chooses
// which rejection template the candidate gets (among those in the candidate's language), previews the exact email
// with the candidate's real merge fields and its planned send time, then rejects; the email is queued with that
// template at a humane time and can be undone until it goes out (reopenApplication).
import { BULK_REJECTION_KINDS, type BulkRejectionKind } from "~/domain/bulk-rejection";
import { candidateLocale, FALLBACK_LOCALE, LOCALE_LABELS, type Locale } from "~/domain/i18n";
import { rejectionKindForStage, type StageKind } from "~/domain/jobs";
import { composeEmail } from "~/domain/templates/email";
import { humaneSendTime } from "~/domain/templates/humane-timing";
import { REJECTION_KINDS, TEMPLATE_KIND_LABELS, type TemplateKind } from "~/domain/templates/kinds";
import { emptyFieldFindings } from "~/domain/templates/lint";
import { prisma } from "~/platform/db.server";
import { InvalidInputError, NotFoundError } from "~/platform/errors.server";
import { decideApplication, type ChosenTemplate } from "./decisions.server";
import { loadMessageContext } from "./outbox/message-context.server";
import { applicationScope, type Actor } from "./scope.server";
import { LIBRARY_TEMPLATE_NAME } from "./template.server";

export type RejectionTemplateChoice = { id: string; kind: BulkRejectionKind; label: string };

const KIND_ORDER = new Map<string, number>(BULK_REJECTION_KINDS.map((kind, index) => [kind, index]));

function isRejectionKind(kind: TemplateKind): kind is BulkRejectionKind {
  return REJECTION_KINDS.has(kind);
}

/**
 * The rejection templates a candidate who reads `locale` can get: every rejection template in their language (the
 * library's "Standard" first within each kind), and for a kind with none in their language the library's in the
 * fallback language, as the outbox would pick it. Ordered by kind (application, screen, interview).
 */
export async function rejectionTemplateChoices(locale: string): Promise<RejectionTemplateChoice[]> {
  const theirs = candidateLocale(locale);
  const rows = await prisma.template.findMany({
    where: { kind: { in: [...BULK_REJECTION_KINDS] }, locale: { in: [...new Set([theirs, FALLBACK_LOCALE])] } },
    orderBy: [{ createdAt: "asc" }],
    select: { id: true, kind: true, locale: true, name: true },
  });
  const choices: (RejectionTemplateChoice & { order: [number, number, string] })[] = [];
  for (const kind of BULK_REJECTION_KINDS) {
    const ofKind = rows.filter((row) => row.kind === kind);
    const inTheirs = ofKind.filter((row) => row.locale === theirs);
    const usable = inTheirs.length > 0 ? inTheirs : ofKind.filter((row) => row.name === LIBRARY_TEMPLATE_NAME);
    for (const row of usable) {
      const named = row.name === LIBRARY_TEMPLATE_NAME ? "" : ` — ${row.name}`;
      const language = row.locale === theirs ? "" : ` (${LOCALE_LABELS[row.locale as Locale] ?? row.locale})`;
      choices.push({
        id: row.id,
        kind,
        label: `${TEMPLATE_KIND_LABELS[kind]}${named}${language}`,
        order: [KIND_ORDER.get(kind)!, row.name === LIBRARY_TEMPLATE_NAME ? 0 : 1, row.name],
      });
    }
  }
  return choices
    .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2].localeCompare(b.order[2]))
    .map(({ order: _order, ...choice }) => choice);
}

/** The template chosen before the recruiter picks one: the usual one for the stage the candidate is in. */
export function defaultRejectionTemplate(
  choices: readonly RejectionTemplateChoice[],
  stageKind: StageKind,
): string | null {
  const kind = rejectionKindForStage(stageKind);
  return (choices.find((choice) => choice.kind === kind) ?? choices[0])?.id ?? null;
}

const CHOOSE_AGAIN = "Choose one of the rejection emails listed.";

/** The chosen template, if it is a rejection template the candidate can get; else a field error on templateId. */
async function chosenTemplate(templateId: string, locale: string): Promise<ChosenTemplate> {
  const choices = await rejectionTemplateChoices(locale);
  const template = choices.some((choice) => choice.id === templateId)
    ? await prisma.template.findUnique({
        where: { id: templateId },
        select: { id: true, version: true, kind: true, subject: true, body: true },
      })
    : null;
  if (!template || !isRejectionKind(template.kind)) {
    throw new InvalidInputError("That rejection email is not available for this candidate.", [
      { path: "templateId", message: CHOOSE_AGAIN },
    ]);
  }
  return template;
}

async function visibleApplication(applicationId: string, actor: Actor) {
  const application = await prisma.application.findFirst({
    where: { id: applicationId, ...applicationScope(actor) },
    select: { id: true, candidate: { select: { locale: true } } },
  });
  if (!application) throw new NotFoundError("The application");
  return application;
}

export type RejectionPreview = {
  templateId: string;
  subject: string;
  html: string;
  text: string;
  /** When the email would go out if the candidate were rejected now, and the zone the candidate reads it in. */
  scheduledFor: Date;
  candidateTimeZone: string;
  /** Merge fields with nothing to fill them for this candidate: rejecting with this template would be refused. */
  problems: string[];
};

/**
 * The rejection email this candidate would get with this template if rejected now: rendered with their real merge
 * fields at the time it would be sent (humane timing, as the outbox decides it), sent by the job's recruiter.
 * Nothing is written.
 */
export async function previewRejection(
  applicationId: string,
  templateId: string,
  actor: Actor,
  now: Date = new Date(),
): Promise<RejectionPreview> {
  const application = await visibleApplication(applicationId, actor);
  const template = await chosenTemplate(templateId, application.candidate.locale);
  const context = await loadMessageContext(prisma, applicationId);
  const scheduledFor = humaneSendTime({
    now,
    appliedAt: context.appliedAt,
    timeZone: context.candidate.timeZone,
    minimumDelayMinutes: context.minimumDelayMinutes,
  });
  const values = await context.valuesAt(scheduledFor);
  const source = { subject: template.subject, body: template.body };
  const email = composeEmail(source, values, context.locale);
  return {
    templateId: template.id,
    ...email,
    scheduledFor,
    candidateTimeZone: context.candidate.timeZone,
    problems: emptyFieldFindings(source, values).map((finding) => finding.message),
  };
}

/**
 * Rejects the application with `reason` and queues the chosen rejection template to the candidate at a humane time,
 * in one transaction (decideApplication).
 */
export async function rejectWithTemplate(
  applicationId: string,
  input: { reason: string; templateId: string },
  actor: Actor,
  now: Date = new Date(),
) {
  const application = await visibleApplication(applicationId, actor);
  const template = await chosenTemplate(input.templateId, application.candidate.locale);
  return decideApplication(applicationId, { outcome: "rejected", reason: input.reason, notify: true }, actor, {
    template,
    now,
  });
}
