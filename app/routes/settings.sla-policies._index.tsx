import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { RecomputeProgress } from "~/components/sla-settings/recompute-progress";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { PageHeader } from "~/components/ui/page-header";
import { SettingsBreadcrumb } from "~/components/ui/settings-breadcrumb";
import { describeTarget } from "~/components/sla-settings/sla-labels";
import { SLA_METRIC_LABELS } from "~/domain/sla/types";
import { listJobs } from "~/models/job.server";
import { listPolicies, movePolicy } from "~/models/sla/policies.server";
import { listRecomputes } from "~/models/sla/recompute.server";
import slaSettingsStyles from "~/styles/sla-settings.css?url";
import { requirePermission } from "~/web/auth.server";
import { defineIntent, dispatchIntent } from "~/web/intents.server";
import { NotFoundError } from "~/platform/errors.server";

export const meta: MetaFunction = () => [{ title: "SLA policies · Hearback" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: slaSettingsStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  const [policies, jobs, recomputes] = await Promise.all([listPolicies(), listJobs(admin), listRecomputes()]);
  const jobTitles = new Map(jobs.map((job) => [job.id, job.title]));
  return {
    policies: policies.map((policy) => ({
      id: policy.id,
      name: policy.name,
      isDefault: policy.isDefault,
      departments: policy.matchDepartments,
      jobs: policy.matchJobIds.map((id) => jobTitles.get(id) ?? "(deleted job)"),
      schedule: policy.schedule ? `${policy.schedule.name} (${policy.schedule.timeZone})` : null,
      targets: policy.targets.map((target) => describeTarget(target, SLA_METRIC_LABELS[target.metric])),
    })),
    recomputes,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  const move = (direction: "up" | "down") =>
    defineIntent({
      run: async ({ formData }) => {
        try {
          await movePolicy(String(formData.get("policyId") ?? ""), direction, admin.id);
        } catch (error) {
          if (error instanceof NotFoundError) throw new Response("This policy does not exist.", { status: 404 });
          throw error;
        }
        return data({ moved: true });
      },
    });
  return dispatchIntent(await request.formData(), { intents: { "move-up": move("up"), "move-down": move("down") } });
}

export default function PoliciesPage() {
  const { policies, recomputes } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const movable = policies.filter((policy) => !policy.isDefault);
  return (
    <>
      <SettingsBreadcrumb />
      <PageHeader
        title="SLA policies"
        description="Response-time promises to candidates. For each job the first policy that matches wins; the default applies when none does."
        actions={
          <Link to="/settings/sla-policies/new" className="button">
            New policy
          </Link>
        }
      />
      {searchParams.get("saved") ? <Alert tone="success">Policy saved.</Alert> : null}
      {searchParams.get("deleted") ? <Alert tone="success">Policy deleted.</Alert> : null}
      <RecomputeProgress {...recomputes} />
      <ol className="policy-list">
        {policies.map((policy) => {
          const index = movable.findIndex((entry) => entry.id === policy.id);
          return (
            <li key={policy.id} className="card policy-list__item">
              <div className="row row--between">
                <h2 className="policy-list__name">
                  <Link to={`/settings/sla-policies/${policy.id}`}>{policy.name}</Link>
                  {policy.isDefault ? (
                    <>
                      {" "}
                      <Badge tone="primary">Default</Badge>
                    </>
                  ) : null}
                </h2>
                {policy.isDefault ? (
                  <span className="muted small">Always last: applies when no other policy matches.</span>
                ) : (
                  <Form method="post" className="row">
                    <input type="hidden" name="policyId" value={policy.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="move-up"
                      className="button button--secondary button--small"
                      disabled={index === 0}
                      aria-label={`Move up: ${policy.name}`}
                    >
                      <span aria-hidden="true">↑</span> Move up
                    </button>
                    <button
                      type="submit"
                      name="intent"
                      value="move-down"
                      className="button button--secondary button--small"
                      disabled={index === movable.length - 1}
                      aria-label={`Move down: ${policy.name}`}
                    >
                      <span aria-hidden="true">↓</span> Move down
                    </button>
                  </Form>
                )}
              </div>
              <dl className="policy-list__facts small">
                {policy.isDefault ? null : (
                  <div>
                    <dt>Applies to</dt>
                    <dd>
                      {[
                        policy.departments.length > 0 ? `Departments: ${policy.departments.join(", ")}` : null,
                        policy.jobs.length > 0 ? `Jobs: ${policy.jobs.join(", ")}` : null,
                      ]
                        .filter(Boolean)
                        .join(" · ") || "Nothing yet (add departments or jobs)"}
                    </dd>
                  </div>
                )}
                <div>
                  <dt>Schedule</dt>
                  <dd>{policy.schedule ?? "The job’s, else the default"}</dd>
                </div>
                <div>
                  <dt>Targets</dt>
                  <dd>
                    <ul>
                      {policy.targets.map((target) => (
                        <li key={target}>{target}</li>
                      ))}
                    </ul>
                  </dd>
                </div>
              </dl>
            </li>
          );
        })}
      </ol>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
