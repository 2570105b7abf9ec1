// Where a bulk rejection stands, as JSON: what the board polls every two seconds while the worker rejects (or undoes)
// it (app/components/bulk-rejection-progress.tsx). One small query; the board itself reloads once the job is done.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getBulkRejectionProgress } from "~/models/bulk-rejection/read.server";
import { requireUser } from "~/web/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const progress = await getBulkRejectionProgress(params.bulkId!, user);
  if (!progress || progress.jobId !== params.jobId) {
    throw new Response("This bulk rejection does not exist, or you cannot see it.", { status: 404 });
  }
  return Response.json(progress, { headers: { "Cache-Control": "no-store" } });
}
