// One control for every duration staff type: an amount and a unit side by side ("2" "business days"), grouped under
// one label with its hint and error, so nobody has to work out that two days are 2880 minutes.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";

export type DurationUnitOption = { value: string; label: string };

type DurationFieldProps = {
  label: ReactNode;
  /** Props of the amount input: a name and default value, or a form library's registration. */
  amount: InputHTMLAttributes<HTMLInputElement> & { ref?: React.Ref<HTMLInputElement> };
  /** Props of the unit select, as for `amount`. */
  unit: SelectHTMLAttributes<HTMLSelectElement> & { ref?: React.Ref<HTMLSelectElement> };
  units: readonly DurationUnitOption[];
  error?: string;
  hint?: ReactNode;
  id?: string;
};

export function DurationField({ label, amount, unit, units, error, hint, id }: DurationFieldProps) {
  const generatedId = useId();
  const baseId = id ?? generatedId;
  const hintId = hint ? `${baseId}-hint` : undefined;
  const errorId = error ? `${baseId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      className="field duration-field"
      aria-describedby={describedBy}
      style={{ border: 0, padding: 0, minWidth: 0 }}
    >
      <legend style={{ padding: 0, marginBottom: "0.25rem" }}>{label}</legend>
      {hint ? (
        <span id={hintId} className="hint">
          {hint}
        </span>
      ) : null}
      <span className="duration-field__controls" style={{ display: "flex", gap: "0.5rem", alignItems: "center" }}>
        <label htmlFor={`${baseId}-amount`} className="visually-hidden">
          Amount
        </label>
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          size={5}
          style={{ width: "5.5rem", flex: "0 0 auto" }}
          {...amount}
          id={`${baseId}-amount`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        <label htmlFor={`${baseId}-unit`} className="visually-hidden">
          Unit
        </label>
        <select {...unit} id={`${baseId}-unit`} style={{ flex: "1 1 auto", minWidth: 0 }}>
          {units.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </span>
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
