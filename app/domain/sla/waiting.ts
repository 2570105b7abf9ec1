// "Waiting on us": the risks its list can be filtered to, and the longest candidate search it reads. Shared by the
// page (its form) and the model.
export const WAITING_RISKS = ["breached", "warning", "fine"] as const;

export type WaitingRisk = (typeof WAITING_RISKS)[number];

/** Longest search text accepted; longer input is cut to this. */
export const WAITING_SEARCH_MAX = 100;
