// "Add a channel": the webhook URL, the workspace or one job, Slack or Teams (told from the URL unless chosen) and what
// the channel gets. Works without JavaScript; with it, the kind field says what the URL looks like as it is typed.
import { Form } from "@remix-run/react";
import { useState } from "react";
import { Field } from "~/components/ui/field";
import { useHydrated } from "~/components/ui/use-hydrated";
import { CHAT_URL_MAX, detectChatKind } from "~/domain/chat-alerts/channels";
import { CHAT_KIND_LABELS } from "~/domain/chat-alerts/message";
import type { FieldErrors } from "~/domain/forms";

export type ChannelFormValues = {
  url: string;
  scope: string;
  kind: string;
  overdueAlerts: boolean;
  weeklyDigest: boolean;
};

export const EMPTY_CHANNEL_FORM: ChannelFormValues = {
  url: "",
  scope: "workspace",
  kind: "auto",
  overdueAlerts: true,
  weeklyDigest: true,
};

function kindHint(url: string, hydrated: boolean): string {
  const base = "Hearback tells Slack (hooks.slack.com) from Teams (logic.azure.com, powerplatform.com) by the address.";
  if (!hydrated || url.trim() === "") return base;
  try {
    const kind = detectChatKind(new URL(url.trim()));
    return kind ? `This address is ${CHAT_KIND_LABELS[kind]}’s.` : "Hearback does not know this address: choose one.";
  } catch {
    return base;
  }
}

export function AddChannelForm({
  values,
  errors,
  jobs,
  busy,
}: {
  values: ChannelFormValues;
  errors?: FieldErrors;
  jobs: Array<{ id: string; title: string }>;
  busy: boolean;
}) {
  const hydrated = useHydrated();
  const [url, setUrl] = useState(values.url);
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="add" />
      {/* A refusal about one field is shown beside it; only a refusal of the whole form shows here. */}
      {errors?.form && Object.keys(errors).length === 1 ? (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <Field
        label="Webhook URL"
        hint="The Slack incoming-webhook URL or the Teams workflow URL (it starts with https://)."
        error={errors?.url}
      >
        <input
          type="url"
          name="url"
          inputMode="url"
          maxLength={CHAT_URL_MAX}
          required
          defaultValue={values.url}
          onChange={(event) => setUrl(event.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      <Field label="For" error={errors?.scope}>
        <select name="scope" defaultValue={values.scope}>
          <option value="workspace">The whole workspace</option>
          {jobs.length > 0 ? (
            <optgroup label="One job">
              {jobs.map((job) => (
                <option key={job.id} value={job.id}>
                  {job.title}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </Field>
      <Field label="Slack or Teams" hint={kindHint(url, hydrated)} error={errors?.kind}>
        <select name="kind" defaultValue={values.kind}>
          <option value="auto">Tell from the URL</option>
          <option value="slack">{CHAT_KIND_LABELS.slack}</option>
          <option value="teams">{CHAT_KIND_LABELS.teams}</option>
        </select>
      </Field>
      <fieldset className="choice-group">
        <legend>What it gets</legend>
        <label className="checkbox">
          <input type="checkbox" name="overdueAlerts" defaultChecked={values.overdueAlerts} />
          <span>Overdue alerts: promises to candidates that became overdue, at most one message an hour per job</span>
        </label>
        <label className="checkbox">
          <input type="checkbox" name="weeklyDigest" defaultChecked={values.weeklyDigest} />
          <span>The Monday digest: the week’s figures, as in the hiring managers’ email</span>
        </label>
      </fieldset>
      <button type="submit" className="button" disabled={busy}>
        Add channel
      </button>
    </Form>
  );
}
