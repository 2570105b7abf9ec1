// The candidate's "Add to calendar" download of a scheduled interview: the status link authorises it, and only that
// application's scheduled interviews are served. Anything else gets the same 404 as a wrong link.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { addToCalendarFile } from "~/domain/status-page/interviews";
import { candidateCalendarInterview } from "~/models/status-page.server";
import { openStatusLink, statusLinkNotFound } from "~/web/candidate-route.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const applicationId = await openStatusLink(request, params);
  const found = await candidateCalendarInterview(applicationId, params.interviewId ?? "");
  if (!found) throw statusLinkNotFound();
  return new Response(addToCalendarFile(found, new Date()), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="interview.ics"',
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
      "X-Robots-Tag": "noindex, nofollow",
    },
  });
}
