import { expect, test } from "vitest";
import { applyPendingMoves, BOARD_CARD_BUDGET, cardsPerColumn } from "./board";

const cards = [
  { id: "a", stageId: "s1" },
  { id: "b", stageId: "s1" },
  { id: "c", stageId: "s2" },
];
const counts = { s1: 2, s2: 1, s3: 0 };

test("pending moves show cards in their new stage with counts to match", () => {
  const shown = applyPendingMoves(cards, counts, [{ applicationId: "a", stageId: "s3" }]);
  expect(shown.cards.find((card) => card.id === "a")!.stageId).toBe("s3");
  expect(shown.counts).toEqual({ s1: 1, s2: 1, s3: 1 });
  expect(counts).toEqual({ s1: 2, s2: 1, s3: 0 }); // inputs untouched
});

test("moves to the same stage, unknown stages or unknown cards change nothing", () => {
  const shown = applyPendingMoves(cards, counts, [
    { applicationId: "c", stageId: "s2" },
    { applicationId: "b", stageId: "elsewhere" },
    { applicationId: "zz", stageId: "s1" },
  ]);
  expect(shown.cards).toEqual(cards);
  expect(shown.counts).toEqual(counts);
});

test("a board's card budget is shared out between its columns, never fewer than six each", () => {
  expect(cardsPerColumn(5)).toBe(12);
  expect(cardsPerColumn(3)).toBe(20);
  expect(cardsPerColumn(7)).toBe(8);
  expect(cardsPerColumn(20)).toBe(6);
  expect(cardsPerColumn(0)).toBe(BOARD_CARD_BUDGET);
});
