// A clock's risk in words with a glyph, coloured with AA contrast; never colour alone.
import type { ClockRisk } from "~/domain/sla/clocks";
import { RISK_ICONS, RISK_LABELS } from "./due-text";

export function RiskPill({ risk, label }: { risk: ClockRisk; label?: string }) {
  return (
    <span className={`risk-pill risk-pill--${risk}`}>
      <span aria-hidden="true" className="risk-pill__icon">
        {RISK_ICONS[risk]}
      </span>
      {label ?? RISK_LABELS[risk]}
    </span>
  );
}
