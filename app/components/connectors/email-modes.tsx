// Who writes to candidates about what the ATS reports: the two modes as the forms offer them, each with its
// consequence in one line.
import { CONNECTOR_EMAIL_MODES, type ConnectorEmailMode } from "~/domain/connectors/events";

/** The emails modes as the forms offer them: a label and its one-line consequence. */
export const EMAIL_MODE_CHOICES: Record<ConnectorEmailMode, { label: string; hint: string }> = {
  hearback: {
    label: "Hearback writes to candidates",
    hint: "Acknowledgements, stage emails and rejections at a humane time come from Hearback; switch the ATS’s own off.",
  },
  ats: {
    label: "The ATS writes to candidates",
    hint: "Hearback sends nothing on its own; its clocks still run, so log contact you make from the ATS.",
  },
};

/** A short name for the emails mode, for lists. */
export const EMAIL_MODE_SHORT: Record<ConnectorEmailMode, string> = {
  hearback: "Hearback writes",
  ats: "The ATS writes",
};

/** The radio group for the emails mode; `error` is tied to the group. */
export function EmailModeChoices({ value, error }: { value: string; error?: string }) {
  const errorId = "connector-emails-error";
  return (
    <fieldset className="choice-group" aria-describedby={error ? errorId : undefined}>
      <legend>Who writes to candidates?</legend>
      {CONNECTOR_EMAIL_MODES.map((mode) => (
        <label key={mode} className="checkbox">
          <input type="radio" name="emails" value={mode} defaultChecked={value === mode} />
          <span>
            {EMAIL_MODE_CHOICES[mode].label}
            <span className="small muted"> — {EMAIL_MODE_CHOICES[mode].hint}</span>
          </span>
        </label>
      ))}
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
