// The pipeline board as the browser shows it while moves are still on their way to the server (optimistic UI).

export type PendingMove = { applicationId: string; stageId: string };

/** Cards a board shows before "Show all", whatever its number of columns: about 1 KB of HTML each, so a board stays
 * under its 100 KB budget even when a job has thousands of active applications. */
export const BOARD_CARD_BUDGET = 60;
const MIN_CARDS_PER_COLUMN = 6;

/** Cards per column for a board of `columns` columns: the budget shared out, never fewer than a handful. */
export function cardsPerColumn(columns: number): number {
  return Math.max(MIN_CARDS_PER_COLUMN, Math.floor(BOARD_CARD_BUDGET / Math.max(1, columns)));
}

/**
 * Cards with pending moves applied, and stage counts adjusted to match. Moves to unknown stages or of cards not on
 * the board (beyond the per-stage limit) only change the counts that can be known.
 */
export function applyPendingMoves<TCard extends { id: string; stageId: string }>(
  cards: TCard[],
  counts: Record<string, number>,
  moves: PendingMove[],
): { cards: TCard[]; counts: Record<string, number> } {
  if (moves.length === 0) return { cards, counts };
  const target = new Map(moves.map((move) => [move.applicationId, move.stageId]));
  const adjusted = { ...counts };
  const moved = cards.map((card) => {
    const stageId = target.get(card.id);
    if (!stageId || stageId === card.stageId || !(stageId in adjusted)) return card;
    adjusted[card.stageId] = Math.max(0, (adjusted[card.stageId] ?? 0) - 1);
    adjusted[stageId] = (adjusted[stageId] ?? 0) + 1;
    return { ...card, stageId };
  });
  return { cards: moved, counts: adjusted };
}
