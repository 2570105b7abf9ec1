// The outbox: every email Hearback sends, newest first — waiting (with when it goes out), sent, not delivered (with
// why) and cancelled. Without SMTP_URL this is where staff read the mail (it is also written as .eml files).
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MessageStatusBadge } from "~/components/application/email-list";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { DateTime } from "~/components/ui/date-time";
import { PageHeader } from "~/components/ui/page-header";
import { OUTBOX_FILTER_LABELS, OUTBOX_FILTERS, type OutboxFilter } from "~/domain/messages/outbox-filters";
import { listOutbox } from "~/models/outbox/outbox-view.server";
import outboxStyles from "~/styles/outbox.css?url";
import { requirePermission } from "~/web/auth.server";
import { env } from "~/platform/env.server";
import { localOutboxDir } from "~/platform/mail.server";
import type { StaffPageHandle } from "~/web/staff-page-cache.server";

/** Read only from the database, the user and the clock: kept in memory until the next write or minute. */
export const handle: StaffPageHandle = { keptWhileUnchanged: true };

export const meta: MetaFunction = () => [{ title: "Outbox · Hearback" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: outboxStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "move_applications");
  const params = new URL(request.url).searchParams;
  const filter = (OUTBOX_FILTERS as readonly string[]).includes(params.get("show") ?? "")
    ? (params.get("show") as OutboxFilter)
    : "all";
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
  return {
    outbox: await listOutbox(user, filter, page),
    filter,
    timeZone: user.timeZone,
    delivery: env.SMTP_URL ? ("smtp" as const) : ("local" as const),
    folder: localOutboxDir(),
  };
}

export default function OutboxPage() {
  const { outbox, filter, timeZone, delivery, folder } = useLoaderData<typeof loader>();
  const pages = Math.max(1, Math.ceil(outbox.total / outbox.pageSize));
  return (
    <>
      <PageHeader
        title="Outbox"
        description={
          delivery === "smtp"
            ? "Every email Hearback sends, through your SMTP server. Failed emails are retried with growing waits."
            : "SMTP_URL is not set, so emails stay here instead of going out" +
              (folder ? ` (each is also saved as an .eml file in ${folder}).` : ".")
        }
      />
      {outbox.failed > 0 ? (
        <Alert tone="error">
          {outbox.failed === 1 ? "1 email was" : `${outbox.failed} emails were`} not delivered.{" "}
          <Link to="?show=failed">Show them</Link>
        </Alert>
      ) : null}
      <nav aria-label="Show" className="row filter-links">
        {OUTBOX_FILTERS.map((option) => (
          <Link key={option} to={`?show=${option}`} aria-current={option === filter ? "page" : undefined}>
            {OUTBOX_FILTER_LABELS[option]}
            {option === "waiting" ? ` (${outbox.waiting})` : option === "failed" ? ` (${outbox.failed})` : ""}
          </Link>
        ))}
      </nav>
      {outbox.rows.length === 0 ? (
        <p>No emails here.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Emails, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {outbox.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <MessageStatusBadge status={row.status} />
                  </td>
                  <td>{row.toAddress.replace(/^"([^"]*)".*$/, "$1")}</td>
                  <td>
                    <Link to={`/outbox/${row.id}`}>{row.subject}</Link>
                    {row.status === "failed" && row.lastError ? (
                      <>
                        <br />
                        <span className="small">{row.lastError}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <DateTime value={row.sentAt ?? row.scheduledFor ?? row.createdAt} timeZone={timeZone} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages" className="row">
          {outbox.page > 1 ? <Link to={`?show=${filter}&page=${outbox.page - 1}`}>Newer</Link> : null}
          <span>
            Page {outbox.page} of {pages}
          </span>
          {outbox.page < pages ? <Link to={`?show=${filter}&page=${outbox.page + 1}`}>Older</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
