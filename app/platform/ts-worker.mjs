// Runs a TypeScript worker module from source (tests, the development server) through tsx; the server build has
// workers as JavaScript chunks and starts them directly (worker-budget.server.ts).
import { workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

await tsImport(workerData.entry, import.meta.url);
