// The candidate's private status page (docs/status-page.md): where they stand, what happens next, who their contact is
// and when they will hear from us, in their language. No account, no JavaScript needed; the link is the key.
import { CandidateErrorBoundary, candidatePageHeaders } from "~/components/candidate/candidate-error";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { isbot } from "isbot";
import { StatusPageView } from "~/components/candidate/status-page-view";
import { RECORD_MAX_AGE_MS } from "~/domain/public-promise/record";
import { promiseSummary } from "~/domain/public-promise/texts";
import { buildStatusView, statusViewChangesAt } from "~/domain/status-page/view";
import { publishedPromiseRecord } from "~/models/public-promise.server";
import { loadStatusPage, recordStatusView } from "~/models/status-page.server";
import candidateStyles from "~/styles/candidate.css?url";
import { getUser } from "~/web/auth.server";
import type { CandidatePageHandle } from "~/root";
import { offerStatusPage, openStatusLink, statusLinkNotFound } from "~/web/candidate-route.server";
import { writeGeneration } from "~/platform/write-tracking.server";

// The status page needs no JavaScript: it ships none (and is kept whole in the status page cache).
export const handle: CandidatePageHandle = { candidatePage: true, scripts: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.view.title ?? "Hearback" },
  { name: "robots", content: "noindex, nofollow" },
];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: candidateStyles }];

export const headers = candidatePageHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const generation = writeGeneration(); // before anything is read: see app/web/status-page-cache.server.ts
  const applicationId = await openStatusLink(request, params);
  const now = new Date();
  const record = await loadStatusPage(applicationId, now);
  if (!record) throw statusLinkNotFound();
  // A view by the candidate, not by staff checking the page or a mail scanner following the link.
  if (!isbot(request.headers.get("User-Agent") ?? "") && !(await getUser(request))) {
    await recordStatusView(applicationId, now);
  }
  const view = buildStatusView(record, { token: params.token!, now });
  // Beside a "hear back by" date still ahead: how often the team kept such dates, once it published its record.
  const kept = view.promise?.tone === "by" ? await publishedPromiseRecord(now) : null;
  const keptPromise = kept ? promiseSummary(kept.workspace, view.locale, "hear_back_by") : null;
  const validUntil = Math.min(
    statusViewChangesAt(record, now).getTime(),
    kept ? kept.computedAt.getTime() + RECORD_MAX_AGE_MS : Number.POSITIVE_INFINITY,
  );
  offerStatusPage(request, context, { token: params.token!, applicationId, generation, validUntil });
  return {
    locale: view.locale,
    view,
    keptPromise: keptPromise?.kept && kept?.promises.includes("hear_back_by") ? keptPromise : null,
  };
}

export default function StatusPage() {
  const { view, keptPromise } = useLoaderData<typeof loader>();
  return <StatusPageView view={view} keptPromise={keptPromise} />;
}

export function ErrorBoundary() {
  return <CandidateErrorBoundary />;
}
