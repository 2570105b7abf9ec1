// A due date as staff read it: relative to the loader's "now" ("in 3 h", "2 days overdue") and absolute in the
// viewer's time zone.
import { DateTime } from "~/components/ui/date-time";
import { relativeDue } from "./due-text";

export function DueTime({ dueAt, now, timeZone }: { dueAt: Date | string; now: Date | string; timeZone: string }) {
  return (
    <span className="due-time">
      <span className="due-time__relative">{relativeDue(new Date(dueAt), new Date(now))}</span>{" "}
      <span className="due-time__absolute">
        <DateTime value={dueAt} timeZone={timeZone} />
      </span>
    </span>
  );
}
