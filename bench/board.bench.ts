// The pipeline board of a job with 2,000 active applications: the model loader (getBoard) in full and as the board
// page asks for it (100 cards per stage), before and after the planner has statistics, and the page's route loader
// itself when it exists. Target: under 200 ms.
import { getBoard } from "~/models/board.server";
import { prisma } from "~/platform/db.server";
import { startSession } from "~/web/session.server";
import { createPipelineDataset, createPipelineStaff } from "./datasets/pipeline";
import { environment, measure, withTarget, type Benchmark, type BenchmarkResult } from "./harness";
import { seedFactories } from "../tests/factories";

const APPLICATIONS = 2_000;
const TARGET_MS = 200;
const ROUTE_MODULE = "../app/routes/jobs.$jobId._index.tsx";

type RouteLoader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;

async function importRouteLoader(): Promise<{ loader: RouteLoader } | { reason: string }> {
  try {
    const route = (await import(/* @vite-ignore */ ROUTE_MODULE)) as { loader?: RouteLoader };
    return route.loader ? { loader: route.loader } : { reason: `${ROUTE_MODULE} exports no loader` };
  } catch (error) {
    return { reason: `${ROUTE_MODULE} could not be loaded: ${error instanceof Error ? error.message : error}` };
  }
}

export const boardBenchmark: Benchmark = {
  name: "board",
  title: `Pipeline board, ${APPLICATIONS.toLocaleString("en")} active applications`,
  async run(context) {
    seedFactories(2_000);
    const staff = await createPipelineStaff();
    const dataset = await createPipelineDataset(staff, { applications: APPLICATIONS });
    const jobId = dataset.job.id;
    const result: BenchmarkResult = {
      name: "board",
      title: this.title,
      target: `p95 under ${TARGET_MS} ms`,
      date: new Date().toISOString(),
      environment: environment(context.database),
      dataset: {
        applications: APPLICATIONS,
        stages: dataset.job.stages.length,
        events: dataset.events,
        buildSeconds: Math.round(dataset.buildMs / 100) / 10,
      },
      measurements: [],
      skipped: [],
    };

    const full = await getBoard(jobId, staff.admin);
    if (full?.cards.length !== APPLICATIONS)
      throw new Error(`Expected ${APPLICATIONS} cards, got ${full?.cards.length}`);
    const everyCard = () => getBoard(jobId, staff.admin);
    const asThePageAsks = () => getBoard(jobId, staff.admin, { perStageLimit: 100 });

    // Right after a bulk insert the planner has no statistics. PostgreSQL's autovacuum soon collects them; the
    // embedded database has no autovacuum, so there they stay missing until something runs ANALYZE.
    const fewRuns = { runs: 10, warmUpRuns: 1 };
    const noStatistics = "before ANALYZE (no planner statistics yet)";
    result.measurements.push(
      withTarget(await measure(`getBoard, every card, ${noStatistics}`, everyCard, fewRuns), TARGET_MS, {
        informational: true,
      }),
      withTarget(await measure(`getBoard, 100 cards per stage, ${noStatistics}`, asThePageAsks, fewRuns), TARGET_MS, {
        informational: true,
      }),
    );
    await prisma.$executeRawUnsafe("ANALYZE");
    result.measurements.push(
      withTarget(await measure("getBoard, every card", everyCard, context), TARGET_MS),
      withTarget(
        await measure("getBoard, 100 cards per stage (as the board page asks)", asThePageAsks, context),
        TARGET_MS,
      ),
    );

    const route = await importRouteLoader();
    if ("reason" in route) {
      result.skipped.push({ label: "route loader /jobs/:jobId", reason: route.reason });
    } else {
      const setCookie = await startSession(staff.admin.id, new Request("http://localhost/login"));
      const cookie = setCookie.split(";")[0]!;
      const call = async () => {
        const request = new Request(`http://localhost/jobs/${jobId}`, { headers: { Cookie: cookie } });
        const response = await route.loader({ request, params: { jobId }, context: {} });
        if (response instanceof Response) throw new Error(`The route loader answered ${response.status}`);
        return response;
      };
      result.measurements.push(
        withTarget(await measure("route loader /jobs/:jobId (session + board)", call, context), TARGET_MS),
      );
    }
    return result;
  },
};
