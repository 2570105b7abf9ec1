import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { candidateFormSchema, type CandidateFormValues } from "~/domain/application-forms";
import { FALLBACK_LOCALE, localeOptionLabel, SUPPORTED_LOCALES } from "~/domain/i18n";
import { timeZoneOptions } from "~/domain/time-zones";
import { createApplication } from "~/models/application-intake.server";
import { getJob } from "~/models/job.server";
import { requirePermission } from "~/web/auth.server";
import { modelFailure } from "~/web/form-errors.server";
import { formDataToObject, parseForm, type FieldErrors } from "~/domain/forms";
import { useValidatedForm } from "~/components/ui/validated-form";
import { RouteError } from "~/components/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Add candidate to ${data.job.title} · Hearback` : "Add candidate · Hearback" },
];

const EMPTY: CandidateFormValues = {
  name: "",
  email: "",
  timeZone: "UTC",
  locale: FALLBACK_LOCALE,
  phone: "",
  source: "",
};

async function requireJob(request: Request, jobId: string) {
  const user = await requirePermission(request, "add_candidates");
  const job = await getJob(jobId, user);
  if (!job) throw new Response("This job does not exist, or you cannot see it.", { status: 404 });
  return { user, job };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { job } = await requireJob(request, params.jobId!);
  return { job: { id: job.id, title: job.title }, timeZones: timeZoneOptions() };
}

type ActionData = { errors: FieldErrors; values: CandidateFormValues };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, job } = await requireJob(request, params.jobId!);
  const formData = await request.formData();
  const values = { ...EMPTY, ...(formDataToObject(formData) as Partial<CandidateFormValues>) };
  const parsed = parseForm(formData, candidateFormSchema);
  if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, values }, { status: 400 });
  const { source, ...candidate } = parsed.data;
  try {
    const application = await createApplication({ jobId: job.id, candidate, source, notify: true }, user.id);
    return redirect(`/applications/${application.id}`);
  } catch (error) {
    const failure = modelFailure(error, { "candidate.email": "email" });
    if (!failure) throw error;
    return data<ActionData>({ errors: failure.errors, values }, { status: failure.status });
  }
}

export default function AddCandidatePage() {
  const { job, timeZones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? EMPTY;
  const serverErrors = actionData?.errors ?? {};
  const form = useValidatedForm<CandidateFormValues>({
    schema: candidateFormSchema,
    defaultValues: values,
    serverErrors,
  });
  const { register, errorFor, setValue, getFieldState } = form;
  const navigation = useNavigation();

  // With JavaScript, assume the candidate is in the same time zone as the browser until told otherwise.
  useEffect(() => {
    if (actionData || getFieldState("timeZone").isDirty) return;
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (browserZone && timeZones.includes(browserZone)) setValue("timeZone", browserZone);
  }, [actionData, getFieldState, setValue, timeZones]);

  const fieldErrors = Object.keys(serverErrors).filter((key) => key !== "form");
  return (
    <div className="narrow narrow--wide">
      <p className="breadcrumb">
        <Link to="/jobs">Jobs</Link> <span aria-hidden="true">/</span> <Link to={`/jobs/${job.id}`}>{job.title}</Link>
      </p>
      <PageHeader title="Add candidate" description={`They start in the first stage of ${job.title}.`} />
      <div className="card">
        {serverErrors.form || fieldErrors.length > 0 ? (
          <Alert tone="error">
            {serverErrors.form ?? "Please correct the fields marked below. Nothing was saved."}
          </Alert>
        ) : null}
        <Form method="post" noValidate onSubmit={form.onSubmit}>
          <Field label="Name" error={errorFor("name")}>
            <input type="text" {...register("name")} defaultValue={values.name} autoComplete="off" required />
          </Field>
          <Field label="Email" error={errorFor("email")}>
            <input type="email" {...register("email")} defaultValue={values.email} autoComplete="off" required />
          </Field>
          <Field label="Time zone" hint="Used to send messages at a humane local time." error={errorFor("timeZone")}>
            <select {...register("timeZone")} defaultValue={values.timeZone}>
              {timeZones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll("_", " ")}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Language for messages" error={errorFor("locale")}>
            <select {...register("locale")} defaultValue={values.locale}>
              {SUPPORTED_LOCALES.map((locale) => (
                <option key={locale} value={locale}>
                  {localeOptionLabel(locale)}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Phone (optional)" error={errorFor("phone")}>
            <input type="tel" {...register("phone")} defaultValue={values.phone} autoComplete="off" />
          </Field>
          <Field label="Source (optional)" hint="E.g. referral or careers page." error={errorFor("source")}>
            <input type="text" {...register("source")} defaultValue={values.source} />
          </Field>
          <div className="row">
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {navigation.state === "submitting" ? "Adding…" : "Add candidate"}
            </button>
            <Link to={`/jobs/${job.id}`}>Cancel</Link>
          </div>
        </Form>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
