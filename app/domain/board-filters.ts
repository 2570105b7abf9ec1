// What a recruiter narrows the pipeline board to: a search, what we owe the candidate, where they came from, and
// whether closed applications (rejected, hired) show. Read from the page's query string, so a filtered board is a
// link and works without JavaScript.

export const BOARD_OWED_FILTERS = ["overdue", "at_risk", "waiting"] as const;
export type BoardOwedFilter = (typeof BOARD_OWED_FILTERS)[number];

export const BOARD_OWED_LABELS: Record<BoardOwedFilter, string> = {
  overdue: "Owed something overdue",
  at_risk: "Owed something due soon or overdue",
  waiting: "Waiting on us",
};

/** Applications that are no longer in the pipeline, shown as their own columns when asked for. */
export const CLOSED_COLUMNS = ["rejected", "hired"] as const;
export type ClosedColumn = (typeof CLOSED_COLUMNS)[number];
export const CLOSED_COLUMN_LABELS: Record<ClosedColumn, string> = { rejected: "Rejected", hired: "Hired" };

/** The value of the source filter that finds applications without a recorded source. */
export const NO_SOURCE = "none";

export type BoardFilters = {
  /** Part of the candidate's name or email; "" for all. */
  q: string;
  owed: BoardOwedFilter | null;
  /** An application source as recorded, NO_SOURCE, or null for all. */
  source: string | null;
  showClosed: boolean;
};

const MAX_QUERY_LENGTH = 100;

export function boardFiltersFromSearch(params: URLSearchParams): BoardFilters {
  const owed = params.get("owed");
  const source = params.get("source")?.trim();
  return {
    q: (params.get("q") ?? "").trim().slice(0, MAX_QUERY_LENGTH),
    owed: (BOARD_OWED_FILTERS as readonly string[]).includes(owed ?? "") ? (owed as BoardOwedFilter) : null,
    source: source ? source.slice(0, MAX_QUERY_LENGTH) : null,
    showClosed: params.get("closed") === "1",
  };
}

export function isFiltered(filters: BoardFilters): boolean {
  return filters.q !== "" || filters.owed !== null || filters.source !== null;
}

/** The query string of the board with these filters (and one stage shown in full), "" when there is nothing to say. */
export function boardSearch(filters: BoardFilters, expandStageId?: string | null): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.owed) params.set("owed", filters.owed);
  if (filters.source) params.set("source", filters.source);
  if (filters.showClosed) params.set("closed", "1");
  if (expandStageId) {
    params.set("stage", expandStageId);
    params.set("all", "1");
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** A LIKE pattern that matches `text` anywhere, with LIKE's own wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
