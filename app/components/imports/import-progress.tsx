// An import being applied in the background: a progress bar with "4,200 of 10,000 rows" and a Cancel button. What it
// shows comes from the database, so a reload shows the same. With JavaScript it asks a small resource route for the
// figures every second and reloads the page once the import has finished; without, the page refreshes itself.
import { Form, Link, useFetcher, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useHydrated } from "~/components/ui/use-hydrated";

export type LiveImport = { id: string; status: string; done: number; total: number };

const POLL_EVERY_MS = 1_000;
const running = (status: string) => status === "queued" || status === "running";

/** The figures as last seen: the loader's, then the poll's while the import runs; the page reloads when it ends. */
export function useLiveImport(initial: LiveImport): LiveImport {
  const fetcher = useFetcher<LiveImport>();
  const revalidator = useRevalidator();
  const hydrated = useHydrated();
  const fetcherRef = useRef(fetcher);
  useEffect(() => {
    fetcherRef.current = fetcher;
  });
  const live = hydrated && running(initial.status);
  const { id } = initial;
  useEffect(() => {
    if (!live) return;
    const timer = window.setInterval(() => {
      if (fetcherRef.current.state === "idle") fetcherRef.current.load(`/jobs/import/${id}/progress`);
    }, POLL_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [live, id]);
  const polled = fetcher.data?.id === id ? fetcher.data : null;
  const ended = live && polled !== null && !running(polled.status);
  useEffect(() => {
    if (ended && revalidator.state === "idle") revalidator.revalidate();
  }, [ended, revalidator]);
  return polled && running(polled.status) && polled.done >= initial.done ? polled : initial;
}

export function ImportProgressBar({ progress }: { progress: LiveImport }) {
  const hydrated = useHydrated();
  const done = Math.min(progress.done, progress.total);
  return (
    <section className="card stack import-progress" aria-labelledby="progress-heading">
      <h2 id="progress-heading">Importing</h2>
      {hydrated ? null : (
        <noscript>
          <meta httpEquiv="refresh" content="2" />
        </noscript>
      )}
      <p aria-live="polite">
        <strong>
          {done.toLocaleString("en")} of {progress.total.toLocaleString("en")} rows
        </strong>
        {progress.status === "queued" ? " — waiting to start" : null}
      </p>
      <progress value={done} max={Math.max(progress.total, 1)} aria-label="Rows imported" />
      <p className="muted small">
        This goes on in the background; you may leave the page and come back.{" "}
        {hydrated ? "This updates by itself." : <Link to={`/jobs/import/${progress.id}`}>Refresh</Link>}
      </p>
      <Form method="post">
        <button type="submit" name="intent" value="cancel" className="button button--secondary">
          Cancel the import
        </button>
        <p className="muted small">Rows imported so far stay imported.</p>
      </Form>
    </section>
  );
}
