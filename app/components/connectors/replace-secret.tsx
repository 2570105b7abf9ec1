// Replacing a connector's secrets: after the workspace secret (SESSION_SECRET) changed, when a secret was rotated in
// the ATS, or when Lever shows the token of a webhook added later. A plain form; the new values are never shown back.
import { Form } from "@remix-run/react";
import type { ConnectorKind } from "~/domain/connectors/events";
import { Field } from "../ui/field";

const SECRET_HINTS: Record<ConnectorKind, string> = {
  greenhouse: "The “Secret key” of the web hooks in Greenhouse.",
  ashby: "The secret token of the webhooks in Ashby.",
  lever: "Every webhook’s signature token from Lever, separated by spaces.",
  webhook: "A whsec_… secret your sender signs with.",
};

export function ReplaceSecret({
  kind,
  name,
  errors,
  busy,
}: {
  kind: ConnectorKind;
  name: string;
  errors?: { secret?: string; apiKey?: string };
  busy: boolean;
}) {
  return (
    <details open={errors !== undefined}>
      <summary>Replace the secret{kind === "lever" ? " or the API key" : ""}…</summary>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="secrets" />
        <p className="small">
          Deliveries signed with the old secret are refused as soon as you save. Leave a field empty to keep what is
          there.
        </p>
        <Field label={`New secret for ${name}`} hint={SECRET_HINTS[kind]} error={errors?.secret}>
          <input type="text" name="secret" autoComplete="off" spellCheck={false} />
        </Field>
        {kind === "lever" ? (
          <Field label="New Lever API key" error={errors?.apiKey}>
            <input type="text" name="apiKey" autoComplete="off" spellCheck={false} />
          </Field>
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          Save the new secret
        </button>
      </Form>
    </details>
  );
}
