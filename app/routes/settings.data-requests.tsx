// Settings → Data requests: candidates' requests to delete their data, oldest first. An admin erases the candidate
// (after a confirmation step) or declines with a note; closed requests stay listed for the record. Plain forms.
import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { DateTime } from "~/components/ui/date-time";
import { Field } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { SettingsBreadcrumb } from "~/components/ui/settings-breadcrumb";
import {
  DATA_REQUEST_DAYS,
  DATA_REQUEST_PERMISSION,
  declineDataRequestSchema,
  eraseDataRequestSchema,
} from "~/domain/data-requests";
import {
  declineDataRequest,
  eraseForDataRequest,
  listDataRequests,
  type DataRequestItem,
} from "~/models/data-request.server";
import dataRequestsStyles from "~/styles/data-requests.css?url";
import { requirePermission } from "~/web/auth.server";
import { defineIntent, dispatchIntent } from "~/web/intents.server";
import { ConflictError, NotFoundError } from "~/platform/errors.server";
import type { FieldErrors } from "~/domain/forms";

export const meta: MetaFunction = () => [{ title: "Data requests · Hearback" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: dataRequestsStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, DATA_REQUEST_PERMISSION);
  return { ...(await listDataRequests(user)), timeZone: user.timeZone };
}

const NOT_UNDERSTOOD = "That request was not understood.";

type ActionData =
  | { ok: true; message: string }
  | { ok: false; message: string; requestId: string | null; errors: FieldErrors; note: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, DATA_REQUEST_PERMISSION);
  const formData = await request.formData();
  const requestId = typeof formData.get("requestId") === "string" ? String(formData.get("requestId")) : null;
  const note = String(formData.get("note") ?? "");
  const refused = (status: number, message: string, errors: FieldErrors = {}) =>
    data<ActionData>({ ok: false, message, requestId, errors, note }, { status });
  try {
    return await dispatchIntent(formData, {
      intents: {
        erase: defineIntent({
          schema: eraseDataRequestSchema,
          run: async ({ input }) => {
            const erased = await eraseForDataRequest(input.requestId, user);
            const emails = erased.messages === 1 ? "1 email" : `${erased.messages} emails`;
            return data<ActionData>({
              ok: true,
              message: `The candidate's data was erased: their details, ${emails} and the text of their timeline. The figures stay.`,
            });
          },
        }),
        decline: defineIntent({
          schema: declineDataRequestSchema,
          run: async ({ input }) => {
            await declineDataRequest(input.requestId, input.note, user);
            return data<ActionData>({ ok: true, message: "The request was declined. Your note is kept with it." });
          },
        }),
      },
      invalid: (_intent, { errors }) => refused(400, errors.note ?? NOT_UNDERSTOOD, errors),
      // An intent the page lacks is a field error on `intent`, like any other field it cannot read.
      unknown: () =>
        refused(400, NOT_UNDERSTOOD, { intent: "Choose whether to erase the data or decline the request." }),
    });
  } catch (error) {
    if (error instanceof NotFoundError) return refused(404, error.message);
    if (error instanceof ConflictError) return refused(409, error.message);
    throw error;
  }
}

function candidateLabel(request: DataRequestItem) {
  if (request.candidate.erasedAt) return <span className="muted">Erased candidate</span>;
  return (
    <>
      <strong>{request.candidate.name}</strong> <span className="muted">({request.candidate.email})</span>
    </>
  );
}

function OpenRequest({
  request,
  timeZone,
  failed,
}: {
  request: DataRequestItem;
  timeZone: string;
  failed: Extract<ActionData, { ok: false }> | null;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("requestId") === request.id;
  const name = request.candidate.erasedAt ? "this candidate" : request.candidate.name;
  return (
    <li className="card data-request-item">
      <h3 id={`request-${request.id}`} className="data-request-item__who">
        {candidateLabel(request)}
      </h3>
      <dl className="details">
        <dt>Asked</dt>
        <dd>
          <DateTime value={request.createdAt} timeZone={timeZone} />
        </dd>
        <dt>Application</dt>
        <dd>
          {request.application ? (
            <Link to={`/applications/${request.application.id}`}>{request.application.job.title}</Link>
          ) : (
            "—"
          )}
        </dd>
        <dt>Their reason</dt>
        <dd>{request.reason ?? <span className="muted">None given</span>}</dd>
      </dl>
      {failed ? <Alert tone="error">{failed.message}</Alert> : null}
      <div className="data-request-item__actions">
        <details className="disclosure">
          <summary>
            Erase now…<span className="visually-hidden"> {name}</span>
          </summary>
          <Form method="post" className="disclosure__body">
            <input type="hidden" name="intent" value="erase" />
            <input type="hidden" name="requestId" value={request.id} />
            <p>
              This removes {name}’s name, email address, phone number, emails, notes and survey comment from Hearback,
              on every application. Response times, clocks and scores stay, without a name. It cannot be undone.
            </p>
            <button type="submit" className="button button--danger" disabled={busy}>
              Erase {name}’s data for good
            </button>
          </Form>
        </details>
        <details className="disclosure" open={failed?.errors.note ? true : undefined}>
          <summary>
            Decline…<span className="visually-hidden"> the request of {name}</span>
          </summary>
          <Form method="post" className="disclosure__body" noValidate>
            <input type="hidden" name="intent" value="decline" />
            <input type="hidden" name="requestId" value={request.id} />
            <Field
              id={`note-${request.id}`}
              label="Why is it declined?"
              hint="For the record, for example a legal duty to keep these records. The candidate is not emailed."
              error={failed?.errors.note}
            >
              <textarea name="note" rows={3} required defaultValue={failed?.note ?? ""} />
            </Field>
            <button type="submit" className="button button--secondary" disabled={busy}>
              Decline request
            </button>
          </Form>
        </details>
      </div>
    </li>
  );
}

const STATUS_BADGES = {
  completed: <Badge tone="success">Erased</Badge>,
  declined: <Badge tone="warning">Declined</Badge>,
  open: <Badge>Open</Badge>,
};

export default function DataRequestsPage() {
  const { open, closed, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  return (
    <>
      <SettingsBreadcrumb />
      <PageHeader
        title="Data requests"
        description={`Candidates who asked us to delete their data. Answer each within ${DATA_REQUEST_DAYS} days.`}
      />
      <div role="status">{result?.ok ? <p className="alert alert--success">{result.message}</p> : null}</div>
      {failed && !failed.requestId ? <Alert tone="error">{failed.message}</Alert> : null}
      <section aria-labelledby="open-heading">
        <h2 id="open-heading">Open</h2>
        {open.length === 0 ? (
          <p className="card empty-state">No open requests.</p>
        ) : (
          <ul className="data-request-list">
            {open.map((request) => (
              <OpenRequest
                key={request.id}
                request={request}
                timeZone={timeZone}
                failed={failed?.requestId === request.id ? failed : null}
              />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="closed-heading" className="card">
        <h2 id="closed-heading">Closed</h2>
        {closed.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Candidate</th>
                  <th scope="col">Asked</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Closed</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {closed.map((request) => (
                  <tr key={request.id}>
                    <th scope="row">{candidateLabel(request)}</th>
                    <td>
                      <DateTime value={request.createdAt} timeZone={timeZone} />
                    </td>
                    <td>{STATUS_BADGES[request.status]}</td>
                    <td>
                      {request.closedAt ? <DateTime value={request.closedAt} timeZone={timeZone} /> : "—"}
                      {request.closedBy ? <span className="muted small"> by {request.closedBy.name}</span> : null}
                    </td>
                    <td>{request.note ?? <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
