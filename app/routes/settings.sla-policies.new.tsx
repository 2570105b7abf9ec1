import {
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { PolicyForm } from "~/components/sla-settings/policy-form";
import { PageHeader } from "~/components/ui/page-header";
import { SettingsBreadcrumb } from "~/components/ui/settings-breadcrumb";
import { policyFormValues } from "~/domain/sla/policy-form";
import { listJobs } from "~/models/job.server";
import { createPolicy } from "~/models/sla/policies.server";
import { scheduleOptions } from "~/models/sla/schedules.server";
import slaSettingsStyles from "~/styles/sla-settings.css?url";
import { requirePermission } from "~/web/auth.server";
import { handlePolicyFormPost } from "~/web/sla-settings-forms.server";

export const meta: MetaFunction = () => [{ title: "New SLA policy · Hearback" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: slaSettingsStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  const [jobs, schedules] = await Promise.all([listJobs(admin), scheduleOptions()]);
  return {
    values: policyFormValues({
      name: "",
      matchDepartments: [],
      matchJobIds: [],
      scheduleId: null,
      countAutomatedReplies: false,
      targets: [],
    }),
    jobs: jobs.map(({ id, title, department }) => ({ id, title, department })),
    schedules,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  return handlePolicyFormPost(await request.formData(), (input) => createPolicy(input, admin.id));
}

export default function NewPolicyPage() {
  const { values, jobs, schedules } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <SettingsBreadcrumb section={{ to: "/settings/sla-policies", label: "SLA policies" }} />
      <PageHeader
        title="New SLA policy"
        description="Response-time promises for some departments or jobs. It is tried before the default policy."
      />
      <PolicyForm
        key={answer?.revision ?? "new"}
        values={answer?.values ?? values}
        errors={answer?.errors}
        preview={answer?.preview}
        isDefault={false}
        jobs={jobs}
        schedules={schedules}
        submitLabel="Create policy"
      />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
