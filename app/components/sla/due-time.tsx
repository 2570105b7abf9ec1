// A due date as staff read it: relative to the loader's "now" ("in 3 h", "2 days overdue") and absolute in the
// viewer's time zone. Given the candidate's zone, it adds the candidate's wall-clock time when that reads differently
// ("· 09:00 their time"), flagged when it falls at night for them ("· 02:00 their time, at night").
import { DateTime } from "~/components/ui/date-time";
import { theirTime, theirTimeLabel } from "~/domain/time-zones/their-time";
import { relativeDue } from "./due-text";

export function DueTime({
  dueAt,
  now,
  timeZone,
  candidateTimeZone,
}: {
  dueAt: Date | string;
  now: Date | string;
  timeZone: string;
  /** The candidate's IANA zone; omit where there is no single candidate. */
  candidateTimeZone?: string | null;
}) {
  const their = theirTime(new Date(dueAt), timeZone, candidateTimeZone);
  return (
    <span className="due-time">
      <span className="due-time__relative">{relativeDue(new Date(dueAt), new Date(now))}</span>{" "}
      <span className="due-time__absolute">
        <DateTime value={dueAt} timeZone={timeZone} />
      </span>
      {their ? (
        <span className={their.night ? "due-time__theirs due-time__theirs--night" : "due-time__theirs"}>
          {` · ${theirTimeLabel(their)}`}
        </span>
      ) : null}
    </span>
  );
}
