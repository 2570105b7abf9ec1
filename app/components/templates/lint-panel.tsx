// The compassion lint's verdict on the text being edited: score, reading grade and each finding, announced politely
// to screen readers as it changes.
import type { LintResult } from "~/domain/templates/lint";
import { ScoreBadge } from "./score-badge";

export function LintPanel({ lint, busy }: { lint: LintResult; busy?: boolean }) {
  const errors = lint.findings.filter((finding) => finding.severity === "error");
  const warnings = lint.findings.filter((finding) => finding.severity === "warning");
  return (
    <section className="card lint-panel" aria-labelledby="lint-heading" aria-live="polite" aria-busy={busy}>
      <h2 id="lint-heading">Compassion check</h2>
      <p>
        <ScoreBadge score={lint.score} />
        {lint.readingGrade === null ? null : <> · reading grade {lint.readingGrade} (aim for 8 or lower)</>}
      </p>
      {lint.findings.length === 0 ? (
        <p>Nothing to improve: greeting, decision, next step, named sender and plain words are all there.</p>
      ) : (
        <ul className="lint-findings">
          {[...errors, ...warnings].map((finding, index) => (
            <li key={`${finding.rule}-${index}`} className={`lint-finding lint-finding--${finding.severity}`}>
              <strong>{finding.severity === "error" ? "Must fix: " : "Consider: "}</strong>
              {finding.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
