// Everything a message to a candidate needs from the database: who they are, the job, the named sender, and the
// values of the merge fields — including nextUpdateBy, the date we promise the next update by.
import type { Prisma } from "~/generated/prisma/client";
import { candidateLocale } from "~/domain/i18n";
import { candidateDate, candidateDateTime } from "~/domain/messages/candidate-dates";
import { SENDER_TEXTS } from "~/domain/messages/sender-names";
import { realTime } from "~/domain/sla/real-time";
import type { TemplateLocale } from "~/domain/templates/kinds";
import type { MergeValues } from "~/domain/templates/render";
import { NotFoundError } from "~/platform/errors.server";
import { statusUrlOf } from "~/platform/status-link-tokens.server";
import { currentSlaConfig, policyInForce } from "../sla/config.server";
import { getMailSettings } from "./mail-settings.server";

type Db = Prisma.TransactionClient;

/** Without any update promise in the SLA policy, emails still name a date: a week after sending. */
const FALLBACK_PROMISE_MS = 7 * 24 * 60 * 60_000;

const contextSelect = {
  id: true,
  status: true,
  appliedAt: true,
  statusTokenRotation: true,
  candidate: { select: { name: true, email: true, timeZone: true, locale: true, erasedAt: true } },
  stage: { select: { name: true } },
  job: {
    select: {
      id: true,
      title: true,
      department: true,
      scheduleId: true,
      recruiter: { select: { name: true, email: true } },
      hiringManager: { select: { name: true, email: true } },
    },
  },
} satisfies Prisma.ApplicationSelect;

export type Sender = { name: string; email: string };

export type MessageContext = {
  applicationId: string;
  appliedAt: Date;
  status: string;
  candidate: { name: string; email: string; timeZone: string; erased: boolean };
  locale: TemplateLocale;
  sender: Sender | null;
  companyName: string;
  /** The display name in From, in the candidate's language: "Priya Raman at Acme", or the company alone. */
  fromName: string;
  minimumDelayMinutes: number;
  /** The merge-field values for a message sent at `sendAt` (nextUpdateBy depends on it, and on whether the message
   * waits for the candidate's answer). */
  valuesAt(sendAt: Date, options?: { awaitsCandidate?: boolean }): Promise<MergeValues>;
};

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** The date the candidate will next hear from us, if this message goes out at `sendAt`: the sooner of the restarted
 * regular-update clock (unless the message waits for their answer, which pauses it) and a running stage decision
 * still ahead. */
async function promisedUpdateBy(
  db: Db,
  application: { id: string; job: { id: string; department: string | null; scheduleId: string | null } },
  sendAt: Date,
  awaitsCandidate: boolean,
): Promise<Date> {
  // The committed configuration, from memory: nothing that queues a message writes policies or schedules first (the
  // demo seed does, and currentSlaConfig reads those through the transaction).
  const inForce = policyInForce(await currentSlaConfig(db), application.job);
  const candidates: number[] = [];
  const periodic = inForce.policy.targets.find((target) => target.metric === "periodic_update");
  const timeLine = periodic?.businessHours ? inForce.businessTime : realTime;
  if (periodic && timeLine && !awaitsCandidate)
    candidates.push(timeLine.addMinutes(sendAt.getTime(), periodic.minutes));
  const stage = await db.slaClock.findFirst({
    where: { applicationId: application.id, metric: "stage_decision", state: "running", dueAt: { gt: sendAt } },
    orderBy: { dueAt: "asc" },
    select: { dueAt: true },
  });
  if (stage?.dueAt) candidates.push(stage.dueAt.getTime());
  return new Date(candidates.length > 0 ? Math.min(...candidates) : sendAt.getTime() + FALLBACK_PROMISE_MS);
}

async function latestInterview(db: Db, applicationId: string): Promise<{ when?: string; where?: string }> {
  const event = await db.event.findFirst({
    where: { applicationId, type: "interview" },
    orderBy: { occurredAt: "desc" },
    select: { data: true },
  });
  const data = (event?.data ?? {}) as { when?: unknown; where?: unknown };
  return {
    when: typeof data.when === "string" ? data.when : undefined,
    where: typeof data.where === "string" ? data.where : undefined,
  };
}

/** Loads the context of a message to the application's candidate, sent by `sender` (else the job's recruiter or
 * hiring manager). */
export async function loadMessageContext(
  db: Db,
  applicationId: string,
  options: { sender?: Sender | null } = {},
): Promise<MessageContext> {
  const application = await db.application.findUnique({ where: { id: applicationId }, select: contextSelect });
  if (!application) throw new NotFoundError("The application");
  const settings = await getMailSettings(db);
  const { candidate, job } = application;
  const locale = candidateLocale(candidate.locale);
  const sender = options.sender ?? job.recruiter ?? job.hiringManager ?? null;
  const texts = SENDER_TEXTS[locale];
  const interview = await latestInterview(db, applicationId);
  const interviewWhen = interview.when ? new Date(interview.when) : null;
  return {
    applicationId,
    appliedAt: application.appliedAt,
    status: application.status,
    candidate: {
      name: candidate.name,
      email: candidate.email,
      timeZone: candidate.timeZone,
      erased: candidate.erasedAt !== null,
    },
    locale,
    sender,
    companyName: settings.companyName,
    fromName: sender ? texts.personAt(sender.name, settings.companyName) : settings.companyName,
    minimumDelayMinutes: settings.minimumDelayHours * 60,
    valuesAt: async (sendAt, { awaitsCandidate = false } = {}) => ({
      "candidate.firstName": firstName(candidate.name),
      "candidate.name": candidate.name,
      "job.title": job.title,
      "company.name": settings.companyName,
      "recruiter.name": sender?.name ?? texts.team(settings.companyName),
      "recruiter.email": sender?.email ?? "",
      "stage.name": application.stage.name,
      statusUrl: statusUrlOf(application),
      nextUpdateBy: candidateDate(
        await promisedUpdateBy(db, application, sendAt, awaitsCandidate),
        locale,
        candidate.timeZone,
        sendAt,
      ),
      "interview.when":
        interviewWhen && !Number.isNaN(interviewWhen.getTime())
          ? candidateDateTime(interviewWhen, locale, candidate.timeZone, sendAt)
          : (interview.when ?? ""),
      "interview.where": interview.where ?? "",
    }),
  };
}
