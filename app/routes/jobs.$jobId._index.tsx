import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { Board, BoardFilterBar, type MoveResult } from "~/components/board";
import { BulkRejectionBar, BulkRejectionBanner, useBoardSelection } from "~/components/bulk-rejection-bar";
import { JobStatusBadge } from "~/components/status-badges";
import { PageHeader } from "~/components/ui/page-header";
import { moveFormSchema } from "~/domain/application-forms";
import { boardFiltersFromSearch, isFiltered } from "~/domain/board-filters";
import { cardsPerColumn } from "~/domain/board";
import { suggestedRejectionKind } from "~/domain/bulk-rejection";
import type { StageKind } from "~/domain/jobs";
import { can } from "~/domain/permissions";
import { getApplication, moveApplication } from "~/models/application.server";
import { getBoard } from "~/models/board.server";
import { getBulkRejection, runningBulkRejectionId } from "~/models/bulk-rejection/read.server";
import boardStyles from "~/styles/board.css?url";
import { requireUser } from "~/web/auth.server";
import { bulkRejectionIntents, type BulkRejectionActionData } from "~/web/bulk-rejection-actions.server";
import { modelFailure } from "~/web/form-errors.server";
import { defineIntent, dispatchIntent } from "~/web/intents.server";
import { RouteError } from "~/components/route-error";
import { useHydrated } from "~/components/ui/use-hydrated";
import type { StaffPageHandle } from "~/web/staff-page-cache.server";

/** Read only from the database, the user and the clock: kept in memory until the next write or minute. */
export const handle: StaffPageHandle = { keptWhileUnchanged: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.job.title} · Pipeline · Hearback` : "Pipeline · Hearback" },
];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: boardStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const expandedStageId = url.searchParams.get("all") === "1" ? url.searchParams.get("stage") : null;
  const now = new Date();
  const board = await getBoard(params.jobId!, user, {
    // A budget of cards shared out between the columns; "Show all" lifts the limit for one stage.
    perStageLimit: cardsPerColumn,
    expandStageId: expandedStageId ?? undefined,
    filters: boardFiltersFromSearch(url.searchParams),
    at: now,
  });
  if (!board) throw new Response("This job does not exist, or you cannot see its pipeline.", { status: 404 });
  // The bulk rejection just queued (or undone) from this board, for its banner; else one the worker is still on.
  const bulkId = url.searchParams.get("bulk") ?? (await runningBulkRejectionId(board.job.id));
  const bulkRejection = bulkId ? await getBulkRejection(bulkId, user) : null;
  return {
    ...board,
    expandedStageId,
    bulkRejection: bulkRejection?.jobId === board.job.id ? bulkRejection : null,
    now,
    canMove: can(user.role, "move_applications"),
    canDecide: can(user.role, "decide_applications"),
    canAddCandidates: can(user.role, "add_candidates"),
    canEditJob: can(user.role, "manage_jobs"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const jobId = params.jobId!;
  const notMoved = (message: string, status: number) => data<MoveResult>({ ok: false, message }, { status });
  const noStage = () => notMoved("Choose a stage to move the application to.", 400);
  return dispatchIntent(await request.formData(), {
    intents: {
      ...bulkRejectionIntents(jobId, user),
      // Moving one card; a post that names no other intent is a move too.
      move: defineIntent({
        guard: () => {
          if (!can(user.role, "move_applications")) {
            throw new Response("You do not have permission to see this page.", { status: 403 });
          }
          return undefined;
        },
        schema: moveFormSchema,
        invalid: noStage,
        run: async ({ input, formData }) => {
          const applicationId = String(formData.get("applicationId") ?? "");
          if (!applicationId) return noStage();
          const before = await getApplication(applicationId, user);
          if (!before || before.jobId !== jobId)
            throw new Response("This application does not exist, or you cannot see it.", { status: 404 });
          try {
            await moveApplication(applicationId, input, user);
          } catch (error) {
            const failure = modelFailure(error);
            if (!failure) throw error;
            const message = failure.errors.stageId ?? failure.errors.form ?? "The application could not be moved.";
            return notMoved(message, failure.status);
          }
          const stage = before.job.stages.find((candidate) => candidate.id === input.stageId);
          const message =
            before.stageId === input.stageId
              ? `${before.candidate.name} is already in ${stage?.name ?? "that stage"}.`
              : `Moved ${before.candidate.name} to ${stage?.name ?? "the new stage"}.`;
          return data<MoveResult>({ ok: true, message });
        },
      }),
    },
    role: user.role,
    fallback: "move",
  });
}

export default function JobBoardPage() {
  const {
    job,
    cards,
    counts,
    closedCounts,
    sources,
    filters,
    expandedStageId,
    bulkRejection,
    now,
    canMove,
    canDecide,
    canAddCandidates,
    canEditJob,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const bulkAnswer = actionData && "intent" in actionData ? (actionData as BulkRejectionActionData) : undefined;
  const moveAnswer = actionData && !("intent" in actionData) ? (actionData as MoveResult) : undefined;
  const rejectAnswer = bulkAnswer?.intent === "bulk-reject" ? bulkAnswer : undefined;
  const interactive = useHydrated();
  const location = useLocation();
  const selection = useBoardSelection(selectedIdsOf(rejectAnswer?.values), location.key);
  const stageKinds = new Map(job.stages.map((stage) => [stage.id, stage.kind as StageKind]));
  const selectedKinds = cards
    .filter((card) => card.closed === null && selection.isSelected(card.id))
    .map((card) => stageKinds.get(card.stageId)!);
  const total = job.stages.reduce((sum, stage) => sum + (counts[stage.id] ?? 0), 0);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/jobs">Jobs</Link>
      </p>
      <PageHeader
        title={job.title}
        description={
          <>
            <JobStatusBadge status={job.status} />
            {job.department ? ` · ${job.department}` : null} · {total} active{" "}
            {total === 1 ? "application" : "applications"}
            {isFiltered(filters) ? " matching the filters" : null}
          </>
        }
        actions={
          <>
            {canAddCandidates ? (
              <Link className="button" to={`/jobs/${job.id}/candidates/new`}>
                Add candidate
              </Link>
            ) : null}
            {canEditJob ? (
              <Link className="button button--secondary" to={`/jobs/${job.id}/edit`}>
                Edit job
              </Link>
            ) : null}
            <Link className="button button--secondary" to={`/applications?job=${job.id}`}>
              All applications
            </Link>
          </>
        }
      />
      {bulkRejection ? (
        <BulkRejectionBanner
          batch={bulkRejection}
          undoError={bulkAnswer?.intent === "undo-bulk-reject" ? bulkAnswer.errors.form : undefined}
        />
      ) : null}
      <BoardFilterBar filters={filters} sources={sources} closedCounts={closedCounts} />
      <Board
        stages={job.stages}
        cards={cards}
        counts={counts}
        filters={filters}
        canMove={canMove}
        now={now}
        expandedStageId={expandedStageId}
        serverResult={moveAnswer}
        selection={canDecide ? selection : undefined}
      />
      {canDecide && total > 0 ? (
        <BulkRejectionBar
          key={location.key}
          selectedCount={selectedKinds.length}
          suggestedKind={suggestedRejectionKind(selectedKinds)}
          interactive={interactive}
          errors={rejectAnswer?.errors}
          values={rejectAnswer?.values}
        />
      ) : null}
    </>
  );
}

/** The ticked cards a refused bulk rejection sent back: one id is a string, several a list. */
function selectedIdsOf(values: Record<string, unknown> | undefined): string[] {
  const ids = values?.applicationIds;
  return (Array.isArray(ids) ? ids : [ids]).filter((id): id is string => typeof id === "string");
}

export function ErrorBoundary() {
  return <RouteError />;
}
