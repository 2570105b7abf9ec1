import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { PolicyForm } from "~/components/sla-settings/policy-form";
import { RecomputeProgress } from "~/components/sla-settings/recompute-progress";
import { PageHeader } from "~/components/ui/page-header";
import { SettingsBreadcrumb } from "~/components/ui/settings-breadcrumb";
import { policyFormValues } from "~/domain/sla/policy-form";
import { listJobs } from "~/models/job.server";
import { deletePolicy, getPolicy, updatePolicy } from "~/models/sla/policies.server";
import { listRecomputes } from "~/models/sla/recompute.server";
import { scheduleOptions } from "~/models/sla/schedules.server";
import slaSettingsStyles from "~/styles/sla-settings.css?url";
import { requirePermission } from "~/web/auth.server";
import { defineIntent, dispatchIntent } from "~/web/intents.server";
import { ConflictError } from "~/platform/errors.server";
import { handlePolicyFormPost } from "~/web/sla-settings-forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.policy.name ?? "SLA policy"} · Hearback` },
];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: slaSettingsStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  const policy = await getPolicy(params.policyId ?? "");
  if (!policy) throw new Response("This policy does not exist.", { status: 404 });
  const [jobs, schedules, recomputes] = await Promise.all([listJobs(admin), scheduleOptions(), listRecomputes()]);
  return {
    policy: { id: policy.id, name: policy.name, isDefault: policy.isDefault },
    values: policyFormValues(policy),
    jobs: jobs.map(({ id, title, department }) => ({ id, title, department })),
    schedules,
    recomputes,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  const policyId = params.policyId ?? "";
  const formData = await request.formData();
  return dispatchIntent(formData, {
    // The delete button posts to ?intent=delete; the editor's own buttons name theirs in the form.
    intent: new URL(request.url).searchParams.get("intent"),
    intents: {
      delete: defineIntent({
        run: async () => {
          try {
            await deletePolicy(policyId, admin.id);
          } catch (error) {
            if (error instanceof ConflictError) throw new Response(error.message, { status: 409 });
            throw error;
          }
          return redirect("/settings/sla-policies?deleted=1");
        },
      }),
      editor: defineIntent({
        run: () => handlePolicyFormPost(formData, (input) => updatePolicy(policyId, input, admin.id)),
      }),
    },
    fallback: "editor",
  });
}

export default function EditPolicyPage() {
  const { policy, values, jobs, schedules, recomputes } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <SettingsBreadcrumb section={{ to: "/settings/sla-policies", label: "SLA policies" }} />
      <PageHeader
        title={policy.name}
        description={
          policy.isDefault
            ? "The default policy: it applies to every job that no other policy matches."
            : "Applies to the jobs it matches, unless a policy above it in the list matches first."
        }
      />
      <RecomputeProgress {...recomputes} />
      <PolicyForm
        key={answer?.revision ?? "saved"}
        values={answer?.values ?? values}
        errors={answer?.errors}
        preview={answer?.preview}
        isDefault={policy.isDefault}
        jobs={jobs}
        schedules={schedules}
        submitLabel="Save policy"
      />
      {policy.isDefault ? null : (
        <section className="card danger-zone" aria-labelledby="delete-heading">
          <h2 id="delete-heading">Delete this policy</h2>
          <p className="muted small">
            Jobs it matched fall to the next matching policy or the default; due dates move.
          </p>
          <Form method="post" action="?intent=delete">
            <button type="submit" className="button button--danger">
              Delete {policy.name}
            </button>
          </Form>
        </section>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
