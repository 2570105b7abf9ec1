// Settings → Webhooks: the endpoints that receive Hearback's events (state, events, last answer), and "Add endpoint".
// A new endpoint's signing secret is shown once, with a copy button; each endpoint's page has its delivery log.
import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { CopyField } from "~/components/ui/copy-field";
import { Field } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { SettingsBreadcrumb } from "~/components/ui/settings-breadcrumb";
import { EndpointState, LastAnswer } from "~/components/webhooks/endpoint-state";
import type { FieldErrors } from "~/domain/forms";
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES } from "~/domain/webhooks/events";
import { webhookEndpointInputSchema } from "~/domain/webhooks/form";
import { createWebhookEndpoint, listWebhookEndpoints } from "~/models/webhooks/endpoints.server";
import webhookStyles from "~/styles/webhooks.css?url";
import { requirePermission } from "~/web/auth.server";
import { defineIntent, dispatchIntent } from "~/web/intents.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: webhookStyles }];
export const meta: MetaFunction = () => [{ title: "Webhooks · Hearback" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  return { endpoints: await listWebhookEndpoints(), timeZone: admin.timeZone };
}

type FormValues = { url: string; description: string; events: string[]; allowPrivate: boolean };
const EMPTY_FORM: FormValues = { url: "", description: "", events: [], allowPrivate: false };

type ActionData =
  | { intent: "create"; errors: FieldErrors; values: FormValues }
  | { intent: "create"; errors?: undefined; created: { id: string; url: string; secret: string } };

/** What the admin typed, to show again beside the errors. */
function formValues(values: Record<string, unknown>): FormValues {
  const list = values.events === undefined ? [] : [values.events].flat();
  return {
    url: typeof values.url === "string" ? values.url : "",
    description: typeof values.description === "string" ? values.description : "",
    events: list.filter((event): event is string => typeof event === "string"),
    allowPrivate: values.allowPrivate === "on",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  return dispatchIntent(await request.formData(), {
    intents: {
      create: defineIntent({
        schema: webhookEndpointInputSchema,
        invalid: ({ errors, values }) =>
          data<ActionData>({ intent: "create", errors, values: formValues(values) }, { status: 400 }),
        run: async ({ input }) => {
          const { id, url, secret } = await createWebhookEndpoint(input, admin.id);
          return data<ActionData>({ intent: "create", created: { id, url, secret } });
        },
      }),
    },
  });
}

function CreatedEndpoint({ created }: { created: { id: string; url: string; secret: string } }) {
  return (
    <Alert tone="success">
      <p>
        Added <span className="webhook-url">{created.url}</span>. Copy its signing secret now: it will not be shown
        again. Your receiver checks every request’s signature with it (
        <a href="https://www.standardwebhooks.com/">Standard Webhooks</a>). Then{" "}
        <Link to={`/settings/webhooks/${created.id}`}>open the endpoint</Link> to send a test event.
      </p>
      <CopyField label="Signing secret, shown once" value={created.secret} />
    </Alert>
  );
}

function AddEndpointForm({ values, errors, busy }: { values: FormValues; errors?: FieldErrors; busy: boolean }) {
  return (
    <Form method="post" noValidate className="webhook-form">
      <input type="hidden" name="intent" value="create" />
      <Field
        label="URL"
        hint="Where Hearback POSTs the events, e.g. https://hooks.example.com/hearback."
        error={errors?.url}
      >
        <input type="url" name="url" required maxLength={2000} defaultValue={values.url} autoComplete="off" />
      </Field>
      <Field
        label="Description (optional)"
        hint="What receives them, e.g. “Data warehouse”."
        error={errors?.description}
      >
        <input type="text" name="description" maxLength={200} defaultValue={values.description} />
      </Field>
      <fieldset
        className="choice-group webhook-events"
        aria-describedby={errors?.events ? "webhook-events-error" : undefined}
      >
        <legend>Events to send</legend>
        {WEBHOOK_EVENT_TYPES.map((event) => (
          // The label's text is the event's name and description, which the rule cannot see through expressions.
          // eslint-disable-next-line jsx-a11y/label-has-associated-control
          <label key={event} className="checkbox">
            <input type="checkbox" name="events" value={event} defaultChecked={values.events.includes(event)} />
            <span>
              <code>{event}</code>
              <span className="hint">{WEBHOOK_EVENT_DESCRIPTIONS[event]}</span>
            </span>
          </label>
        ))}
        {errors?.events ? (
          <span id="webhook-events-error" className="field-error">
            {errors.events}
          </span>
        ) : null}
      </fieldset>
      <label className="checkbox webhook-private">
        <input
          type="checkbox"
          name="allowPrivate"
          defaultChecked={values.allowPrivate}
          aria-describedby="allow-private-warning"
        />
        <span>
          Allow a private network address
          <span id="allow-private-warning" className="hint">
            Only for a receiver inside your own network (e.g. 10.0.0.5 or localhost). Anyone who can add endpoints could
            then make Hearback call services that are not meant to be reachable from outside.
          </span>
        </span>
      </label>
      <button type="submit" className="button" disabled={busy}>
        Add endpoint
      </button>
    </Form>
  );
}

export default function WebhooksPage() {
  const { endpoints, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const deleted = searchParams.get("deleted");
  const created = actionData && !actionData.errors ? actionData.created : null;
  return (
    <>
      <SettingsBreadcrumb />
      <PageHeader
        title="Webhooks"
        description={
          <>
            Hearback POSTs its events — new applications, moves, decisions, promises falling due — to your systems as
            signed JSON, as they happen. Events carry ids, never names, emails or messages (docs/webhooks.md).
          </>
        }
      />
      {deleted ? <Alert tone="success">Removed the endpoint {deleted}. Nothing more is sent to it.</Alert> : null}
      {created ? <CreatedEndpoint created={created} /> : null}
      <div className="grid-2">
        <section aria-labelledby="endpoints-heading" className="card">
          <h2 id="endpoints-heading">Endpoints</h2>
          {endpoints.length === 0 ? (
            <p className="muted">No endpoints yet.</p>
          ) : (
            <ul className="plain-list">
              {endpoints.map((endpoint) => (
                <li key={endpoint.id}>
                  <h3 className="webhook-url">
                    <Link to={`/settings/webhooks/${endpoint.id}`}>{endpoint.description ?? endpoint.url}</Link>
                  </h3>
                  <dl className="details">
                    {endpoint.description ? (
                      <>
                        <dt>URL</dt>
                        <dd className="webhook-url">{endpoint.url}</dd>
                      </>
                    ) : null}
                    <dt>State</dt>
                    <dd>
                      <EndpointState endpoint={endpoint} timeZone={timeZone} />
                    </dd>
                    <dt>Events</dt>
                    <dd>{endpoint.events.join(", ")}</dd>
                    <dt>Last 7 days</dt>
                    <dd>
                      {endpoint.delivered} delivered · {endpoint.failing} failing · {endpoint.queued} waiting
                    </dd>
                    <dt>Last answer</dt>
                    <dd>
                      <LastAnswer statusCode={endpoint.lastStatusCode} error={endpoint.lastError} />
                    </dd>
                  </dl>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="add-heading" className="card">
          <h2 id="add-heading">Add endpoint</h2>
          {/* A new key after each endpoint added empties the form for the next one. */}
          <AddEndpointForm
            key={created ? created.id : "new"}
            values={actionData?.errors ? actionData.values : EMPTY_FORM}
            errors={actionData?.errors}
            busy={navigation.state === "submitting"}
          />
        </section>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
