import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { CopyField } from "~/components/ui/copy-field";
import { DateTime } from "~/components/ui/date-time";
import { Field } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { SettingsBreadcrumb } from "~/components/ui/settings-breadcrumb";
import { apiTokenInputSchema } from "~/domain/api-tokens";
import { createApiToken, listApiTokens, revokeApiToken } from "~/models/api-token.server";
import { requirePermission } from "~/web/auth.server";
import { defineIntent, dispatchIntent } from "~/web/intents.server";
import { publicUrl } from "~/platform/env.server";
import { NotFoundError } from "~/platform/errors.server";
import type { FieldErrors } from "~/domain/forms";

export const meta: MetaFunction = () => [{ title: "API tokens · Hearback" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "manage_api_tokens");
  return { tokens: await listApiTokens(), timeZone: admin.timeZone, apiBase: `${publicUrl()}/api/v1` };
}

type ActionData =
  | { intent: "create"; errors: FieldErrors; name: string }
  | { intent: "create"; errors?: undefined; secret: string; name: string }
  | { intent: "revoke"; errors?: undefined; revokedName: string };

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage_api_tokens");
  return dispatchIntent(await request.formData(), {
    intents: {
      create: defineIntent({
        schema: apiTokenInputSchema,
        invalid: ({ errors, values }) =>
          data<ActionData>({ intent: "create", errors, name: String(values.name ?? "") }, { status: 400 }),
        run: async ({ input }) => {
          const { token, secret } = await createApiToken(input, admin.id);
          return data<ActionData>({ intent: "create", secret, name: token.name });
        },
      }),
      revoke: defineIntent({
        run: async ({ formData }) => {
          const tokenId = String(formData.get("tokenId") ?? "");
          const token = await revokeApiToken(tokenId, admin.id).catch((error: unknown) => {
            if (error instanceof NotFoundError) throw new Response("That API token does not exist.", { status: 404 });
            throw error;
          });
          return data<ActionData>({ intent: "revoke", revokedName: token.name });
        },
      }),
    },
  });
}

export default function ApiTokensPage() {
  const { tokens, timeZone, apiBase } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const createErrors = actionData?.intent === "create" ? actionData.errors : undefined;
  return (
    <>
      <SettingsBreadcrumb />
      <PageHeader
        title="API tokens"
        description={
          <>
            Tokens let other systems use the Hearback API at <code>{apiBase}</code> (reference:{" "}
            <a href="/api/v1/openapi.json">OpenAPI document</a>). A token acts with the rights of the person who created
            it.
          </>
        }
      />
      {actionData?.intent === "create" && !actionData.errors ? (
        <Alert tone="success">
          <p>
            Created the token “{actionData.name}”. Copy it now: it will not be shown again. Send it as{" "}
            <code>Authorization: Bearer &lt;token&gt;</code>.
          </p>
          <CopyField label="Your new token" value={actionData.secret} />
        </Alert>
      ) : null}
      {actionData?.intent === "revoke" ? (
        <Alert tone="success">Revoked “{actionData.revokedName}”. Requests with it are refused from now on.</Alert>
      ) : null}
      <div className="grid-2">
        <section aria-labelledby="tokens-heading" className="card">
          <h2 id="tokens-heading">Tokens</h2>
          {tokens.length === 0 ? (
            <p className="muted">No tokens yet.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Starts with</th>
                    <th scope="col">Acts as</th>
                    <th scope="col">Created</th>
                    <th scope="col">Last used</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {tokens.map((token) => (
                    <tr key={token.id}>
                      <th scope="row">{token.name}</th>
                      <td>
                        <code>{token.prefix}…</code>
                      </td>
                      <td>{token.user?.name ?? "Admin (command line)"}</td>
                      <td>
                        <DateTime value={token.createdAt} timeZone={timeZone} />
                      </td>
                      <td>{token.lastUsedAt ? <DateTime value={token.lastUsedAt} timeZone={timeZone} /> : "Never"}</td>
                      <td>
                        {token.revokedAt ? (
                          <Badge tone="danger">Revoked</Badge>
                        ) : (
                          <details>
                            <summary>
                              <Badge tone="success">Active</Badge> <span className="small">Revoke…</span>
                            </summary>
                            <Form method="post">
                              <input type="hidden" name="intent" value="revoke" />
                              <input type="hidden" name="tokenId" value={token.id} />
                              <p className="small">Systems using “{token.name}” will stop working at once.</p>
                              <button type="submit" className="button button--danger button--small">
                                Revoke {token.name}
                              </button>
                            </Form>
                          </details>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section aria-labelledby="create-heading" className="card">
          <h2 id="create-heading">Create a token</h2>
          {/* A new key after each created token empties the form for the next one. */}
          <Form
            method="post"
            noValidate
            key={actionData?.intent === "create" && !actionData.errors ? actionData.secret : "new"}
          >
            <input type="hidden" name="intent" value="create" />
            <Field
              label="Name"
              hint="Say what will use it, e.g. “Careers site” or “HR data warehouse”."
              error={createErrors?.name}
            >
              <input
                type="text"
                name="name"
                maxLength={80}
                required
                defaultValue={actionData?.intent === "create" && actionData.errors ? actionData.name : ""}
              />
            </Field>
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              Create token
            </button>
          </Form>
          <p className="small muted">
            From a terminal: <code>npx hearback token create --name &lt;name&gt;</code>
          </p>
        </section>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
