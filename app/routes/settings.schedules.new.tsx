import {
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { ScheduleEditor } from "~/components/sla-settings/schedule-editor";
import { PageHeader } from "~/components/ui/page-header";
import { SettingsBreadcrumb } from "~/components/ui/settings-breadcrumb";
import { scheduleFormValues } from "~/domain/sla/schedule-form";
import { createSchedule } from "~/models/sla/schedules.server";
import slaSettingsStyles from "~/styles/sla-settings.css?url";
import { requirePermission } from "~/web/auth.server";
import { scheduleEditorChoices } from "~/web/sla-settings-choices.server";
import { handleScheduleFormPost } from "~/web/sla-settings-forms.server";

export const meta: MetaFunction = () => [{ title: "New schedule · Hearback" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: slaSettingsStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage_settings");
  return { values: scheduleFormValues(), ...scheduleEditorChoices() };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  return handleScheduleFormPost(await request.formData(), (input) => createSchedule(input, admin.id));
}

export default function NewSchedulePage() {
  const { values, ...choices } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <SettingsBreadcrumb section={{ to: "/settings/schedules", label: "Schedules" }} />
      <PageHeader title="New schedule" description="Opening hours and holidays in one time zone." />
      <ScheduleEditor
        key={answer?.revision ?? "new"}
        {...choices}
        {...answer}
        values={answer?.values ?? values}
        submitLabel="Create schedule"
      />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
