// The application page's "SLA clocks" panel: the date the candidate was promised (in their time zone), each open clock
// with its risk and due time (in the viewer's), and the finished ones folded away, met or missed.
import { DateTime } from "~/components/ui/date-time";
import { SLA_METRIC_LABELS, type ClockState, type SlaMetric } from "~/domain/sla/types";
import { riskOf } from "./clock-badge";
import { targetText } from "./due-text";
import { theirTime } from "~/domain/time-zones/their-time";
import { DueTime } from "./due-time";
import { RiskPill } from "./risk-pill";

export type PanelClock = {
  id: string;
  metric: SlaMetric;
  instance: number;
  state: ClockState;
  startedAt: Date | string;
  dueAt: Date | string | null;
  warnAt: Date | string | null;
  stoppedAt: Date | string | null;
  breached: boolean;
  businessHours: boolean;
  targetMinutes: number;
  remainingMinutes: number | null;
};

type Props = {
  clocks: PanelClock[];
  now: Date | string;
  /** The viewer's time zone, for due dates. */
  timeZone: string;
  /** The candidate's time zone, for the date they were promised. */
  candidateTimeZone: string;
  hearBackBy: Date | string | null;
};

/** "3rd": instances are counted in words a recruiter uses, never shown as raw numbers. */
export function ordinal(count: number): string {
  const tens = count % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" }[count % 10] ?? "th");
  return `${count}${suffix}`;
}

/** Which of a repeating clock this is, in plain words ("their 3rd message"); nothing for the first. */
const INSTANCE_WORDS: Record<SlaMetric, (nth: string) => string> = {
  first_response: (nth) => `the ${nth} time`,
  next_response: (nth) => `their ${nth} message`,
  periodic_update: (nth) => `the ${nth} update`,
  stage_decision: (nth) => `the ${nth} decision`,
  closure: (nth) => `the ${nth} time`,
  interviewer_feedback: (nth) => `the ${nth} interview`,
};

export function instanceWords(clock: Pick<PanelClock, "metric" | "instance">): string | null {
  return clock.instance > 1 ? INSTANCE_WORDS[clock.metric](ordinal(clock.instance)) : null;
}

function ClockName({ clock }: { clock: PanelClock }) {
  const which = instanceWords(clock);
  return (
    <>
      <strong>{SLA_METRIC_LABELS[clock.metric]}</strong>
      {which ? <span className="muted small"> · {which}</span> : null}
    </>
  );
}

export function SlaClocksPanel({ clocks, now, timeZone, candidateTimeZone, hearBackBy }: Props) {
  const at = new Date(now);
  const open = clocks
    .filter((clock) => clock.state === "running" || clock.state === "paused")
    .sort(
      (a, b) => (a.dueAt ? new Date(a.dueAt).getTime() : Infinity) - (b.dueAt ? new Date(b.dueAt).getTime() : Infinity),
    );
  const finished = clocks.filter((clock) => clock.state === "stopped" || clock.state === "cancelled");
  // Staff read the promise in the candidate's time, with their own beside it when the clocks differ.
  const hearBackTheirs = hearBackBy ? theirTime(new Date(hearBackBy), timeZone, candidateTimeZone) : null;
  return (
    <section className="card sla-panel" aria-labelledby="sla-heading">
      <h2 id="sla-heading">SLA clocks</h2>
      <p className="sla-panel__promise">
        {hearBackBy ? (
          <>
            Promised to hear back by <DateTime value={hearBackBy} timeZone={candidateTimeZone} />{" "}
            <span className="muted small">
              (the candidate’s time, {candidateTimeZone.replaceAll("_", " ")}
              {hearBackTheirs ? (
                <>
                  ; <DateTime value={hearBackBy} timeZone={timeZone} /> yours
                </>
              ) : null}
              )
            </span>
            {hearBackTheirs?.night ? <span className="due-time__theirs--night"> — at night for them</span> : null}
            {new Date(hearBackBy) < at ? <strong className="sla-panel__late"> — this date has passed.</strong> : null}
          </>
        ) : (
          <span className="muted">No hear-back date is promised right now.</span>
        )}
      </p>
      {open.length === 0 ? (
        <p className="muted small">No clock is running: nothing is owed to this candidate at the moment.</p>
      ) : (
        <ul className="sla-clocks" aria-label="Open clocks">
          {open.map((clock) => {
            const risk = riskOf(clock, at);
            return (
              <li key={clock.id} className={`sla-clock sla-clock--${risk}`}>
                <div className="sla-clock__head">
                  <ClockName clock={clock} /> <RiskPill risk={risk} />
                </div>
                {clock.state === "paused" || !clock.dueAt ? (
                  <p className="small">
                    Paused: waiting for the candidate.
                    {clock.remainingMinutes !== null
                      ? ` ${targetText(Math.round(clock.remainingMinutes), clock.businessHours)} left once they reply.`
                      : null}
                  </p>
                ) : (
                  <p className="small">
                    {new Date(clock.dueAt) > at ? "Due " : null}
                    <DueTime dueAt={clock.dueAt} now={at} timeZone={timeZone} candidateTimeZone={candidateTimeZone} />
                  </p>
                )}
                <p className="muted small">
                  Started <DateTime value={clock.startedAt} timeZone={timeZone} /> · target{" "}
                  {targetText(clock.targetMinutes, clock.businessHours)}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {finished.length > 0 ? (
        <details className="sla-finished">
          <summary>
            Finished clocks ({finished.length}: {finished.filter((clock) => !clock.breached).length} met,{" "}
            {finished.filter((clock) => clock.breached).length} missed)
          </summary>
          <ul className="sla-clocks">
            {finished.map((clock) => (
              <li key={clock.id} className="sla-clock">
                <div className="sla-clock__head">
                  <ClockName clock={clock} />{" "}
                  {clock.breached ? (
                    <RiskPill risk="breached" label="Missed" />
                  ) : clock.state === "cancelled" ? (
                    <RiskPill risk="done" label="Cancelled" />
                  ) : (
                    <RiskPill risk="fine" label="Met" />
                  )}
                </div>
                <p className="muted small">
                  Started <DateTime value={clock.startedAt} timeZone={timeZone} />
                  {clock.stoppedAt ? (
                    <>
                      {" "}
                      · {clock.state === "cancelled" ? "cancelled" : "stopped"}{" "}
                      <DateTime value={clock.stoppedAt} timeZone={timeZone} />
                    </>
                  ) : null}
                  {clock.dueAt ? (
                    <>
                      {" "}
                      · due <DateTime value={clock.dueAt} timeZone={timeZone} />
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
