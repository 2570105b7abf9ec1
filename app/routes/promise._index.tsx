// The public kept-promise record (/promise): what the team promises applicants and how often it kept each promise in
// the last 90 days, for the workspace and each job on the careers page — only once an admin published it (else 404).
// English or German (`lang`, else the browser's languages), no JavaScript. docs/public-promise.md.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CandidateErrorBoundary } from "~/components/candidate/candidate-error";
import { CareersFrame } from "~/components/careers/careers-frame";
import { PromiseRecord } from "~/components/public-promise/promise-record";
import { careersLocale } from "~/domain/careers/application-form";
import { PROMISE_TEXTS } from "~/domain/public-promise/texts";
import { getCareersSettings } from "~/models/careers.server";
import { publishedPromiseRecord } from "~/models/public-promise.server";
import type { CandidatePageHandle } from "~/root";
import candidateStyles from "~/styles/candidate.css?url";
import careersStyles from "~/styles/careers.css?url";
import promiseStyles from "~/styles/promise.css?url";
import { careersRequestAllowed, tooManyRequests } from "~/web/careers-form.server";

export const handle: CandidatePageHandle = { candidatePage: true, scripts: false };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: candidateStyles },
  { rel: "stylesheet", href: careersStyles },
  { rel: "stylesheet", href: promiseStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: PROMISE_TEXTS[data.locale].title(data.company) },
        { name: "description", content: PROMISE_TEXTS[data.locale].intro(data.company) },
      ]
    : [{ title: "Hearback" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (!careersRequestAllowed(request)) throw tooManyRequests();
  const locale = careersLocale(new URL(request.url).searchParams.get("lang"), request.headers.get("Accept-Language"));
  const [record, settings] = await Promise.all([publishedPromiseRecord(), getCareersSettings()]);
  if (!record) throw new Response("Not found", { status: 404 });
  return { locale, company: settings.companyName, record };
}

export default function PromisePage() {
  const { locale, company, record } = useLoaderData<typeof loader>();
  const t = PROMISE_TEXTS[locale];
  return (
    <CareersFrame company={company} locale={locale} path="/promise">
      <div className="candidate-intro">
        <h1>{t.heading}</h1>
        <p className="candidate-intro__company">{t.intro(company)}</p>
      </div>
      <div className="candidate-card">
        <PromiseRecord record={record} locale={locale} heading="h2" />
      </div>
      <p>
        <a href={`/careers?lang=${locale}`}>{t.openings}</a>
      </p>
    </CareersFrame>
  );
}

export function ErrorBoundary() {
  return <CandidateErrorBoundary />;
}
