// Jobs → Import: upload a spreadsheet (CSV in any delimiter and encoding, or XLSX) from an ATS export or a tracker.
// The upload only starts a preview (/jobs/import/:id); nothing is imported until the recruiter confirms it there.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ImportList } from "~/components/imports/import-list";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { PageHeader } from "~/components/ui/page-header";
import { startImport } from "~/models/imports/imports.server";
import { listImports } from "~/models/imports/progress.server";
import { InvalidInputError } from "~/platform/errors.server";
import { requirePermission } from "~/web/auth.server";
import { readUpload, UploadTooLarge } from "~/web/import-upload.server";
import importStyles from "~/styles/imports.css?url";

export const meta: MetaFunction = () => [{ title: "Import candidates · Hearback" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: importStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "add_candidates");
  return { imports: await listImports(user) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "add_candidates");
  try {
    const upload = await readUpload(request);
    const id = await startImport({ fileName: upload.fileName, content: upload.content }, user);
    return redirect(`/jobs/import/${id}`);
  } catch (error) {
    if (error instanceof UploadTooLarge) return data({ error: error.message }, { status: 413 });
    if (error instanceof InvalidInputError) return data({ error: error.message }, { status: 400 });
    throw error;
  }
}

export default function ImportPage() {
  const { imports } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const uploading = navigation.state === "submitting";
  return (
    <>
      <PageHeader
        title="Import candidates"
        description="Bring in the candidates you track in a spreadsheet or another ATS, with their history."
        actions={
          <Link className="button button--secondary" to="/jobs">
            Back to jobs
          </Link>
        }
      />
      <section className="card stack" aria-labelledby="upload-heading">
        <h2 id="upload-heading">Choose a file</h2>
        <p className="muted" id="upload-hint">
          A CSV file (any delimiter; UTF-8, UTF-16 or Windows encoding, as Excel and Google Sheets save them) or an
          Excel workbook (.xlsx), at most 20 MB and 50,000 rows, with a header row. Candidate reports from Greenhouse,
          Lever and Ashby work as they are. You will see how Hearback reads the file, and can correct it, before
          anything is imported.
        </p>
        {answer?.error ? <Alert tone="error">{answer.error}</Alert> : null}
        <Form method="post" encType="multipart/form-data" className="stack">
          <div className="field">
            <label htmlFor="import-file">Spreadsheet</label>
            <input
              id="import-file"
              type="file"
              name="file"
              required
              accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby="upload-hint"
              aria-invalid={answer?.error ? true : undefined}
            />
          </div>
          <div className="row">
            <button type="submit" className="button" disabled={uploading}>
              {uploading ? "Reading the file…" : "Preview the import"}
            </button>
          </div>
        </Form>
      </section>
      <ImportList imports={imports} />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
