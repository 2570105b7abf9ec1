// What every candidate page (/s/<token>/…) shares besides its frame: the response headers of its data requests, and
// the error page. A wrong link must look the same wherever it points; without a working link the page cannot know
// the candidate's language, so it answers in every one, the fallback language first.
import type { HeadersFunction } from "@remix-run/node";
import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { FALLBACK_LOCALE, SUPPORTED_LOCALES, type Localized } from "~/domain/i18n";
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
  const problem = status === 429 ? "tooMany" : status === 404 ? "notFound" : "broken";
  const first = ERROR_TEXTS[FALLBACK_LOCALE][problem];
  return (
    <CandidatePage footer={null}>
      <h1>{first.heading}</h1>
      <p>{first.body}</p>
      {SUPPORTED_LOCALES.filter((locale) => locale !== FALLBACK_LOCALE).map((locale) => (
        <div key={locale} lang={locale}>
          <h2>{ERROR_TEXTS[locale][problem].heading}</h2>
          <p>{ERROR_TEXTS[locale][problem].body}</p>
        </div>
      ))}
    </CandidatePage>
  );
}

type ErrorText = { heading: string; body: string };

const ERROR_TEXTS: Localized<Record<"notFound" | "tooMany" | "broken", ErrorText>> = {
  en: {
    notFound: {
      heading: "This link does not work",
      body: "If it came in an email from us, reply to that email and we will help.",
    },
    tooMany: {
      heading: "Please wait a minute",
      body: "Too many requests came from your connection. Please wait a minute and try again.",
    },
    broken: {
      heading: "Something went wrong on our side",
      body: "Please try again in a few minutes. If it keeps happening, reply to any of our emails and we will help.",
    },
  },
  de: {
    notFound: {
      heading: "Dieser Link funktioniert nicht",
      body: "Wenn er in einer E-Mail von uns stand, antworten Sie auf diese E-Mail, und wir helfen Ihnen.",
    },
    tooMany: {
      heading: "Bitte warten Sie eine Minute",
      body: "Von Ihrer Verbindung kamen zu viele Anfragen. Bitte warten Sie eine Minute und versuchen Sie es dann noch einmal.",
    },
    broken: {
      heading: "Bei uns ist etwas schiefgegangen",
      body: "Bitte versuchen Sie es in ein paar Minuten noch einmal. Wenn es wieder passiert, antworten Sie auf eine unserer E-Mails, und wir helfen Ihnen.",
    },
  },
};
