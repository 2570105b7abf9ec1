// A candidate asks us to delete their data, from their status link: what deletion removes and what stays, an optional
// reason, one button. A person on the team handles it (Settings → Data requests); asking twice changes nothing.
import { CandidateErrorBoundary, candidatePageHeaders } from "~/components/candidate/candidate-error";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CandidatePage } from "~/components/candidate/candidate-page";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { candidateLocale, textFor } from "~/domain/i18n";
import { DATA_REQUEST_REASON_MAX, DELETE_DATA_TEXTS, deletionRequestSchema } from "~/domain/data-requests";
import { candidateDate } from "~/domain/messages/candidate-dates";
import { getDeletionRequestPage, requestDataDeletion } from "~/models/data-request.server";
import type { CandidatePageHandle } from "~/root";
import candidateStyles from "~/styles/candidate.css?url";
import { openStatusLink, statusLinkNotFound } from "~/web/candidate-route.server";
import { NotFoundError } from "~/platform/errors.server";
import { parseForm, type FieldErrors } from "~/domain/forms";

export const handle: CandidatePageHandle = { candidatePage: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${textFor(DELETE_DATA_TEXTS, data.locale).title} · ${data.companyName}` : "Hearback" },
  { name: "robots", content: "noindex, nofollow" },
];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: candidateStyles }];

export const headers = candidatePageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const applicationId = await openStatusLink(request, params);
  const page = await getDeletionRequestPage(applicationId);
  const locale = candidateLocale(page.locale);
  return {
    locale,
    companyName: page.companyName,
    active: page.active,
    requestedOn: page.openRequestAt ? candidateDate(page.openRequestAt, locale, page.timeZone) : null,
    received: new URL(request.url).searchParams.get("received") === "1",
    statusPath: `/s/${params.token}`,
  };
}

type ActionData = { errors: FieldErrors; reason: string } | { alreadyOpen: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const applicationId = await openStatusLink(request, params);
  const page = await getDeletionRequestPage(applicationId);
  const formData = await request.formData();
  const parsed = parseForm(formData, deletionRequestSchema(page.locale));
  if (!parsed.ok) {
    return data<ActionData>({ errors: parsed.errors, reason: String(formData.get("reason") ?? "") }, { status: 400 });
  }
  const requested = await requestDataDeletion(applicationId, parsed.data).catch((error: unknown) => {
    // Erased in the meantime: the link no longer works, like any other.
    if (error instanceof NotFoundError) throw statusLinkNotFound();
    throw error;
  });
  if (requested.outcome === "already_open") {
    const requestedOn = candidateDate(requested.requestedAt, candidateLocale(page.locale), page.timeZone);
    return data<ActionData>({ alreadyOpen: requestedOn }, { status: 409 });
  }
  return redirect(`/s/${params.token}/delete-data?received=1`);
}

export default function DeleteDataPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const texts = textFor(DELETE_DATA_TEXTS, page.locale);
  const formAnswer = answer && "errors" in answer ? answer : undefined;
  const alreadyOpen = answer && "alreadyOpen" in answer ? answer.alreadyOpen : null;
  return (
    <CandidatePage company={page.companyName} footer={<p>{texts.footer}</p>}>
      <div className="candidate-action data-request">
        <p className="candidate-action__back">
          <Link to={page.statusPath}>{texts.back}</Link>
        </p>
        {page.requestedOn ? (
          <section aria-labelledby="delete-title">
            <h1 id="delete-title">{texts.received.title}</h1>
            {page.received && !alreadyOpen ? (
              <Alert tone="success">{texts.received.body}</Alert>
            ) : (
              <Alert tone="info">{texts.alreadyOpen(alreadyOpen ?? page.requestedOn)}</Alert>
            )}
            <p>
              <Link to={page.statusPath} className="button">
                {texts.back}
              </Link>
            </p>
          </section>
        ) : (
          <>
            <h1>{texts.title}</h1>
            <p>{texts.intro}</p>
            <div className="data-request__explain">
              <section aria-labelledby="delete-goes">
                <h2 id="delete-goes">{texts.whatGoes.heading}</h2>
                <ul>
                  {texts.whatGoes.items.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              </section>
              <section aria-labelledby="delete-stays">
                <h2 id="delete-stays">{texts.whatStays.heading}</h2>
                <ul>
                  {texts.whatStays.items.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              </section>
            </div>
            {page.active ? <Alert tone="warning">{texts.activeWarning}</Alert> : null}
            <p>{texts.timing}</p>
            <Form method="post" action={`${page.statusPath}/delete-data`} noValidate>
              <Field label={texts.reason.label} hint={texts.reason.hint} error={formAnswer?.errors.reason}>
                <textarea
                  name="reason"
                  rows={4}
                  maxLength={DATA_REQUEST_REASON_MAX}
                  defaultValue={formAnswer?.reason ?? ""}
                />
              </Field>
              <button type="submit" className="button button--danger">
                {texts.submit}
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
