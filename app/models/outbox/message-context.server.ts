// Everything a message to a candidate needs from the database: who they are, the job, the named sender, and the
// values of the merge fields — including nextUpdateBy, the date we promise the next update by. Loaded for many
// applications in one statement (a batch of rejections costs what one does); the SLA configuration comes from memory.
import { Prisma } from "~/generated/prisma/client";
import { candidateLocale } from "~/domain/i18n";
import { interviewDuration, interviewWhen, interviewWhere, interviewWith } from "~/domain/interviews/wording";
import { candidateDate } from "~/domain/messages/candidate-dates";
import { SENDER_TEXTS } from "~/domain/messages/sender-names";
import { realTime } from "~/domain/sla/real-time";
import type { TemplateLocale } from "~/domain/templates/kinds";
import type { MergeValues } from "~/domain/templates/render";
import { NotFoundError } from "~/platform/errors.server";
import { epochMs } from "~/platform/json-rows.server";
import { statusUrlOf } from "~/platform/status-link-tokens.server";
import { currentSlaConfig, policyInForce, type PolicyInForce } from "../sla/config.server";
import { MAIL_SETTINGS_KEY, mailSettingsFrom } from "./mail-settings.server";

type Db = Prisma.TransactionClient;

/** Without any update promise in the SLA policy, emails still name a date: a week after sending. */
const FALLBACK_PROMISE_MS = 7 * 24 * 60 * 60_000;

export type Sender = { name: string; email: string };

export type MessageContext = {
  applicationId: string;
  appliedAt: Date;
  status: string;
  /** The status link's stored hash and rotation (applications older than derived links adopt one when written to). */
  statusToken: { hash: string | null; rotation: number };
  candidate: { name: string; email: string; timeZone: string; erased: boolean };
  locale: TemplateLocale;
  sender: Sender | null;
  companyName: string;
  /** The display name in From, in the candidate's language: "Priya Raman at Acme", or the company alone. */
  fromName: string;
  minimumDelayMinutes: number;
  /** The merge-field values for a message sent at `sendAt` (nextUpdateBy depends on it, and on whether the message
   * waits for the candidate's answer). The interview fields describe `interviewId` when given (it must have been
   * requested with the context), else the next scheduled interview after `sendAt`, else they are empty. */
  valuesAt(sendAt: Date, options?: { awaitsCandidate?: boolean; interviewId?: string | null }): Promise<MergeValues>;
};

type Person = { name: string; email: string } | null;

type InterviewRow = {
  id: string;
  status: string;
  startsAt: number | null;
  endsAt: number | null;
  location: string | null;
  videoUrl: string | null;
  organizerName: string | null;
  interviewerNames: string[];
};

/** One application's row of the context statement. */
type ContextRow = {
  id: string;
  status: string;
  appliedAt: number;
  statusTokenRotation: number;
  statusTokenHash: string | null;
  candidate: { name: string; email: string; timeZone: string; locale: string; erasedAt: number | null };
  stageName: string;
  job: { id: string; title: string; department: string | null; scheduleId: string | null };
  recruiter: Person;
  hiringManager: Person;
  /** The interviews its messages may be about: those requested, and every scheduled one (soonest first). */
  interviews: InterviewRow[];
  /** Due dates of the running stage-decision clocks (epoch ms). */
  stageDueAts: number[];
};

const person = (alias: string) =>
  Prisma.raw(`(SELECT json_build_object('name', u.name, 'email', u.email) FROM "User" u WHERE u.id = ${alias})`);

async function loadContextRows(db: Db, applicationIds: string[], interviewIds: string[]) {
  const [result] = await db.$queryRaw<{ rows: string; mail: unknown }[]>`
    SELECT coalesce(json_agg(json_build_object(
             'id', a.id, 'status', a.status, 'appliedAt', ${epochMs(`a."appliedAt"`)},
             'statusTokenRotation', a."statusTokenRotation", 'statusTokenHash', a."statusTokenHash",
             'candidate', json_build_object('name', c.name, 'email', c.email, 'timeZone', c."timeZone",
                                            'locale', c.locale, 'erasedAt', ${epochMs(`c."erasedAt"`)}),
             'stageName', s.name,
             'job', json_build_object('id', j.id, 'title', j.title, 'department', j.department,
                                      'scheduleId', j."scheduleId"),
             'recruiter', ${person(`j."recruiterId"`)},
             'hiringManager', ${person(`j."hiringManagerId"`)},
             'interviews', (SELECT coalesce(json_agg(json_build_object(
                                'id', i.id, 'status', i.status, 'startsAt', ${epochMs(`i."startsAt"`)},
                                'endsAt', ${epochMs(`i."endsAt"`)}, 'location', i.location, 'videoUrl', i."videoUrl",
                                'organizerName', (SELECT o.name FROM "User" o WHERE o.id = i."organizerId"),
                                'interviewerNames', (SELECT coalesce(json_agg(u.name ORDER BY u.name), '[]')
                                                       FROM "InterviewSeat" st JOIN "User" u ON u.id = st."userId"
                                                      WHERE st."interviewId" = i.id))
                              ORDER BY i."startsAt"), '[]')
                             FROM "Interview" i
                            WHERE i."applicationId" = a.id
                              AND (i.id = ANY(${interviewIds}::text[])
                                   OR (i.status = 'scheduled' AND i."startsAt" IS NOT NULL))),
             'stageDueAts', (SELECT coalesce(json_agg(${epochMs(`k."dueAt"`)}), '[]') FROM "SlaClock" k
                              WHERE k."applicationId" = a.id AND k.metric = 'stage_decision'
                                AND k.state = 'running' AND k."dueAt" IS NOT NULL))), '[]')::text AS rows,
           (SELECT value FROM "Setting" WHERE key = ${MAIL_SETTINGS_KEY}) AS mail
      FROM "Application" a JOIN "Candidate" c ON c.id = a."candidateId" JOIN "Stage" s ON s.id = a."stageId"
      JOIN "Job" j ON j.id = a."jobId"
     WHERE a.id = ANY(${applicationIds}::text[])`;
  return {
    rows: JSON.parse(result?.rows ?? "[]") as ContextRow[],
    settings: mailSettingsFrom(result?.mail ?? null),
  };
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** The date the candidate will next hear from us, if this message goes out at `sendAt`: the sooner of the restarted
 * regular-update clock (unless the message waits for their answer, which pauses it) and a running stage decision
 * still ahead. */
function promisedUpdateBy(inForce: PolicyInForce, stageDueAts: number[], sendAt: Date, awaitsCandidate: boolean) {
  const candidates: number[] = [];
  const periodic = inForce.policy.targets.find((target) => target.metric === "periodic_update");
  const timeLine = periodic?.businessHours ? inForce.businessTime : realTime;
  if (periodic && timeLine && !awaitsCandidate)
    candidates.push(timeLine.addMinutes(sendAt.getTime(), periodic.minutes));
  const stageDue = stageDueAts.filter((dueAt) => dueAt > sendAt.getTime());
  if (stageDue.length > 0) candidates.push(Math.min(...stageDue));
  return new Date(candidates.length > 0 ? Math.min(...candidates) : sendAt.getTime() + FALLBACK_PROMISE_MS);
}

/** The interview a message is about: the one named, else the next scheduled one after it is sent. */
function interviewFor(rows: InterviewRow[], sendAt: Date, interviewId: string | null | undefined) {
  if (interviewId) return rows.find((row) => row.id === interviewId) ?? null;
  return rows.find((row) => row.status === "scheduled" && row.startsAt !== null && row.startsAt > sendAt.getTime());
}

/** interview.when, .where, .duration and .with; each empty when there is nothing to say (the check refuses a message
 * that uses an empty one). `with` is the interviewers, else the organiser. */
function interviewValues(
  interview: InterviewRow | null | undefined,
  locale: TemplateLocale,
  timeZone: string,
  sendAt: Date,
) {
  const { startsAt, endsAt } = interview ?? {};
  const names = interview?.interviewerNames.length
    ? interview.interviewerNames
    : interview?.organizerName
      ? [interview.organizerName]
      : [];
  return {
    "interview.when": startsAt != null ? interviewWhen(new Date(startsAt), locale, timeZone, sendAt) : "",
    "interview.where": interview ? interviewWhere(interview.location, interview.videoUrl, locale) : "",
    "interview.duration":
      startsAt != null && endsAt != null && endsAt > startsAt
        ? interviewDuration((endsAt - startsAt) / 60_000, locale)
        : "",
    "interview.with": interviewWith(names, locale),
  };
}

export type ContextRequest = { applicationId: string; sender?: Sender | null; interviewId?: string | null };

/** Loads the contexts of messages to these applications' candidates, each sent by its `sender` (else the job's
 * recruiter or hiring manager), in one statement. */
export async function loadMessageContexts(db: Db, requests: ContextRequest[]): Promise<Map<string, MessageContext>> {
  const ids = [...new Set(requests.map((request) => request.applicationId))];
  if (ids.length === 0) return new Map();
  const interviewIds = [...new Set(requests.flatMap((request) => (request.interviewId ? [request.interviewId] : [])))];
  const { rows, settings } = await loadContextRows(db, ids, interviewIds);
  const config = await currentSlaConfig(db);
  const senders = new Map(requests.map((request) => [request.applicationId, request.sender]));
  const contexts = new Map<string, MessageContext>();
  for (const row of rows) {
    const { candidate, job } = row;
    const locale = candidateLocale(candidate.locale);
    const sender = senders.get(row.id) ?? row.recruiter ?? row.hiringManager ?? null;
    const texts = SENDER_TEXTS[locale];
    const inForce = policyInForce(config, job);
    contexts.set(row.id, {
      applicationId: row.id,
      appliedAt: new Date(row.appliedAt),
      status: row.status,
      statusToken: { hash: row.statusTokenHash, rotation: row.statusTokenRotation },
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
      valuesAt: async (sendAt, { awaitsCandidate = false, interviewId = null } = {}) => ({
        "candidate.firstName": firstName(candidate.name),
        "candidate.name": candidate.name,
        "job.title": job.title,
        "company.name": settings.companyName,
        "recruiter.name": sender?.name ?? texts.team(settings.companyName),
        "recruiter.email": sender?.email ?? "",
        "stage.name": row.stageName,
        statusUrl: statusUrlOf(row),
        nextUpdateBy: candidateDate(
          promisedUpdateBy(inForce, row.stageDueAts, sendAt, awaitsCandidate),
          locale,
          candidate.timeZone,
          sendAt,
        ),
        ...interviewValues(interviewFor(row.interviews, sendAt, interviewId), locale, candidate.timeZone, sendAt),
      }),
    });
  }
  return contexts;
}

/** Loads the context of a message to the application's candidate (see loadMessageContexts). */
export async function loadMessageContext(
  db: Db,
  applicationId: string,
  options: { sender?: Sender | null; interviewId?: string | null } = {},
): Promise<MessageContext> {
  const context = (await loadMessageContexts(db, [{ applicationId, ...options }])).get(applicationId);
  if (!context) throw new NotFoundError("The application");
  return context;
}
