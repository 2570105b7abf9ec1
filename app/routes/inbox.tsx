// The staff inbox: candidate emails Hearback could not file by itself (a new address, an old thread, an auto-reply).
// Recruiters and admins file each on its application or discard it. Plain forms, so it works without JavaScript.
import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { RouteError } from "~/components/route-error";
import { APPLICATION_STATUS_LABELS } from "~/components/status-badges";
import { Badge } from "~/components/ui/badge";
import { DateTime } from "~/components/ui/date-time";
import { PageHeader } from "~/components/ui/page-header";
import type { ApplicationStatus } from "~/domain/applications";
import { listApplications } from "~/models/application-search.server";
import { discardInboundMessage, fileInboundMessage, listInbox } from "~/models/inbound.server";
import inboxStyles from "~/styles/inbox.css?url";
import { requirePermission } from "~/web/auth.server";
import { defineIntent, dispatchIntent } from "~/web/intents.server";
import { ConflictError, NotFoundError } from "~/platform/errors.server";
import type { StaffPageHandle } from "~/web/staff-page-cache.server";

/** Read only from the database, the user and the clock: kept in memory until the next write or minute. */
export const handle: StaffPageHandle = { keptWhileUnchanged: true };

export const meta: MetaFunction = () => [{ title: "Inbox · Hearback" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: inboxStyles }];

const PREVIEW_CHARS = 280;
const PREVIEW_LINES = 4;

const fileFormSchema = z.object({
  messageId: z.string().min(1).max(100),
  applicationId: z.string({ error: "Choose an application to file this email on." }).min(1).max(100),
});
const discardFormSchema = z.object({ messageId: z.string().min(1).max(100) });

type Choice = { id: string; label: string; status: string };
type InboxMessage = ReturnType<typeof useLoaderData<typeof loader>>["messages"][number];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "view_all_jobs");
  const params = new URL(request.url).searchParams;
  const searchFor = params.get("for") ?? "";
  const query = (params.get("q") ?? "").trim().slice(0, 100);
  const [inbox, found] = await Promise.all([
    listInbox(),
    searchFor && query ? listApplications(user, { query, pageSize: 10 }) : Promise.resolve(null),
  ]);
  const results: Choice[] =
    found?.items.map((item) => ({
      id: item.id,
      label: `${item.candidate.name} (${item.candidate.email}) — ${item.job.title}`,
      status: item.status,
    })) ?? [];
  return { ...inbox, search: { messageId: searchFor, query, results }, timeZone: user.timeZone };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "view_all_jobs");
  const notUnderstood = (message = "That request was not understood.") =>
    data({ ok: false, message, applicationId: null }, { status: 400 });
  try {
    return await dispatchIntent(await request.formData(), {
      intents: {
        file: defineIntent({
          schema: fileFormSchema,
          run: async ({ input }) => {
            const filed = await fileInboundMessage(input.messageId, input.applicationId, user);
            const message = `Filed on ${filed.candidateName}’s application.`;
            return { ok: true, message, applicationId: filed.applicationId };
          },
        }),
        discard: defineIntent({
          schema: discardFormSchema,
          run: async ({ input }) => {
            await discardInboundMessage(input.messageId, user);
            return { ok: true, message: "The email was discarded.", applicationId: null };
          },
        }),
      },
      invalid: (_intent, { errors }) => notUnderstood(errors.applicationId),
      unknown: () => notUnderstood(),
    });
  } catch (error) {
    if (error instanceof NotFoundError) return data({ ok: false, message: error.message, applicationId: null }, 404);
    if (error instanceof ConflictError) return data({ ok: false, message: error.message, applicationId: null }, 409);
    throw error;
  }
}

/** The first lines of an email, and whether there is more to show. */
function preview(text: string): { text: string; cut: boolean } {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  const start = lines.slice(0, PREVIEW_LINES).join("\n");
  if (start.length > PREVIEW_CHARS) return { text: `${start.slice(0, PREVIEW_CHARS).trimEnd()}…`, cut: true };
  return { text: start, cut: lines.length > PREVIEW_LINES };
}

function choicesFor(message: InboxMessage, search: { messageId: string; results: Choice[] }): Choice[] {
  const own = message.candidateApplications.map((application) => ({
    id: application.id,
    label: `${application.candidateName} — ${application.jobTitle}`,
    status: application.status,
  }));
  const found = search.messageId === message.id ? search.results : [];
  return [...own, ...found.filter((result) => !own.some((choice) => choice.id === result.id))];
}

function InboxItem({ message, choices, timeZone }: { message: InboxMessage; choices: Choice[]; timeZone: string }) {
  const subject = message.subject || "(no subject)";
  const shown = preview(message.bodyText);
  return (
    <li className="inbox-message card" id={`message-${message.id}`}>
      <div className="inbox-message__head">
        <h2 className="inbox-message__subject">{subject}</h2>
        {message.automated ? <Badge tone="warning">Automatic reply</Badge> : null}
      </div>
      <dl className="inbox-message__meta small">
        <dt>From</dt>
        <dd>{message.fromAddress || "Unknown sender"}</dd>
        <dt>To</dt>
        <dd>{message.toAddress || "—"}</dd>
        <dt>Received</dt>
        <dd>
          <DateTime value={message.receivedAt ?? message.createdAt} timeZone={timeZone} />
        </dd>
      </dl>
      <p className="inbox-message__preview">{shown.text || <span className="muted">This email has no text.</span>}</p>
      {shown.cut ? (
        <details className="inbox-message__full">
          <summary>Show the whole email</summary>
          <p className="inbox-message__preview">{message.bodyText}</p>
        </details>
      ) : null}
      <div className="inbox-message__actions">
        <Form method="post" className="inbox-file">
          <input type="hidden" name="intent" value="file" />
          <input type="hidden" name="messageId" value={message.id} />
          <fieldset>
            <legend>File on an application</legend>
            {choices.length === 0 ? (
              <p className="muted small">No application from this address. Search for the candidate below.</p>
            ) : (
              <ul className="inbox-file__choices">
                {choices.map((choice) => (
                  <li key={choice.id} className="checkbox-field">
                    <input id={`file-${message.id}-${choice.id}`} type="radio" name="applicationId" value={choice.id} />
                    <label htmlFor={`file-${message.id}-${choice.id}`}>
                      {choice.label}{" "}
                      <span className="muted small">
                        ({APPLICATION_STATUS_LABELS[choice.status as ApplicationStatus] ?? choice.status})
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
            {choices.length > 0 ? (
              <button type="submit" className="button button--small">
                File email<span className="visually-hidden">: {subject}</span>
              </button>
            ) : null}
          </fieldset>
        </Form>
        <Form method="get" className="inbox-search" role="search" aria-label={`Find an application for: ${subject}`}>
          <input type="hidden" name="for" value={message.id} />
          <label htmlFor={`search-${message.id}`}>Candidate name or email</label>
          <input id={`search-${message.id}`} type="search" name="q" />
          <button type="submit" className="button button--secondary button--small">
            Search
          </button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="discard" />
          <input type="hidden" name="messageId" value={message.id} />
          <button type="submit" className="button button--secondary button--small">
            Discard<span className="visually-hidden">: {subject}</span>
          </button>
        </Form>
      </div>
    </li>
  );
}

export default function InboxPage() {
  const { messages, total, search, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="Inbox"
        description="Candidate emails Hearback could not file on an application by itself. File each one, or discard it."
      />
      <div role="status" className={result ? `alert alert--${result.ok ? "success" : "error"}` : undefined}>
        {result?.message}
        {result?.applicationId ? (
          <>
            {" "}
            <Link to={`/applications/${result.applicationId}`}>Open the application</Link>
          </>
        ) : null}
      </div>
      {search.messageId && search.query && search.results.length === 0 ? (
        <p className="muted" role="status">
          No application matches “{search.query}”.
        </p>
      ) : null}
      {messages.length === 0 ? (
        <div className="card empty-state">
          <h2>The inbox is empty</h2>
          <p>Replies that reach a candidate’s application by themselves never show up here.</p>
        </div>
      ) : (
        <>
          <p className="muted small">
            {total === 1 ? "1 email to file." : `${total} emails to file.`}
            {total > messages.length ? ` Showing the newest ${messages.length}.` : ""}
          </p>
          <ul className="inbox-list" aria-label="Emails to file">
            {messages.map((message) => (
              <InboxItem key={message.id} message={message} choices={choicesFor(message, search)} timeZone={timeZone} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
