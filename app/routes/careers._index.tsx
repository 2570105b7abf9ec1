// The public careers page (/careers): the company's open, published jobs and its "how we hire" text, in English or
// German (the `lang` parameter, else the browser's languages). No JavaScript. docs/careers.md.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CareersFrame, Paragraphs } from "~/components/careers/careers-frame";
import { CandidateErrorBoundary } from "~/components/candidate/candidate-error";
import { PromiseSummaryCard } from "~/components/public-promise/promise-summary";
import { careersLocale, careersTexts } from "~/domain/careers/application-form";
import { paragraphsOf } from "~/domain/careers/settings";
import { promiseSummary } from "~/domain/public-promise/texts";
import { getCareersSettings, listOpenings } from "~/models/careers.server";
import { publishedPromiseRecord } from "~/models/public-promise.server";
import type { CandidatePageHandle } from "~/root";
import candidateStyles from "~/styles/candidate.css?url";
import careersStyles from "~/styles/careers.css?url";
import { careersRequestAllowed, tooManyRequests } from "~/web/careers-form.server";

export const handle: CandidatePageHandle = { candidatePage: true, scripts: false };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: candidateStyles },
  { rel: "stylesheet", href: careersStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? careersTexts(data.locale).listTitle(data.company) : "Hearback" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  if (!careersRequestAllowed(request)) throw tooManyRequests();
  const locale = careersLocale(new URL(request.url).searchParams.get("lang"), request.headers.get("Accept-Language"));
  const [openings, settings, record] = await Promise.all([
    listOpenings(),
    getCareersSettings(),
    publishedPromiseRecord(),
  ]);
  return {
    locale,
    company: settings.companyName,
    howWeHire: paragraphsOf(settings.howWeHire),
    openings,
    promise: record ? promiseSummary(record.workspace, locale) : null,
  };
}

export default function CareersPage() {
  const { locale, company, howWeHire, openings, promise } = useLoaderData<typeof loader>();
  const t = careersTexts(locale);
  return (
    <CareersFrame company={company} locale={locale} path="/careers">
      <div className="candidate-intro">
        <h1>{t.listHeading(company)}</h1>
        <p className="candidate-intro__company">{t.listIntro}</p>
      </div>
      <section className="candidate-card" aria-labelledby="openings-heading">
        <h2 id="openings-heading">{t.openingsHeading}</h2>
        {openings.length === 0 ? (
          <p>{t.noOpenings}</p>
        ) : (
          <ul className="careers-openings">
            {openings.map((opening) => (
              <li key={opening.id}>
                <Link to={`/careers/${opening.slug}?lang=${locale}`}>{opening.title}</Link>
                {opening.department || opening.location ? (
                  <p className="careers-openings__meta">
                    {[opening.department, opening.location].filter(Boolean).join(" · ")}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {promise ? <PromiseSummaryCard summary={promise} /> : null}
      {howWeHire.length > 0 ? (
        <section className="candidate-card" aria-labelledby="how-heading">
          <h2 id="how-heading">{t.howWeHireHeading}</h2>
          <Paragraphs paragraphs={howWeHire} />
        </section>
      ) : null}
    </CareersFrame>
  );
}

export function ErrorBoundary() {
  return <CandidateErrorBoundary />;
}
