import {
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { JobForm } from "~/components/job-form";
import { PageHeader } from "~/components/ui/page-header";
import { jobFormValues } from "~/domain/job-form";
import { countActiveByStage, getJob, updateJob } from "~/models/job.server";
import { careersJobUrl } from "~/models/careers.server";
import { scheduleOptions } from "~/models/sla/schedules.server";
import jobFormStyles from "~/styles/job-form.css?url";
import { requirePermission } from "~/web/auth.server";
import { handleJobFormPost, jobFormChoices } from "~/web/job-form-page.server";
import { RouteError } from "~/components/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Edit ${data.title} · Hearback` : "Edit job · Hearback" },
];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: jobFormStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage_jobs");
  const job = await getJob(params.jobId!, user);
  if (!job) throw new Response("This job does not exist, or you cannot see it.", { status: 404 });
  const [choices, occupancy, schedules] = await Promise.all([
    jobFormChoices(job),
    countActiveByStage(job.id),
    scheduleOptions(),
  ]);
  return {
    jobId: job.id,
    title: job.title,
    values: jobFormValues(job, choices.decisionCounting),
    careersUrl: job.slug ? careersJobUrl(job.slug) : null,
    occupancy,
    schedules,
    ...choices,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage_jobs");
  return handleJobFormPost(request, (input) => updateJob(params.jobId!, input, user));
}

export default function EditJobPage() {
  const { jobId, title, values, careersUrl, occupancy, hiringManagers, recruiters, departments, schedules } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/jobs">Jobs</Link> <span aria-hidden="true">/</span> <Link to={`/jobs/${jobId}`}>{title}</Link>
      </p>
      <PageHeader title={`Edit ${title}`} />
      <JobForm
        key={actionData?.notice ?? "edit"}
        values={actionData?.values ?? values}
        errors={actionData?.errors}
        notice={actionData?.notice}
        occupancy={occupancy}
        hiringManagers={hiringManagers}
        recruiters={recruiters}
        departments={departments}
        schedules={schedules}
        careersUrl={careersUrl}
        submitLabel="Save job"
      />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
