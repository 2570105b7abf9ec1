// Work that may run away (reading a file someone uploaded with a library that can loop for good) runs in a worker
// thread with a time budget: past it the thread is terminated and the caller gets a WorkerBudgetError, while the
// server's own thread stays free to answer other requests and to shut down.
//
// A worker is a TypeScript module that calls answerInWorker. Its caller names it as
// `new URL("./<name>.worker.ts", import.meta.url)`: from source (tests, the development server) that file is run through
// tsx, and the server build turns each such module into a JavaScript chunk of its own and the URL into that chunk's
// (the server-workers plugin in vite.config.ts).
import { parentPort, Worker } from "node:worker_threads";

export type WorkerLimits = {
  /** Milliseconds the work may take, counted from when the worker has loaded its code and received the input. */
  budgetMs: number;
  /** Milliseconds the worker may take to load its code. */
  startMs?: number;
  /** Heap the worker may use, in megabytes. */
  memoryMb?: number;
};

export class WorkerBudgetError extends Error {
  constructor(
    readonly reason: "too-slow" | "out-of-memory" | "failed",
    options?: { cause?: unknown },
  ) {
    super(
      reason === "too-slow"
        ? "The worker took longer than its budget and was stopped."
        : reason === "out-of-memory"
          ? "The worker ran out of memory."
          : "The worker failed.",
      options,
    );
    this.name = "WorkerBudgetError";
  }
}

/** Sent by a worker once its code is loaded: the budget starts when the input is sent in reply. */
const READY = "ready";

/** Runs `entry` in a worker thread on `input` and resolves with its answer, or rejects past the limits. */
export function runWorker<Answer>(entry: URL, input: unknown, limits: WorkerLimits): Promise<Answer> {
  const resourceLimits = { maxOldGenerationSizeMb: limits.memoryMb ?? 256 };
  const worker = entry.pathname.endsWith(".ts")
    ? new Worker(new URL("./ts-worker.mjs", import.meta.url), { workerData: { entry: entry.href }, resourceLimits })
    : new Worker(entry, { resourceLimits });
  return new Promise<Answer>((resolve, reject) => {
    let settled = false;
    let timer = setTimeout(() => finish(new WorkerBudgetError("too-slow")), limits.startMs ?? 30_000);
    const finish = (error: Error | null, answer?: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (error) reject(error);
      else resolve(answer as Answer);
    };
    worker.on("message", (message: unknown) => {
      if (message !== READY) return finish(null, message as Answer);
      clearTimeout(timer);
      timer = setTimeout(() => finish(new WorkerBudgetError("too-slow")), limits.budgetMs);
      worker.postMessage(input);
    });
    worker.on("error", (error: Error & { code?: string }) =>
      finish(
        new WorkerBudgetError(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "out-of-memory" : "failed", {
          cause: error,
        }),
      ),
    );
    worker.on("exit", () => finish(new WorkerBudgetError("failed")));
  });
}

/** The worker's side: answers the one input it is sent with `handle`'s result (which must be cloneable). */
export function answerInWorker<Input, Answer>(handle: (input: Input) => Answer): void {
  if (!parentPort) throw new Error("answerInWorker runs in a worker thread only.");
  const port = parentPort;
  port.once("message", (input: Input) => port.postMessage(handle(input)));
  port.postMessage(READY);
}
