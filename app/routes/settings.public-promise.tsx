// Settings → Public promise: publish the kept-promise record (/promise, its badge and its JSON) or take it down, and
// choose which promises it shows, with a preview of exactly what is shown; the badge's HTML to copy onto a careers
// site. Nothing is public until an admin publishes it. docs/public-promise.md.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { PromiseRecord } from "~/components/public-promise/promise-record";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { CopyField } from "~/components/ui/copy-field";
import { PageHeader } from "~/components/ui/page-header";
import { SettingsBreadcrumb } from "~/components/ui/settings-breadcrumb";
import { parseForm } from "~/domain/forms";
import {
  inPromiseOrder,
  PUBLIC_PROMISES,
  publicPromiseFormSchema,
  type PublicPromise,
} from "~/domain/public-promise/record";
import { PROMISE_TEXTS } from "~/domain/public-promise/texts";
import { getCareersSettings } from "~/models/careers.server";
import {
  computePublicPromiseRecord,
  getPublicPromiseSettings,
  savePublicPromise,
} from "~/models/public-promise.server";
import promiseStyles from "~/styles/promise.css?url";
import { requirePermission } from "~/web/auth.server";
import { publicPromiseUrls } from "~/web/public-promise.server";

export const meta: MetaFunction = () => [{ title: "Public promise · Hearback" }];

export const links = () => [{ rel: "stylesheet", href: promiseStyles }];

const NOTICES = {
  published: "Published: the page, the badge and the JSON show the record now.",
  unpublished: "Unpublished: the page, the badge and the JSON are gone.",
  saved: "Saved.",
} as const;

/** The promises the preview shows: those ticked for "Preview", else those saved. */
function previewChoice(url: URL, saved: PublicPromise[]): PublicPromise[] {
  if (!url.searchParams.has("preview")) return saved;
  const ticked = url.searchParams.getAll("metrics");
  return inPromiseOrder(PUBLIC_PROMISES.filter((promise) => ticked.includes(promise)));
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage_settings");
  const url = new URL(request.url);
  const [settings, careers] = await Promise.all([getPublicPromiseSettings(), getCareersSettings()]);
  const chosen = previewChoice(url, settings.metrics);
  const record = await computePublicPromiseRecord(chosen);
  const notice = url.searchParams.get("done");
  return {
    settings,
    chosen,
    record,
    company: careers.companyName,
    urls: publicPromiseUrls(),
    notice: notice && notice in NOTICES ? NOTICES[notice as keyof typeof NOTICES] : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  const form = parseForm(await request.formData(), publicPromiseFormSchema);
  if (!form.ok) return data({ errors: form.errors }, { status: 400 });
  const before = await getPublicPromiseSettings();
  const after = await savePublicPromise(form.data, admin.id);
  const done = after.published === before.published ? "saved" : after.published ? "published" : "unpublished";
  return redirect(`/settings/public-promise?done=${done}`);
}

export default function PublicPromiseSettingsPage() {
  const { settings, chosen, record, company, urls, notice } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = PROMISE_TEXTS.en;
  const snippet =
    `<a href="${urls.page}"><img src="${urls.badge}" height="20" ` +
    `alt="${company.replaceAll('"', "&quot;")}: how often we keep our promises to applicants"></a>`;
  return (
    <>
      <SettingsBreadcrumb />
      <PageHeader
        title="Public promise"
        description="Show applicants, before they apply, what you promise them and how often you kept it. Nothing is public until you publish it."
      />
      {notice && !answer ? <Alert tone="success">{notice}</Alert> : null}
      <section className="card" aria-labelledby="promise-state-heading">
        <h2 id="promise-state-heading">{settings.published ? "Published" : "Not published"}</h2>
        {settings.published ? (
          <p>
            Anyone can see the record at <a href={urls.page}>{urls.page}</a>; it is also on your careers page and on
            candidates’ status pages. Unpublishing takes it down everywhere at once.
          </p>
        ) : (
          <p>Nobody sees the record: the page, the badge and the JSON answer “not found”.</p>
        )}
      </section>
      <Form method="post" className="card" aria-labelledby="promise-choice-heading">
        <h2 id="promise-choice-heading">Which promises to show</h2>
        {answer?.errors ? <Alert tone="error">{answer.errors.metrics ?? "Nothing was saved."}</Alert> : null}
        <p className="muted small">
          Each figure is your dashboard’s own for the last 90 days, shown as it is, also when it falls below your
          target. You can leave a whole promise out, never change its figure.
        </p>
        <fieldset className="choice-group">
          <legend>Promises</legend>
          {PUBLIC_PROMISES.map((promise) => (
            <label key={promise} className="checkbox">
              <input type="checkbox" name="metrics" value={promise} defaultChecked={chosen.includes(promise)} />
              <span>
                {t.promise(promise, record.workspace.firstResponseTarget)}{" "}
                <span className="muted">({t.measure[promise]})</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="row">
          {settings.published ? (
            <>
              <button type="submit" name="published" value="true" className="button">
                Save and keep published
              </button>
              <button
                type="submit"
                name="published"
                value="false"
                className="button button--secondary button--danger-outline"
              >
                Unpublish
              </button>
            </>
          ) : (
            <>
              <button type="submit" name="published" value="true" className="button">
                Publish
              </button>
              <button type="submit" name="published" value="false" className="button button--secondary">
                Save without publishing
              </button>
            </>
          )}
          <button type="submit" name="preview" value="1" formMethod="get" className="button button--secondary">
            Preview these promises
          </button>
        </div>
      </Form>
      <section className="card" aria-labelledby="promise-preview-heading">
        <h2 id="promise-preview-heading">Preview</h2>
        <p className="muted small">
          Exactly what {settings.published ? "is" : "will be"} shown at {urls.page} (in English; the page is in German
          for German browsers), computed now.
        </p>
        {chosen.length === 0 ? (
          <p>No promise is ticked.</p>
        ) : (
          <div className="promise-preview">
            <PromiseRecord record={record} locale="en" heading="h3" />
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="promise-embed-heading">
        <h2 id="promise-embed-heading">On your careers site</h2>
        <p>
          A small badge with your first promise and how often you kept it, linking to the record. Paste this HTML where
          it should appear:
        </p>
        <CopyField label="Badge HTML" value={snippet} />
        {settings.published ? (
          <p>
            <img src="/promise/badge.svg" height={20} alt="The badge as it looks now" />
          </p>
        ) : null}
        <p className="muted small">
          The same figures as JSON, for a careers site to show in its own way: <code>{urls.json}</code> (no token
          needed).
        </p>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
