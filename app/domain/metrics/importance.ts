// The Importance Index (docs/metrics.md): candidate figures set against the customer-support figures
// an admin entered, as two ratios and plain-language sentences. Pure; null-safe, never Infinity or NaN.

/** Customer-side names, in the order they are shown. */
export const CUSTOMER_METRICS = ["first_reply", "next_reply", "resolution"] as const;
export type CustomerMetricName = (typeof CUSTOMER_METRICS)[number];

/** What each customer metric is compared with on the candidate side. */
export const CANDIDATE_COUNTERPARTS = {
  first_reply: "first_response",
  next_reply: "next_response",
  resolution: "time_to_outcome",
} as const satisfies Record<CustomerMetricName, string>;

export const CUSTOMER_METRIC_LABELS: Record<CustomerMetricName, string> = {
  first_reply: "First reply",
  next_reply: "Next reply",
  resolution: "Resolution",
};

export const CANDIDATE_METRIC_LABELS: Record<CustomerMetricName, string> = {
  first_reply: "First response",
  next_reply: "Next response",
  resolution: "Time to outcome",
};

/** Ratios within this distance of 1 read as "as fast as" rather than a factor nobody would notice. */
export const PARITY_TOLERANCE = 0.1;

export type SideFigures = { attainment: number | null; medianMinutes: number | null };

export type ImportanceIndex = {
  /** Candidate attainment ÷ customer attainment: below 1 means candidates' targets are met less often. */
  attainmentIndex: number | null;
  /** Candidate median ÷ customer median: above 1 means candidates wait longer. */
  medianRatio: number | null;
  verdict: string;
  attainmentSentence: string;
};

type Phrases = {
  /** "Candidates wait 4.1× longer than customers for a first reply". */
  waitFor: string;
  /** "Candidates get a first reply as fast as customers". */
  asFast: string;
  /** "Candidates are answered 1.5× faster than customers for a first reply". */
  faster: (factor: string) => string;
  /** "Candidates' first replies meet their target …; customers' …". */
  plural: string;
  customerPlural: string;
};

const PHRASES: Record<CustomerMetricName, Phrases> = {
  first_reply: {
    waitFor: "than customers for a first reply",
    asFast: "Candidates get a first reply as fast as customers",
    faster: (factor) => `Candidates are answered ${factor} than customers for a first reply`,
    plural: "first replies",
    customerPlural: "customers'",
  },
  next_reply: {
    waitFor: "than customers for a reply to a follow-up",
    asFast: "Candidates get a reply to a follow-up as fast as customers",
    faster: (factor) => `Candidates are answered ${factor} than customers when they follow up`,
    plural: "replies to follow-ups",
    customerPlural: "customers'",
  },
  resolution: {
    waitFor: "for an outcome than customers wait for a resolution",
    asFast: "Candidates get an outcome as fast as customers get a resolution",
    faster: (factor) => `Candidates get an outcome ${factor} than customers get a resolution`,
    plural: "outcomes",
    customerPlural: "customers' resolutions",
  },
};

function usable(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

/**
 * candidate ÷ customer, or null when either is missing or the division has no finite answer.
 * Two zeros are a tie (1): an instant reply on both sides is parity, not "no data".
 */
export function safeRatio(candidate: number | null | undefined, customer: number | null | undefined): number | null {
  if (!usable(candidate) || !usable(customer)) return null;
  if (customer === 0) return candidate === 0 ? 1 : null;
  return candidate / customer;
}

/** 4.06 → "4.1×", 12.4 → "12×": one decimal below 10, whole numbers above, where a decimal adds nothing. */
export function formatFactor(factor: number): string {
  const rounded = factor < 9.95 ? (Math.round(factor * 10) / 10).toFixed(1) : String(Math.round(factor));
  return `${rounded}×`;
}

/**
 * 0.62 → "62%". A figure below 100% never reads as 100%, and one above 0 never as 0%, so a single breach or a
 * single success is not rounded away.
 */
export function formatPercent(fraction: number): string {
  const percent = Math.round(fraction * 100);
  if (percent >= 100 && fraction < 1) return "99%";
  if (percent <= 0 && fraction > 0) return "1%";
  return `${percent}%`;
}

function withinTolerance(ratio: number): boolean {
  // The epsilon keeps 1.1 (as computed from, say, 11 ÷ 10) inside the band it is written as.
  return Math.abs(ratio - 1) <= PARITY_TOLERANCE + 1e-9;
}

/** The median sentence: "Candidates wait 4.1× longer than customers for a first reply". */
export function speedVerdict(metric: CustomerMetricName, candidate: SideFigures, customer: SideFigures | null): string {
  const phrases = PHRASES[metric];
  const candidateMedian = candidate.medianMinutes;
  const customerMedian = customer?.medianMinutes;
  if (!usable(customerMedian)) return `No customer median entered for ${CUSTOMER_METRIC_LABELS[metric].toLowerCase()}`;
  if (!usable(candidateMedian)) return `No candidate ${phrases.plural} in this period to compare`;
  const ratio = safeRatio(candidateMedian, customerMedian);
  // Customers are answered at once (median 0) and candidates are not: longer, by no finite factor.
  if (ratio === null) return `Candidates wait longer ${phrases.waitFor}`;
  if (withinTolerance(ratio)) return phrases.asFast;
  if (ratio > 1) return `Candidates wait ${formatFactor(ratio)} longer ${phrases.waitFor}`;
  // Candidates answered at once while customers wait: faster, by no finite factor.
  if (ratio === 0) return phrases.faster("faster");
  return phrases.faster(`${formatFactor(1 / ratio)} faster`);
}

/** The attainment sentence: "Candidates' first replies meet their target 62% of the time; customers' 95%". */
export function attainmentSentence(
  metric: CustomerMetricName,
  candidate: SideFigures,
  customer: SideFigures | null,
): string {
  const phrases = PHRASES[metric];
  const candidateAttainment = usable(candidate.attainment) ? candidate.attainment : null;
  const customerAttainment = usable(customer?.attainment) ? customer.attainment : null;
  if (candidateAttainment === null) {
    if (customerAttainment === null) return "No attainment figures to compare";
    return `No candidate ${phrases.plural} were due in this period; ${phrases.customerPlural} meet their target ${formatPercent(customerAttainment)} of the time`;
  }
  const candidatePart = `Candidates' ${phrases.plural} meet their target ${formatPercent(candidateAttainment)} of the time`;
  if (customerAttainment === null) return `${candidatePart}; no customer figure entered`;
  return `${candidatePart}; ${phrases.customerPlural} ${formatPercent(customerAttainment)}`;
}

/** Both ratios and both sentences for one metric. `customer` is null when no figures were entered. */
export function importanceIndex(
  metric: CustomerMetricName,
  candidate: SideFigures,
  customer: SideFigures | null,
): ImportanceIndex {
  return {
    attainmentIndex: safeRatio(candidate.attainment, customer?.attainment),
    medianRatio: safeRatio(candidate.medianMinutes, customer?.medianMinutes),
    verdict: speedVerdict(metric, candidate, customer),
    attainmentSentence: attainmentSentence(metric, candidate, customer),
  };
}
