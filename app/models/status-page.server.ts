// The candidate's status page (/s/<token>): loads only what a candidate may read, records that they looked (at most
// once an hour), and gives staff the current link. Internal events, reasons, notes and staff details are never read
// into the page's data: events are rebuilt from an allow-list (app/domain/status-page/timeline.ts).
import { CANDIDATE_VISIBLE_EVENTS, type ApplicationStatus } from "~/domain/applications";
import type { StageKind } from "~/domain/jobs";
import type { ClockInstance } from "~/domain/sla/types";
import type { InterviewKind } from "~/domain/interviews/types";
import type { CandidateInterviewRecord } from "~/domain/status-page/interviews";
import { candidateSafeEvent, type CandidateEvent } from "~/domain/status-page/timeline";
import type { StatusPageRecord } from "~/domain/status-page/view";
import { REJECTION_KINDS } from "~/domain/templates/kinds";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/platform/db.server";
import { epochMs, jsonRows } from "~/platform/json-rows.server";
import { singleton } from "~/platform/singleton.server";
import { statusUrlOf } from "~/platform/status-link-tokens.server";
import { sqlList } from "~/platform/sql-list.server";
import { withUnseenWrites } from "~/platform/write-tracking.server";
import { bareAddress } from "~/domain/messages/addresses";
import type { CalendarFileInput } from "~/domain/status-page/interviews";
import { env } from "~/platform/env.server";
import { appendEvent } from "./event.server";
import { getMailSettings } from "./outbox/mail-settings.server";
import { applicationScope, type Actor } from "./scope.server";
import { PROMISE_METRIC_LIST } from "./sla/clocks.server";
import { getStatusLinkSettings } from "./status-link.server";

const CANDIDATE_EVENT_TYPES = sqlList(CANDIDATE_VISIBLE_EVENTS);
const REJECTION_KIND_LIST = sqlList(REJECTION_KINDS);

type PageRow = {
  status: ApplicationStatus;
  closedAt: number | null;
  candidate: [locale: string, timeZone: string];
  stage: [name: string, kind: StageKind];
  job: [title: string, contactName: string | null];
  stages: [string, string, StageKind][];
  events: [string, string, string, number, Record<string, unknown>][];
  clocks: [
    ClockInstance["metric"],
    number,
    ClockInstance["state"],
    number,
    number | null,
    number | null,
    number | null,
    boolean,
    boolean,
    number,
    number | null,
    string | null,
  ][];
  surveyAnswered: boolean;
  rejectionEmailDueAt: number | null;
  interviews: [
    id: string,
    kind: InterviewKind,
    status: "offered" | "scheduled",
    startsAt: number | null,
    endsAt: number | null,
    timeZone: string,
    location: string | null,
    videoUrl: string | null,
    names: string[],
    slots: [string, number, number][],
  ][];
};

/** Everything the status page shows for an application, or null when it does not exist. One statement: the page is
 * opened by every candidate from every email, so it must stay cheap (bench/status-page.bench.ts). Event data is cut
 * down to the candidate-safe keys in SQL already, and rebuilt from an allow-list after; an interview touchpoint's
 * interviewer ids become their names. Interviews are those offered and those scheduled that have not ended at `now`. */
export async function loadStatusPage(applicationId: string, now: Date = new Date()): Promise<StatusPageRecord | null> {
  const [rows, mail, links] = await Promise.all([
    jsonRows<PageRow>(
      prisma,
      // Scalar subqueries rather than joins: planning a six-table join cost more than running it (PGlite plans every
      // statement afresh), and each subquery here is planned in a blink.
      Prisma.sql`
        SELECT json_build_array(json_build_object(
                 'status', a.status,
                 'closedAt', ${epochMs(`a."closedAt"`)},
                 'candidate', (SELECT json_build_array(c.locale, c."timeZone") FROM "Candidate" c WHERE c.id = a."candidateId"),
                 'stage', (SELECT json_build_array(s.name, s.kind) FROM "Stage" s WHERE s.id = a."stageId"),
                 'job', (SELECT json_build_array(
                                  j.title,
                                  coalesce((SELECT u.name FROM "User" u WHERE u.id = j."recruiterId"),
                                           (SELECT u.name FROM "User" u WHERE u.id = j."hiringManagerId")))
                           FROM "Job" j WHERE j.id = a."jobId"),
                 'stages', (SELECT coalesce(json_agg(json_build_array(st.id, st.name, st.kind)), '[]')
                              FROM "Stage" st WHERE st."jobId" = a."jobId"),
                 'events', (SELECT coalesce(json_agg(json_build_array(
                                     e.id, e.type, e.visibility, ${epochMs(`e."occurredAt"`)},
                                     json_build_object('toStageId', e.data->'toStageId', 'toStageName', e.data->'toStageName',
                                                       'subject', e.data->'subject', 'body', e.data->'body',
                                                       'outcome', e.data->'outcome', 'when', e.data->'when',
                                                       'where', e.data->'where', 'action', e.data->'action',
                                                       'kind', e.data->'kind',
                                                       'offered', CASE WHEN jsonb_typeof(e.data->'slots') = 'array'
                                                                       THEN jsonb_array_length(e.data->'slots') END,
                                                       'names', CASE WHEN e.type = 'interview'
                                                                      AND jsonb_typeof(e.data->'interviewerIds') = 'array'
                                                                     THEN (SELECT json_agg(u.name ORDER BY u.name) FROM "User" u
                                                                            WHERE u.id IN (SELECT jsonb_array_elements_text(e.data->'interviewerIds')))
                                                                END))
                                     ORDER BY e."occurredAt", e."recordedAt", e.id), '[]')
                              FROM "Event" e
                             WHERE e."applicationId" = a.id AND e.visibility = 'candidate'
                               AND e.type IN (${CANDIDATE_EVENT_TYPES})),
                 'clocks', (SELECT coalesce(json_agg(json_build_array(
                                     k.metric, k.instance, k.state, ${epochMs(`k."startedAt"`)}, ${epochMs(`k."dueAt"`)},
                                     ${epochMs(`k."warnAt"`)}, ${epochMs(`k."stoppedAt"`)}, k.breached, k."businessHours",
                                     k."targetMinutes", k."remainingMinutes", k."stageId")), '[]')
                              FROM "SlaClock" k
                             WHERE k."applicationId" = a.id AND k.metric IN (${PROMISE_METRIC_LIST})
                               AND k.state IN ('running', 'paused')),
                 'surveyAnswered', EXISTS (SELECT 1 FROM "SurveyResponse" sr WHERE sr."applicationId" = a.id),
                 'rejectionEmailDueAt', CASE WHEN a.status = 'rejected' THEN (
                     SELECT ${epochMs(`coalesce(m."scheduledFor", m."createdAt")`)}
                       FROM "Message" m
                      WHERE m."applicationId" = a.id AND m.direction = 'outbound' AND m.audience = 'candidate'
                        AND m.status IN ('queued', 'sending', 'failed') AND m.kind IN (${REJECTION_KIND_LIST})
                        AND m."createdAt" >= coalesce(a."closedAt", a."appliedAt")
                      ORDER BY m."createdAt" LIMIT 1) END,
                 'interviews', (SELECT coalesce(json_agg(json_build_array(
                                     i.id, i.kind, i.status, ${epochMs(`i."startsAt"`)}, ${epochMs(`i."endsAt"`)},
                                     i."timeZone", i.location, i."videoUrl",
                                     (SELECT coalesce(json_agg(u.name ORDER BY u.name), '[]')
                                        FROM "InterviewSeat" se JOIN "User" u ON u.id = se."userId"
                                       WHERE se."interviewId" = i.id),
                                     (SELECT coalesce(json_agg(json_build_array(sl.id, ${epochMs(`sl."startsAt"`)},
                                                                                 ${epochMs(`sl."endsAt"`)})
                                                               ORDER BY sl."startsAt"), '[]')
                                        FROM "InterviewSlot" sl WHERE sl."interviewId" = i.id))
                                     ORDER BY i."startsAt" NULLS LAST, i."createdAt"), '[]')
                                  FROM "Interview" i
                                 WHERE i."applicationId" = a.id
                                   AND (i.status = 'offered' OR (i.status = 'scheduled' AND i."endsAt" > ${now})))
               ))::text AS rows
          FROM "Application" a
         WHERE a.id = ${applicationId}`,
    ),
    getMailSettings(),
    getStatusLinkSettings(),
  ]);
  const row = rows[0];
  if (!row) return null;
  const instant = (ms: number | null) => (ms === null ? null : new Date(ms));
  const [locale, timeZone] = row.candidate;
  const [jobTitle, contactName] = row.job;
  return {
    locale,
    timeZone,
    companyName: mail.companyName,
    jobTitle,
    contactName,
    status: row.status,
    closedAt: instant(row.closedAt),
    stage: { name: row.stage[0], kind: row.stage[1] },
    stages: row.stages.map(([id, name, kind]) => ({ id, name, kind })),
    events: row.events
      .map(([id, type, visibility, occurredAt, data]) =>
        candidateSafeEvent({ id, type, visibility, occurredAt: new Date(occurredAt), data }),
      )
      .filter((event): event is CandidateEvent => event !== null),
    clocks: row.clocks.map(
      ([
        metric,
        instance,
        state,
        startedAt,
        dueAt,
        warnAt,
        stoppedAt,
        breached,
        businessHours,
        targetMinutes,
        remainingMinutes,
        stageId,
      ]) => ({
        metric,
        instance,
        state,
        startedAt: new Date(startedAt),
        dueAt: instant(dueAt),
        warnAt: instant(warnAt),
        stoppedAt: instant(stoppedAt),
        breached,
        businessHours,
        targetMinutes,
        remainingMinutes,
        stageId,
        // The status page reads only the promise metrics, never a feedback clock.
        interviewId: null,
      }),
    ),
    rejectionEmailDueAt: instant(row.rejectionEmailDueAt),
    surveyAnswered: row.surveyAnswered,
    daysAfterOutcome: links.daysAfterOutcome,
    interviews: row.interviews.map(
      ([id, kind, status, startsAt, endsAt, timeZone, location, videoUrl, names, slots]): CandidateInterviewRecord => ({
        id,
        kind,
        status,
        startsAt: instant(startsAt),
        endsAt: instant(endsAt),
        timeZone,
        location,
        videoUrl,
        names,
        slots: slots.map(([slotId, slotStart, slotEnd]) => ({
          id: slotId,
          startsAt: new Date(slotStart),
          endsAt: new Date(slotEnd),
        })),
      }),
    ),
  };
}

const HOUR_MS = 60 * 60_000;
/** Application id → when this process last knew of a recorded view, so most page loads skip the database check. */
const recentViews = singleton("status-page-views", () => new Map<string, number>());

/** Logs an internal `status_viewed` touchpoint, at most one an hour per application (checked in the database too, so
 * several app instances agree). */
export async function recordStatusView(applicationId: string, now: Date = new Date()): Promise<boolean> {
  const known = recentViews.get(applicationId);
  if (known !== undefined && now.getTime() - known < HOUR_MS) return false;
  recentViews.set(applicationId, now.getTime()); // before any await: concurrent loads in this process skip at once
  if (recentViews.size > 50_000) forgetOldViews(now);
  const recent = await prisma.event.findFirst({
    where: { applicationId, type: "status_viewed", occurredAt: { gt: new Date(now.getTime() - HOUR_MS) } },
    select: { occurredAt: true },
  });
  if (recent) {
    recentViews.set(applicationId, recent.occurredAt.getTime());
    return false;
  }
  // An internal touchpoint no candidate page shows: it leaves stored status pages valid.
  await withUnseenWrites(() =>
    prisma.$transaction((tx) => appendEvent(tx, { applicationId, type: "status_viewed", data: {}, occurredAt: now })),
  );
  return true;
}

function forgetOldViews(now: Date) {
  for (const [applicationId, at] of recentViews) if (now.getTime() - at >= HOUR_MS) recentViews.delete(applicationId);
}

/** The candidate's current status link, for staff who may see the application. */
export async function statusLinkForStaff(applicationId: string, actor: Actor): Promise<string | null> {
  const application = await prisma.application.findFirst({
    where: { id: applicationId, ...applicationScope(actor) },
    select: { id: true, statusTokenRotation: true },
  });
  return application ? statusUrlOf(application) : null;
}

/** A scheduled interview of the link's application, with what its "Add to calendar" file says; null when the
 * application has no such interview (another application's, cancelled, or times still on offer). The organiser is
 * the one the invitations name: the interview's, else the job's recruiter or hiring manager, else the company. */
export async function candidateCalendarInterview(
  applicationId: string,
  interviewId: string,
): Promise<CalendarFileInput | null> {
  const [row, mail] = await Promise.all([
    prisma.interview.findFirst({
      where: { id: interviewId, applicationId, status: "scheduled" },
      select: {
        kind: true,
        calendarUid: true,
        sequence: true,
        startsAt: true,
        endsAt: true,
        location: true,
        videoUrl: true,
        organizer: { select: { name: true, email: true } },
        seats: { select: { user: { select: { name: true } } }, orderBy: { user: { name: "asc" } } },
        application: {
          select: {
            id: true,
            statusTokenRotation: true,
            candidate: { select: { locale: true } },
            job: {
              select: {
                title: true,
                recruiter: { select: { name: true, email: true } },
                hiringManager: { select: { name: true, email: true } },
              },
            },
          },
        },
      },
    }),
    getMailSettings(),
  ]);
  if (!row?.startsAt || !row.endsAt) return null;
  const { application } = row;
  return {
    interview: {
      kind: row.kind,
      calendarUid: row.calendarUid,
      sequence: row.sequence,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      location: row.location,
      videoUrl: row.videoUrl,
      names: row.seats.map((seat) => seat.user.name),
    },
    organizer: row.organizer ??
      application.job.recruiter ??
      application.job.hiringManager ?? { name: mail.companyName, email: bareAddress(env.MAIL_FROM) },
    locale: application.candidate.locale,
    company: mail.companyName,
    jobTitle: application.job.title,
    statusUrl: statusUrlOf(application),
  };
}
