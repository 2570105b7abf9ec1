// The candidate answers an interview offer from their status link: one of the offered times (on their clock, with the
// planner's beside it), or "none of these work" with a note that reaches the team as a message. A booked time is
// confirmed with its add-to-calendar link; an offer that changed meanwhile is explained. Works without JavaScript.
import { CandidateErrorBoundary, candidatePageHeaders } from "~/components/candidate/candidate-error";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BookingForms } from "~/components/candidate/booking-forms";
import { CandidatePage } from "~/components/candidate/candidate-page";
import { InterviewCardView } from "~/components/candidate/interview-card";
import { Alert } from "~/components/ui/alert";
import { candidateActionTexts } from "~/domain/candidate-actions";
import { parseForm } from "~/domain/forms";
import { candidateLocale } from "~/domain/i18n";
import { bookingSchema } from "~/domain/interviews/types";
import {
  bookingErrors,
  bookingValues,
  bookingView,
  candidateInterviewRecord,
  type BookingAnswer,
} from "~/domain/status-page/booking";
import { INTERVIEW_TEXTS } from "~/domain/status-page/interview-texts";
import type { CandidateInterviewRecord } from "~/domain/status-page/interviews";
import { getCandidateActionPage } from "~/models/candidate-actions.server";
import { answerInterviewOffer } from "~/models/interviews/booking.server";
import { candidateInterviews } from "~/models/interviews/read.server";
import type { CandidatePageHandle } from "~/root";
import candidateStyles from "~/styles/candidate.css?url";
import { openStatusLink } from "~/web/candidate-route.server";

export const handle: CandidatePageHandle = { candidatePage: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.view.title} · ${data.company}` : "Hearback" },
];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: candidateStyles }];

export const headers = candidatePageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const applicationId = await openStatusLink(request, params);
  const now = new Date();
  const [page, { offer, upcoming }] = await Promise.all([
    getCandidateActionPage(applicationId),
    candidateInterviews(applicationId, now),
  ]);
  const locale = candidateLocale(page.candidate.locale);
  const search = new URL(request.url).searchParams;
  const statusPath = `/s/${params.token}`;
  const interviews = [offer, ...upcoming]
    .map((interview) => (interview ? candidateInterviewRecord(interview) : null))
    .filter((interview): interview is CandidateInterviewRecord => interview !== null);
  return {
    locale,
    company: page.company,
    statusPath,
    view: bookingView({
      locale,
      timeZone: page.candidate.timeZone,
      now,
      base: statusPath,
      contactName: page.contactName ?? candidateActionTexts(locale).common.ourTeam,
      interviews,
      booked: search.get("booked"),
      declined: search.get("declined") === "1",
    }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const applicationId = await openStatusLink(request, params);
  const { candidate } = await getCandidateActionPage(applicationId);
  const locale = candidateLocale(candidate.locale);
  const formData = await request.formData();
  const values = bookingValues(formData);
  const form = parseForm(formData, bookingSchema);
  if (!form.ok) {
    return data<BookingAnswer>({ errors: bookingErrors(form.errors, values, locale), values }, { status: 400 });
  }
  const interviewId = String(formData.get("interviewId") ?? "");
  const answer = await answerInterviewOffer(applicationId, interviewId, form.data, new Date());
  if (answer.ok) {
    const path = `/s/${params.token}/interview`;
    return redirect(answer.outcome === "booked" ? `${path}?booked=${answer.interviewId}` : `${path}?declined=1`);
  }
  const message = INTERVIEW_TEXTS[locale].booking.problems[answer.reason];
  return data<BookingAnswer>({ errors: { form: message }, values, problem: answer.reason }, { status: 409 });
}

export default function InterviewBookingPage() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const texts = candidateActionTexts(loaded.locale);
  const t = INTERVIEW_TEXTS[loaded.locale].booking;
  const { view } = loaded;
  return (
    <CandidatePage company={loaded.company} footer={<p>{texts.common.footer}</p>}>
      <div className="candidate-action">
        <p className="candidate-action__back">
          <Link to={loaded.statusPath}>{texts.common.backToStatus}</Link>
        </p>
        {view.kind === "offer" ? (
          <BookingForms view={view} answer={answer} locale={loaded.locale} statusPath={loaded.statusPath} />
        ) : (
          <section className="candidate-card" aria-labelledby="booking-title">
            <h1 id="booking-title">{view.title}</h1>
            {answer?.errors.form && view.kind === "nothing" ? <Alert tone="error">{answer.errors.form}</Alert> : null}
            {view.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
            {view.kind === "booked" ? <InterviewCardView card={view.card} headingLevel={2} /> : null}
            <p className="candidate-action__buttons">
              <Link to={loaded.statusPath} className="button">
                {texts.common.backToStatus}
              </Link>
              {view.kind === "nothing" ? <Link to={`${loaded.statusPath}/ask`}>{t.askLink}</Link> : null}
            </p>
          </section>
        )}
      </div>
    </CandidatePage>
  );
}

export function ErrorBoundary() {
  return <CandidateErrorBoundary />;
}
