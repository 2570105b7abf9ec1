// The signed-in person's notifications (SLA warnings and breaches, the morning overdue summary): newest unread first, mark one or all read, and
// whether SLA emails may reach them outside their working hours. Plain form posts, so it works without JavaScript.
import {
  data,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { RouteError } from "~/components/route-error";
import { RiskPill } from "~/components/sla/risk-pill";
import { DateTime } from "~/components/ui/date-time";
import { PageHeader } from "~/components/ui/page-header";
import {
  getNotifyOutsideHours,
  listNotifications,
  markNotificationsRead,
  notificationPath,
  setNotifyOutsideHours,
  type NotificationItem,
} from "~/models/notification.server";
import notificationsStyles from "~/styles/notifications.css?url";
import { requireUser } from "~/web/auth.server";
import { defineIntent, dispatchIntent } from "~/web/intents.server";
import type { StaffPageHandle } from "~/web/staff-page-cache.server";

/** Read only from the database, the user and the clock: kept in memory until the next write or minute. */
export const handle: StaffPageHandle = { keptWhileUnchanged: true };

export const meta: MetaFunction = () => [{ title: "Notifications · Hearback" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: notificationsStyles }];

const readFormSchema = z.object({ notificationId: z.string().min(1).max(100) });
const preferencesFormSchema = z.object({ notifyOutsideHours: z.literal("on").optional() });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [notifications, notifyOutsideHours] = await Promise.all([
    listNotifications(user.id),
    getNotifyOutsideHours(user.id),
  ]);
  return {
    notifications: notifications.map((notification) => ({ ...notification, href: notificationPath(notification) })),
    notifyOutsideHours,
    timeZone: user.timeZone,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const notUnderstood = () => data({ ok: false, message: "That request was not understood." }, { status: 400 });
  return dispatchIntent(await request.formData(), {
    intents: {
      read: defineIntent({
        schema: readFormSchema,
        run: async ({ input }) => {
          await markNotificationsRead(user.id, [input.notificationId]);
          return { ok: true, message: "Marked as read." };
        },
      }),
      "read-all": defineIntent({
        run: async () => {
          const count = await markNotificationsRead(user.id);
          return {
            ok: true,
            message: count === 1 ? "1 notification marked as read." : `${count} notifications marked as read.`,
          };
        },
      }),
      preferences: defineIntent({
        schema: preferencesFormSchema,
        run: async ({ input }) => {
          await setNotifyOutsideHours(user.id, input.notifyOutsideHours === "on");
          return {
            ok: true,
            message:
              input.notifyOutsideHours === "on"
                ? "SLA emails will reach you at any time."
                : "SLA emails will wait for your working hours.",
          };
        },
      }),
    },
    invalid: notUnderstood,
    unknown: notUnderstood,
  });
}

const KIND_PILLS: Record<NotificationItem["kind"], { risk: "breached" | "warning"; label: string }> = {
  sla_breach: { risk: "breached", label: "Overdue" },
  sla_warning: { risk: "warning", label: "Due soon" },
  message_failed: { risk: "breached", label: "Email failed" },
  connector_failing: { risk: "breached", label: "Connector failing" },
  overdue_summary: { risk: "breached", label: "Overdue today" },
  workspace_overdue_summary: { risk: "breached", label: "Overdue today" },
  webhook_endpoint_disabled: { risk: "breached", label: "Webhook turned off" },
  chat_channel_disabled: { risk: "breached", label: "Chat alerts turned off" },
};

export default function NotificationsPage() {
  const { notifications, notifyOutsideHours, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const unread = notifications.filter((notification) => !notification.readAt).length;
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Warnings before a promise to a candidate falls due, breaches once it is overdue, and each morning a summary of what is overdue."
        actions={
          unread > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="read-all" />
              <button type="submit" className="button button--secondary">
                Mark all as read
              </button>
            </Form>
          ) : null
        }
      />
      <div role="status" className={result ? `alert alert--${result.ok ? "success" : "error"}` : undefined}>
        {result?.message}
      </div>
      {notifications.length === 0 ? (
        <div className="card empty-state">
          <h2>No notifications</h2>
          <p>
            When a candidate on one of your jobs is about to wait longer than we promised, or already has, you will be
            told here, with a summary each morning while anything is overdue.
          </p>
        </div>
      ) : (
        <ul className="notification-list" aria-label={`Notifications, ${unread} unread`}>
          {notifications.map((notification) => (
            <li
              key={notification.id}
              className={notification.readAt ? "notification card" : "notification notification--unread card"}
            >
              <div className="notification__head">
                <RiskPill {...KIND_PILLS[notification.kind]} />
                {notification.readAt ? null : <span className="badge badge--primary">Unread</span>}
                <span className="muted small">
                  <DateTime value={notification.createdAt} timeZone={timeZone} />
                </span>
              </div>
              <h2 className="notification__title">
                {notification.href ? <Link to={notification.href}>{notification.title}</Link> : notification.title}
              </h2>
              <p>{notification.body}</p>
              {notification.readAt ? null : (
                <Form method="post">
                  <input type="hidden" name="intent" value="read" />
                  <input type="hidden" name="notificationId" value={notification.id} />
                  <button type="submit" className="button button--secondary button--small">
                    Mark as read<span className="visually-hidden">: {notification.title}</span>
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
      <section className="card notification-preferences" aria-labelledby="preferences-heading">
        <h2 id="preferences-heading">Email</h2>
        <Form method="post">
          <input type="hidden" name="intent" value="preferences" />
          <div className="checkbox-field">
            <input
              id="notify-outside-hours"
              type="checkbox"
              name="notifyOutsideHours"
              defaultChecked={notifyOutsideHours}
              key={String(notifyOutsideHours)}
            />
            <label htmlFor="notify-outside-hours">Email me about SLA warnings outside my working hours</label>
          </div>
          <p className="muted small">
            Otherwise these emails wait until your next working hours ({timeZone.replaceAll("_", " ")}).
          </p>
          <button type="submit" className="button button--secondary">
            Save email preference
          </button>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
