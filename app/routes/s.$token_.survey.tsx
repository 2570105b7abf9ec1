// The candidate survey on their status link (docs/status-page.md): open once the application is decided, answered
// once. Radio groups and checkboxes in fieldsets, errors listed on top and linked to their questions, the candidate's
// answers kept. Works without JavaScript; with it, the same schema checks before posting.
import { CandidateErrorBoundary, candidatePageHeaders } from "~/components/candidate/candidate-error";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { CandidatePage } from "~/components/candidate/candidate-page";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { candidateLocale, textFor } from "~/domain/i18n";
import {
  EFFORT_SCORES,
  FRICTION_TAGS,
  KNEW_NEXT_ANSWERS,
  NPS_SCORES,
  SURVEY_COMMENT_MAX,
  SURVEY_TEXTS,
  surveyInputSchema,
} from "~/domain/survey";
import { getSurveyPage, saveSurveyResponse } from "~/models/survey.server";
import type { CandidatePageHandle } from "~/root";
import candidateStyles from "~/styles/candidate.css?url";
import { openStatusLink } from "~/web/candidate-route.server";
import { parseForm, type FieldErrors } from "~/domain/forms";
import { useValidatedForm } from "~/components/ui/validated-form";

export const handle: CandidatePageHandle = { candidatePage: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${textFor(SURVEY_TEXTS, data.locale).title} · ${data.companyName}` : "Hearback" },
  { name: "robots", content: "noindex, nofollow" },
];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: candidateStyles }];

export const headers = candidatePageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const applicationId = await openStatusLink(request, params);
  const page = await getSurveyPage(applicationId);
  return { ...page, locale: candidateLocale(page.locale), statusPath: `/s/${params.token}` };
}

type SurveyValues = { nps: string; effort: string; knewNext: string; frictionTags: string[]; comment: string };
type ActionData =
  { result: "invalid"; errors: FieldErrors; values: SurveyValues } | { result: "already_answered" | "not_decided" };

function postedValues(values: Record<string, unknown>): SurveyValues {
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const tags = values.frictionTags;
  return {
    nps: text(values.nps),
    effort: text(values.effort),
    knewNext: text(values.knewNext),
    frictionTags: (Array.isArray(tags) ? tags : [tags]).filter((tag): tag is string => typeof tag === "string"),
    comment: text(values.comment),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const applicationId = await openStatusLink(request, params);
  const { locale } = await getSurveyPage(applicationId);
  const parsed = parseForm(await request.formData(), surveyInputSchema(locale));
  if (!parsed.ok) {
    return data<ActionData>(
      { result: "invalid", errors: parsed.errors, values: postedValues(parsed.values) },
      { status: 400 },
    );
  }
  const saved = await saveSurveyResponse(applicationId, parsed.data);
  if (saved === "saved") return redirect(`/s/${params.token}/survey`);
  // A second answer (another tab, a double post) or one before the decision: kindly said, nothing changed.
  return data<ActionData>({ result: saved }, { status: 409 });
}

const EMPTY: SurveyValues = { nps: "", effort: "", knewNext: "", frictionTags: [], comment: "" };
const QUESTION_ORDER = ["nps", "effort", "knewNext", "frictionTags", "comment"] as const;

export default function SurveyPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const texts = textFor(SURVEY_TEXTS, page.locale);
  let body: ReactNode;
  if (page.state === "not_decided") {
    body = (
      <section aria-labelledby="survey-title">
        <h1 id="survey-title">{texts.notYet.title}</h1>
        <p>{texts.notYet.body}</p>
      </section>
    );
  } else if (page.state === "answered") {
    body = (
      <section aria-labelledby="survey-title">
        <h1 id="survey-title">{texts.thanks.title}</h1>
        {answer?.result === "already_answered" ? <Alert tone="info">{texts.alreadyAnswered}</Alert> : null}
        <p>{texts.thanks.body}</p>
      </section>
    );
  } else {
    body = <SurveyForm answer={answer?.result === "invalid" ? answer : undefined} />;
  }
  return (
    <CandidatePage company={page.companyName} footer={<p>{texts.footer}</p>}>
      <div className="candidate-action survey">
        <p className="candidate-action__back">
          <Link to={page.statusPath}>{texts.back}</Link>
        </p>
        {body}
      </div>
    </CandidatePage>
  );
}

function SurveyForm({ answer }: { answer: { errors: FieldErrors; values: SurveyValues } | undefined }) {
  const page = useLoaderData<typeof loader>();
  const texts = textFor(SURVEY_TEXTS, page.locale);
  const values = answer?.values ?? EMPTY;
  const schema = useMemo(() => surveyInputSchema(page.locale), [page.locale]);
  const form = useValidatedForm<SurveyValues>({ schema, defaultValues: values, serverErrors: answer?.errors });
  const errors = Object.fromEntries(
    QUESTION_ORDER.flatMap((name) => {
      const message = form.errorFor(name);
      return message ? [[name, message]] : [];
    }),
  ) as Partial<Record<(typeof QUESTION_ORDER)[number], string>>;
  const firstInput = {
    nps: "survey-nps-0",
    effort: "survey-effort-1",
    knewNext: "survey-knewNext-yes",
    frictionTags: `survey-frictionTags-${FRICTION_TAGS[0]}`,
    comment: "survey-comment",
  };
  const questions = {
    nps: texts.nps.legend,
    effort: texts.effort.legend,
    knewNext: texts.knewNext.legend,
    frictionTags: texts.tags.legend,
    comment: texts.comment.label,
  };
  return (
    <>
      <h1>{texts.title}</h1>
      <p>{texts.intro(page.jobTitle, page.companyName)}</p>
      <p className="muted">{texts.privacy}</p>
      {Object.keys(errors).length > 0 ? (
        <div className="alert alert--error survey__errors" role="alert" aria-labelledby="survey-errors-title">
          <h2 id="survey-errors-title">{texts.errorSummary}</h2>
          <ul>
            {QUESTION_ORDER.filter((name) => errors[name]).map((name) => (
              <li key={name}>
                <a href={`#${firstInput[name]}`}>
                  {questions[name]} {errors[name]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" action={`${page.statusPath}/survey`} noValidate onSubmit={form.onSubmit}>
        <ChoiceGroup
          name="nps"
          legend={texts.nps.legend}
          hint={texts.nps.hint}
          required={texts.required}
          error={errors.nps}
          layout="scale"
        >
          {NPS_SCORES.map((score) => (
            <label key={score} className="survey-scale__option" htmlFor={`survey-nps-${score}`}>
              <input
                id={`survey-nps-${score}`}
                type="radio"
                required
                value={String(score)}
                defaultChecked={values.nps === String(score)}
                {...form.register("nps")}
              />
              <span>{score}</span>
            </label>
          ))}
        </ChoiceGroup>
        <ChoiceGroup
          name="effort"
          legend={texts.effort.legend}
          hint={texts.effort.hint}
          required={texts.required}
          error={errors.effort}
        >
          {EFFORT_SCORES.map((score) => (
            <Choice key={score} id={`survey-effort-${score}`} label={texts.effort.labels[score]}>
              <input
                id={`survey-effort-${score}`}
                type="radio"
                required
                value={String(score)}
                defaultChecked={values.effort === String(score)}
                {...form.register("effort")}
              />
            </Choice>
          ))}
        </ChoiceGroup>
        <ChoiceGroup name="knewNext" legend={texts.knewNext.legend} required={texts.required} error={errors.knewNext}>
          {KNEW_NEXT_ANSWERS.map((choice) => (
            <Choice key={choice} id={`survey-knewNext-${choice}`} label={texts.knewNext.labels[choice]}>
              <input
                id={`survey-knewNext-${choice}`}
                type="radio"
                required
                value={choice}
                defaultChecked={values.knewNext === choice}
                {...form.register("knewNext")}
              />
            </Choice>
          ))}
        </ChoiceGroup>
        <ChoiceGroup
          name="frictionTags"
          legend={texts.tags.legend}
          hint={texts.tags.hint}
          optional={texts.optional}
          error={errors.frictionTags}
        >
          {FRICTION_TAGS.map((tag) => (
            <Choice key={tag} id={`survey-frictionTags-${tag}`} label={texts.tags.labels[tag]}>
              <input
                id={`survey-frictionTags-${tag}`}
                type="checkbox"
                value={tag}
                defaultChecked={values.frictionTags.includes(tag)}
                {...form.register("frictionTags")}
              />
            </Choice>
          ))}
        </ChoiceGroup>
        <Field
          id="survey-comment"
          label={
            <>
              {texts.comment.label} <span className="survey__optional">({texts.optional})</span>
            </>
          }
          hint={texts.comment.hint}
          error={errors.comment}
        >
          <textarea
            rows={5}
            maxLength={SURVEY_COMMENT_MAX}
            defaultValue={values.comment}
            {...form.register("comment")}
          />
        </Field>
        <button type="submit" className="button survey__submit">
          {texts.submit}
        </button>
      </Form>
    </>
  );
}

/** A question answered by choosing: a fieldset whose legend is the question, described by its hint and error. */
function ChoiceGroup({
  name,
  legend,
  hint,
  required,
  optional,
  error,
  layout = "list",
  children,
}: {
  name: string;
  legend: string;
  hint?: string;
  required?: string;
  optional?: string;
  error?: string;
  layout?: "list" | "scale";
  children: ReactNode;
}) {
  const hintId = hint ? `survey-${name}-hint` : undefined;
  const errorId = error ? `survey-${name}-error` : undefined;
  return (
    <fieldset
      className={`survey__question${error ? " survey__question--error" : ""}`}
      aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
    >
      <legend>
        {legend} {required ? <span className="survey__required">({required})</span> : null}
        {optional ? <span className="survey__optional">({optional})</span> : null}
      </legend>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      <div className={layout === "scale" ? "survey-scale" : "survey-choices"}>{children}</div>
    </fieldset>
  );
}

function Choice({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="checkbox-field survey-choices__option">
      {children}
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function ErrorBoundary() {
  return <CandidateErrorBoundary />;
}
