import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { RecomputeProgress } from "~/components/sla-settings/recompute-progress";
import { ScheduleEditor } from "~/components/sla-settings/schedule-editor";
import { Alert } from "~/components/ui/alert";
import { PageHeader } from "~/components/ui/page-header";
import { SettingsBreadcrumb } from "~/components/ui/settings-breadcrumb";
import { scheduleFormValues } from "~/domain/sla/schedule-form";
import { listRecomputes } from "~/models/sla/recompute.server";
import { deleteSchedule, getSchedule, updateSchedule } from "~/models/sla/schedules.server";
import slaSettingsStyles from "~/styles/sla-settings.css?url";
import { requirePermission } from "~/web/auth.server";
import { defineIntent, dispatchIntent } from "~/web/intents.server";
import { ConflictError } from "~/platform/errors.server";
import { scheduleEditorChoices } from "~/web/sla-settings-choices.server";
import { handleScheduleFormPost } from "~/web/sla-settings-forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.schedule.name ?? "Schedule"} · Hearback` },
];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: slaSettingsStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage_settings");
  const schedule = await getSchedule(params.scheduleId ?? "");
  if (!schedule) throw new Response("This schedule does not exist.", { status: 404 });
  return {
    schedule: {
      id: schedule.id,
      name: schedule.name,
      isDefault: schedule.isDefault,
      jobCount: schedule.jobCount,
      policyCount: schedule.policyCount,
    },
    values: scheduleFormValues(schedule),
    recomputes: await listRecomputes(),
    ...scheduleEditorChoices(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  const scheduleId = params.scheduleId ?? "";
  const formData = await request.formData();
  return dispatchIntent(formData, {
    // The delete button posts to ?intent=delete; the editor's own buttons name their steps in the form.
    intent: new URL(request.url).searchParams.get("intent"),
    intents: {
      delete: defineIntent({
        run: async () => {
          const schedule = await getSchedule(scheduleId);
          if (!schedule) throw new Response("This schedule does not exist.", { status: 404 });
          try {
            await deleteSchedule(scheduleId, admin.id);
          } catch (error) {
            if (error instanceof ConflictError) throw new Response(error.message, { status: 409 });
            throw error;
          }
          return redirect(`/settings/schedules?deleted=${encodeURIComponent(schedule.name)}`);
        },
      }),
      editor: defineIntent({
        run: () => handleScheduleFormPost(formData, (input) => updateSchedule(scheduleId, input, admin.id)),
      }),
    },
    fallback: "editor",
  });
}

export default function EditSchedulePage() {
  const { schedule, values, recomputes, ...choices } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <SettingsBreadcrumb section={{ to: "/settings/schedules", label: "Schedules" }} />
      <PageHeader
        title={schedule.name}
        description={
          schedule.isDefault
            ? "The default schedule: used when neither the job nor its policy names a schedule."
            : `Used by ${schedule.jobCount} jobs and ${schedule.policyCount} policies.`
        }
      />
      <RecomputeProgress {...recomputes} />
      <ScheduleEditor
        key={answer?.revision ?? "saved"}
        {...choices}
        {...answer}
        values={answer?.values ?? values}
        submitLabel="Save schedule"
      />
      {schedule.isDefault ? null : (
        <section className="card danger-zone" aria-labelledby="delete-heading">
          <h2 id="delete-heading">Delete this schedule</h2>
          <Alert tone="warning">
            Jobs and policies that use it fall back to their policy’s schedule or the default one; due dates move.
          </Alert>
          <Form method="post" action="?intent=delete">
            <button type="submit" className="button button--danger">
              Delete {schedule.name}
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
