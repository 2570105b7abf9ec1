// GET /applications/:applicationId/files/:fileId: a file the candidate sent (their CV), for staff who may see the
// application — the same rule as the application's page. Always a download, never shown in the browser, under a name
// made safe when it was stored.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentDisposition } from "~/domain/careers/file-type";
import { getApplicationFile } from "~/models/application-file.server";
import { requireUser } from "~/web/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const file = await getApplicationFile(params.applicationId ?? "", params.fileId ?? "", user);
  if (!file) throw new Response("This file does not exist, or you cannot see it.", { status: 404 });
  return new Response(Buffer.from(file.content), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.content.byteLength),
      "Content-Disposition": attachmentDisposition(file.fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
