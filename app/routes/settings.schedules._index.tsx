import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { RecomputeProgress } from "~/components/sla-settings/recompute-progress";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { PageHeader } from "~/components/ui/page-header";
import { SettingsBreadcrumb } from "~/components/ui/settings-breadcrumb";
import { summarizeHours } from "~/components/sla-settings/sla-labels";
import { listRecomputes } from "~/models/sla/recompute.server";
import { listSchedules } from "~/models/sla/schedules.server";
import slaSettingsStyles from "~/styles/sla-settings.css?url";
import { requirePermission } from "~/web/auth.server";

export const meta: MetaFunction = () => [{ title: "Schedules · Hearback" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: slaSettingsStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage_settings");
  const [schedules, recomputes] = await Promise.all([listSchedules(), listRecomputes()]);
  return {
    schedules: schedules.map((schedule) => ({
      id: schedule.id,
      name: schedule.name,
      timeZone: schedule.timeZone,
      isDefault: schedule.isDefault,
      hoursSummary: summarizeHours(schedule.hours),
      holidayCount: schedule.holidays.length,
      jobCount: schedule.jobCount,
      policyCount: schedule.policyCount,
    })),
    recomputes,
  };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export default function SchedulesPage() {
  const { schedules, recomputes } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const saved = schedules.find((schedule) => schedule.id === searchParams.get("saved"));
  const deleted = searchParams.get("deleted");
  return (
    <>
      <SettingsBreadcrumb />
      <PageHeader
        title="Schedules"
        description="Business hours and holidays that SLA clocks count on. A job uses its own schedule, else its policy’s, else the default."
        actions={
          <Link to="/settings/schedules/new" className="button">
            New schedule
          </Link>
        }
      />
      {saved ? <Alert tone="success">Saved “{saved.name}”.</Alert> : null}
      {deleted ? <Alert tone="success">Deleted “{deleted}”.</Alert> : null}
      <RecomputeProgress {...recomputes} />
      <div className="table-wrap card">
        <table className="table--stack">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Time zone</th>
              <th scope="col">Weekly hours</th>
              <th scope="col">Holidays</th>
              <th scope="col">Used by</th>
            </tr>
          </thead>
          <tbody>
            {schedules.map((schedule) => (
              <tr key={schedule.id}>
                <th scope="row">
                  <Link to={`/settings/schedules/${schedule.id}`}>{schedule.name}</Link>
                  {schedule.isDefault ? (
                    <>
                      {" "}
                      <Badge tone="primary">Default</Badge>
                    </>
                  ) : null}
                </th>
                <td data-label="Time zone">{schedule.timeZone}</td>
                <td data-label="Weekly hours">{schedule.hoursSummary}</td>
                <td data-label="Holidays">{schedule.holidayCount}</td>
                <td data-label="Used by">
                  {plural(schedule.jobCount, "job", "jobs")}, {plural(schedule.policyCount, "policy", "policies")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
