// One webhook endpoint: its state and events, "Send test event", "Turn on again" after it was turned off, removing it,
// and its delivery log (the newest 50: time, event, answer or error, attempts, duration) with "Redeliver" per row.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { DateTime } from "~/components/ui/date-time";
import { PageHeader } from "~/components/ui/page-header";
import { SettingsBreadcrumb } from "~/components/ui/settings-breadcrumb";
import { EndpointState, LastAnswer } from "~/components/webhooks/endpoint-state";
import {
  deleteWebhookEndpoint,
  enableWebhookEndpoint,
  getWebhookEndpoint,
  listEndpointDeliveries,
  redeliverEndpointDelivery,
  sendTestEvent,
} from "~/models/webhooks/endpoints.server";
import { ConflictError, NotFoundError } from "~/platform/errors.server";
import webhookStyles from "~/styles/webhooks.css?url";
import { requirePermission } from "~/web/auth.server";
import { defineIntent, dispatchIntent } from "~/web/intents.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: webhookStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.endpoint.description ?? "Endpoint"} · Webhooks · Hearback` },
];

/** A model's NotFoundError as the 404 page. */
function notFound(error: unknown): never {
  if (error instanceof NotFoundError) throw new Response(error.message, { status: 404 });
  throw error;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  const endpoint = await getWebhookEndpoint(params.webhookId ?? "").catch(notFound);
  return { endpoint, deliveries: await listEndpointDeliveries(endpoint.id), timeZone: admin.timeZone };
}

const redeliverSchema = z.object({ deliveryId: z.string().trim().min(1, "Choose a delivery.") });

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  const endpointId = params.webhookId ?? "";
  const here = `/settings/webhooks/${endpointId}`;
  return dispatchIntent(await request.formData(), {
    intents: {
      test: defineIntent({
        run: async () => {
          await sendTestEvent(endpointId).catch(notFound);
          return redirect(`${here}?done=test`);
        },
      }),
      enable: defineIntent({
        run: async () => {
          await enableWebhookEndpoint(endpointId, admin.id).catch(notFound);
          return redirect(`${here}?done=enabled`);
        },
      }),
      delete: defineIntent({
        run: async () => {
          const endpoint = await deleteWebhookEndpoint(endpointId, admin.id).catch(notFound);
          return redirect(`/settings/webhooks?deleted=${encodeURIComponent(endpoint.description ?? endpoint.url)}`);
        },
      }),
      redeliver: defineIntent({
        schema: redeliverSchema,
        run: async ({ input }) => {
          try {
            await redeliverEndpointDelivery(endpointId, input.deliveryId);
          } catch (error) {
            if (error instanceof ConflictError) {
              return data({ intent: "redeliver" as const, error: error.message }, { status: 409 });
            }
            return notFound(error);
          }
          return redirect(`${here}?done=redeliver`);
        },
      }),
    },
  });
}

const DONE_MESSAGES: Record<string, string> = {
  test: "Queued a test event. It is sent at once; refresh to see its answer below.",
  enabled: "Turned on again. Its waiting events are being sent.",
  redeliver: "Queued that delivery again, with the same webhook-id.",
};

const STATUS_WORDS = { queued: "Waiting", sending: "Sending", delivered: "Delivered", failed: "Failed" } as const;

type Deliveries = Awaited<ReturnType<typeof loader>>["deliveries"];

function DeliveryLog({ deliveries, timeZone }: { deliveries: Deliveries; timeZone: string }) {
  if (deliveries.length === 0) return <p className="muted">Nothing sent yet. Send a test event to try it.</p>;
  return (
    <div className="table-wrap">
      <table className="webhook-log">
        <caption className="visually-hidden">The newest 50 deliveries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Queued</th>
            <th scope="col">Event</th>
            <th scope="col">Result</th>
            <th scope="col">Attempts</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((delivery) => (
            <tr key={delivery.id}>
              <td data-label="Queued">
                <DateTime value={delivery.createdAt} timeZone={timeZone} />
              </td>
              <td data-label="Event">
                <code>{delivery.eventType}</code>
              </td>
              <td data-label="Result">
                {STATUS_WORDS[delivery.status]}
                {delivery.lastStatusCode !== null || delivery.lastError ? (
                  <>
                    {" · "}
                    <LastAnswer statusCode={delivery.lastStatusCode} error={delivery.lastError} />
                  </>
                ) : null}
                {delivery.status === "queued" && delivery.attempts > 0 && delivery.nextAttemptAt ? (
                  <div className="small muted">
                    Next try <DateTime value={delivery.nextAttemptAt} timeZone={timeZone} />
                  </div>
                ) : null}
              </td>
              <td data-label="Attempts">
                {delivery.attemptLog.length === 0 ? (
                  "None yet"
                ) : (
                  <ol className="webhook-attempts">
                    {delivery.attemptLog.map((attempt) => (
                      <li key={String(attempt.attemptedAt)}>
                        <DateTime value={attempt.attemptedAt} timeZone={timeZone} />:{" "}
                        <LastAnswer statusCode={attempt.statusCode} error={attempt.error} />, {attempt.durationMs} ms
                      </li>
                    ))}
                  </ol>
                )}
              </td>
              <td>
                {delivery.redeliverable ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="redeliver" />
                    <input type="hidden" name="deliveryId" value={delivery.id} />
                    <button
                      type="submit"
                      className="button button--secondary button--small"
                      aria-label={`Redeliver ${delivery.eventType} queued ${new Date(delivery.createdAt).toISOString()}`}
                    >
                      Redeliver
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function WebhookEndpointPage() {
  const { endpoint, deliveries, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const done = DONE_MESSAGES[searchParams.get("done") ?? ""];
  const busy = navigation.state === "submitting";
  return (
    <>
      <SettingsBreadcrumb section={{ to: "/settings/webhooks", label: "Webhooks" }} />
      <PageHeader
        title={endpoint.description ?? "Webhook endpoint"}
        description={<span className="webhook-url">{endpoint.url}</span>}
      />
      {done ? <Alert tone="success">{done}</Alert> : null}
      {actionData && "error" in actionData ? <Alert tone="error">{actionData.error}</Alert> : null}
      <section aria-labelledby="endpoint-heading" className="card webhook-endpoint">
        <h2 id="endpoint-heading">Endpoint</h2>
        <dl className="details">
          <dt>State</dt>
          <dd>
            <EndpointState endpoint={endpoint} timeZone={timeZone} />
          </dd>
          <dt>Events</dt>
          <dd>{endpoint.events.join(", ")}</dd>
          <dt>Private addresses</dt>
          <dd>{endpoint.allowPrivate ? "Allowed" : "Refused"}</dd>
          <dt>Last 7 days</dt>
          <dd>
            {endpoint.delivered} delivered · {endpoint.failing} failing · {endpoint.queued} waiting
          </dd>
          <dt>Added</dt>
          <dd>
            <DateTime value={endpoint.createdAt} timeZone={timeZone} />
            {endpoint.createdBy ? ` by ${endpoint.createdBy.name}` : null}
          </dd>
        </dl>
        <div className="webhook-actions">
          <Form method="post">
            <input type="hidden" name="intent" value="test" />
            <button type="submit" className="button" disabled={busy}>
              Send test event
            </button>
          </Form>
          {endpoint.disabledAt ? (
            <Form method="post">
              <input type="hidden" name="intent" value="enable" />
              <button type="submit" className="button button--secondary" disabled={busy}>
                Turn on again
              </button>
            </Form>
          ) : null}
          <details>
            <summary className="button button--secondary button--danger-outline">Remove…</summary>
            <Form method="post">
              <input type="hidden" name="intent" value="delete" />
              <p className="small">Nothing more is sent to it, including events still waiting. Its log goes too.</p>
              <button type="submit" className="button button--danger button--small">
                Remove this endpoint
              </button>
            </Form>
          </details>
        </div>
      </section>
      <section aria-labelledby="log-heading" className="card">
        <h2 id="log-heading">Deliveries</h2>
        <DeliveryLog deliveries={deliveries} timeZone={timeZone} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
