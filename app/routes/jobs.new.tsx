import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { JobForm } from "~/components/job-form";
import { PageHeader } from "~/components/ui/page-header";
import { jobFormValues } from "~/domain/job-form";
import { createJob } from "~/models/job.server";
import { requirePermission } from "~/utils/auth.server";
import { handleJobFormPost, jobFormChoices } from "~/utils/job-form.server";
import { RouteError } from "~/components/route-error";

export const meta: MetaFunction = () => [{ title: "New job · Hearback" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage_jobs");
  return { values: jobFormValues(), ...(await jobFormChoices()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage_jobs");
  return handleJobFormPost(request, (input) => createJob(input, user.id));
}

export default function NewJobPage() {
  const { values, hiringManagers, recruiters, departments } = useLoaderData<typeof loader>();
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
        submitLabel="Create job"
      />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
