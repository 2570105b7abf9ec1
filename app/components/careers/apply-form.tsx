// The application form on a job's careers page: a plain multipart form that works without JavaScript (the server
// checks everything and shows it again with the candidate's input), in the page's language. With JavaScript, the
// time zone is preset to the browser's and a CV over 10 MB is caught before it is sent. The text fields come before
// the file, so a refused file never costs what was typed (app/web/careers-form.server.ts).
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef, type ChangeEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import {
  CV_FIELD,
  LINK_MAX_LENGTH,
  MESSAGE_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PHONE_MAX_LENGTH,
  STAMP_FIELD,
  TRAP_FIELD,
  type ApplicationFormValues,
} from "~/domain/careers/application-form";
import { CV_CONTENT_TYPES, CV_EXTENSIONS, MAX_CV_BYTES } from "~/domain/careers/file-type";
import { CAREERS_TEXTS } from "~/domain/careers/texts";
import { LOCALE_NATIVE_NAMES, SUPPORTED_LOCALES, type Locale } from "~/domain/i18n";

const ACCEPT = [...Object.values(CV_EXTENSIONS), ...Object.values(CV_CONTENT_TYPES)].join(",");

export type ApplyFormProps = {
  action: string;
  locale: Locale;
  values: ApplicationFormValues;
  errors: Record<string, string>;
  /** The post carried a file that the form cannot show again. */
  fileLost: boolean;
  stamp: string;
  timeZones: string[];
  /** Whether `values` came back from a post (then the browser's time zone guess must not replace the choice). */
  posted: boolean;
};

export function ApplyForm({ action, locale, values, errors, fileLost, stamp, timeZones, posted }: ApplyFormProps) {
  const t = CAREERS_TEXTS[locale];
  const navigation = useNavigation();
  const sending = navigation.state === "submitting";
  const timeZoneRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    if (posted || !timeZoneRef.current) return;
    const guess = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (guess && timeZones.includes(guess)) timeZoneRef.current.value = guess;
  }, [posted, timeZones]);

  function checkSize(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.setCustomValidity(file && file.size > MAX_CV_BYTES ? t.errors.cvTooLarge : "");
  }

  const fieldErrors = Object.keys(errors).filter((key) => key !== "form").length;
  return (
    <>
      {errors.form || fieldErrors > 0 ? (
        <Alert tone="error">
          <p>{errors.form ?? t.errors.fixFields}</p>
          {fileLost && !errors.cv ? <p>{t.errors.chooseFileAgain}</p> : null}
        </Alert>
      ) : null}
      <Form
        method="post"
        action={action}
        encType="multipart/form-data"
        className="candidate-card careers-form"
        aria-labelledby="apply-heading"
      >
        <h2 id="apply-heading">{t.applyHeading}</h2>
        <p className="candidate-muted">{t.applyIntro}</p>
        <input type="hidden" name={STAMP_FIELD} value={stamp} />
        <div className="careers-form__trap" aria-hidden="true">
          <label htmlFor="careers-website">{t.fields.trap}</label>
          <input type="text" id="careers-website" name={TRAP_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <Field label={t.fields.name} error={errors.name}>
          <input
            type="text"
            name="name"
            defaultValue={values.name}
            autoComplete="name"
            maxLength={NAME_MAX_LENGTH}
            required
          />
        </Field>
        <Field label={t.fields.email} hint={t.fields.emailHint} error={errors.email}>
          <input type="email" name="email" defaultValue={values.email} autoComplete="email" maxLength={254} required />
        </Field>
        <Field label={t.fields.phone} error={errors.phone}>
          <input type="tel" name="phone" defaultValue={values.phone} autoComplete="tel" maxLength={PHONE_MAX_LENGTH} />
        </Field>
        <Field label={t.fields.link} hint={t.fields.linkHint} error={errors.link}>
          <input type="url" name="link" defaultValue={values.link} maxLength={LINK_MAX_LENGTH} inputMode="url" />
        </Field>
        <Field label={t.fields.locale} hint={t.fields.localeHint} error={errors.locale}>
          <select name="locale" defaultValue={values.locale}>
            {SUPPORTED_LOCALES.map((option) => (
              <option key={option} value={option} lang={option}>
                {LOCALE_NATIVE_NAMES[option]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.fields.timeZone} hint={t.fields.timeZoneHint} error={errors.timeZone}>
          <select name="timeZone" defaultValue={values.timeZone} ref={timeZoneRef}>
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.fields.message} hint={t.fields.messageHint} error={errors.message}>
          <textarea name="message" defaultValue={values.message} rows={6} maxLength={MESSAGE_MAX_LENGTH} />
        </Field>
        <Field label={t.fields.cv} hint={t.fields.cvHint} error={errors.cv}>
          <input type="file" name={CV_FIELD} accept={ACCEPT} required onChange={checkSize} />
        </Field>
        <p className="candidate-muted small">{t.privacy}</p>
        <button type="submit" className="button careers-form__submit" disabled={sending}>
          {sending ? t.sending : t.send}
        </button>
      </Form>
    </>
  );
}
