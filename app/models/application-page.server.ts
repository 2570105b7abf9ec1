// What the application page shows, read in two statements: one that checks the viewer may see the application (their
// scope), and one that builds everything else — the application with its candidate, job and stages, the newest part of
// the timeline, interviewers, SLA clocks, emails and files — as one JSON text. Page by page Prisma would send a
// statement per relation (some twenty-five), which the embedded database runs one after the other.
import { Prisma } from "~/generated/prisma/client";
import type { ApplicationStatus, EventType } from "~/domain/applications";
import type { Visibility } from "~/generated/prisma/enums";
import type { StageKind } from "~/domain/jobs";
import type { Role } from "~/domain/permissions";
import type { ClockState, SlaMetric } from "~/domain/sla/types";
import type { TemplateKind } from "~/domain/templates/kinds";
import { prisma } from "~/platform/db.server";
import { epochMs } from "~/platform/json-rows.server";
import { statusUrlOf } from "~/platform/status-link-tokens.server";
import type { ApplicationFileSummary } from "./application-file.server";
import type { TimelineEvent } from "./event.server";
import type { MessageListItem } from "./outbox/compose.server";
import type { ClockBadge } from "./sla/queue.server";
import { applicationScope, type Actor } from "./scope.server";

/** The timeline shows this many entries at first, and this many more each time the viewer asks for older ones. */
export const TIMELINE_PAGE = 50;
/** However far the viewer pages back, one page never carries more than this many entries. */
export const TIMELINE_MAX = 1000;
/** The newest emails listed (a candidate with more has had a long process; the rest are on the timeline). */
const MESSAGE_LIMIT = 100;

type Ms = number;
type PageRow = {
  application: {
    id: string;
    jobId: string;
    candidateId: string;
    stageId: string;
    status: ApplicationStatus;
    source: string | null;
    appliedAt: Ms;
    closedAt: Ms | null;
    outcomeReason: string | null;
    statusTokenRotation: number;
    candidate: {
      id: string;
      name: string;
      email: string;
      phone: string | null;
      timeZone: string;
      locale: string;
      erasedAt: Ms | null;
    };
    stage: { id: string; name: string; kind: StageKind };
    job: {
      id: string;
      title: string;
      department: string | null;
      hiringManager: { id: string; name: string } | null;
      recruiter: { id: string; name: string } | null;
      stages: { id: string; name: string; kind: StageKind }[];
    };
  };
  events: (Omit<TimelineEvent, "occurredAt"> & { occurredAt: Ms })[];
  eventCount: number;
  interviewers: { id: string; name: string; role: Role; active: boolean }[];
  clocks: (Omit<ClockBadge, "startedAt" | "dueAt" | "warnAt" | "stoppedAt"> & {
    startedAt: Ms;
    dueAt: Ms | null;
    warnAt: Ms | null;
    stoppedAt: Ms | null;
  })[];
  messages: (Omit<MessageListItem, "scheduledFor" | "sentAt" | "receivedAt" | "createdAt"> & {
    scheduledFor: Ms | null;
    sentAt: Ms | null;
    receivedAt: Ms | null;
    createdAt: Ms;
  })[];
  files: (Omit<ApplicationFileSummary, "createdAt"> & { createdAt: Ms })[];
  interviewCount: number;
};

const date = (ms: Ms) => new Date(ms);
const dateOrNull = (ms: Ms | null) => (ms === null ? null : new Date(ms));

function pageQuery(applicationId: string, timelineLimit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT json_build_object(
      'application', (
        SELECT json_build_object(
          'id', a.id, 'jobId', a."jobId", 'candidateId', a."candidateId", 'stageId', a."stageId",
          'status', a.status::text, 'source', a.source, 'appliedAt', ${epochMs('a."appliedAt"')},
          'closedAt', ${epochMs('a."closedAt"')}, 'outcomeReason', a."outcomeReason",
          'statusTokenRotation', a."statusTokenRotation",
          'candidate', json_build_object(
            'id', c.id, 'name', c.name, 'email', c.email, 'phone', c.phone, 'timeZone', c."timeZone",
            'locale', c.locale, 'erasedAt', ${epochMs('c."erasedAt"')}),
          'stage', json_build_object('id', s.id, 'name', s.name, 'kind', s.kind::text),
          'job', json_build_object(
            'id', j.id, 'title', j.title, 'department', j.department,
            'hiringManager', (SELECT json_build_object('id', u.id, 'name', u.name) FROM "User" u
                               WHERE u.id = j."hiringManagerId"),
            'recruiter', (SELECT json_build_object('id', u.id, 'name', u.name) FROM "User" u
                           WHERE u.id = j."recruiterId"),
            'stages', (SELECT coalesce(json_agg(json_build_object('id', st.id, 'name', st.name, 'kind', st.kind::text)
                                                ORDER BY st.position), '[]')
                         FROM "Stage" st WHERE st."jobId" = j.id AND st."archivedAt" IS NULL)))
          FROM "Application" a
          JOIN "Candidate" c ON c.id = a."candidateId"
          JOIN "Stage" s ON s.id = a."stageId"
          JOIN "Job" j ON j.id = a."jobId"
         WHERE a.id = ${applicationId}),
      -- Ids are time-ordered (newId), so they break ties between events written in the same millisecond.
      'events', (
        SELECT coalesce(json_agg(json_build_object(
                 'id', e.id, 'type', e.type::text, 'visibility', e.visibility::text,
                 'occurredAt', ${epochMs('e."occurredAt"')}, 'data', e.data,
                 'actor', CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END)
               ORDER BY e."occurredAt" DESC, e."recordedAt" DESC, e.id DESC), '[]')
          FROM (SELECT * FROM "Event" WHERE "applicationId" = ${applicationId}
                 ORDER BY "occurredAt" DESC, "recordedAt" DESC, id DESC LIMIT ${timelineLimit}) e
          LEFT JOIN "User" u ON u.id = e."actorId"),
      'eventCount', (SELECT count(*) FROM "Event" WHERE "applicationId" = ${applicationId}),
      'interviewers', (
        SELECT coalesce(json_agg(json_build_object('id', u.id, 'name', u.name, 'role', u.role::text, 'active', u.active)
                                 ORDER BY ai."createdAt"), '[]')
          FROM "ApplicationInterviewer" ai JOIN "User" u ON u.id = ai."userId"
         WHERE ai."applicationId" = ${applicationId}),
      'clocks', (
        SELECT coalesce(json_agg(json_build_object(
                 'id', k.id, 'applicationId', k."applicationId", 'metric', k.metric::text, 'instance', k.instance,
                 'state', k.state::text, 'startedAt', ${epochMs('k."startedAt"')}, 'dueAt', ${epochMs('k."dueAt"')},
                 'warnAt', ${epochMs('k."warnAt"')}, 'stoppedAt', ${epochMs('k."stoppedAt"')}, 'breached', k.breached,
                 'businessHours', k."businessHours", 'targetMinutes', k."targetMinutes",
                 'remainingMinutes', k."remainingMinutes", 'interviewId', k."interviewId")
               ORDER BY k."startedAt" DESC, k.metric, k.instance DESC), '[]')
          FROM "SlaClock" k WHERE k."applicationId" = ${applicationId}),
      'messages', (
        SELECT coalesce(json_agg(json_build_object(
                 'id', m.id, 'direction', m.direction::text, 'status', m.status::text, 'kind', m.kind::text,
                 'subject', m.subject, 'toAddress', m."toAddress", 'fromAddress', m."fromAddress",
                 'scheduledFor', ${epochMs('m."scheduledFor"')}, 'sentAt', ${epochMs('m."sentAt"')},
                 'receivedAt', ${epochMs('m."receivedAt"')}, 'attempts', m.attempts, 'lastError', m."lastError",
                 'templateVersion', m."templateVersion", 'automated', m.automated,
                 'createdAt', ${epochMs('m."createdAt"')},
                 'template', CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('id', t.id, 'name', t.name) END,
                 'createdBy', CASE WHEN cu.id IS NULL THEN NULL ELSE json_build_object('name', cu.name) END)
               ORDER BY m."createdAt" DESC), '[]')
          FROM (SELECT * FROM "Message" WHERE "applicationId" = ${applicationId} AND audience = 'candidate'
                 ORDER BY "createdAt" DESC LIMIT ${MESSAGE_LIMIT}) m
          LEFT JOIN "Template" t ON t.id = m."templateId"
          LEFT JOIN "User" cu ON cu.id = m."createdById"),
      'files', (
        SELECT coalesce(json_agg(json_build_object(
                 'id', f.id, 'fileName', f."fileName", 'contentType', f."contentType", 'size', f.size,
                 'createdAt', ${epochMs('f."createdAt"')}) ORDER BY f."createdAt"), '[]')
          FROM "ApplicationFile" f WHERE f."applicationId" = ${applicationId}),
      'interviewCount', (SELECT count(*) FROM "Interview" WHERE "applicationId" = ${applicationId})
    )::text AS page`;
}

/** How many timeline entries to show for the page's `timeline` parameter: a whole number of pages, within bounds. */
export function timelineLimitOf(requested: string | null): number {
  const asked = Number(requested);
  if (!Number.isFinite(asked) || asked <= TIMELINE_PAGE) return TIMELINE_PAGE;
  return Math.min(TIMELINE_MAX, Math.ceil(asked / TIMELINE_PAGE) * TIMELINE_PAGE);
}

/**
 * Everything the application page shows about one application, or null when it does not exist or the actor may not
 * see it. The timeline holds its newest `timelineLimit` entries; `eventCount` says how many there are in all.
 */
export async function getApplicationPage(applicationId: string, actor: Actor, timelineLimit: number = TIMELINE_PAGE) {
  const visible = await prisma.application.findFirst({
    where: { id: applicationId, ...applicationScope(actor) },
    select: { id: true },
  });
  if (!visible) return null;
  const [result] = await prisma.$queryRaw<{ page: string }[]>(pageQuery(applicationId, timelineLimit));
  const row = JSON.parse(result!.page) as PageRow;
  if (!row.application) return null;
  const { statusTokenRotation, candidate, ...application } = row.application;
  return {
    application: {
      ...application,
      appliedAt: date(application.appliedAt),
      closedAt: dateOrNull(application.closedAt),
      candidate: { ...candidate, erasedAt: dateOrNull(candidate.erasedAt) },
      events: row.events.map((event) => ({
        ...event,
        type: event.type as EventType,
        visibility: event.visibility as Visibility,
        occurredAt: date(event.occurredAt),
      })),
    },
    eventCount: Number(row.eventCount),
    statusUrl: statusUrlOf({ id: application.id, statusTokenRotation }),
    interviewers: row.interviewers,
    clocks: row.clocks.map((clock) => ({
      ...clock,
      metric: clock.metric as SlaMetric,
      state: clock.state as ClockState,
      startedAt: date(clock.startedAt),
      dueAt: dateOrNull(clock.dueAt),
      warnAt: dateOrNull(clock.warnAt),
      stoppedAt: dateOrNull(clock.stoppedAt),
    })),
    messages: row.messages.map((message) => ({
      ...message,
      kind: message.kind as TemplateKind,
      scheduledFor: dateOrNull(message.scheduledFor),
      sentAt: dateOrNull(message.sentAt),
      receivedAt: dateOrNull(message.receivedAt),
      createdAt: date(message.createdAt),
    })) satisfies MessageListItem[],
    files: row.files.map((file) => ({ ...file, createdAt: date(file.createdAt) })) satisfies ApplicationFileSummary[],
    interviewCount: Number(row.interviewCount),
  };
}

export type ApplicationPage = NonNullable<Awaited<ReturnType<typeof getApplicationPage>>>;
