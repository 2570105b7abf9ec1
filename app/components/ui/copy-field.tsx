// A value to copy once (a new API token, an invitation link): a read-only input that selects itself on focus, and,
// with JavaScript, a Copy button that says "Copied" to screen readers too. Without JavaScript the text stays there to
// select and copy by hand.
import { useId, useRef, useState } from "react";
import { useHydrated } from "./use-hydrated";

type CopyState = "idle" | "copied" | "failed";

async function copyText(input: HTMLInputElement): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(input.value);
      return true;
    }
  } catch {
    // Refused (an insecure address, or no permission): fall through to copying the selection.
  }
  input.focus();
  input.select();
  // The older way, for browsers that allow no clipboard API here.
  return document.execCommand("copy");
}

export function CopyField({ label, value, hideLabel = false }: { label: string; value: string; hideLabel?: boolean }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const hydrated = useHydrated();
  const [state, setState] = useState<CopyState>("idle");

  const copy = async () => {
    if (!input.current) return;
    setState((await copyText(input.current)) ? "copied" : "failed");
  };

  return (
    <div className="field copy-field">
      <label htmlFor={id} className={hideLabel ? "visually-hidden" : undefined}>
        {label}
      </label>
      <div className="copy-field__row">
        <input
          ref={input}
          id={id}
          type="text"
          readOnly
          value={value}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
        {hydrated ? (
          <button type="button" className="button button--secondary button--small" onClick={() => void copy()}>
            Copy<span className="visually-hidden"> {label.toLowerCase()}</span>
          </button>
        ) : null}
      </div>
      <span className="copy-field__status small" role="status" aria-live="polite">
        {state === "copied"
          ? "Copied"
          : state === "failed"
            ? "Could not copy. Select the text and copy it yourself."
            : ""}
      </span>
    </div>
  );
}
