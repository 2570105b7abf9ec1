// What the application page's loader gathers: the application in two statements (application-page.server.ts), the team
// only when the viewer may assign or plan interviews, interviews only when there are any, and the rejection emails
// only when the viewer may reject. The timeline is paged: `?timeline=100` shows the newest hundred entries.
import { instantToZonedLocal } from "~/domain/local-time";
import { APPLICATION_INTENT_PERMISSIONS, can, type ApplicationIntent } from "~/domain/permissions";
import { rejectionSendNotice } from "~/domain/rejection-send-notice";
import { canReopen } from "~/domain/reopening";
import { hearBackBy } from "~/domain/sla/clocks";
import { REJECTION_KINDS } from "~/domain/templates/kinds";
import { getApplicationPage, timelineLimitOf, TIMELINE_PAGE } from "~/models/application-page.server";
import { listInterviews } from "~/models/interviews/read.server";
import { defaultRejectionTemplate, rejectionTemplateChoices } from "~/models/single-rejection.server";
import { listUsersByRole, type UserSummary } from "~/models/user.server";

export async function loadApplicationPage(applicationId: string, user: UserSummary, url: URL, now = new Date()) {
  const timelineLimit = timelineLimitOf(url.searchParams.get("timeline"));
  const page = await getApplicationPage(applicationId, user, timelineLimit);
  if (!page) throw new Response("This application does not exist, or you cannot see it.", { status: 404 });
  const { application, messages, clocks } = page;
  const allowed = (intent: ApplicationIntent) => can(user.role, APPLICATION_INTENT_PERMISSIONS[intent]);
  const canAssign = allowed("assign-interviewer");
  const active = application.status === "active";
  const mayReject = active && allowed("reject") && !application.candidate.erasedAt;
  const [team, interviews, rejectionTemplates] = await Promise.all([
    canAssign || allowed("schedule-interview")
      ? listUsersByRole(["interviewer", "hiring_manager", "recruiter", "admin"])
      : Promise.resolve([]),
    page.interviewCount > 0 ? listInterviews(application.id, user, now) : Promise.resolve([]),
    mayReject ? rejectionTemplateChoices(application.candidate.locale) : Promise.resolve([]),
  ]);
  // The rejection email still waiting to go: the banner after a rejection, and the Undo card, say when it goes.
  const waitingRejection = messages.find(
    (message) => message.status === "queued" && message.scheduledFor && REJECTION_KINDS.has(message.kind),
  );
  const canUndo = allowed("reopen") && canReopen(application, messages);
  return {
    application,
    interviewers: page.interviewers,
    team: team.map(({ id, name, role }) => ({ id, name, role })),
    clocks,
    messages,
    hearBackBy: hearBackBy(clocks.map((clock) => ({ ...clock, stageId: null }))),
    statusUrl: page.statusUrl,
    files: page.files,
    interviews: interviews.map((interview) => ({
      ...interview,
      startsLocal: interview.startsAt ? instantToZonedLocal(interview.startsAt, user.timeZone) : null,
    })),
    timeline: {
      shown: application.events.length,
      total: page.eventCount,
      next: Math.min(page.eventCount, timelineLimit + TIMELINE_PAGE),
    },
    rejection: {
      templates: rejectionTemplates,
      defaultTemplateId: defaultRejectionTemplate(rejectionTemplates, application.stage.kind),
      sendNotice:
        waitingRejection?.scheduledFor && application.status === "rejected"
          ? rejectionSendNotice({
              scheduledFor: waitingRejection.scheduledFor,
              candidateTimeZone: application.candidate.timeZone,
              viewerTimeZone: user.timeZone,
              now,
            })
          : null,
      scheduledFor: application.status === "rejected" ? (waitingRejection?.scheduledFor ?? null) : null,
    },
    now,
    timeZone: user.timeZone,
    nowLocal: instantToZonedLocal(now, user.timeZone),
    can: {
      note: allowed("note"),
      move: allowed("move"),
      decide: allowed("reject"),
      message: allowed("message"),
      assign: canAssign,
      planInterviews: allowed("schedule-interview"),
      reopen: canUndo,
    },
  };
}

export type ApplicationPageData = Awaited<ReturnType<typeof loadApplicationPage>>;
