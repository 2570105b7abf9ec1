// What every candidate page (/s/<token>/…) shares besides its frame: the response headers of its data requests, and
// the error page. A wrong link must look the same wherever it points; without a working link the page cannot know
// the candidate's language, so it answers in both.
import type { HeadersFunction } from "@remix-run/node";
import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { CandidatePage } from "./candidate-page";

/** Documents get these from entry.server.tsx; this covers the pages' data requests (/s/<token>….data) too. */
export const candidatePageHeaders: HeadersFunction = () => ({
  "Cache-Control": "private, no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
});

export function CandidateErrorBoundary() {
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
