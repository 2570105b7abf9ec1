// The compact clock of a board card: what is owed, how soon, and its risk (glyph and words, not colour alone).
import { clockRisk } from "~/domain/sla/clocks";
import { SLA_METRIC_LABELS, type ClockState, type SlaMetric } from "~/domain/sla/types";
import { RISK_ICONS, RISK_LABELS, relativeDue } from "./due-text";

export type BadgeClock = {
  metric: SlaMetric;
  state: ClockState;
  dueAt: Date | string | null;
  warnAt: Date | string | null;
  breached: boolean;
};

/** The risk of a materialised clock as of `now`. */
export function riskOf(clock: BadgeClock, now: Date) {
  return clockRisk(
    {
      state: clock.state,
      dueAt: clock.dueAt ? new Date(clock.dueAt) : null,
      warnAt: clock.warnAt ? new Date(clock.warnAt) : null,
      breached: clock.breached,
    },
    now,
  );
}

export function ClockBadge({ clock, now }: { clock: BadgeClock; now: Date | string }) {
  const at = new Date(now);
  const risk = riskOf(clock, at);
  const label = SLA_METRIC_LABELS[clock.metric];
  return (
    <span className={`clock-badge clock-badge--${risk}`}>
      <span aria-hidden="true" className="clock-badge__icon">
        {RISK_ICONS[risk]}
      </span>
      {risk === "paused" || !clock.dueAt ? (
        <span>{label}: paused, waiting for the candidate</span>
      ) : (
        <span>
          {risk === "warning" ? `${RISK_LABELS.warning}: ` : null}
          {label} <time dateTime={new Date(clock.dueAt).toISOString()}>{relativeDue(new Date(clock.dueAt), at)}</time>
        </span>
      )}
    </span>
  );
}
