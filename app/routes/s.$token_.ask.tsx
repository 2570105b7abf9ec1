// A candidate asks a question from their status link. It reaches the application as an inbound message (the same as
// an emailed reply), which puts it in "Waiting on us"; the confirmation says who answers and by when. Works without
// JavaScript; with it, the same schema checks the field before posting.
import { CandidateErrorBoundary, candidatePageHeaders } from "~/components/candidate/candidate-error";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { CandidatePage } from "~/components/candidate/candidate-page";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { candidateActionTexts, questionFormSchema } from "~/domain/candidate-actions";
import { candidateLocale } from "~/domain/i18n";
import { candidateDateTime } from "~/domain/messages/candidate-dates";
import { answerDueAt, askQuestion, getCandidateActionPage } from "~/models/candidate-actions.server";
import type { CandidatePageHandle } from "~/root";
import candidateStyles from "~/styles/candidate.css?url";
import { openStatusLink } from "~/web/candidate-route.server";
import { parseForm, type FieldErrors } from "~/domain/forms";
import { useValidatedForm } from "~/components/ui/validated-form";

export const handle: CandidatePageHandle = { candidatePage: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${candidateActionTexts(data.locale).ask.title} · ${data.company}` : "Hearback" },
];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: candidateStyles }];

export const headers = candidatePageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const applicationId = await openStatusLink(request, params);
  const page = await getCandidateActionPage(applicationId);
  const locale = candidateLocale(page.candidate.locale);
  const sent = new URL(request.url).searchParams.get("sent") === "1";
  const dueAt = sent ? await answerDueAt(applicationId) : null;
  return {
    locale,
    company: page.company,
    statusPath: `/s/${params.token}`,
    contactName: page.contactName,
    sent,
    answerBy: dueAt ? candidateDateTime(dueAt, locale, page.candidate.timeZone) : null,
  };
}

type ActionData = { errors: FieldErrors; question: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const applicationId = await openStatusLink(request, params);
  const { candidate } = await getCandidateActionPage(applicationId);
  const texts = candidateActionTexts(candidate.locale);
  const formData = await request.formData();
  const question = String(formData.get("question") ?? "");
  const form = parseForm(formData, questionFormSchema(candidate.locale));
  if (!form.ok) return data<ActionData>({ errors: form.errors, question }, { status: 400 });
  const asked = await askQuestion(applicationId, { question: form.data.question, subject: texts.ask.subject });
  if (!asked.ok) return data<ActionData>({ errors: { form: texts.ask.tooMany }, question }, { status: 429 });
  return redirect(`/s/${params.token}/ask?sent=1`);
}

export default function AskQuestionPage() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const texts = candidateActionTexts(loaded.locale);
  const contact = loaded.contactName ?? texts.common.ourTeam;
  const schema = useMemo(() => questionFormSchema(loaded.locale), [loaded.locale]);
  const form = useValidatedForm<{ question: string }>({
    schema,
    defaultValues: { question: answer?.question ?? "" },
    serverErrors: answer?.errors,
  });
  const sending = navigation.state === "submitting";
  const fieldError = form.errorFor("question");
  return (
    <CandidatePage company={loaded.company} footer={<p>{texts.common.footer}</p>}>
      <div className="candidate-action">
        <p className="candidate-action__back">
          <Link to={loaded.statusPath}>{texts.common.backToStatus}</Link>
        </p>
        {loaded.sent && !answer ? (
          <section className="candidate-card" aria-labelledby="sent-title">
            <h1 id="sent-title">{texts.ask.sentTitle}</h1>
            <p>{loaded.answerBy ? texts.ask.sentBy(contact, loaded.answerBy) : texts.ask.sentSoon(contact)}</p>
            <p className="row">
              <Link to={loaded.statusPath} className="button">
                {texts.common.backToStatus}
              </Link>
              <Link to={loaded.statusPath + "/ask"}>{texts.ask.askAnother}</Link>
            </p>
          </section>
        ) : (
          <>
            <h1>{texts.ask.title}</h1>
            <p>{texts.ask.intro(contact)}</p>
            {answer?.errors.form ? <Alert tone="error">{answer.errors.form}</Alert> : null}
            {fieldError && !answer?.errors.form ? <Alert tone="error">{texts.common.fixFields}</Alert> : null}
            <Form
              className="candidate-card"
              method="post"
              action={loaded.statusPath + "/ask"}
              noValidate
              onSubmit={form.onSubmit}
            >
              <Field label={texts.ask.label} hint={texts.ask.hint} error={fieldError}>
                <textarea {...form.register("question")} defaultValue={answer?.question ?? ""} rows={8} required />
              </Field>
              <button type="submit" className="button candidate-action__submit" disabled={sending}>
                {sending ? texts.ask.sending : texts.ask.send}
              </button>
            </Form>
          </>
        )}
      </div>
    </CandidatePage>
  );
}

export function ErrorBoundary() {
  return <CandidateErrorBoundary />;
}
