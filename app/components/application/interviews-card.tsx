// The application page's interviews: each with its time, place, interviewers and who has and has not given feedback,
// and the forms to plan, move, cancel and review them.
import { Form, useLocation } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { DateTime } from "~/components/ui/date-time";
import type { FieldErrors } from "~/domain/forms";
import {
  INTERVIEW_KIND_LABELS,
  INTERVIEW_STATUS_LABELS,
  RECOMMENDATION_LABELS,
  type InterviewKind,
  type InterviewStatus,
  type Recommendation,
} from "~/domain/interviews/types";
import {
  CancelInterviewForm,
  FeedbackForm,
  OfferTimesForm,
  RescheduleForm,
  ScheduleInterviewForm,
  type FormState,
  type TeamMember,
} from "./interview-forms";

export type InterviewView = {
  id: string;
  kind: string;
  status: string;
  startsAt: Date | string | null;
  endsAt: Date | string | null;
  /** The start as the viewer's datetime-local value, for the move form. */
  startsLocal: string | null;
  location: string | null;
  videoUrl: string | null;
  rescheduleCount: number;
  cancelReason: string | null;
  declineNote: string | null;
  slots: { id: string; startsAt: Date | string }[];
  seats: {
    userId: string;
    name: string;
    feedbackAt: Date | string | null;
    recommendation: string | null;
    notes: string | null;
  }[];
  mine: { owesFeedback: boolean; given: { recommendation: string | null; notes: string | null } | null } | null;
};

type ActionState = { intent?: string; errors?: FieldErrors; values?: Record<string, unknown> } | undefined;

const TONES: Record<InterviewStatus, "primary" | "success" | "warning" | undefined> = {
  offered: "primary",
  scheduled: "primary",
  done: "success",
  cancelled: undefined,
  no_show: "warning",
};

function minutesBetween(start: Date | string, end: Date | string) {
  return Math.round((new Date(end).getTime() - new Date(start).getTime()) / 60_000);
}

function Feedback({ interview, timeZone }: { interview: InterviewView; timeZone: string }) {
  if (interview.seats.length === 0) return <p className="small muted">No interviewers chosen.</p>;
  const waiting = interview.status === "done" || interview.status === "scheduled";
  return (
    <ul className="feedback-list">
      {interview.seats.map((seat) => (
        <li key={seat.userId}>
          <strong>{seat.name}</strong>
          {seat.feedbackAt ? (
            <>
              {" — "}
              {seat.recommendation ? RECOMMENDATION_LABELS[seat.recommendation as Recommendation] : "feedback given"}
              <span className="small muted">
                {" "}
                (<DateTime value={seat.feedbackAt} timeZone={timeZone} />)
              </span>
              {seat.notes ? <p className="feedback-list__notes">{seat.notes}</p> : null}
            </>
          ) : (
            <span className="muted">{waiting ? " — feedback not given yet" : ""}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

function InterviewItem({
  interview,
  timeZone,
  nowLocal,
  canPlan,
  now,
  state,
}: {
  interview: InterviewView;
  timeZone: string;
  nowLocal: string;
  canPlan: boolean;
  now: Date | string;
  state: (intent: string, interviewId: string) => FormState;
}) {
  const status = interview.status as InterviewStatus;
  const started = interview.startsAt !== null && new Date(interview.startsAt) <= new Date(now);
  return (
    <li className="interview-item">
      <div className="row row--between">
        <h3>{INTERVIEW_KIND_LABELS[interview.kind as InterviewKind] ?? "Interview"}</h3>
        <Badge tone={TONES[status]}>{INTERVIEW_STATUS_LABELS[status] ?? interview.status}</Badge>
      </div>
      <dl className="details">
        {interview.startsAt && interview.endsAt ? (
          <>
            <dt>When</dt>
            <dd>
              <DateTime value={interview.startsAt} timeZone={timeZone} /> ·{" "}
              {minutesBetween(interview.startsAt, interview.endsAt)} min
              {interview.rescheduleCount > 0 ? ` · moved ${interview.rescheduleCount}×` : ""}
            </dd>
          </>
        ) : null}
        {status === "offered" ? (
          <>
            <dt>Offered</dt>
            <dd>
              <ul className="slot-list">
                {interview.slots.map((slot) => (
                  <li key={slot.id}>
                    <DateTime value={slot.startsAt} timeZone={timeZone} />
                  </li>
                ))}
              </ul>
              <span className="small muted">Waiting for the candidate to choose.</span>
            </dd>
          </>
        ) : null}
        {interview.location || interview.videoUrl ? (
          <>
            <dt>Where</dt>
            <dd>
              {interview.location}
              {interview.location && interview.videoUrl ? " · " : null}
              {interview.videoUrl ? <a href={interview.videoUrl}>Video link</a> : null}
            </dd>
          </>
        ) : null}
        {interview.cancelReason ? (
          <>
            <dt>Reason</dt>
            <dd>{interview.cancelReason}</dd>
          </>
        ) : null}
        {interview.declineNote ? (
          <>
            <dt>Candidate wrote</dt>
            <dd>None of the times worked: “{interview.declineNote}”</dd>
          </>
        ) : null}
      </dl>
      <h4 className="small">Interviewers and feedback</h4>
      <Feedback interview={interview} timeZone={timeZone} />
      {interview.mine && started && (status === "scheduled" || status === "done") ? (
        <FeedbackForm
          interviewId={interview.id}
          given={interview.mine.given}
          {...state("interview-feedback", interview.id)}
        />
      ) : null}
      {canPlan && status === "scheduled" && !started ? (
        <RescheduleForm
          interview={{
            id: interview.id,
            startsLocal: interview.startsLocal ?? "",
            durationMinutes: minutesBetween(interview.startsAt!, interview.endsAt!),
            location: interview.location,
            videoUrl: interview.videoUrl,
          }}
          timeZone={timeZone}
          nowLocal={nowLocal}
          {...state("reschedule-interview", interview.id)}
        />
      ) : null}
      {canPlan && (status === "offered" || (status === "scheduled" && !started)) ? (
        <CancelInterviewForm
          interviewId={interview.id}
          offered={status === "offered"}
          {...state("cancel-interview", interview.id)}
        />
      ) : null}
      {canPlan && started && (status === "scheduled" || status === "done") ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="interview-no-show" />
          <input type="hidden" name="interviewId" value={interview.id} />
          <button type="submit" className="button button--secondary">
            The candidate did not come
          </button>
        </Form>
      ) : null}
    </li>
  );
}

export function InterviewsCard({
  interviews,
  team,
  timeZone,
  nowLocal,
  now,
  canPlan,
  active,
  actionData,
}: {
  interviews: InterviewView[];
  team: TeamMember[];
  timeZone: string;
  nowLocal: string;
  now: Date | string;
  canPlan: boolean;
  active: boolean;
  actionData: ActionState;
}) {
  // A new location after each post: the forms start empty again after a change went through.
  const { key } = useLocation();
  const state = (intent: string, interviewId?: string): FormState =>
    actionData?.intent === intent && (!interviewId || actionData.values?.interviewId === interviewId)
      ? { errors: actionData.errors, values: actionData.values }
      : {};
  return (
    <section className="card" id="interviews" aria-labelledby="interviews-heading">
      <h2 id="interviews-heading">Interviews</h2>
      {state("interview-no-show").errors ? <p className="alert alert--error">{actionData?.errors?.form}</p> : null}
      {interviews.length === 0 ? <p className="muted small">No interviews planned yet.</p> : null}
      <ul className="interview-list">
        {interviews.map((interview) => (
          <InterviewItem
            key={`${interview.id}-${key}`}
            interview={interview}
            timeZone={timeZone}
            nowLocal={nowLocal}
            canPlan={canPlan}
            now={now}
            state={(intent, id) => state(intent, id)}
          />
        ))}
      </ul>
      {canPlan && active ? (
        <>
          <ScheduleInterviewForm
            key={`schedule-${key}`}
            team={team}
            timeZone={timeZone}
            nowLocal={nowLocal}
            {...state("schedule-interview")}
          />
          <OfferTimesForm
            key={`offer-${key}`}
            team={team}
            timeZone={timeZone}
            nowLocal={nowLocal}
            {...state("offer-interview")}
          />
        </>
      ) : null}
    </section>
  );
}
