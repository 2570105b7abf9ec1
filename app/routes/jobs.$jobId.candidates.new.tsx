import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo, useState } from "react";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { TimeZonePicker } from "~/components/ui/time-zone-picker";
import { PageHeader } from "~/components/ui/page-header";
import { candidateFormSchema, type CandidateFormValues } from "~/domain/application-forms";
import { FALLBACK_LOCALE, localeOptionLabel, SUPPORTED_LOCALES } from "~/domain/i18n";
import { timeZoneChoices, withLikely } from "~/domain/time-zones/choices";
import { guessFromPhone } from "~/domain/time-zones/guess";
import { timeZoneField } from "~/domain/validation";
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

// An empty time zone means "guess it from the phone number when saving" (UTC when the number names no country).
const EMPTY: CandidateFormValues = {
  name: "",
  email: "",
  timeZone: "",
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
  return { job: { id: job.id, title: job.title }, timeZones: timeZoneChoices({ at: new Date() }) };
}

/** The page's form: the candidate's fields, where the time zone may be left for the phone number to answer. */
const addCandidateFormSchema = candidateFormSchema.extend({ timeZone: z.union([z.literal(""), timeZoneField]) });

const GUESS_LABEL = "Guess from the phone number (UTC without one)";

type ActionData = { errors: FieldErrors; values: CandidateFormValues; likely?: string[] };

/**
 * The zone to store when the form left it to the phone number: the zone its country code (or +1 area code) names,
 * UTC when the number has no country code, or a question when the country keeps several zones.
 */
function zoneFromPhone(phone: string): { zone: string } | { ask: string; likely: string[] } {
  const guess = guessFromPhone(phone);
  if (!guess) return { zone: "UTC" };
  if (guess.zone) return { zone: guess.zone };
  return { ask: `${guess.reason.replace(/: .*$/, "")}. Choose the candidate's time zone.`, likely: guess.likely };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, job } = await requireJob(request, params.jobId!);
  const formData = await request.formData();
  const values = { ...EMPTY, ...(formDataToObject(formData) as Partial<CandidateFormValues>) };
  const fromPhone = values.timeZone ? null : zoneFromPhone(values.phone);
  if (fromPhone && "zone" in fromPhone) formData.set("timeZone", fromPhone.zone);
  const parsed = parseForm(formData, fromPhone && "ask" in fromPhone ? addCandidateFormSchema : candidateFormSchema);
  if (!parsed.ok || (fromPhone && "ask" in fromPhone)) {
    const errors = { ...(parsed.ok ? {} : parsed.errors) };
    if (fromPhone && "ask" in fromPhone) errors.timeZone = fromPhone.ask;
    const likely = fromPhone && "ask" in fromPhone ? fromPhone.likely : undefined;
    return data<ActionData>({ errors, values, likely }, { status: 400 });
  }
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
    schema: addCandidateFormSchema,
    defaultValues: values,
    serverErrors,
  });
  const { register, errorFor, setValue, watch } = form;
  const navigation = useNavigation();

  // The time zone follows the guess from the phone number until staff choose one themselves.
  const [staffZone, setStaffZone] = useState<string | null>(values.timeZone || null);
  const phone = watch("phone") ?? values.phone;
  const guess = useMemo(() => guessFromPhone(phone), [phone]);
  const zone = staffZone ?? guess?.zone ?? "";
  const chosenByStaff = staffZone !== null;
  const likelyFromServer = actionData?.likely;
  const choices = useMemo(
    () => withLikely(timeZones, likelyFromServer ?? guess?.likely ?? []),
    [timeZones, likelyFromServer, guess],
  );
  const reason = chosenByStaff ? null : guess ? guess.reason : null;

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
          <Field
            label="Phone (optional)"
            hint="With the country code, like +49 30 1234567: it suggests the time zone."
            error={errorFor("phone")}
          >
            <input type="tel" {...register("phone")} defaultValue={values.phone} autoComplete="off" />
          </Field>
          <Field
            label="Time zone"
            hint={
              <>
                Used to send messages at a humane local time.{" "}
                <span role="status" className="time-zone-reason">
                  {reason}
                </span>
              </>
            }
            error={errorFor("timeZone")}
          >
            <TimeZonePicker
              name="timeZone"
              choices={choices}
              value={zone}
              emptyChoiceLabel={GUESS_LABEL}
              onChange={(picked) => {
                setStaffZone(picked);
                setValue("timeZone", picked, { shouldValidate: true, shouldDirty: true });
              }}
            />
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
