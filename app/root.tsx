import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLoaderData,
  useMatches,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { AppHeader } from "./components/app-header";
import { RequestReference } from "./components/request-reference";
import { useNonce } from "./components/ui/nonce";
import { candidateLocale, type Locale, type Localized } from "./domain/i18n";
import stylesHref from "./styles/base.css?url";
import { getHeaderCounts, type HeaderCounts } from "./models/header-counts.server";
import { getUser } from "~/web/auth.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: "Hearback" },
  { name: "description", content: "Every candidate hears back." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  // Candidates have no account: their pages (and the public careers pages) never look at the staff session.
  const { pathname } = new URL(request.url);
  if (pathname.startsWith("/s/") || pathname === "/careers" || pathname.startsWith("/careers/")) {
    return { user: null, headerCounts: null };
  }
  const user = await getUser(request);
  // The header's counts: one small indexed count each, in parallel.
  const headerCounts: HeaderCounts | null = user ? await getHeaderCounts(user) : null;
  return { user, headerCounts };
}

/** Candidate pages (/s/… and /careers…) mark themselves with `handle: { candidatePage: true }` and return their `locale`. A page
 * that needs no JavaScript at all adds `scripts: false`: it ships none, and its policy allows none. */
export type CandidatePageHandle = { candidatePage: true; scripts?: false };

/** Whether the page ships scripts: not when a matched route says `scripts: false`, nor on a candidate page showing an
 * error (every bad status link then gets the same bytes). entry.server.tsx asks it too, to set the script policy. */
export function pageShipsScripts(handles: unknown[], showsError: boolean): boolean {
  const candidateHandles = handles as (Partial<CandidatePageHandle> | undefined)[];
  if (candidateHandles.some((handle) => handle?.scripts === false)) return false;
  return !(showsError && candidateHandles.some((handle) => handle?.candidatePage));
}

function useShipsScripts(): boolean {
  const error = useRouteError();
  return pageShipsScripts(
    useMatches().map((route) => route.handle),
    Boolean(error),
  );
}

function useCandidatePage(): { locale: Locale } | null {
  const match = useMatches().find((route) => (route.handle as Partial<CandidatePageHandle> | undefined)?.candidatePage);
  if (!match) return null;
  const data = match.data as { locale?: unknown } | undefined;
  return { locale: candidateLocale(typeof data?.locale === "string" ? data.locale : null) };
}

/** The staff interface is written in English only, whatever candidates read. */
const STAFF_LOCALE: Locale = "en";

const SKIP_LINK_TEXT: Localized<string> = { en: "Skip to content", de: "Zum Inhalt springen" };

export function Layout({ children }: { children: ReactNode }) {
  const candidatePage = useCandidatePage();
  const nonce = useNonce();
  const shipsScripts = useShipsScripts();
  return (
    <html lang={candidatePage?.locale ?? STAFF_LOCALE}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {SKIP_LINK_TEXT[candidatePage?.locale ?? STAFF_LOCALE]}
        </a>
        {children}
        {shipsScripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  const { user, headerCounts } = useLoaderData<typeof loader>();
  // A candidate's pages bring their own frame (app/components/candidate/candidate-page.tsx), never the staff one.
  if (useCandidatePage()) return <Outlet />;
  return (
    <>
      <AppHeader user={user} counts={headerCounts ?? undefined} />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = isRouteErrorResponse(error)
    ? typeof error.data === "string" && error.data
      ? error.data
      : error.statusText
    : "Something went wrong on our side. Please try again in a moment.";
  return (
    <main id="main" className="narrow">
      <h1>
        {status === 404 ? "We could not find that page" : status === 403 ? "Not allowed" : "Something went wrong"}
      </h1>
      <p>{message}</p>
      <p>
        <a href="/">Go to the start page</a>
      </p>
      <RequestReference />
    </main>
  );
}
