// Settings → Templates → one template: edit subject and body, see the compassion check and a preview, save a new
// version (refused while the lint finds errors; the text typed is kept). Earlier versions are listed below.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { TemplateEditor, type EditorState } from "~/components/templates/template-editor";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { DateTime } from "~/components/ui/date-time";
import { PageHeader } from "~/components/ui/page-header";
import { SettingsBreadcrumb } from "~/components/ui/settings-breadcrumb";
import { composeEmail } from "~/domain/templates/email";
import { TEMPLATE_KIND_LABELS, type TemplateKind, type TemplateLocale } from "~/domain/templates/kinds";
import { previewSampleValues } from "~/domain/templates/render";
import { templateTextSchema } from "~/domain/templates/schemas";
import { applicationsForPreview, previewValuesOf } from "~/models/outbox/compose.server";
import { getMailSettings } from "~/models/outbox/mail-settings.server";
import { getTemplate, lintTemplateText, saveTemplate, type TemplateText } from "~/models/template.server";
import { LOCALE_LABELS } from "~/domain/i18n";
import templatesStyles from "~/styles/templates.css?url";
import { requirePermission } from "~/web/auth.server";
import { modelFailure } from "~/web/form-errors.server";
import { defineIntent, dispatchIntent } from "~/web/intents.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? TEMPLATE_KIND_LABELS[data.template.kind] : "Template"} · Hearback` },
];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: templatesStyles }];

type TemplateRef = { kind: TemplateKind; locale: TemplateLocale };

/** The lint and the preview of some text, as the editor shows them: with sample data, or with a real application's
 * when one is chosen (and still exists). */
async function editorState(
  template: TemplateRef,
  values: TemplateText,
  previewWith: string,
  errors?: EditorState["errors"],
): Promise<EditorState> {
  const lint = lintTemplateText(template, values);
  const renderable = !lint.findings.some((finding) => finding.rule === "syntax");
  const mergeValues =
    (previewWith ? await previewValuesOf(previewWith) : null) ??
    previewSampleValues({
      companyName: (await getMailSettings()).companyName,
      now: new Date(),
      locale: template.locale,
    });
  const preview = renderable ? composeEmail(values, mergeValues, template.locale) : null;
  return { values, lint, preview, errors };
}

const previewWithOf = (value: FormDataEntryValue | string | null) => (typeof value === "string" ? value : "");

async function templateOr404(id: string | undefined) {
  const template = await getTemplate(id ?? "");
  if (!template) throw new Response("This template does not exist.", { status: 404 });
  return template;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  const template = await templateOr404(params.templateId);
  const previewWith = previewWithOf(new URL(request.url).searchParams.get("previewWith"));
  return {
    template: {
      id: template.id,
      kind: template.kind,
      locale: template.locale,
      name: template.name,
      version: template.version,
      versions: template.versions,
    },
    state: await editorState(template, { subject: template.subject, body: template.body }, previewWith),
    previewWith,
    previewChoices: await applicationsForPreview(template.locale),
    saved: new URL(request.url).searchParams.get("saved"),
    timeZone: admin.timeZone,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  const template = await templateOr404(params.templateId);
  const formData = await request.formData();
  const previewWith = previewWithOf(formData.get("previewWith"));
  const answer = async (values: TemplateText, errors?: EditorState["errors"], status = 200) =>
    data(await editorState(template, values, previewWith, errors), { status });
  return dispatchIntent(formData, {
    intents: {
      // The compassion check and preview of the text typed so far.
      check: defineIntent({ schema: templateTextSchema, run: ({ input }) => answer(input) }),
      save: defineIntent({
        schema: templateTextSchema,
        run: async ({ input }) => {
          try {
            const saved = await saveTemplate(template.id, input, admin.id);
            return redirect(`/settings/templates/${template.id}?saved=${saved.version}`);
          } catch (error) {
            const failure = modelFailure(error);
            if (!failure) throw error;
            return answer(input, failure.errors, failure.status);
          }
        },
      }),
    },
    fallback: "save",
    invalid: (_intent, { errors, values }) =>
      answer({ subject: String(values.subject ?? ""), body: String(values.body ?? "") }, errors, 400),
  });
}

export default function TemplatePage() {
  const { template, state, saved, timeZone, previewWith, previewChoices } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "save";
  return (
    <>
      <SettingsBreadcrumb section={{ to: "/settings/templates", label: "Templates" }} />
      <PageHeader
        title={TEMPLATE_KIND_LABELS[template.kind]}
        description={`${LOCALE_LABELS[template.locale]} · version ${template.version}. Saving keeps every earlier version.`}
      />
      {saved && !answer ? <Alert tone="success">Saved as version {saved}.</Alert> : null}
      {answer?.errors ? (
        <Alert tone="error">Nothing was saved: fix what the compassion check marks “Must fix”.</Alert>
      ) : null}
      <TemplateEditor
        key={saved ?? "editor"}
        state={answer ?? state}
        busy={saving}
        submit={{ intent: "save", label: "Save as a new version", busyLabel: "Saving…" }}
        previewTitle={previewWith ? "Preview with the chosen application" : "Preview with sample data"}
      >
        <Field
          label="Preview with"
          hint="Sample data, or a real candidate's application: nothing is sent, only the preview changes."
        >
          <select name="previewWith" defaultValue={previewWith}>
            <option value="">Sample data</option>
            {previewChoices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.label}
              </option>
            ))}
          </select>
        </Field>
      </TemplateEditor>
      <section className="card" aria-labelledby="versions-heading">
        <h2 id="versions-heading">Versions</h2>
        <ol className="version-list" reversed>
          {template.versions.map((version) => (
            <li key={version.version}>
              Version {version.version} · <DateTime value={version.createdAt} timeZone={timeZone} /> ·{" "}
              {version.createdBy?.name ?? "the default library"} · “{version.subject}”
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
