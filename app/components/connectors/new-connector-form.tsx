// "Connect an ATS": the kind, a name, who writes to candidates, and the secrets. Works without JavaScript (every field
// is there, Lever's marked "Lever only"); with it, Lever's fields show only for Lever and the hints follow the kind.
import { Form } from "@remix-run/react";
import { useState } from "react";
import { Field } from "~/components/ui/field";
import { useHydrated } from "~/components/ui/use-hydrated";
import { CONNECTOR_LABELS, LEVER_API_BASE_URL } from "~/domain/connectors/connector-form";
import { CONNECTOR_KINDS, type ConnectorKind } from "~/domain/connectors/events";
import type { FieldErrors } from "~/domain/forms";
import { EmailModeChoices } from "./email-modes";

export type ConnectorFormValues = {
  kind: string;
  name: string;
  emails: string;
  secret: string;
  apiKey: string;
  apiBaseUrl: string;
};

export const EMPTY_CONNECTOR_FORM: ConnectorFormValues = {
  kind: "greenhouse",
  name: "",
  emails: "hearback",
  secret: "",
  apiKey: "",
  apiBaseUrl: "",
};

const SECRET_HINTS: Record<ConnectorKind, string> = {
  greenhouse: "Optional: leave it empty and Hearback makes one for Greenhouse’s “Secret key”, or paste one you chose.",
  ashby: "Optional: leave it empty and Hearback makes one for Ashby’s secret token, or paste one you chose.",
  lever: "Required: the signature token Lever shows for each webhook on its Webhooks page, separated by spaces.",
  webhook: "Optional: leave it empty and Hearback makes one, or paste your own whsec_… secret.",
};

const SECRET_HINT_WITHOUT_SCRIPT =
  "Greenhouse, Ashby and generic webhooks: optional, leave it empty and Hearback makes one. " +
  "Lever: required, the signature token Lever shows for each webhook, separated by spaces.";

const isKind = (value: string): value is ConnectorKind => (CONNECTOR_KINDS as readonly string[]).includes(value);

export function NewConnectorForm({
  values,
  errors,
  busy,
}: {
  values: ConnectorFormValues;
  errors?: FieldErrors;
  busy: boolean;
}) {
  const hydrated = useHydrated();
  const [kind, setKind] = useState(isKind(values.kind) ? values.kind : "greenhouse");
  // Without JavaScript every field is shown (Lever's marked as such); with it, Lever's only for Lever. Hidden fields
  // are disabled too, so what was typed there is not posted for another kind.
  const leverHidden = hydrated && kind !== "lever";
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="create" />
      {errors?.form ? (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <Field label="Your ATS" error={errors?.kind}>
        <select
          name="kind"
          defaultValue={kind}
          onChange={(event) => setKind(event.currentTarget.value as ConnectorKind)}
        >
          {CONNECTOR_KINDS.map((option) => (
            <option key={option} value={option}>
              {CONNECTOR_LABELS[option]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Name" hint="How Hearback names it, e.g. “Greenhouse (EU)”." error={errors?.name}>
        <input type="text" name="name" maxLength={80} required defaultValue={values.name} autoComplete="off" />
      </Field>
      <EmailModeChoices value={values.emails} error={errors?.emails} />
      <Field
        label="Signing secret"
        hint={hydrated ? SECRET_HINTS[kind] : SECRET_HINT_WITHOUT_SCRIPT}
        error={errors?.secret}
      >
        <input type="text" name="secret" defaultValue={values.secret} autoComplete="off" spellCheck={false} />
      </Field>
      <fieldset hidden={leverHidden} disabled={leverHidden}>
        <legend>Lever only</legend>
        <Field
          label="Lever API key"
          hint="Lever only. Lever’s webhooks carry ids only: Hearback reads the rest with a key that has read access to Opportunities."
          error={errors?.apiKey}
        >
          <input type="text" name="apiKey" defaultValue={values.apiKey} autoComplete="off" spellCheck={false} />
        </Field>
        <Field
          label="Lever API base URL"
          hint={`Lever only. Leave it empty for ${LEVER_API_BASE_URL}.`}
          error={errors?.apiBaseUrl}
        >
          <input
            type="text"
            inputMode="url"
            name="apiBaseUrl"
            defaultValue={values.apiBaseUrl}
            placeholder={LEVER_API_BASE_URL}
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
      </fieldset>
      <button type="submit" className="button" disabled={busy}>
        Connect
      </button>
    </Form>
  );
}
