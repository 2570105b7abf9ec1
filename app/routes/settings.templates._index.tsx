// Settings → Templates: every message template by kind and language, with its version and compassion score, and the
// workspace's email settings (the company name in the templates, the minimum delay before bad news).
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { mailSettingsSchema } from "~/domain/messages/mail-settings";
import { getMailSettings, saveMailSettings } from "~/models/outbox/mail-settings.server";
import { StatusLinkSettingsForm, STATUS_LINKS_INTENT } from "~/components/candidate/status-link-settings-form";
import { getStatusLinkSettings, saveStatusLinkSettings, statusLinkSettingsSchema } from "~/models/status-link.server";
import { ScoreBadge } from "~/components/templates/score-badge";
import { DateTime } from "~/components/ui/date-time";
import { PageHeader } from "~/components/ui/page-header";
import { SettingsBreadcrumb } from "~/components/ui/settings-breadcrumb";
import { TEMPLATE_KIND_LABELS } from "~/domain/templates/kinds";
import { lintTemplateText, listTemplates } from "~/models/template.server";
import { LOCALE_LABELS } from "~/domain/i18n";
import templatesStyles from "~/styles/templates.css?url";
import { requirePermission } from "~/web/auth.server";
import { defineIntent, dispatchIntent } from "~/web/intents.server";
import type { StaffPageHandle } from "~/web/staff-page-cache.server";

/** Read only from the database, the user and the clock: kept in memory until the next write or minute. */
export const handle: StaffPageHandle = { keptWhileUnchanged: true };

export const meta: MetaFunction = () => [{ title: "Templates · Hearback" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: templatesStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  const templates = await listTemplates();
  return {
    timeZone: admin.timeZone,
    settings: await getMailSettings(),
    statusLinks: await getStatusLinkSettings(),
    saved: new URL(request.url).searchParams.get("saved"),
    templates: templates.map((template) => ({
      id: template.id,
      kind: template.kind,
      locale: template.locale,
      name: template.name,
      subject: template.subject,
      version: template.version,
      updatedAt: template.updatedAt,
      score: lintTemplateText(template, template).score,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  return dispatchIntent(await request.formData(), {
    intents: {
      [STATUS_LINKS_INTENT]: defineIntent({
        schema: statusLinkSettingsSchema,
        invalid: ({ errors, values }) => data({ form: STATUS_LINKS_INTENT, errors, values }, { status: 400 }),
        run: async ({ input }) => {
          await saveStatusLinkSettings(input, admin.id);
          return redirect(`/settings/templates?saved=${STATUS_LINKS_INTENT}`);
        },
      }),
      // The email settings form names no intent.
      "mail-settings": defineIntent({
        schema: mailSettingsSchema,
        invalid: ({ errors, values }) => data({ errors, values }, { status: 400 }),
        run: async ({ input }) => {
          await saveMailSettings(input, admin.id);
          return redirect("/settings/templates?saved");
        },
      }),
    },
    fallback: "mail-settings",
  });
}

function MailSettingsForm({ settings }: { settings: { companyName: string; minimumDelayHours: number } }) {
  const actionData = useActionData<typeof action>();
  const answer = actionData && !("form" in actionData) ? actionData : undefined;
  const values = { ...settings, ...answer?.values };
  return (
    <Form method="post" className="card" aria-labelledby="mail-settings-heading">
      <h2 id="mail-settings-heading">Email settings</h2>
      {answer?.errors ? <Alert tone="error">Nothing was saved: please correct the fields marked below.</Alert> : null}
      <Field
        label="Company name"
        hint="Fills {{company.name}} and names the sender: “Priya Raman at Acme”."
        error={answer?.errors.companyName}
      >
        <input
          type="text"
          name="companyName"
          defaultValue={String(values.companyName ?? "")}
          maxLength={120}
          required
        />
      </Field>
      <Field
        label="Minimum delay before bad news (hours)"
        hint="A rejection never arrives sooner than this after someone applied. It then waits for Monday to Thursday, 09:00–17:00, in the candidate's time zone."
        error={answer?.errors.minimumDelayHours}
      >
        <input
          type="number"
          name="minimumDelayHours"
          defaultValue={String(values.minimumDelayHours ?? "")}
          min={0}
          max={336}
          step={1}
          required
        />
      </Field>
      <button type="submit" className="button">
        Save email settings
      </button>
    </Form>
  );
}

export default function TemplatesPage() {
  const { templates, timeZone, settings, statusLinks, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const linksAnswer = actionData && "form" in actionData ? actionData : undefined;
  return (
    <>
      <SettingsBreadcrumb />
      <PageHeader
        title="Templates"
        description="What candidates read from us. Every template is checked by the compassion lint; a template with errors cannot be saved."
      />
      {saved !== null ? (
        <Alert tone="success">
          {saved === STATUS_LINKS_INTENT ? "Status link settings saved." : "Email settings saved."}
        </Alert>
      ) : null}
      <div className="table-wrap card">
        <table className="table--stack">
          <thead>
            <tr>
              <th scope="col">Template</th>
              <th scope="col">Language</th>
              <th scope="col">Subject</th>
              <th scope="col" className="numeric">
                Version
              </th>
              <th scope="col">Compassion score</th>
              <th scope="col">Changed</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((template) => (
              <tr key={template.id}>
                <th scope="row">
                  <Link to={`/settings/templates/${template.id}`}>
                    {TEMPLATE_KIND_LABELS[template.kind]}
                    {template.name === "Standard" ? "" : ` · ${template.name}`}
                    <span className="visually-hidden"> ({LOCALE_LABELS[template.locale]})</span>
                  </Link>
                </th>
                <td data-label="Language">{LOCALE_LABELS[template.locale]}</td>
                <td data-label="Subject">{template.subject}</td>
                <td data-label="Version" className="numeric">
                  {template.version}
                </td>
                <td data-label="Compassion score">
                  <ScoreBadge score={template.score} />
                </td>
                <td data-label="Changed">
                  <DateTime value={template.updatedAt} timeZone={timeZone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MailSettingsForm settings={settings} />
      <StatusLinkSettingsForm
        daysAfterOutcome={statusLinks.daysAfterOutcome}
        errors={linksAnswer?.errors}
        values={linksAnswer?.values}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
