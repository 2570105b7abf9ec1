import {
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useSearchParams,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { CloseForm, InterviewersForm, MessageForm, MoveForm, NoteForm } from "~/components/application/action-forms";
import { RejectForm } from "~/components/application/reject-form";
import { RejectedBanner, TimelineMore } from "~/components/application/page-parts";
import { EmailList } from "~/components/application/email-list";
import { FilesCard } from "~/components/application/files-card";
import { InterviewsCard } from "~/components/application/interviews-card";
import { Timeline } from "~/components/application/timeline";
import { StatusLinkCard } from "~/components/candidate/status-link-card";
import { SlaClocksPanel } from "~/components/sla/sla-clocks-panel";
import { ApplicationStatusBadge, APPLICATION_STATUS_LABELS } from "~/components/status-badges";
import { DateTime } from "~/components/ui/date-time";
import { PageHeader } from "~/components/ui/page-header";
import { isLocale, LOCALE_LABELS } from "~/domain/i18n";
import type { ApplicationIntent } from "~/domain/permissions";
import applicationStyles from "~/styles/application.css?url";
import { handleApplicationAction } from "~/web/application-actions.server";
import { loadApplicationPage } from "~/web/application-page.server";
import { requireUser } from "~/web/auth.server";
import { RouteError } from "~/components/route-error";
import type { StaffPageHandle } from "~/web/staff-page-cache.server";

/** Read only from the database, the user and the clock: kept in memory until the next write or minute. */
export const handle: StaffPageHandle = { keptWhileUnchanged: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.application.candidate.name} · ${data.application.job.title} · Hearback` : "Application" },
];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: applicationStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return loadApplicationPage(params.applicationId!, user, new URL(request.url));
}

/** A preview of the rejection email changes nothing: the page's data need not be read again. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "preview-rejection" ? false : defaultShouldRevalidate;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return handleApplicationAction(params.applicationId!, user, await request.formData());
}

function doneMessage(done: string | null, stageName: string): string {
  switch (done) {
    case "note":
      return "Note added.";
    case "moved":
      return `Moved to ${stageName}.`;
    case "rejected":
      return "The application was rejected.";
    case "hired":
      return "Marked as hired. Congratulations!";
    case "withdrawn":
      return "Marked as withdrawn.";
    case "message":
      return "Message recorded on the timeline.";
    case "queued":
      return "Your email is on its way.";
    case "scheduled":
      return "Your email is scheduled; it is listed under Emails until it goes out.";
    case "message-cancelled":
      return "The email was cancelled; it will not be sent.";
    case "message-retried":
      return "The email will be sent again now.";
    case "reopened":
      return "The rejection was undone: the application is active again and the rejection email will not be sent.";
    case "interviewer-added":
      return "Interviewer assigned.";
    case "interviewer-removed":
      return "Interviewer removed.";
    case "interview-scheduled":
      return "Interview scheduled. The candidate and the interviewers get an invitation with a calendar event.";
    case "interview-recorded":
      return "Interview scheduled. Nobody was emailed.";
    case "interview-offered":
      return "The times are on their way: the candidate picks one on their status page.";
    case "interview-moved":
      return "Interview moved. Everyone invited gets the new time.";
    case "interview-cancelled":
      return "Interview cancelled.";
    case "interview-no-show":
      return "Recorded as a no-show; nobody owes feedback on it.";
    case "interview-feedback":
      return "Thank you: your feedback is saved.";
    case "status-link-rotated":
      return "The candidate has a new status link; the old one no longer works.";
    default:
      return "";
  }
}

export default function ApplicationPage() {
  const {
    application,
    interviewers,
    team,
    clocks,
    messages,
    hearBackBy,
    statusUrl,
    files,
    interviews,
    timeline,
    rejection,
    now,
    timeZone,
    nowLocal,
    can,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const stateFor = (intent: ApplicationIntent) =>
    actionData?.intent === intent ? { errors: actionData.errors, values: actionData.values } : {};
  const { candidate, job, stage } = application;
  const active = application.status === "active";
  const done = actionData ? null : searchParams.get("done");
  const justRejected = done === "rejected" && application.status === "rejected";
  const status = justRejected ? "" : doneMessage(done, stage.name);
  const rejectState =
    actionData?.intent === "reject" || actionData?.intent === "preview-rejection"
      ? {
          errors: Object.keys(actionData.errors).length > 0 ? actionData.errors : undefined,
          values: actionData.values,
          preview: "preview" in actionData ? actionData.preview : undefined,
        }
      : {};

  return (
    <>
      <p className="breadcrumb">
        <Link to="/applications">Applications</Link> <span aria-hidden="true">/</span>{" "}
        <Link to={`/jobs/${job.id}`}>{job.title}</Link>
      </p>
      <PageHeader
        title={candidate.erasedAt ? "Erased candidate" : candidate.name}
        description={
          <>
            <ApplicationStatusBadge status={application.status} /> {job.title} · {stage.name}
          </>
        }
      />
      {actionData?.intent === "reopen" ? <p className="alert alert--error">{actionData.errors.form}</p> : null}
      {justRejected ? (
        <RejectedBanner sendNotice={rejection.sendNotice} canUndo={can.reopen} />
      ) : (
        <div role="status" className={status ? "alert alert--success" : undefined}>
          {status}
        </div>
      )}
      {/* In reading order, which is also the order on a phone: who the candidate is, what is owed to them and the
          decisions; then the work (emails, interviews, notes); then the rest; the long timeline last. On a wide screen
          the first and third sit in the right-hand column. */}
      <div className="application-layout">
        <div className="stack application-layout__summary">
          <section className="card" aria-labelledby="candidate-heading">
            <h2 id="candidate-heading">Candidate</h2>
            <dl className="details">
              <dt>Email</dt>
              <dd>{candidate.erasedAt ? "Erased" : <a href={`mailto:${candidate.email}`}>{candidate.email}</a>}</dd>
              {candidate.phone ? (
                <>
                  <dt>Phone</dt>
                  <dd>{candidate.phone}</dd>
                </>
              ) : null}
              <dt>Time zone</dt>
              <dd>{candidate.timeZone.replaceAll("_", " ")}</dd>
              <dt>Language</dt>
              <dd>{isLocale(candidate.locale) ? LOCALE_LABELS[candidate.locale] : candidate.locale}</dd>
              <dt>Applied</dt>
              <dd>
                <DateTime value={application.appliedAt} timeZone={timeZone} />
              </dd>
              {application.source ? (
                <>
                  <dt>Source</dt>
                  <dd>{application.source}</dd>
                </>
              ) : null}
            </dl>
          </section>

          <SlaClocksPanel
            clocks={clocks}
            now={now}
            timeZone={timeZone}
            candidateTimeZone={candidate.timeZone}
            hearBackBy={hearBackBy}
          />

          <section className="card" aria-labelledby="job-heading">
            <h2 id="job-heading">Job and stage</h2>
            <dl className="details">
              <dt>Job</dt>
              <dd>
                <Link to={`/jobs/${job.id}`}>{job.title}</Link>
              </dd>
              <dt>Stage</dt>
              <dd>{stage.name}</dd>
              <dt>Status</dt>
              <dd>{APPLICATION_STATUS_LABELS[application.status]}</dd>
              {application.closedAt ? (
                <>
                  <dt>Closed</dt>
                  <dd>
                    <DateTime value={application.closedAt} timeZone={timeZone} />
                  </dd>
                </>
              ) : null}
              {application.outcomeReason ? (
                <>
                  <dt>Reason</dt>
                  <dd>{application.outcomeReason}</dd>
                </>
              ) : null}
              <dt>Hiring manager</dt>
              <dd>{job.hiringManager?.name ?? "Not set"}</dd>
              <dt>Recruiter</dt>
              <dd>{job.recruiter?.name ?? "Not set"}</dd>
            </dl>
            {active && can.move ? (
              <MoveForm stages={job.stages} currentStageId={stage.id} {...stateFor("move")} />
            ) : null}
          </section>

          {active && can.decide ? (
            <section className="card" aria-labelledby="decision-heading">
              <h2 id="decision-heading">Decision</h2>
              {candidate.erasedAt ? (
                <p className="small muted">This candidate’s data was erased, so Hearback cannot write to them.</p>
              ) : (
                <RejectForm
                  templates={rejection.templates}
                  defaultTemplateId={rejection.defaultTemplateId}
                  timeZone={timeZone}
                  now={now}
                  {...rejectState}
                />
              )}
              <CloseForm intent="hire" {...stateFor("hire")} />
              <CloseForm intent="withdraw" {...stateFor("withdraw")} />
            </section>
          ) : null}

          {can.reopen && !justRejected ? (
            <section className="card" aria-labelledby="reopen-heading">
              <h2 id="reopen-heading">Undo the rejection</h2>
              <p>
                The candidate has not been told yet.{rejection.sendNotice ? ` ${rejection.sendNotice}` : ""} Undoing
                cancels the rejection email and makes the application active again.
              </p>
              <Form method="post">
                <input type="hidden" name="intent" value="reopen" />
                <button type="submit" className="button button--secondary">
                  Undo rejection
                </button>
              </Form>
            </section>
          ) : null}
        </div>

        <div className="stack application-layout__work">
          <section className="card" aria-labelledby="emails-heading">
            <div className="row row--between">
              <h2 id="emails-heading">Emails</h2>
              {can.message && !candidate.erasedAt ? (
                <Link to={`/applications/${application.id}/compose`} className="button">
                  Write to {candidate.name.split(" ")[0]}
                </Link>
              ) : null}
            </div>
            {actionData?.intent === "cancel-message" || actionData?.intent === "retry-message" ? (
              <p className="alert alert--error">{actionData.errors.form}</p>
            ) : null}
            <EmailList messages={messages} timeZone={timeZone} canChange={can.message} />
          </section>
          <InterviewsCard
            interviews={interviews}
            team={team}
            timeZone={timeZone}
            nowLocal={nowLocal}
            now={now}
            canPlan={can.planInterviews}
            active={active}
            actionData={actionData}
          />
          {can.note ? (
            <section className="card">
              <NoteForm {...stateFor("note")} />
            </section>
          ) : null}
        </div>

        <div className="stack application-layout__more">
          {files.length > 0 ? <FilesCard applicationId={application.id} files={files} timeZone={timeZone} /> : null}

          {statusUrl && !candidate.erasedAt ? <StatusLinkCard url={statusUrl} canRotate={can.move} /> : null}

          {can.message ? (
            <section className="card" aria-labelledby="message-heading">
              <h2 id="message-heading">Record a past message</h2>
              <MessageForm {...stateFor("message")} now={nowLocal} timeZone={timeZone} />
            </section>
          ) : null}

          <section className="card" aria-labelledby="interviewers-heading">
            <h2 id="interviewers-heading">Interviewers</h2>
            <InterviewersForm
              interviewers={interviewers}
              candidates={team}
              canChange={can.assign}
              {...stateFor(actionData?.intent === "remove-interviewer" ? "remove-interviewer" : "assign-interviewer")}
            />
          </section>
        </div>

        <section className="card application-layout__timeline" aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">Timeline</h2>
          <p className="muted small">
            Every touchpoint, newest first. Entries marked Internal are never shown to the candidate.
          </p>
          <Timeline events={application.events} timeZone={timeZone} people={[...interviewers, ...team]} />
          <TimelineMore applicationId={application.id} {...timeline} />
        </section>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
