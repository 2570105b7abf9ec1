// "Reference: <id>" on an error page: the id of the request the server logged the fault under, for people to quote
// to support. The server provides it (app/entry.server.tsx) when it renders an error; in the browser, hydration reads
// it back from the page so both render the same. An error shown after a client-side navigation has none to show.
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";

const RequestIdContext = createContext<string | null>(null);

export function RequestIdProvider({ requestId, children }: { requestId: string | null; children: ReactNode }) {
  return <RequestIdContext.Provider value={requestId}>{children}</RequestIdContext.Provider>;
}

/** True until the first reference has hydrated: later renders must not pick up a reference from an older page. */
let hydrating = typeof document !== "undefined";

function referenceOnThePage(): string | null {
  if (!hydrating) return null;
  return document.querySelector("[data-request-reference] code")?.textContent ?? null;
}

export function RequestReference() {
  const fromServer = useContext(RequestIdContext);
  const [requestId] = useState(() => fromServer ?? referenceOnThePage());
  useEffect(() => {
    hydrating = false;
  }, []);
  if (!requestId) return null;
  return (
    <p className="muted small" data-request-reference="">
      Reference: <code>{requestId}</code>
    </p>
  );
}
