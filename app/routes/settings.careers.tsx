// Settings → Careers page: what the public careers page (/careers) says about the company — its name (the same one
// candidate emails use: saving it here changes both) and a short "how we hire" text — and the page's address to link
// from the company's website. Jobs are published from their own form. docs/careers.md.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { SettingsBreadcrumb } from "~/components/ui/settings-breadcrumb";
import { careersSettingsSchema, HOW_WE_HIRE_MAX_LENGTH } from "~/domain/careers/settings";
import { parseForm } from "~/domain/forms";
import { careersPageUrl, getCareersSettings, listOpenings, saveCareersSettings } from "~/models/careers.server";
import { requirePermission } from "~/web/auth.server";

export const meta: MetaFunction = () => [{ title: "Careers page · Hearback" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage_settings");
  const [settings, openings] = await Promise.all([getCareersSettings(), listOpenings()]);
  return {
    settings,
    url: careersPageUrl(),
    openings: openings.map(({ id, title }) => ({ id, title })),
    saved: new URL(request.url).searchParams.has("saved"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  const form = parseForm(await request.formData(), careersSettingsSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  await saveCareersSettings(form.data, admin.id);
  return redirect("/settings/careers?saved");
}

export default function CareersSettingsPage() {
  const { settings, url, openings, saved } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const values = { ...settings, ...answer?.values };
  return (
    <>
      <SettingsBreadcrumb />
      <PageHeader
        title="Careers page"
        description="A public page listing your open jobs, where people apply with their CV. No applicant tracking system needed."
      />
      {saved && !answer ? <Alert tone="success">Careers page settings saved.</Alert> : null}
      <section className="card" aria-labelledby="careers-address-heading">
        <h2 id="careers-address-heading">Its address</h2>
        <p>
          Link to it from your website: <a href={url}>{url}</a>
        </p>
        <p className="muted small">
          It lists every job that is open and published. To publish a job, tick “Publish on the careers page” on its
          edit form.{" "}
          {openings.length === 0
            ? "No job is published yet."
            : `Published now: ${openings.map((opening) => opening.title).join(", ")}.`}
        </p>
      </section>
      <Form method="post" className="card" aria-labelledby="careers-settings-heading">
        <h2 id="careers-settings-heading">What the page says</h2>
        {answer?.errors ? <Alert tone="error">Nothing was saved: please correct the fields marked below.</Alert> : null}
        <Field
          label="Company name"
          hint={
            <>
              Shown at the top of the careers page. The same name fills {"{{company.name}}"} in candidate emails (
              <Link to="/settings/templates">email settings</Link>): changing it here changes it there.
            </>
          }
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
          label="How we hire (optional)"
          hint="A few sentences under the list of jobs: your steps, how long they take, that everyone hears back. Plain text; leave a blank line between paragraphs."
          error={answer?.errors.howWeHire}
        >
          <textarea
            name="howWeHire"
            defaultValue={String(values.howWeHire ?? "")}
            rows={8}
            maxLength={HOW_WE_HIRE_MAX_LENGTH}
          />
        </Field>
        <button type="submit" className="button">
          Save careers page
        </button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
