// The candidate's private status page (DESIGN.md §6): where they stand, what happens next, who their contact is and
// when they will hear from us, in their language. No account, no JavaScript needed; the link is the key.
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { isbot } from "isbot";
import { CandidatePage } from "~/components/candidate/candidate-page";
import { StatusPageView } from "~/components/candidate/status-page-view";
import { buildStatusView } from "~/domain/status-page/view";
import { loadStatusPage, recordStatusView } from "~/models/status-page.server";
import { getUser } from "~/utils/auth.server";
import type { CandidatePageHandle } from "~/root";
import { openStatusLink, statusLinkNotFound } from "~/utils/candidate-route.server";

export const handle: CandidatePageHandle = { candidatePage: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.view.title ?? "Hearback" },
  { name: "robots", content: "noindex, nofollow" },
];

/** The document's headers come from entry.server.tsx; these also cover the page's data requests (/s/<token>.data). */
export const headers: HeadersFunction = () => ({
  "Cache-Control": "private, no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const applicationId = await openStatusLink(request, params);
  const now = new Date();
  const record = await loadStatusPage(applicationId);
  if (!record) throw statusLinkNotFound();
  // A view by the candidate, not by staff checking the page or a mail scanner following the link.
  if (!isbot(request.headers.get("User-Agent") ?? "") && !(await getUser(request))) {
    await recordStatusView(applicationId, now);
  }
  const view = buildStatusView(record, { token: params.token!, now });
  return { locale: view.locale, view };
}

export default function StatusPage() {
  const { view } = useLoaderData<typeof loader>();
  return <StatusPageView view={view} />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [en, de] = ERROR_TEXTS[status === 429 ? "tooMany" : status === 404 ? "notFound" : "broken"];
  return (
    <CandidatePage footer={null}>
      <h1>{en.heading}</h1>
      <p>{en.body}</p>
      <div lang="de">
        <h2>{de.heading}</h2>
        <p>{de.body}</p>
      </div>
    </CandidatePage>
  );
}

// Without a working link the page cannot know the candidate's language: it answers in both.
const ERROR_TEXTS = {
  notFound: [
    {
      heading: "This link does not work",
      body: "If it came in an email from us, reply to that email and we will help.",
    },
    {
      heading: "Dieser Link funktioniert nicht",
      body: "Wenn er in einer E-Mail von uns stand, antworten Sie auf diese E-Mail, und wir helfen Ihnen.",
    },
  ],
  tooMany: [
    {
      heading: "Please wait a minute",
      body: "Too many requests came from your connection. Please wait a minute and try again.",
    },
    {
      heading: "Bitte warten Sie eine Minute",
      body: "Von Ihrer Verbindung kamen zu viele Anfragen. Bitte warten Sie eine Minute und versuchen Sie es dann noch einmal.",
    },
  ],
  broken: [
    {
      heading: "Something went wrong on our side",
      body: "Please try again in a few minutes. If it keeps happening, reply to any of our emails and we will help.",
    },
    {
      heading: "Bei uns ist etwas schiefgegangen",
      body: "Bitte versuchen Sie es in ein paar Minuten noch einmal. Wenn es wieder passiert, antworten Sie auf eine unserer E-Mails, und wir helfen Ihnen.",
    },
  ],
} as const;
