// The dashboard's opening answer: for each metric with a customer-support counterpart, one plain sentence saying
// whether candidates are treated as importantly as customers, and a tone (worse, same, better or unknown) that the page
// shows as a word and a colour. The sentences are importance.ts's; this file only adds the judgement. Pure.
import {
  CUSTOMER_METRIC_LABELS,
  CUSTOMER_METRICS,
  PARITY_TOLERANCE,
  safeRatio,
  speedVerdict,
  attainmentSentence,
  type CustomerMetricName,
  type SideFigures,
} from "./importance";

/** worse: candidates wait longer; same: within the tolerance; better: candidates are answered faster; unknown: a side
 * has no figure to compare. */
export type VerdictTone = "worse" | "same" | "better" | "unknown";

export type Verdict = {
  metric: CustomerMetricName;
  tone: VerdictTone;
  /** The one sentence: "Candidates wait 42× longer than customers for a first reply." */
  sentence: string;
  /** How often each side meets its target, when known: "Candidates' first replies meet their target 62% …". */
  detail: string | null;
  /** Which side is missing, for the link that lets an admin enter customer figures. */
  missing: "customer" | "candidate" | null;
};

/** The word shown beside each sentence, so the verdict never rests on colour alone. */
export const VERDICT_TONE_LABELS: Record<VerdictTone, string> = {
  worse: "Candidates wait longer",
  same: "On a par",
  better: "Candidates first",
  unknown: "Not enough data",
};

function usable(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

/** The tone of the median comparison: a ratio (candidate ÷ customer) within ±PARITY_TOLERANCE is "same". */
export function verdictTone(candidate: SideFigures, customer: SideFigures | null): VerdictTone {
  const candidateMedian = candidate.medianMinutes;
  const customerMedian = customer?.medianMinutes;
  if (!usable(candidateMedian) || !usable(customerMedian)) return "unknown";
  const ratio = safeRatio(candidateMedian, customerMedian);
  // Customers answered at once and candidates not: longer by no finite factor.
  if (ratio === null) return "worse";
  if (Math.abs(ratio - 1) <= PARITY_TOLERANCE + 1e-9) return "same";
  return ratio > 1 ? "worse" : "better";
}

export function verdictFor(metric: CustomerMetricName, candidate: SideFigures, customer: SideFigures | null): Verdict {
  const tone = verdictTone(candidate, customer);
  const missing = !usable(customer?.medianMinutes) ? "customer" : !usable(candidate.medianMinutes) ? "candidate" : null;
  const sentence =
    missing === "customer"
      ? `No customer figure for ${CUSTOMER_METRIC_LABELS[metric].toLowerCase()} yet, so there is nothing to compare candidates with.`
      : `${speedVerdict(metric, candidate, customer)}.`;
  const hasAttainment = usable(candidate.attainment) || usable(customer?.attainment);
  return {
    metric,
    tone,
    sentence,
    detail: hasAttainment ? `${attainmentSentence(metric, candidate, customer)}.` : null,
    missing,
  };
}

/** The verdicts in the order the page shows them; `sides` gives each metric's candidate and customer figures. */
export function verdicts(
  sides: Record<CustomerMetricName, { candidate: SideFigures; customer: SideFigures | null }>,
): Verdict[] {
  return CUSTOMER_METRICS.map((metric) => verdictFor(metric, sides[metric].candidate, sides[metric].customer));
}
