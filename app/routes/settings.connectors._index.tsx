// Settings → Connectors: the connected ATSs, and "Connect an ATS". A new connector's signing secret is shown once,
// with its webhook URL and a link to its page (the set-up steps for the ATS).
import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { EMAIL_MODE_SHORT } from "~/components/connectors/email-modes";
import {
  EMPTY_CONNECTOR_FORM,
  NewConnectorForm,
  type ConnectorFormValues,
} from "~/components/connectors/new-connector-form";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { DateTime } from "~/components/ui/date-time";
import { Field } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { SettingsBreadcrumb } from "~/components/ui/settings-breadcrumb";
import { CONNECTOR_LABELS, connectorInputSchema } from "~/domain/connectors/connector-form";
import type { ConnectorKind } from "~/domain/connectors/events";
import type { FieldErrors } from "~/domain/forms";
import { createConnector, listConnectors } from "~/models/connectors/connectors.server";
import { FAILURES_BEFORE_NOTICE } from "~/models/connectors/deliveries.server";
import connectorStyles from "~/styles/connectors.css?url";
import { requirePermission } from "~/web/auth.server";
import { modelFailure } from "~/web/form-errors.server";
import { defineIntent, dispatchIntent } from "~/web/intents.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: connectorStyles }];
export const meta: MetaFunction = () => [{ title: "Connectors · Hearback" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  const connectors = await listConnectors();
  return {
    connectors: connectors.map((connector) => ({
      ...connector,
      failing: connector.consecutiveFailures >= FAILURES_BEFORE_NOTICE,
    })),
    timeZone: admin.timeZone,
  };
}

type Created = { id: string; name: string; kind: ConnectorKind; webhookUrl: string; secret: string };

type ActionData =
  | { intent: "create"; errors: FieldErrors; values: ConnectorFormValues }
  | { intent: "create"; errors?: undefined; created: Created };

/** What the admin typed, to show again beside the errors. */
function formValues(values: Record<string, unknown>): ConnectorFormValues {
  const text = (name: keyof ConnectorFormValues) => (typeof values[name] === "string" ? values[name] : "");
  return {
    kind: text("kind"),
    name: text("name"),
    emails: text("emails") || EMPTY_CONNECTOR_FORM.emails,
    secret: text("secret"),
    apiKey: text("apiKey"),
    apiBaseUrl: text("apiBaseUrl"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  const formData = await request.formData();
  const refused = (errors: FieldErrors, status: number) =>
    data<ActionData>({ intent: "create", errors, values: formValues(Object.fromEntries(formData)) }, { status });
  return dispatchIntent(formData, {
    intents: {
      create: defineIntent({
        schema: connectorInputSchema,
        invalid: ({ errors }) => refused(errors, 400),
        run: async ({ input }) => {
          try {
            const { id, name, kind, webhookUrl, secret } = await createConnector(input, admin.id);
            return data<ActionData>({ intent: "create", created: { id, name, kind, webhookUrl, secret } });
          } catch (error) {
            const failure = modelFailure(error);
            if (!failure) throw error;
            return refused(failure.errors, failure.status);
          }
        },
      }),
    },
  });
}

function CreatedConnector({ created }: { created: Created }) {
  return (
    <Alert tone="success">
      <p>
        Added “{created.name}” ({CONNECTOR_LABELS[created.kind]}). Copy its signing secret now: it will not be shown
        again. Then <Link to={`/settings/connectors/${created.id}`}>open {created.name}</Link> for what to set up in the
        ATS.
      </p>
      <Field label="Webhook URL">
        <input type="text" readOnly value={created.webhookUrl} onFocus={(event) => event.currentTarget.select()} />
      </Field>
      <Field
        label="Its signing secret, shown once"
        hint="Paste it where the ATS asks for the secret (Lever: you already have it)."
      >
        <input type="text" readOnly value={created.secret} onFocus={(event) => event.currentTarget.select()} />
      </Field>
    </Alert>
  );
}

export default function ConnectorsPage() {
  const { connectors, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const deleted = searchParams.get("deleted");
  const created = actionData && !actionData.errors ? actionData.created : null;
  return (
    <>
      <SettingsBreadcrumb />
      <PageHeader
        title="Connectors"
        description="Your ATS tells Hearback about applications as they happen, through signed webhooks: jobs, stages and candidates appear here by themselves, and the clocks run."
      />
      {deleted ? (
        <Alert tone="success">Disconnected “{deleted}”. Its webhooks are refused from now on; its jobs stay.</Alert>
      ) : null}
      {created ? <CreatedConnector created={created} /> : null}
      <div className="grid-2">
        <section aria-labelledby="connectors-heading" className="card">
          <h2 id="connectors-heading">Connected</h2>
          {connectors.length === 0 ? (
            <p className="muted">Nothing connected yet.</p>
          ) : (
            <ul className="plain-list">
              {connectors.map((connector) => (
                <li key={connector.id}>
                  <h3>
                    <Link to={`/settings/connectors/${connector.id}`}>{connector.name}</Link>{" "}
                    {connector.failing ? <Badge tone="danger">Failing</Badge> : null}
                  </h3>
                  <dl className="details">
                    <dt>ATS</dt>
                    <dd>{CONNECTOR_LABELS[connector.kind]}</dd>
                    <dt>Webhook URL</dt>
                    <dd>
                      <code>{connector.webhookUrl}</code>
                    </dd>
                    <dt>Emails</dt>
                    <dd>{EMAIL_MODE_SHORT[connector.emails]}</dd>
                    <dt>Last delivery</dt>
                    <dd>
                      {connector.lastDeliveryAt ? (
                        <DateTime value={connector.lastDeliveryAt} timeZone={timeZone} />
                      ) : (
                        "None yet"
                      )}
                      {connector.consecutiveFailures > 0 ? ` · ${connector.consecutiveFailures} failed in a row` : null}
                    </dd>
                  </dl>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="connect-heading" className="card">
          <h2 id="connect-heading">Connect an ATS</h2>
          {/* A new key after each connector added empties the form for the next one. */}
          <NewConnectorForm
            key={created ? created.id : "new"}
            values={actionData?.errors ? actionData.values : EMPTY_CONNECTOR_FORM}
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
