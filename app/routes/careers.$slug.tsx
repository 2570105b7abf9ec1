// A published job's public page (/careers/<slug>): what the job is and the application form; after sending, the
// confirmation with the date the candidate will hear from us by (the status page's own promise). Works without
// JavaScript. Spam is kept out without any outside service: a hidden field, a signed minimum fill time and
// per-address limits (app/web/careers-form.server.ts). docs/careers.md.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ApplyForm } from "~/components/careers/apply-form";
import { CareersFrame, Paragraphs } from "~/components/careers/careers-frame";
import { CandidateErrorBoundary } from "~/components/candidate/candidate-error";
import { PromiseSummaryCard } from "~/components/public-promise/promise-summary";
import {
  applicationFormSchema,
  applicationFormValues,
  careersLocale,
  careersTexts,
  checkCv,
  type ApplicationFormValues,
} from "~/domain/careers/application-form";
import { CV_CONTENT_TYPES, safeCvFileName } from "~/domain/careers/file-type";
import { paragraphsOf } from "~/domain/careers/settings";
import { issuesToFieldErrors } from "~/domain/forms";
import type { Locale } from "~/domain/i18n";
import { scopeForJob } from "~/domain/public-promise/record";
import { promiseSummary } from "~/domain/public-promise/texts";
import { timeZoneOptions } from "~/domain/time-zones";
import { applyFromCareersPage, confirmationPromise } from "~/models/careers-application.server";
import { getCareersSettings, getOpening, suggestedTimeZone } from "~/models/careers.server";
import { publishedPromiseRecord } from "~/models/public-promise.server";
import type { CandidatePageHandle } from "~/root";
import candidateStyles from "~/styles/candidate.css?url";
import careersStyles from "~/styles/careers.css?url";
import {
  applicationAllowed,
  careersRequestAllowed,
  confirmationToken,
  filledTrap,
  formStamp,
  postFillTime,
  readCareersPost,
  readConfirmation,
  tooManyRequests,
} from "~/web/careers-form.server";

export const handle: CandidatePageHandle = { candidatePage: true };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: candidateStyles },
  { rel: "stylesheet", href: careersStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Hearback" }];
  const t = careersTexts(data.locale);
  const title =
    data.page === "form" ? t.jobTitle(data.job.title, data.company) : `${t.notFoundHeading} · ${data.company}`;
  return [{ title }];
};

function pageLocale(request: Request): Locale {
  return careersLocale(new URL(request.url).searchParams.get("lang"), request.headers.get("Accept-Language"));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!careersRequestAllowed(request)) throw tooManyRequests();
  const locale = pageLocale(request);
  const slug = params.slug ?? "";
  const [opening, settings] = await Promise.all([getOpening(slug), getCareersSettings()]);
  const common = { locale, company: settings.companyName, path: `/careers/${slug}` };
  const confirmation = readConfirmation(new URL(request.url).searchParams.get("done"));
  const promise = confirmation && (await confirmationPromise(confirmation.applicationId, slug, locale));
  if (confirmation && promise) {
    return { ...common, page: "confirmation" as const, outcome: confirmation.outcome, ...promise };
  }
  if (!opening) return data({ ...common, page: "closed" as const }, { status: 404 });
  const record = await publishedPromiseRecord();
  return {
    ...common,
    page: "form" as const,
    job: opening,
    keptPromise: record ? promiseSummary(scopeForJob(record, opening.id), locale) : null,
    description: paragraphsOf(opening.description),
    stamp: formStamp(),
    timeZones: timeZoneOptions(),
    defaults: {
      name: "",
      email: "",
      phone: "",
      link: "",
      message: "",
      locale,
      timeZone: await suggestedTimeZone(),
    } satisfies ApplicationFormValues,
  };
}

type ActionData = { values: ApplicationFormValues; errors: Record<string, string>; fileLost: boolean };

export async function action({ request, params }: ActionFunctionArgs) {
  if (!careersRequestAllowed(request)) throw tooManyRequests();
  const locale = pageLocale(request);
  const t = careersTexts(locale);
  const slug = params.slug ?? "";
  const post = await readCareersPost(request);
  const values = applicationFormValues(post.fields, {
    name: "",
    email: "",
    phone: "",
    link: "",
    message: "",
    locale,
    timeZone: "UTC",
  });
  const refuse = (status: number, errors: Record<string, string>) =>
    data<ActionData>({ values, errors, fileLost: post.cv !== null }, { status });

  if (post.tooLarge) return refuse(413, { form: t.errors.tooLarge, cv: t.errors.cvTooLarge });
  if (!applicationAllowed(request)) return refuse(429, { form: t.errors.tooMany });
  if (filledTrap(post.fields)) return refuse(400, { form: t.errors.refused });
  const pace = postFillTime(post.fields);
  if (pace !== "ok") return refuse(400, { form: pace === "tooFast" ? t.errors.tooFast : t.errors.expired });

  const parsed = applicationFormSchema(locale).safeParse(post.fields);
  const cv = checkCv(post.cv);
  const errors = {
    ...(parsed.success ? {} : issuesToFieldErrors(parsed.error.issues)),
    ...(cv.ok ? {} : { cv: t.errors[cv.problem] }),
  };
  if (!parsed.success || !cv.ok || !post.cv) return refuse(400, errors);

  const result = await applyFromCareersPage(slug, parsed.data, {
    fileName: safeCvFileName(post.cv.fileName, cv.type),
    contentType: CV_CONTENT_TYPES[cv.type],
    bytes: post.cv.bytes,
  });
  if (result.outcome === "closed") return refuse(409, { form: t.errors.closed });
  const done = confirmationToken(result);
  return redirect(`/careers/${slug}?lang=${locale}&done=${encodeURIComponent(done)}`);
}

export default function CareersJobPage() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = careersTexts(loaded.locale);
  return (
    <CareersFrame company={loaded.company} locale={loaded.locale} path={loaded.path}>
      <p>
        <Link to={`/careers?lang=${loaded.locale}`}>{t.allJobs}</Link>
      </p>
      {loaded.page === "confirmation" ? (
        <>
          <section className="candidate-card candidate-card--outcome" aria-labelledby="done-heading">
            <h1 id="done-heading">{loaded.outcome === "applied" ? t.thanksHeading : t.againHeading}</h1>
            <p>{loaded.outcome === "applied" ? t.thanksBody(loaded.jobTitle) : t.againBody(loaded.jobTitle)}</p>
            <p className="candidate-muted">{t.checkSpam}</p>
          </section>
          {loaded.lines.length > 0 ? (
            <section className="candidate-card candidate-promise" aria-labelledby="promise-heading">
              <h2 id="promise-heading">{t.promiseHeading}</h2>
              {loaded.lines.map((line, index) => (
                <p key={line} className={index === 0 ? "candidate-promise__lead" : undefined}>
                  {line}
                </p>
              ))}
            </section>
          ) : null}
        </>
      ) : loaded.page === "closed" ? (
        <section className="candidate-card" aria-labelledby="closed-heading">
          <h1 id="closed-heading">{t.notFoundHeading}</h1>
          <p>{t.notFoundBody}</p>
        </section>
      ) : (
        <>
          <div className="candidate-intro">
            <h1>{loaded.job.title}</h1>
            <p className="candidate-intro__company">
              {[loaded.company, loaded.job.department, loaded.job.location].filter(Boolean).join(" · ")}
            </p>
          </div>
          {loaded.description.length > 0 ? (
            <section className="candidate-card" aria-labelledby="about-heading">
              <h2 id="about-heading">{t.aboutHeading}</h2>
              <Paragraphs paragraphs={loaded.description} />
            </section>
          ) : null}
          {loaded.keptPromise ? <PromiseSummaryCard summary={loaded.keptPromise} /> : null}
          <ApplyForm
            key={answer ? JSON.stringify(answer.values) : "new"}
            action={`${loaded.path}?lang=${loaded.locale}`}
            locale={loaded.locale}
            values={answer?.values ?? loaded.defaults}
            errors={answer?.errors ?? {}}
            fileLost={answer?.fileLost ?? false}
            stamp={loaded.stamp}
            timeZones={loaded.timeZones}
            posted={Boolean(answer)}
          />
        </>
      )}
    </CareersFrame>
  );
}

export function ErrorBoundary() {
  return <CandidateErrorBoundary />;
}
