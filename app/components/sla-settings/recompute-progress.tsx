// "Updating due dates: 1,234 of 5,000" while a clock recompute runs. With JavaScript the page data is reloaded every
// two seconds until it is done; without, a reload of the page shows the progress.
import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { Alert } from "~/components/ui/alert";

type Run = { id: string; reason: string; status: string; total: number; done: number; error: string | null };

const number = new Intl.NumberFormat("en-GB");

export function RecomputeProgress({ active, recent }: { active: Run[]; recent: Run[] }) {
  const revalidator = useRevalidator();
  const running = active.length > 0;
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 2000);
    return () => window.clearInterval(timer);
  }, [running, revalidator]);

  const failed = recent.find((run) => run.status === "failed");
  if (!running && !failed) return null;
  return (
    <div className="recompute-progress">
      {active.map((run) => (
        <Alert key={run.id} tone="info">
          <p>
            <strong>
              Updating due dates: {number.format(Math.min(run.done, run.total))} of {number.format(run.total)}
            </strong>{" "}
            <span className="muted small">({run.reason})</span>
          </p>
          <progress value={Math.min(run.done, run.total)} max={Math.max(run.total, 1)} aria-label={run.reason} />
          <p className="small muted">
            Start times stay; due dates of running clocks move. This updates by itself (without JavaScript, reload the
            page).
          </p>
        </Alert>
      ))}
      {!running && failed ? (
        <Alert tone="warning">
          Updating due dates failed ({failed.reason}): {failed.error ?? "unknown error"}.
        </Alert>
      ) : null}
    </div>
  );
}
