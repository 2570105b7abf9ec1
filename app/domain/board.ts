// The pipeline board as the browser shows it while moves are still on their way to the server (optimistic UI).

export type PendingMove = { applicationId: string; stageId: string };

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

/** Cards grouped by stage, in the order given. */
export function cardsByStage<TCard extends { stageId: string }>(
  stageIds: string[],
  cards: TCard[],
): Map<string, TCard[]> {
  const columns = new Map<string, TCard[]>(stageIds.map((id) => [id, []]));
  for (const card of cards) columns.get(card.stageId)?.push(card);
  return columns;
}
