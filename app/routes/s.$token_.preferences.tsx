// A candidate sets how we reach them: their time zone (dates and humane sending times), their language (this page
// and our emails; the page switches as soon as it is saved) and whether we may also call them. Works without
// JavaScript.
import { CandidateErrorBoundary, candidatePageHeaders } from "~/components/candidate/candidate-error";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { CandidatePage } from "~/components/candidate/candidate-page";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { TimeZonePicker } from "~/components/ui/time-zone-picker";
import { useHydrated } from "~/components/ui/use-hydrated";
import {
  candidateActionTexts,
  CONTACT_CHANNELS,
  preferencesFormSchema,
  type PreferencesValues,
} from "~/domain/candidate-actions";
import { candidateLocale, SUPPORTED_LOCALES } from "~/domain/i18n";
import { TIME_ZONE_PICKER_TEXTS, timeZoneChoices, withLikely } from "~/domain/time-zones/choices";
import { getCandidateActionPage, saveCandidatePreferences } from "~/models/candidate-actions.server";
import type { CandidatePageHandle } from "~/root";
import candidateStyles from "~/styles/candidate.css?url";
import { openStatusLink } from "~/web/candidate-route.server";
import { formDataToObject, parseForm, type FieldErrors } from "~/domain/forms";
import { useValidatedForm } from "~/components/ui/validated-form";

export const handle: CandidatePageHandle = { candidatePage: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${candidateActionTexts(data.locale).preferences.title} · ${data.company}` : "Hearback" },
];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: candidateStyles }];

export const headers = candidatePageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const applicationId = await openStatusLink(request, params);
  const page = await getCandidateActionPage(applicationId);
  const locale = candidateLocale(page.candidate.locale);
  const { timeZone, preferredChannel, phone } = page.candidate;
  return {
    locale,
    company: page.company,
    statusPath: `/s/${params.token}`,
    saved: new URL(request.url).searchParams.get("saved") === "1",
    values: { timeZone, locale, preferredChannel, phone: phone ?? "" } satisfies PreferencesValues,
    // The current zone first; a zone saved before (or by staff) that this platform does not list stays selectable.
    timeZones: timeZoneChoices({ at: new Date(), current: timeZone, likely: [timeZone], locale }),
  };
}

type ActionData = { errors: FieldErrors; values: PreferencesValues };

export async function action({ request, params }: ActionFunctionArgs) {
  const applicationId = await openStatusLink(request, params);
  const { candidate } = await getCandidateActionPage(applicationId);
  const formData = await request.formData();
  const form = parseForm(formData, preferencesFormSchema(candidate.locale));
  if (!form.ok) {
    const posted = formDataToObject(formData);
    const text = (name: string) => (typeof posted[name] === "string" ? (posted[name] as string) : "");
    const values = {
      timeZone: text("timeZone"),
      locale: candidateLocale(text("locale") || candidate.locale),
      preferredChannel: text("preferredChannel") === "phone" ? "phone" : "email",
      phone: text("phone"),
    } satisfies PreferencesValues;
    return data<ActionData>({ errors: form.errors, values }, { status: 400 });
  }
  await saveCandidatePreferences(applicationId, form.data);
  return redirect(`/s/${params.token}/preferences?saved=1`);
}

export default function PreferencesPage() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const texts = candidateActionTexts(loaded.locale);
  const { preferences } = texts;
  const values = answer?.values ?? loaded.values;
  const schema = useMemo(() => preferencesFormSchema(loaded.locale), [loaded.locale]);
  const form = useValidatedForm<PreferencesValues>({ schema, defaultValues: values, serverErrors: answer?.errors });
  const { register, errorFor, setValue } = form;
  // With JavaScript, the browser's own zone is offered beside the saved one (never chosen for them).
  const hydrated = useHydrated();
  const browserZone = hydrated ? Intl.DateTimeFormat().resolvedOptions().timeZone : null;
  const choices = useMemo(
    () =>
      browserZone
        ? withLikely(loaded.timeZones, [...loaded.timeZones.likely.map((choice) => choice.value), browserZone])
        : loaded.timeZones,
    [loaded.timeZones, browserZone],
  );
  const hasErrors = Boolean(answer && Object.keys(answer.errors).length > 0);
  const channelError = errorFor("preferredChannel");
  const busy = navigation.state === "submitting";
  return (
    <CandidatePage company={loaded.company} footer={<p>{texts.common.footer}</p>}>
      <div className="candidate-action">
        <p className="candidate-action__back">
          <Link to={loaded.statusPath}>{texts.common.backToStatus}</Link>
        </p>
        <h1>{preferences.title}</h1>
        <p>{preferences.intro}</p>
        {loaded.saved && !answer ? <Alert tone="success">{preferences.saved}</Alert> : null}
        {hasErrors ? <Alert tone="error">{texts.common.fixFields}</Alert> : null}
        <Form
          className="candidate-card"
          method="post"
          action={loaded.statusPath + "/preferences"}
          noValidate
          onSubmit={form.onSubmit}
        >
          <Field label={preferences.timeZoneLabel} hint={preferences.timeZoneHint} error={errorFor("timeZone")}>
            <TimeZonePicker
              name="timeZone"
              choices={choices}
              defaultValue={values.timeZone}
              texts={TIME_ZONE_PICKER_TEXTS[loaded.locale]}
              onChange={(zone) => setValue("timeZone", zone, { shouldValidate: true, shouldDirty: true })}
            />
          </Field>
          <Field label={preferences.languageLabel} hint={preferences.languageHint} error={errorFor("locale")}>
            <select {...register("locale")} defaultValue={values.locale} autoComplete="language">
              {SUPPORTED_LOCALES.map((locale) => (
                <option key={locale} value={locale}>
                  {preferences.languageNames[locale]}
                </option>
              ))}
            </select>
          </Field>
          <fieldset
            className="choice-group candidate-action__choices"
            aria-describedby={channelError ? "preferred-channel-error" : undefined}
          >
            <legend>{preferences.channelLegend}</legend>
            {CONTACT_CHANNELS.map((channel) => (
              <label key={channel} className="checkbox">
                <input
                  type="radio"
                  {...register("preferredChannel")}
                  value={channel}
                  defaultChecked={values.preferredChannel === channel}
                />
                <span>{channel === "phone" ? preferences.channelPhone : preferences.channelEmail}</span>
              </label>
            ))}
            {channelError ? (
              <span id="preferred-channel-error" className="field-error">
                {channelError}
              </span>
            ) : null}
          </fieldset>
          <Field label={preferences.phoneLabel} hint={preferences.phoneHint} error={errorFor("phone")}>
            <input type="tel" {...register("phone")} defaultValue={values.phone} autoComplete="tel" />
          </Field>
          <button type="submit" className="button candidate-action__submit" disabled={busy}>
            {busy ? preferences.saving : preferences.save}
          </button>
        </Form>
      </div>
    </CandidatePage>
  );
}

export function ErrorBoundary() {
  return <CandidateErrorBoundary />;
}
