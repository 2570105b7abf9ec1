// The per-response nonce that lets the page's own inline scripts run under its Content-Security-Policy. The server
// provides it (app/entry.server.tsx); in the browser there is none to give, and none is needed after the first load.
import { createContext, useContext, type ReactNode } from "react";

const NonceContext = createContext<string | undefined>(undefined);

export function NonceProvider({ nonce, children }: { nonce: string; children: ReactNode }) {
  return <NonceContext.Provider value={nonce}>{children}</NonceContext.Provider>;
}

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
