// The candidate survey: sent humanely after the outcome, once (the SLA worker asks for due ones every sweep), shown
// on the status link, and answered once (docs/status-page.md); the questions are in app/domain/survey.ts.
import type { SurveyInput } from "~/domain/survey";
import { prisma } from "~/platform/db.server";
import { NotFoundError } from "~/platform/errors.server";
import { wakeOutboxWorker } from "~/platform/outbox-signal.server";
import { recordAudit } from "./audit.server";
import { appendEvent } from "./event.server";
import { queueAutomaticMessage } from "./outbox/automations.server";
import { getMailSettings } from "./outbox/mail-settings.server";
import { getStatusLinkSettings } from "./status-link.server";
import { logger } from "~/platform/log.server";

const DAY_MS = 24 * 60 * 60_000;

/** Two days after the outcome: the decision has sunk in, and asking "how was it?" the minute it lands would feel
 * like a form letter. (Humane timing then puts the email inside the candidate's Mon–Thu working hours.) */
export const SURVEY_DELAY_DAYS = 2;
/** After two months an outcome is old news and memories of the process are vague: no survey any more. */
export const SURVEY_WINDOW_DAYS = 60;
/** The survey link must keep working for at least this long after the email goes out. */
export const SURVEY_ANSWER_DAYS = 14;
/** Applications queued per run: each is rendered and linted, so a backlog drains over a few sweeps, not in one. */
export const SURVEY_BATCH_SIZE = 200;

const CLOSED_STATUSES = ["rejected", "hired", "withdrawn"] as const;

/**
 * Closed applications whose survey is due: decided between the delay and the window ago, candidate not erased and
 * not asking to be, no survey email yet (in any state: once means once) and no answer. Rejected and withdrawn ones
 * only once the candidate was told the outcome by an email sent after it — a survey must never be how someone learns
 * they were rejected, nor go to someone whose withdrawal was only recorded (no contact) — and it would also stop the
 * closure clock that should be breaching. Nor to candidates of a connected ATS that writes to them itself.
 */
async function dueSurveyApplicationIds(now: Date, limit: number): Promise<string[]> {
  const { daysAfterOutcome } = await getStatusLinkSettings();
  const windowDays = Math.min(SURVEY_WINDOW_DAYS, daysAfterOutcome - SURVEY_ANSWER_DAYS);
  if (windowDays <= SURVEY_DELAY_DAYS) return [];
  const closedBefore = new Date(now.getTime() - SURVEY_DELAY_DAYS * DAY_MS);
  const closedAfter = new Date(now.getTime() - windowDays * DAY_MS);
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT a.id
      FROM "Application" a
      JOIN "Candidate" c ON c.id = a."candidateId"
     WHERE a.status IN ('rejected', 'hired', 'withdrawn')
       AND a."closedAt" <= ${closedBefore.toISOString()}::timestamp(3)
       AND a."closedAt" > ${closedAfter.toISOString()}::timestamp(3)
       AND c."erasedAt" IS NULL
       AND NOT EXISTS (SELECT 1 FROM "Message" m WHERE m."applicationId" = a.id AND m.kind = 'survey')
       AND NOT EXISTS (SELECT 1 FROM "SurveyResponse" s WHERE s."applicationId" = a.id)
       AND NOT EXISTS (SELECT 1 FROM "DataRequest" d WHERE d."candidateId" = c.id AND d.status = 'open')
       AND NOT EXISTS (SELECT 1 FROM "ExternalRecord" x JOIN "Connector" k ON k.id = x."connectorId"
                        WHERE x."applicationId" = a.id AND k.emails = 'ats')
       AND (a.status = 'hired' OR EXISTS (
             SELECT 1 FROM "Event" e
              WHERE e."applicationId" = a.id AND e.type = 'message_out' AND e.visibility = 'candidate'
                AND e."occurredAt" >= a."closedAt"))
     ORDER BY a."closedAt", a.id
     LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

/** Queues one survey email for one application unless another run got there first; true when it queued one. */
async function queueSurvey(applicationId: string, now: Date): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    // The row lock makes concurrent runs (several app instances) take turns; the second sees the first's email.
    await tx.$executeRaw`SELECT 1 FROM "Application" WHERE id = ${applicationId} FOR UPDATE`;
    const stillDue = await tx.application.findFirst({
      where: {
        id: applicationId,
        status: { in: [...CLOSED_STATUSES] },
        candidate: { erasedAt: null },
        messages: { none: { kind: "survey" } },
        survey: { is: null },
      },
      select: { id: true },
    });
    if (!stillDue) return false;
    const message = await queueAutomaticMessage(tx, {
      applicationId,
      kind: "survey",
      actorId: null,
      timing: { kind: "humane" },
    });
    if (!message) return false;
    // Internal: the candidate's timeline shows the email itself (its message_out, written when it leaves); this
    // marks when the survey was issued, for response rates, and may precede the email by a few days.
    await appendEvent(tx, {
      applicationId,
      type: "survey_sent",
      data: {},
      occurredAt: now,
      actorId: null,
      visibility: "internal",
    });
    return true;
  });
}

/**
 * Queues the survey for every application whose survey is due (at most SURVEY_BATCH_SIZE a run), each in its own
 * short transaction. Safe to run often and from several instances at once: each application gets one survey email.
 */
export async function queueDueSurveys(now: Date = new Date()): Promise<{ queued: number; failed: number }> {
  const due = await dueSurveyApplicationIds(now, SURVEY_BATCH_SIZE);
  let queued = 0;
  let failed = 0;
  for (const applicationId of due) {
    try {
      if (await queueSurvey(applicationId, now)) queued += 1;
    } catch (error) {
      // A template an admin broke must not stop the others; the next sweep tries again.
      failed += 1;
      if (failed === 1) logger.error({ err: error, applicationId }, "Queueing a survey failed");
    }
  }
  if (queued > 0) wakeOutboxWorker();
  return { queued, failed };
}

export type SurveyState = "not_decided" | "open" | "answered";

/** What the candidate's survey page shows for the application behind their link. */
export async function getSurveyPage(applicationId: string) {
  const application = await prisma.application.findUnique({
    where: { id: applicationId },
    select: {
      status: true,
      job: { select: { title: true } },
      candidate: { select: { locale: true } },
      survey: { select: { createdAt: true } },
    },
  });
  if (!application) throw new NotFoundError("The application");
  const { companyName } = await getMailSettings();
  const state: SurveyState = application.status === "active" ? "not_decided" : application.survey ? "answered" : "open";
  return {
    state,
    locale: application.candidate.locale,
    jobTitle: application.job.title,
    companyName,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002"
  );
}

/** Saves the candidate's answers with their internal `survey_answered` touchpoint, once: a second answer (even one
 * racing the first — the unique index decides) changes nothing. */
export async function saveSurveyResponse(
  applicationId: string,
  input: SurveyInput,
): Promise<"saved" | "already_answered" | "not_decided"> {
  try {
    return await prisma.$transaction(async (tx) => {
      const application = await tx.application.findUnique({
        where: { id: applicationId },
        select: { status: true, survey: { select: { id: true } } },
      });
      if (!application) throw new NotFoundError("The application");
      if (application.status === "active") return "not_decided";
      if (application.survey) return "already_answered";
      const response = await tx.surveyResponse.create({
        data: {
          applicationId,
          nps: input.nps,
          effort: input.effort,
          knewNext: input.knewNext,
          frictionTags: input.frictionTags,
          comment: input.comment ?? null,
        },
        select: { id: true },
      });
      await appendEvent(tx, {
        applicationId,
        type: "survey_answered",
        data: { score: input.nps },
        actorId: null,
        visibility: "internal",
      });
      await recordAudit(tx, {
        actorId: null,
        action: "survey.answered",
        entityType: "Application",
        entityId: applicationId,
        data: { by: "candidate", surveyResponseId: response.id },
      });
      return "saved";
    });
  } catch (error) {
    if (isUniqueViolation(error)) return "already_answered";
    throw error;
  }
}
