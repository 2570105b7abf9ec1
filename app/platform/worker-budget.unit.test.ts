// Workers with a time budget: a worker that spins for good is stopped and reported, the caller's thread stays free.
import { expect, test } from "vitest";
import { runWorker, WorkerBudgetError } from "./worker-budget.server";

const SPINNING = new URL("../../tests/fixtures/spinning.worker.ts", import.meta.url);

test("a worker that never finishes is terminated past its budget", async () => {
  const answer = runWorker(SPINNING, "anything", { budgetMs: 100 });
  await expect(answer).rejects.toThrow(WorkerBudgetError);
  await expect(answer).rejects.toMatchObject({ reason: "too-slow" });
});
