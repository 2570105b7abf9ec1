// True once React runs in the browser: for enhancements that only make sense with JavaScript (e.g. drag and drop).
import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
