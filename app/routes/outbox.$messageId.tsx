// One email in full: who it is from and to, its Message-ID and reply address, when it went (or goes) out, the
// plain-text part and the HTML part as the candidate sees it (in a sandboxed frame), and what can still be done.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { MessageStatusBadge } from "~/components/application/email-list";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { DateTime } from "~/components/ui/date-time";
import { PageHeader } from "~/components/ui/page-header";
import { TEMPLATE_KIND_LABELS } from "~/domain/templates/kinds";
import { cancelMessage, retryMessage } from "~/models/outbox/compose.server";
import { getMessage } from "~/models/outbox/outbox-view.server";
import outboxStyles from "~/styles/outbox.css?url";
import { requirePermission } from "~/web/auth.server";
import { defineIntent, dispatchIntent } from "~/web/intents.server";
import { modelFailure } from "~/web/form-errors.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.message.subject} · Outbox · Hearback` : "Email · Hearback" },
];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: outboxStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "move_applications");
  const message = await getMessage(params.messageId ?? "", user);
  if (!message) throw new Response("This email does not exist, or you cannot see it.", { status: 404 });
  return { message, timeZone: user.timeZone };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "move_applications");
  const formData = await request.formData();
  const change = (changeMessage: typeof cancelMessage) =>
    defineIntent({
      run: async () => {
        await changeMessage(params.messageId ?? "", user);
        return redirect(`/outbox/${params.messageId}`);
      },
    });
  try {
    return await dispatchIntent(formData, {
      intents: { cancel: change(cancelMessage), retry: change(retryMessage) },
      unknown: () => data({ error: "That request was not understood." }, { status: 400 }),
    });
  } catch (error) {
    const failure = modelFailure(error);
    if (!failure) throw error;
    return data({ error: failure.errors.form ?? "That did not work." }, { status: failure.status });
  }
}

export default function OutboxMessagePage() {
  const { message, timeZone } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { application } = message;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/outbox">Outbox</Link>
        {application ? (
          <>
            {" "}
            <span aria-hidden="true">/</span>{" "}
            <Link to={`/applications/${application.id}`}>
              {application.candidate.name} · {application.job.title}
            </Link>
          </>
        ) : null}
      </p>
      <PageHeader title={message.subject} description={<MessageStatusBadge status={message.status} />} />
      {answer?.error ? <Alert tone="error">{answer.error}</Alert> : null}
      {message.status === "failed" ? (
        <Alert tone="error">
          Not delivered after {message.attempts} {message.attempts === 1 ? "attempt" : "attempts"}: {message.lastError}
        </Alert>
      ) : null}
      <div className="stack">
        <section className="card" aria-labelledby="headers-heading">
          <h2 id="headers-heading">Details</h2>
          <dl className="email-headers">
            <dt>From</dt>
            <dd>{message.fromAddress}</dd>
            <dt>To</dt>
            <dd>{message.toAddress}</dd>
            {message.replyTo ? (
              <>
                <dt>Reply-To</dt>
                <dd>{message.replyTo}</dd>
              </>
            ) : null}
            <dt>Message-ID</dt>
            <dd>
              <code>{message.headerMessageId}</code>
            </dd>
            <dt>{message.sentAt ? "Sent" : message.receivedAt ? "Received" : "Goes out"}</dt>
            <dd>
              <DateTime
                value={message.sentAt ?? message.receivedAt ?? message.scheduledFor ?? message.createdAt}
                timeZone={timeZone}
              />
            </dd>
            <dt>Written by</dt>
            <dd>
              {message.automated ? "Hearback, automatically" : (message.createdBy?.name ?? "—")}
              {message.template
                ? ` · template “${TEMPLATE_KIND_LABELS[message.template.kind]}” version ${message.templateVersion}`
                : ""}
            </dd>
            {message.awaitsCandidate ? (
              <>
                <dt>Waiting</dt>
                <dd>For the candidate&apos;s reply</dd>
              </>
            ) : null}
          </dl>
          {message.status === "queued" || message.status === "failed" ? (
            <div className="row">
              {message.status === "failed" ? (
                <Form method="post">
                  <button type="submit" name="intent" value="retry" className="button">
                    Send again
                  </button>
                </Form>
              ) : null}
              <Form method="post">
                <button type="submit" name="intent" value="cancel" className="button button--secondary">
                  Cancel this email
                </button>
              </Form>
            </div>
          ) : null}
        </section>
        {message.bodyHtml ? (
          <section className="card" aria-labelledby="html-heading">
            <h2 id="html-heading">As the recipient sees it</h2>
            <iframe
              title={`The email “${message.subject}”`}
              className="email-preview"
              srcDoc={message.bodyHtml}
              sandbox=""
            />
          </section>
        ) : null}
        <section className="card" aria-labelledby="text-heading">
          <h2 id="text-heading">Plain-text part</h2>
          <pre className="email-text">{message.bodyText}</pre>
        </section>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
