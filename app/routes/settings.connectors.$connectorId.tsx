// One connector: what to set up in the ATS, who writes to candidates, its deliveries (retry the failed ones), the
// kinds of the stages it mapped, and disconnecting it.
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
import { EmailsAdvice, setupHeading, SetupSteps, TestHint } from "~/components/connectors/connector-setup";
import { EmailModeChoices } from "~/components/connectors/email-modes";
import { DeliveryLog, RetryOutcome } from "~/components/connectors/delivery-log";
import { ReplaceSecret } from "~/components/connectors/replace-secret";
import { StageMapping } from "~/components/connectors/stage-mapping";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { DateTime } from "~/components/ui/date-time";
import { Field } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { SettingsBreadcrumb } from "~/components/ui/settings-breadcrumb";
import { CONNECTOR_LABELS, connectorUpdateSchema, stageKindCorrectionSchema } from "~/domain/connectors/connector-form";
import { CONNECTOR_EMAIL_MODES } from "~/domain/connectors/events";
import {
  correctStageKind,
  deleteConnector,
  getConnector,
  listMappedStages,
  updateConnector,
} from "~/models/connectors/connectors.server";
import { FAILURES_BEFORE_NOTICE, listDeliveries } from "~/models/connectors/deliveries.server";
import { retryDelivery } from "~/models/connectors/receive.server";
import { InvalidInputError, NotFoundError } from "~/platform/errors.server";
import connectorStyles from "~/styles/connectors.css?url";
import { requirePermission } from "~/web/auth.server";
import { defineIntent, dispatchIntent } from "~/web/intents.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: connectorStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.connector.name ?? "Connector"} · Connectors · Hearback` },
];

/** A model's NotFoundError as the 404 page. */
function notFound(error: unknown): never {
  if (error instanceof NotFoundError) throw new Response(error.message, { status: 404 });
  throw error;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  const connector = await getConnector(params.connectorId ?? "").catch(notFound);
  const [deliveries, stages] = await Promise.all([listDeliveries(connector.id), listMappedStages(connector.id)]);
  return {
    connector,
    failing: connector.consecutiveFailures >= FAILURES_BEFORE_NOTICE,
    deliveries,
    stages,
    timeZone: admin.timeZone,
  };
}

const emailsSchema = z.object({
  emails: z.enum(CONNECTOR_EMAIL_MODES, { error: "Choose who writes to candidates." }),
});
const retrySchema = z.object({ deliveryId: z.string().trim().min(1, "Choose a delivery.") });

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  const connectorId = params.connectorId ?? "";
  const here = `/settings/connectors/${connectorId}`;
  return dispatchIntent(await request.formData(), {
    intents: {
      emails: defineIntent({
        schema: emailsSchema,
        invalid: ({ errors }) => data({ intent: "emails" as const, error: errors.emails ?? "" }, { status: 400 }),
        run: async ({ input }) => {
          await updateConnector(connectorId, { emails: input.emails }, admin.id).catch(notFound);
          return redirect(`${here}?done=emails`);
        },
      }),
      retry: defineIntent({
        schema: retrySchema,
        run: async ({ input }) => {
          const retried = await retryDelivery(connectorId, input.deliveryId).catch(notFound);
          return data({ intent: "retry" as const, retried });
        },
      }),
      "stage-kind": defineIntent({
        schema: stageKindCorrectionSchema,
        invalid: ({ errors, values }) =>
          data(
            {
              intent: "stage-kind" as const,
              stageId: String(values.stageId ?? ""),
              error: Object.values(errors)[0] ?? "",
            },
            { status: 400 },
          ),
        run: async ({ input }) => {
          await correctStageKind(connectorId, input.stageId, input.kind, admin.id).catch(notFound);
          return redirect(`${here}?done=stage`);
        },
      }),
      secrets: defineIntent({
        schema: connectorUpdateSchema.pick({ secret: true, apiKey: true }),
        invalid: ({ errors }) => data({ intent: "secrets" as const, errors }, { status: 400 }),
        run: async ({ input }) => {
          if (!input.secret && !input.apiKey) {
            const errors = { secret: "Enter the new secret." };
            return data({ intent: "secrets" as const, errors }, { status: 400 });
          }
          try {
            await updateConnector(connectorId, input, admin.id);
          } catch (error) {
            if (!(error instanceof InvalidInputError)) return notFound(error);
            const errors = Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message]));
            return data({ intent: "secrets" as const, errors }, { status: 400 });
          }
          return redirect(`${here}?done=secrets`);
        },
      }),
      delete: defineIntent({
        run: async () => {
          const connector = await deleteConnector(connectorId, admin.id).catch(notFound);
          return redirect(`/settings/connectors?deleted=${encodeURIComponent(connector.name)}`);
        },
      }),
    },
  });
}

const DONE: Record<string, string> = {
  emails: "Saved who writes to candidates.",
  stage: "Saved the stage’s kind. The job’s clocks are being rebuilt.",
  secrets: "Saved the new secret. Deliveries signed with the old one are refused from now on.",
};

export default function ConnectorPage() {
  const { connector, failing, deliveries, stages, timeZone } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const done = answer ? undefined : DONE[searchParams.get("done") ?? ""];
  const posting = navigation.formData;
  const label = CONNECTOR_LABELS[connector.kind];
  return (
    <>
      <SettingsBreadcrumb section={{ to: "/settings/connectors", label: "Connectors" }} />
      <PageHeader
        title={connector.name}
        description={
          <>
            {label}, added <DateTime value={connector.createdAt} timeZone={timeZone} />
            {connector.createdBy ? ` by ${connector.createdBy.name}` : ""}.
          </>
        }
      />
      {done ? <Alert tone="success">{done}</Alert> : null}
      {answer?.intent === "retry" ? <RetryOutcome retried={answer.retried} /> : null}
      {failing ? (
        <Alert tone="warning">
          Deliveries have failed {connector.consecutiveFailures} times in a row. Their errors are below: fix the cause,
          then retry them.
        </Alert>
      ) : null}
      <div className="stack">
        <div className="grid-2">
          <section aria-labelledby="setup-heading" className="card">
            <h2 id="setup-heading">{setupHeading(connector.kind, label)}</h2>
            <Field label="Webhook URL" hint="Where the ATS sends its webhooks. Select it to copy it.">
              <input
                type="text"
                readOnly
                value={connector.webhookUrl}
                onFocus={(event) => event.currentTarget.select()}
              />
            </Field>
            <SetupSteps kind={connector.kind} />
            {connector.apiBaseUrl ? (
              <p className="small muted">
                Lever’s API is read at <code>{connector.apiBaseUrl}</code>.
              </p>
            ) : null}
            <h3>Send a test</h3>
            <TestHint kind={connector.kind} />
          </section>
          <section aria-labelledby="emails-heading" className="card">
            <h2 id="emails-heading">Candidate emails</h2>
            <EmailsAdvice kind={connector.kind} emails={connector.emails} />
            <Form method="post" key={connector.emails}>
              <input type="hidden" name="intent" value="emails" />
              <EmailModeChoices
                value={connector.emails}
                error={answer?.intent === "emails" ? answer.error : undefined}
              />
              <button type="submit" className="button button--secondary">
                Save
              </button>
            </Form>
          </section>
        </div>
        <section aria-labelledby="deliveries-heading" className="card">
          <h2 id="deliveries-heading">Latest deliveries</h2>
          <p className="small muted">
            The last 50, kept 30 days. A waiting one is applied within seconds; a failed one keeps what was sent, so it
            can be retried.
          </p>
          <DeliveryLog
            deliveries={deliveries}
            timeZone={timeZone}
            busy={posting?.get("intent") === "retry" ? String(posting.get("deliveryId")) : undefined}
          />
        </section>
        <section aria-labelledby="stages-heading" className="card">
          <h2 id="stages-heading">Stages</h2>
          <p>
            Each stage the ATS reported became a stage of its job here, its kind guessed from its name. The kind decides
            which promises run in it: correcting it rebuilds the job’s clocks.
          </p>
          <StageMapping
            stages={stages}
            refused={answer?.intent === "stage-kind" ? { stageId: answer.stageId, error: answer.error } : undefined}
            busy={posting?.get("intent") === "stage-kind" ? String(posting.get("stageId")) : undefined}
          />
        </section>
        <section aria-labelledby="disconnect-heading" className="card">
          <h2 id="disconnect-heading">Secret and disconnecting</h2>
          <ReplaceSecret
            kind={connector.kind}
            name={connector.name}
            errors={answer?.intent === "secrets" ? answer.errors : undefined}
            busy={posting?.get("intent") === "secrets"}
          />
          <details>
            <summary>Disconnect {connector.name}…</summary>
            <Form method="post">
              <input type="hidden" name="intent" value="delete" />
              <p className="small">
                Its webhooks are refused from now on, and its delivery log is deleted. The jobs, candidates and
                applications it brought stay in Hearback, no longer linked to the ATS.
              </p>
              <button type="submit" className="button button--danger">
                Disconnect {connector.name}
              </button>
            </Form>
          </details>
        </section>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
