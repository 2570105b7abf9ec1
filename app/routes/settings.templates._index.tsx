// Settings → Templates: every message template by kind and language, with its version and compassion score.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { ScoreBadge } from "~/components/templates/score-badge";
import { DateTime } from "~/components/ui/date-time";
import { PageHeader } from "~/components/ui/page-header";
import { TEMPLATE_KIND_LABELS } from "~/domain/templates/kinds";
import { lintTemplateText, listTemplates } from "~/models/template.server";
import { LOCALE_LABELS } from "~/domain/validation";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Templates · Hearback" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  const templates = await listTemplates();
  return {
    timeZone: admin.timeZone,
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

export default function TemplatesPage() {
  const { templates, timeZone } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Templates"
        description="What candidates read from us. Every template is checked by the compassion lint; a template with errors cannot be saved."
      />
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
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
