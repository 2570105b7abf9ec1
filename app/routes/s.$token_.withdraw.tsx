// A candidate withdraws from their status link: one page that says what withdrawing means, with an optional reason,
// "Yes, withdraw" and a way back. The application closes and the confirmation email is queued in the same
// transaction; once closed, the page says so instead. Works without JavaScript.
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
import { candidateActionTexts, withdrawFormSchema } from "~/domain/candidate-actions";
import { candidateLocale } from "~/domain/i18n";
import { getCandidateActionPage, withdrawApplication } from "~/models/candidate-actions.server";
import type { CandidatePageHandle } from "~/root";
import candidateStyles from "~/styles/candidate.css?url";
import { openStatusLink } from "~/web/candidate-route.server";
import { parseForm, type FieldErrors } from "~/domain/forms";
import { useValidatedForm } from "~/components/ui/validated-form";

export const handle: CandidatePageHandle = { candidatePage: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${candidateActionTexts(data.locale).withdraw.title} · ${data.company}` : "Hearback" },
];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: candidateStyles }];

export const headers = candidatePageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const applicationId = await openStatusLink(request, params);
  const page = await getCandidateActionPage(applicationId);
  const done = new URL(request.url).searchParams.get("done") === "1";
  return {
    locale: candidateLocale(page.candidate.locale),
    company: page.company,
    statusPath: `/s/${params.token}`,
    jobTitle: page.jobTitle,
    view: page.status === "active" ? "confirm" : page.status === "withdrawn" && done ? "done" : "closed",
  } as const;
}

type ActionData = { errors: FieldErrors; reason: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const applicationId = await openStatusLink(request, params);
  const { candidate } = await getCandidateActionPage(applicationId);
  const formData = await request.formData();
  const reason = String(formData.get("reason") ?? "");
  const form = parseForm(formData, withdrawFormSchema(candidate.locale));
  if (!form.ok) return data<ActionData>({ errors: form.errors, reason }, { status: 400 });
  const withdrawn = await withdrawApplication(applicationId, { reason: form.data.reason });
  if (!withdrawn.ok) {
    const texts = candidateActionTexts(candidate.locale).withdraw;
    return data<ActionData>({ errors: { form: texts.closedBody }, reason }, { status: 409 });
  }
  return redirect(`/s/${params.token}/withdraw?done=1`);
}

export default function WithdrawPage() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const texts = candidateActionTexts(loaded.locale);
  const { withdraw } = texts;
  return (
    <CandidatePage company={loaded.company} footer={<p>{texts.common.footer}</p>}>
      <div className="candidate-action">
        <p className="candidate-action__back">
          <Link to={loaded.statusPath}>{texts.common.backToStatus}</Link>
        </p>
        {loaded.view === "confirm" ? (
          <WithdrawForm answer={answer} />
        ) : (
          <section className="candidate-card" aria-labelledby="withdraw-title">
            <h1 id="withdraw-title">{loaded.view === "done" ? withdraw.doneTitle : withdraw.closedTitle}</h1>
            {loaded.view === "done" ? (
              <>
                <p>{withdraw.doneBody(loaded.jobTitle)}</p>
                <p>{withdraw.doneEmail}</p>
              </>
            ) : (
              <p>{withdraw.closedBody}</p>
            )}
            <p>
              <Link to={loaded.statusPath} className="button">
                {texts.common.backToStatus}
              </Link>
            </p>
          </section>
        )}
      </div>
    </CandidatePage>
  );
}

function WithdrawForm({ answer }: { answer: ActionData | undefined }) {
  const loaded = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const texts = candidateActionTexts(loaded.locale);
  const { withdraw } = texts;
  const schema = useMemo(() => withdrawFormSchema(loaded.locale), [loaded.locale]);
  const form = useValidatedForm<{ reason: string }>({
    schema,
    defaultValues: { reason: answer?.reason ?? "" },
    serverErrors: answer?.errors,
  });
  const fieldError = form.errorFor("reason");
  const busy = navigation.state === "submitting";
  return (
    <>
      <h1>{withdraw.title}</h1>
      <p>{withdraw.intro(loaded.jobTitle)}</p>
      <ul className="candidate-action__list">
        {withdraw.consequences.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {answer?.errors.form ? <Alert tone="error">{answer.errors.form}</Alert> : null}
      {fieldError && !answer?.errors.form ? <Alert tone="error">{texts.common.fixFields}</Alert> : null}
      <Form
        className="candidate-card"
        method="post"
        action={loaded.statusPath + "/withdraw"}
        noValidate
        onSubmit={form.onSubmit}
      >
        <Field label={withdraw.reasonLabel} hint={withdraw.reasonHint} error={fieldError}>
          <textarea {...form.register("reason")} defaultValue={answer?.reason ?? ""} rows={4} />
        </Field>
        <div className="candidate-action__buttons">
          <button type="submit" className="button button--danger" disabled={busy}>
            {busy ? withdraw.confirming : withdraw.confirm}
          </button>
          <Link to={loaded.statusPath} className="button button--secondary">
            {withdraw.keep}
          </Link>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <CandidateErrorBoundary />;
}
