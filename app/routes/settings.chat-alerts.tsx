// Settings → Chat alerts: the Slack and Microsoft Teams channels that get overdue alerts and the Monday digest, for the
// whole workspace or one job, with how to get their URLs, and "Add a channel". Admins only; every form works without
// JavaScript and a refused form keeps what was typed (docs/chat-alerts.md).
import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { AddChannelForm, EMPTY_CHANNEL_FORM, type ChannelFormValues } from "~/components/chat-alerts/add-channel-form";
import { ChannelList } from "~/components/chat-alerts/channel-list";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { PageHeader } from "~/components/ui/page-header";
import { SettingsBreadcrumb } from "~/components/ui/settings-breadcrumb";
import { chatChannelFormSchema } from "~/domain/chat-alerts/channels";
import { CHAT_KIND_LABELS } from "~/domain/chat-alerts/message";
import type { FieldErrors } from "~/domain/forms";
import {
  addChatChannel,
  deleteChatChannel,
  enableChatChannel,
  listChatChannels,
  listChatScopeJobs,
  sendChatTestMessage,
  setChatChannelOptions,
} from "~/models/chat-alerts/channels.server";
import chatAlertStyles from "~/styles/chat-alerts.css?url";
import { requirePermission } from "~/web/auth.server";
import { modelFailure } from "~/web/form-errors.server";
import { defineIntent, dispatchIntent } from "~/web/intents.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: chatAlertStyles }];
export const meta: MetaFunction = () => [{ title: "Chat alerts · Hearback" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  const [channels, jobs] = await Promise.all([listChatChannels(), listChatScopeJobs()]);
  return { channels, jobs, timeZone: admin.timeZone };
}

type ActionData =
  | { intent: "add"; errors: FieldErrors; values: ChannelFormValues }
  | { intent: "add"; errors?: undefined; done: string; channelId: string }
  | { intent: "test" | "enable" | "options" | "delete"; errors?: undefined; done: string };

const channelSchema = z.object({ channelId: z.string().min(1).max(100) });
const checkbox = z.preprocess((value) => value === "on", z.boolean());
const optionsSchema = channelSchema.extend({ overdueAlerts: checkbox, weeklyDigest: checkbox });

/** What the admin typed, to show again beside the errors. */
function formValues(values: Record<string, unknown>): ChannelFormValues {
  const text = (name: string, fallback: string) => (typeof values[name] === "string" ? values[name] : fallback);
  return {
    url: text("url", ""),
    scope: text("scope", "workspace"),
    kind: text("kind", "auto"),
    overdueAlerts: values.overdueAlerts === "on",
    weeklyDigest: values.weeklyDigest === "on",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  const formData = await request.formData();
  const refused = (errors: FieldErrors, status: number) =>
    data<ActionData>({ intent: "add", errors, values: formValues(Object.fromEntries(formData)) }, { status });
  const done = (intent: "test" | "enable" | "options" | "delete", text: string) =>
    data<ActionData>({ intent, done: text });
  return dispatchIntent(formData, {
    intents: {
      add: defineIntent({
        schema: chatChannelFormSchema,
        invalid: ({ errors }) => refused(errors, 400),
        run: async ({ input }) => {
          try {
            const added = await addChatChannel(input, admin.id);
            return data<ActionData>({
              intent: "add",
              channelId: added.id,
              done: `Added the ${CHAT_KIND_LABELS[added.kind]} channel. Send it a test message to see that it works.`,
            });
          } catch (error) {
            const failure = modelFailure(error);
            if (!failure) throw error;
            return refused(failure.errors, failure.status);
          }
        },
      }),
      test: defineIntent({
        schema: channelSchema,
        run: async ({ input }) => {
          await sendChatTestMessage(input.channelId, admin.id).catch(rethrowAsPage);
          return done("test", "Test message on its way: it should show in the channel within a few seconds.");
        },
      }),
      enable: defineIntent({
        schema: channelSchema,
        run: async ({ input }) => {
          await enableChatChannel(input.channelId, admin.id).catch(rethrowAsPage);
          return done("enable", "Turned the channel on again; what waited for it is being sent.");
        },
      }),
      options: defineIntent({
        schema: optionsSchema,
        run: async ({ input: { channelId, ...options } }) => {
          await setChatChannelOptions(channelId, options, admin.id).catch(rethrowAsPage);
          return done("options", "Saved what the channel gets.");
        },
      }),
      delete: defineIntent({
        schema: channelSchema,
        run: async ({ input }) => {
          await deleteChatChannel(input.channelId, admin.id).catch(rethrowAsPage);
          return done("delete", "Deleted the channel. Hearback no longer posts to it.");
        },
      }),
    },
  });
}

/** A model's not-found becomes the 404 page; anything else is a real error. */
function rethrowAsPage(error: unknown): never {
  modelFailure(error);
  throw error;
}

export default function ChatAlertsPage() {
  const { channels, jobs, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const addErrors = actionData?.intent === "add" ? actionData.errors : undefined;
  const addedId = actionData?.intent === "add" && !actionData.errors ? actionData.channelId : null;
  return (
    <>
      <SettingsBreadcrumb />
      <PageHeader
        title="Chat alerts"
        description="Post overdue promises and the Monday digest to a Slack or Microsoft Teams channel, for the whole workspace or for one job. Messages never name candidates: they say the stage and how long, with a link into Hearback."
      />
      {actionData && !actionData.errors ? <Alert tone="success">{actionData.done}</Alert> : null}
      <div className="grid-2">
        <section aria-labelledby="channels-heading" className="card">
          <h2 id="channels-heading">Channels</h2>
          <ChannelList channels={channels} timeZone={timeZone} />
        </section>
        <section aria-labelledby="add-heading" className="card">
          <h2 id="add-heading">Add a channel</h2>
          {/* A new key after each channel added empties the form for the next one. */}
          <AddChannelForm
            key={addedId ?? "new"}
            values={actionData?.intent === "add" && actionData.errors ? actionData.values : EMPTY_CHANNEL_FORM}
            errors={addErrors}
            jobs={jobs}
            busy={navigation.state === "submitting"}
          />
          <h3 className="chat-howto__heading">Where to get the URL</h3>
          <ul className="chat-howto">
            <li>
              <strong>Slack:</strong> create a Slack app for your workspace at api.slack.com/apps, turn on{" "}
              <em>Incoming Webhooks</em>, choose <em>Add New Webhook to Workspace</em> and the channel, and copy the URL
              (https://hooks.slack.com/services/…).
            </li>
            <li>
              <strong>Microsoft Teams:</strong> in the channel, open <em>Workflows</em> and choose the template{" "}
              <em>Post to a channel when a webhook request is received</em>, then copy the URL it shows at the end
              (…logic.azure.com/… or …powerplatform.com/…).
            </li>
          </ul>
          <p className="small muted">
            The URL works like a password: Hearback keeps it sealed and shows only its host and last characters.
          </p>
        </section>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
