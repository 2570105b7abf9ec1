// The views of the outbox page: every email, or those waiting, sent, not delivered or cancelled.
export const OUTBOX_FILTERS = ["all", "waiting", "sent", "failed", "cancelled"] as const;
export type OutboxFilter = (typeof OUTBOX_FILTERS)[number];

export const OUTBOX_FILTER_LABELS: Record<OutboxFilter, string> = {
  all: "All",
  waiting: "Waiting",
  sent: "Sent",
  failed: "Not delivered",
  cancelled: "Cancelled",
};
