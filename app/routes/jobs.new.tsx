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
import { createJob } from "~/models/job.server";
import { scheduleOptions } from "~/models/sla/schedules.server";
import jobFormStyles from "~/styles/job-form.css?url";
import { requirePermission } from "~/web/auth.server";
import { handleJobFormPost, jobFormChoices } from "~/web/job-form-page.server";
import { RouteError } from "~/components/route-error";

export const meta: MetaFunction = () => [{ title: "New job · Hearback" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: jobFormStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage_jobs");
  const [choices, schedules] = await Promise.all([jobFormChoices(), scheduleOptions()]);
  return { values: jobFormValues(undefined, choices.decisionCounting), schedules, ...choices };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage_jobs");
  return handleJobFormPost(request, (input) => createJob(input, user.id));
}

export default function NewJobPage() {
  const { values, hiringManagers, recruiters, departments, schedules } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/jobs">Jobs</Link>
      </p>
      <PageHeader title="New job" description="Set up the role and the stages its candidates go through." />
      <JobForm
        // A server-side stage step re-renders the form with new values: remount so it starts from them.
        key={actionData?.notice ?? "new"}
        values={actionData?.values ?? values}
        errors={actionData?.errors}
        notice={actionData?.notice}
        hiringManagers={hiringManagers}
        recruiters={recruiters}
        departments={departments}
        schedules={schedules}
        submitLabel="Create job"
      />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
