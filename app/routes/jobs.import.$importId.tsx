// One import: while unconfirmed, its preview (the columns as mapped, correctable; the first rows as read; what it would
// create and change; every row error) with Import and Discard; once confirmed, its progress, then its result.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ImportFigures, type Figure } from "~/components/imports/import-figures";
import { ImportPreview } from "~/components/imports/import-preview";
import { ImportProgressBar, useLiveImport } from "~/components/imports/import-progress";
import { IMPORT_STATUS_LABELS } from "~/components/imports/import-status";
import { MappingForm } from "~/components/imports/mapping-form";
import { RowErrors } from "~/components/imports/row-errors";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { PageHeader } from "~/components/ui/page-header";
import { columnMappingSchema } from "~/domain/imports/mapping";
import { DATE_ORDERS } from "~/domain/imports/types";
import {
  cancelImport,
  confirmImport,
  importColumns,
  previewImport,
  updateImportReading,
} from "~/models/imports/imports.server";
import { getImportProgress } from "~/models/imports/progress.server";
import { InvalidInputError, NotFoundError } from "~/platform/errors.server";
import { requirePermission } from "~/web/auth.server";
import importStyles from "~/styles/imports.css?url";

export const meta: MetaFunction = () => [{ title: "Import candidates · Hearback" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: importStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "add_candidates");
  const progress = await getImportProgress(params.importId!, user);
  if (!progress)
    throw new Response("No import has this id; an import not confirmed within a day is forgotten.", { status: 404 });
  const preview = progress.status === "preview" ? await previewImport(progress.id, user) : null;
  return { progress, preview };
}

type ActionAnswer = { error: string; fieldErrors: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "add_candidates");
  const id = params.importId!;
  const form = await request.formData();
  const intent = form.get("intent");
  const here = `/jobs/import/${id}`;
  try {
    if (intent === "cancel" || intent === "discard") {
      const outcome = await cancelImport(id, user);
      return redirect(outcome === "forgotten" ? "/jobs/import" : here);
    }
    if (intent !== "remap" && intent !== "confirm") throw new Response("Unknown action.", { status: 400 });
    const columns = await importColumns(id, user);
    const parsed = columnMappingSchema(columns.headers.length).safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      const fieldErrors = Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]));
      return data<ActionAnswer>({ error: "Some columns need another choice.", fieldErrors }, { status: 400 });
    }
    const dateOrder = DATE_ORDERS.find((order) => order === form.get("dateOrder")) ?? columns.options.dateOrder;
    const options = { dateOrder, acknowledge: form.get("acknowledge") === "on" };
    await updateImportReading(id, { mapping: parsed.data, options }, user);
    if (intent === "confirm") await confirmImport(id, user);
    return redirect(here);
  } catch (error) {
    if (error instanceof InvalidInputError || error instanceof NotFoundError) {
      return data<ActionAnswer>({ error: error.message, fieldErrors: {} }, { status: 400 });
    }
    throw error;
  }
}

function Result({ progress }: { progress: ReturnType<typeof useLoaderData<typeof loader>>["progress"] }) {
  const figures: Figure[] = [
    { label: "created", value: progress.created },
    { label: "updated", value: progress.updated },
    { label: "unchanged", value: progress.skipped },
    { label: "rows with errors", value: progress.errors.length },
  ];
  return (
    <section className="card stack" aria-labelledby="result-heading">
      <h2 id="result-heading">{IMPORT_STATUS_LABELS[progress.status as keyof typeof IMPORT_STATUS_LABELS]}</h2>
      {progress.status === "cancelled" ? (
        <p>
          Cancelled after {progress.done.toLocaleString("en")} of {progress.total.toLocaleString("en")} rows; those stay
          imported.
        </p>
      ) : null}
      {progress.error ? <Alert tone="error">The import stopped: {progress.error}</Alert> : null}
      <ImportFigures figures={figures} />
      <RowErrors
        errors={progress.errors}
        intro="Nothing was imported for these rows. Correct them and import the file again; rows already imported change nothing the second time."
      />
      <p>
        <Link to="/jobs">See the jobs</Link> · <Link to="/jobs/import">Import another file</Link>
      </p>
    </section>
  );
}

export default function ImportDetailPage() {
  const { progress, preview } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const live = useLiveImport(progress);
  const busy = navigation.state !== "idle";
  return (
    <>
      <PageHeader
        title={`Import of ${progress.fileName}`}
        actions={
          <Link className="button button--secondary" to="/jobs/import">
            All imports
          </Link>
        }
      />
      {answer?.error ? <Alert tone="error">{answer.error}</Alert> : null}
      {preview ? (
        <>
          {preview.issues.length > 0 ? (
            <Alert tone="warning">
              <p>Before importing:</p>
              <ul>
                {preview.issues.map((issue) => (
                  <li key={issue}>{issue}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <section className="card">
            <MappingForm
              key={JSON.stringify([preview.mapping, preview.options])}
              headers={preview.headers}
              samples={preview.samples}
              mapping={preview.mapping}
              dateOrder={preview.options.dateOrder}
              acknowledge={preview.options.acknowledge}
              readable={preview.readable}
              issues={preview.issues}
              fieldErrors={answer?.fieldErrors ?? {}}
              busy={busy}
            />
          </section>
          <ImportPreview
            counts={preview.counts}
            rows={preview.rows}
            readable={preview.readable}
            errors={preview.errors}
          />
        </>
      ) : live.status === "queued" || live.status === "running" ? (
        <ImportProgressBar progress={live} />
      ) : (
        <Result progress={progress} />
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
