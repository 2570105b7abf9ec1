// A bulk rejection (or its undo) still being worked in the background: a progress bar with "Rejecting 230 of 500…".
// What it shows comes from the database, so a reload shows the same. With JavaScript it asks a small resource route
// for the figures every two seconds and reloads the board once the job has finished; without, "Refresh" (or any reload)
// shows where it stands.
import { Link, useFetcher, useLocation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { isInProgress, rejectingMessage, undoingMessage, type BulkRejectionStatus } from "~/domain/bulk-rejection";
import { useHydrated } from "~/components/ui/use-hydrated";

export type BulkProgress = { id: string; jobId: string; status: BulkRejectionStatus; done: number; total: number };

const POLL_EVERY_MS = 2_000;

/** The address the board polls; app/routes/jobs.$jobId.bulk-rejections.$bulkId.ts answers it. */
export function progressUrl(progress: { id: string; jobId: string }): string {
  return `/jobs/${progress.jobId}/bulk-rejections/${progress.id}`;
}

/** The figures as last seen: the loader's, then the poll's while the job runs; the board reloads when it ends. */
export function useLiveProgress(initial: BulkProgress): BulkProgress {
  const fetcher = useFetcher<BulkProgress>();
  const revalidator = useRevalidator();
  const hydrated = useHydrated();
  const polled = fetcher.data?.id === initial.id ? fetcher.data : null;
  const running = hydrated && isInProgress(initial.status);
  const fetcherRef = useRef(fetcher);
  useEffect(() => {
    fetcherRef.current = fetcher;
  });
  const { id, jobId } = initial;

  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => {
      if (fetcherRef.current.state === "idle") fetcherRef.current.load(progressUrl({ id, jobId }));
    }, POLL_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [running, id, jobId]);

  // The job finished (or moved on to its undo): the board and the confirmation come from the loader.
  const changed = running && polled !== null && polled.status !== initial.status;
  useEffect(() => {
    if (changed && revalidator.state === "idle") revalidator.revalidate();
  }, [changed, revalidator]);
  // A poll answered before the loader last ran is older than what the loader says.
  return polled && polled.status === initial.status && polled.done >= initial.done ? polled : initial;
}

export function BulkRejectionProgress({ progress }: { progress: BulkProgress }) {
  const location = useLocation();
  const hydrated = useHydrated();
  const undoing = progress.status === "undoing";
  const done = Math.min(progress.done, progress.total);
  const text = undoing ? undoingMessage(done, progress.total) : rejectingMessage(done, progress.total);
  return (
    <div className="bulk-reject-progress">
      <p className="bulk-reject-progress__text" aria-live="polite">
        <strong>{text}</strong>
      </p>
      <progress
        value={done}
        max={Math.max(progress.total, 1)}
        aria-label={undoing ? "Undoing the bulk rejection" : "Rejecting the selected candidates"}
      />
      <p className="muted small bulk-reject-progress__note">
        {undoing
          ? "Their emails are cancelled. The candidates come back on the board in batches."
          : "This goes on in the background; you may leave the page. Each candidate's email is queued as they are rejected."}{" "}
        {hydrated ? (
          "This updates by itself."
        ) : (
          <Link to={`${location.pathname}?bulk=${progress.id}`} reloadDocument>
            Refresh to see progress
          </Link>
        )}
      </p>
    </div>
  );
}
