// Where an import stands, as JSON: what its page polls every second while the worker applies it
// (app/components/imports/import-progress.tsx). One small query; the page itself reloads once the import is done.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getImportProgress } from "~/models/imports/progress.server";
import { requirePermission } from "~/web/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "add_candidates");
  const progress = await getImportProgress(params.importId!, user);
  if (!progress) throw new Response("No import has this id.", { status: 404 });
  const { id, status, done, total } = progress;
  return Response.json({ id, status, done, total }, { headers: { "Cache-Control": "no-store" } });
}
