// The booking page's two forms: the offered times as radio buttons with "Book this time", and "None of these times
// work?" with a note. Plain posts that work without JavaScript; with it, the error summary takes the focus.
import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Field } from "~/components/ui/field";
import type { Locale } from "~/domain/i18n";
import type { BookingAnswer, BookingView } from "~/domain/status-page/booking";
import { INTERVIEW_TEXTS } from "~/domain/status-page/interview-texts";

type Props = {
  view: Extract<BookingView, { kind: "offer" }>;
  answer: BookingAnswer | undefined;
  locale: Locale;
  statusPath: string;
};

export function BookingForms({ view, answer, locale, statusPath }: Props) {
  const t = INTERVIEW_TEXTS[locale].booking;
  const navigation = useNavigation();
  const sending = navigation.state === "submitting" ? navigation.formData?.get("choice") : null;
  const summary = useRef<HTMLDivElement>(null);
  const errors = answer?.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  useEffect(() => {
    if (answer && Object.keys(answer.errors).length > 0) summary.current?.focus();
  }, [answer]);

  const taken = answer?.problem === "taken" ? answer.values.slotId : null;
  const choices = view.choices.filter((choice) => choice.id !== taken);
  const chosen = answer?.values.choice === "slot" ? answer.values.slotId : null;
  const action = `${statusPath}/interview`;

  return (
    <>
      <h1>{view.title}</h1>
      <p>{view.intro}</p>
      {hasErrors ? (
        <div
          ref={summary}
          tabIndex={-1}
          className="alert alert--error candidate-errors"
          role="alert"
          aria-labelledby="booking-errors-title"
        >
          <h2 id="booking-errors-title">{t.errorSummary}</h2>
          <ul>
            {errors.form ? <li>{errors.form}</li> : null}
            {errors.slotId && choices[0] ? (
              <li>
                <a href={`#slot-${choices[0].id}`}>{errors.slotId}</a>
              </li>
            ) : null}
            {errors.note ? (
              <li>
                <a href="#booking-note">{errors.note}</a>
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}

      <Form method="post" action={action} className="candidate-card" noValidate>
        <input type="hidden" name="interviewId" value={view.interviewId} />
        <input type="hidden" name="choice" value="slot" />
        <fieldset
          className={`booking-slots${errors.slotId ? " booking-slots--error" : ""}`}
          aria-describedby={errors.slotId ? "booking-slots-error" : undefined}
        >
          <legend>{t.legend}</legend>
          {errors.slotId ? (
            <p id="booking-slots-error" className="field-error">
              {errors.slotId}
            </p>
          ) : null}
          {choices.map((choice) => (
            <div className="booking-slot" key={choice.id}>
              <input
                type="radio"
                id={`slot-${choice.id}`}
                name="slotId"
                value={choice.id}
                defaultChecked={chosen === choice.id}
              />
              <label htmlFor={`slot-${choice.id}`}>
                <span className="booking-slot__when">{choice.when}</span>
                <span className="booking-slot__detail">
                  {[choice.planner, choice.duration].filter(Boolean).join(" · ")}
                </span>
              </label>
            </div>
          ))}
        </fieldset>
        <p className="candidate-muted booking-zone">
          {t.otherZone} <Link to={`${statusPath}/preferences`}>{t.otherZoneLink}</Link>
        </p>
        <button type="submit" className="button candidate-action__submit" disabled={sending === "slot"}>
          {sending === "slot" ? t.booking : t.book}
        </button>
      </Form>

      <section className="candidate-card" aria-labelledby="booking-none-heading">
        <h2 id="booking-none-heading">{t.noneHeading}</h2>
        <p>{t.noneIntro}</p>
        <Form method="post" action={action} noValidate>
          <input type="hidden" name="interviewId" value={view.interviewId} />
          <input type="hidden" name="choice" value="none" />
          <Field label={t.noneLabel} hint={t.noneHint} error={errors.note} id="booking-note">
            <textarea
              name="note"
              rows={4}
              required
              defaultValue={answer?.values.choice === "none" ? answer.values.note : ""}
            />
          </Field>
          <button
            type="submit"
            className="button button--secondary candidate-action__submit"
            disabled={sending === "none"}
          >
            {sending === "none" ? t.noneSending : t.noneSend}
          </button>
        </Form>
      </section>
    </>
  );
}
