import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Board, type MoveResult } from "~/components/board";
import { JobStatusBadge } from "~/components/status-badges";
import { PageHeader } from "~/components/ui/page-header";
import { moveFormSchema } from "~/domain/application-forms";
import { can } from "~/domain/permissions";
import { getApplication, moveApplication } from "~/models/application.server";
import { getBoard } from "~/models/board.server";
import { requirePermission, requireUser } from "~/utils/auth.server";
import { modelFailure } from "~/utils/form-errors.server";
import { parseForm } from "~/utils/forms";
import { RouteError } from "~/components/route-error";

/** Cards per column; "Show all" lifts the limit for one stage, so a 2,000-card pipeline still renders quickly. */
const CARDS_PER_STAGE = 100;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.job.title} · Pipeline · Hearback` : "Pipeline · Hearback" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const expandedStageId = url.searchParams.get("all") === "1" ? url.searchParams.get("stage") : null;
  const board = await getBoard(params.jobId!, user, {
    perStageLimit: CARDS_PER_STAGE,
    expandStageId: expandedStageId ?? undefined,
  });
  if (!board) throw new Response("This job does not exist, or you cannot see its pipeline.", { status: 404 });
  return {
    ...board,
    expandedStageId,
    now: new Date(),
    canMove: can(user.role, "move_applications"),
    canAddCandidates: can(user.role, "add_candidates"),
    canEditJob: can(user.role, "manage_jobs"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "move_applications");
  const formData = await request.formData();
  const applicationId = String(formData.get("applicationId") ?? "");
  const parsed = parseForm(formData, moveFormSchema);
  if (!parsed.ok || !applicationId) {
    return data<MoveResult>({ ok: false, message: "Choose a stage to move the application to." }, { status: 400 });
  }
  const before = await getApplication(applicationId, user);
  if (!before || before.jobId !== params.jobId)
    throw new Response("This application does not exist, or you cannot see it.", { status: 404 });
  try {
    await moveApplication(applicationId, parsed.data, user);
  } catch (error) {
    const failure = modelFailure(error);
    if (!failure) throw error;
    const message = failure.errors.stageId ?? failure.errors.form ?? "The application could not be moved.";
    return data<MoveResult>({ ok: false, message }, { status: failure.status });
  }
  const stage = before.job.stages.find((candidate) => candidate.id === parsed.data.stageId);
  const message =
    before.stageId === parsed.data.stageId
      ? `${before.candidate.name} is already in ${stage?.name ?? "that stage"}.`
      : `Moved ${before.candidate.name} to ${stage?.name ?? "the new stage"}.`;
  return data<MoveResult>({ ok: true, message });
}

export default function JobBoardPage() {
  const { job, cards, counts, expandedStageId, now, canMove, canAddCandidates, canEditJob } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
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
      <Board
        stages={job.stages}
        cards={cards}
        counts={counts}
        canMove={canMove}
        now={now}
        expandedStageId={expandedStageId}
        serverResult={actionData}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
