// A time-zone field. Without JavaScript it is a native <select>: the likely zones first (optgroup "Likely"), then
// every zone grouped by region, each labelled "Berlin, Germany (UTC+01:00)". With JavaScript a search box above it
// narrows the options as you type (the chosen zone always stays), announces how many match, and Enter picks the
// first match; arrow down moves to the list.
import { useId, useMemo, useState, type KeyboardEvent, type SelectHTMLAttributes } from "react";
import {
  choiceMatches,
  TIME_ZONE_PICKER_TEXTS,
  type TimeZoneChoice,
  type TimeZoneChoices,
  type TimeZonePickerTexts,
} from "~/domain/time-zones/choices";
import { useHydrated } from "./use-hydrated";

type Props = {
  name: string;
  choices: TimeZoneChoices;
  /** The chosen zone when the parent keeps it (e.g. to preselect a guess); else `defaultValue` starts it. */
  value?: string;
  defaultValue?: string;
  onChange?: (zone: string) => void;
  texts?: TimeZonePickerTexts;
  id?: string;
  /** Set by <Field>: the select is the labelled control. */
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  /** Extra choice offered first when nothing else is (e.g. "Guess from the phone number"). */
  emptyChoiceLabel?: string;
} & Pick<SelectHTMLAttributes<HTMLSelectElement>, "autoComplete" | "disabled">;

export function TimeZonePicker({
  name,
  choices,
  value,
  defaultValue,
  onChange,
  texts = TIME_ZONE_PICKER_TEXTS.en,
  id,
  emptyChoiceLabel,
  ...rest
}: Props) {
  const hydrated = useHydrated();
  const generatedId = useId();
  const selectId = id ?? `${generatedId}-select`;
  const filterId = `${selectId}-filter`;
  const filterHintId = `${selectId}-filter-hint`;
  const statusId = `${selectId}-filter-status`;
  const [own, setOwn] = useState(defaultValue ?? "");
  const chosen = value ?? own;
  const [query, setQuery] = useState("");

  const filtered = useMemo(() => {
    const keep = (choice: TimeZoneChoice) => choice.value === chosen || choiceMatches(choice, query);
    if (!query.trim()) return { ...choices, count: null };
    const likely = choices.likely.filter(keep);
    const regions = choices.regions
      .map((region) => ({ ...region, choices: region.choices.filter(keep) }))
      .filter((region) => region.choices.length > 0);
    const seen = new Set<string>();
    for (const choice of [...likely, ...regions.flatMap((region) => region.choices)]) {
      if (choiceMatches(choice, query)) seen.add(choice.value);
    }
    return { likely, regions, count: seen.size };
  }, [choices, query, chosen]);

  function choose(zone: string) {
    setOwn(zone);
    onChange?.(zone);
  }

  function firstMatch(): string | undefined {
    return [...filtered.likely, ...filtered.regions.flatMap((region) => region.choices)].find((choice) =>
      choiceMatches(choice, query),
    )?.value;
  }

  function onFilterKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      // Enter in the search box picks; it never submits the form.
      event.preventDefault();
      const zone = firstMatch();
      if (zone) choose(zone);
      document.getElementById(selectId)?.focus();
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      document.getElementById(selectId)?.focus();
    } else if (event.key === "Escape" && query) {
      event.preventDefault();
      setQuery("");
    }
  }

  // Every value offered must be in the list, or the browser would show (and post) another.
  const listed = [...choices.likely, ...choices.regions.flatMap((region) => region.choices)].some(
    (choice) => choice.value === chosen,
  );

  return (
    <div className="time-zone-picker" style={{ display: "grid", gap: "var(--space-2)" }}>
      {hydrated ? (
        <div className="time-zone-picker__filter" style={{ display: "grid", gap: "var(--space-1)" }}>
          <label htmlFor={filterId} className="time-zone-picker__filter-label" style={{ fontWeight: 400 }}>
            {texts.filterLabel}
          </label>
          <input
            id={filterId}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onFilterKey}
            aria-controls={selectId}
            aria-describedby={`${filterHintId} ${statusId}`}
            autoComplete="off"
            spellCheck={false}
          />
          <span id={filterHintId} className="hint">
            {texts.filterHint}
          </span>
          <span id={statusId} role="status" className="hint time-zone-picker__status">
            {filtered.count === null ? "" : filtered.count === 0 ? texts.noMatch : texts.matches(filtered.count)}
          </span>
        </div>
      ) : null}
      <select {...rest} id={selectId} name={name} value={chosen} onChange={(event) => choose(event.target.value)}>
        {emptyChoiceLabel !== undefined || (!listed && chosen === "") ? (
          <option value="">{emptyChoiceLabel ?? ""}</option>
        ) : null}
        {filtered.likely.length > 0 ? (
          <optgroup label={texts.likely}>
            {filtered.likely.map((choice) => (
              <option key={`likely-${choice.value}`} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </optgroup>
        ) : null}
        {filtered.regions.map((region) => (
          <optgroup key={region.label} label={region.label}>
            {region.choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
