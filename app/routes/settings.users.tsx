import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { CopyField } from "~/components/ui/copy-field";
import { DateTime } from "~/components/ui/date-time";
import { Field } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { SettingsBreadcrumb } from "~/components/ui/settings-breadcrumb";
import { ROLE_LABELS, ROLES } from "~/domain/permissions";
import { inviteFormSchema, roleFormSchema } from "~/domain/team-forms";
import { changeUserRole, createInvite, listOpenInvites, listUsers, setUserActive } from "~/models/user.server";
import { requirePermission } from "~/web/auth.server";
import { publicUrl } from "~/platform/env.server";
import { modelFailure } from "~/web/form-errors.server";
import { defineIntent, dispatchIntent } from "~/web/intents.server";
import type { FieldErrors } from "~/domain/forms";
import { useValidatedForm } from "~/components/ui/validated-form";

export const meta: MetaFunction = () => [{ title: "Team · Hearback" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "manage_users");
  const [users, invites] = await Promise.all([listUsers(), listOpenInvites()]);
  return { users, invites, currentUserId: admin.id, timeZone: admin.timeZone };
}

type ActionData =
  | { intent: "invite"; errors: FieldErrors; values: Record<string, unknown>; inviteUrl?: undefined }
  | { intent: "invite"; errors?: undefined; inviteUrl: string; email: string }
  | { intent: "role" | "deactivate" | "reactivate"; errors: FieldErrors; userId: string };

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage_users");
  const formData = await request.formData();
  const userId = String(formData.get("userId") ?? "");
  type UserIntent = "role" | "deactivate" | "reactivate";
  const refused = (intent: UserIntent, errors: FieldErrors, status = 400) =>
    data<ActionData>({ intent, userId, errors }, { status });
  // Checked before the form is validated: a change to your own account is refused whatever its fields say.
  const notYourself = (intent: UserIntent) => () =>
    userId === admin.id
      ? refused(intent, { form: "You cannot change your own role or deactivate yourself. Ask another admin." })
      : undefined;
  const changed = async (intent: UserIntent, change: () => Promise<unknown>) => {
    try {
      await change();
    } catch (error) {
      const failure = modelFailure(error);
      if (!failure) throw error;
      return refused(intent, failure.errors, failure.status);
    }
    return redirect(`/settings/users?done=${intent}`);
  };
  const setActive = (intent: "deactivate" | "reactivate") =>
    defineIntent({
      guard: notYourself(intent),
      run: () => changed(intent, () => setUserActive(userId, intent === "reactivate", admin.id)),
    });
  return dispatchIntent(formData, {
    intents: {
      invite: defineIntent({
        schema: inviteFormSchema,
        invalid: ({ errors, values }) => data<ActionData>({ intent: "invite", errors, values }, { status: 400 }),
        run: async ({ input }) => {
          try {
            const { invite, secret } = await createInvite(input, admin.id);
            // The address people use, as in status links: PUBLIC_URL (by default http://localhost:PORT).
            const inviteUrl = `${publicUrl()}/join/${secret}`;
            return data<ActionData>({ intent: "invite", inviteUrl, email: invite.email });
          } catch (error) {
            const failure = modelFailure(error);
            if (!failure) throw error;
            const values = { email: input.email, name: input.name, role: input.role };
            return data<ActionData>({ intent: "invite", errors: failure.errors, values }, { status: failure.status });
          }
        },
      }),
      role: defineIntent({
        guard: notYourself("role"),
        schema: roleFormSchema,
        invalid: ({ errors }) => refused("role", errors),
        run: ({ input }) => changed("role", () => changeUserRole(input.userId, input.role, admin.id)),
      }),
      deactivate: setActive("deactivate"),
      reactivate: setActive("reactivate"),
    },
  });
}

const DONE: Record<string, string> = {
  role: "Role saved.",
  deactivate: "Account deactivated. Their sessions were signed out.",
  reactivate: "Account reactivated.",
};

export default function TeamPage() {
  const { users, invites, currentUserId, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const status = actionData ? "" : (DONE[searchParams.get("done") ?? ""] ?? "");
  const rowError = actionData && "userId" in actionData ? actionData : null;

  return (
    <>
      <SettingsBreadcrumb />
      <PageHeader title="Team" description="Who can use Hearback, and what they may do." />
      <div role="status" className={status ? "alert alert--success" : undefined}>
        {status}
      </div>
      <div className="grid-2">
        <section className="card" aria-labelledby="people-heading">
          <h2 id="people-heading">People</h2>
          <div className="table-wrap">
            <table className="table--stack">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Account</th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => {
                  const self = user.id === currentUserId;
                  const error = rowError?.userId === user.id ? rowError.errors : null;
                  return (
                    <tr key={user.id}>
                      <th scope="row">
                        {user.name} {self ? <Badge>You</Badge> : null}
                        {!user.active ? <Badge tone="warning">Deactivated</Badge> : null}
                        <div className="muted small">{user.email}</div>
                        {error ? (
                          <p className="field-error" role="alert">
                            {error.form ?? error.role ?? Object.values(error)[0]}
                          </p>
                        ) : null}
                      </th>
                      <td data-label="Role">
                        {self ? (
                          ROLE_LABELS[user.role]
                        ) : (
                          <Form method="post" className="inline-form inline-form--compact">
                            <input type="hidden" name="intent" value="role" />
                            <input type="hidden" name="userId" value={user.id} />
                            <label htmlFor={`role-${user.id}`} className="visually-hidden">
                              Role of {user.name}
                            </label>
                            <select id={`role-${user.id}`} name="role" defaultValue={user.role}>
                              {ROLES.map((role) => (
                                <option key={role} value={role}>
                                  {ROLE_LABELS[role]}
                                </option>
                              ))}
                            </select>
                            <button type="submit" className="button button--secondary button--small">
                              Save<span className="visually-hidden"> role of {user.name}</span>
                            </button>
                          </Form>
                        )}
                      </td>
                      <td data-label="Account">
                        {self ? (
                          <span className="muted small">Signed in</span>
                        ) : (
                          <Form method="post">
                            <input type="hidden" name="intent" value={user.active ? "deactivate" : "reactivate"} />
                            <input type="hidden" name="userId" value={user.id} />
                            <button type="submit" className="button button--secondary button--small">
                              {user.active ? "Deactivate" : "Reactivate"}
                              <span className="visually-hidden"> {user.name}</span>
                            </button>
                          </Form>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
        <div className="stack">
          <InviteCard
            // A new invitation starts the form afresh.
            key={actionData?.intent === "invite" && actionData.inviteUrl ? actionData.inviteUrl : "invite"}
            actionData={actionData?.intent === "invite" ? actionData : undefined}
          />
          <section className="card" aria-labelledby="invites-heading">
            <h2 id="invites-heading">Open invitations</h2>
            {invites.length === 0 ? (
              <p className="muted small">No open invitations.</p>
            ) : (
              <ul className="plain-list">
                {invites.map((invite) => (
                  <li key={invite.id}>
                    <strong>{invite.name}</strong> · {ROLE_LABELS[invite.role]}
                    <div className="muted small">
                      {invite.email} · invited by {invite.createdBy.name} · expires{" "}
                      <DateTime value={invite.expiresAt} timeZone={timeZone} />
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </>
  );
}

type InviteResult = Extract<ActionData, { intent: "invite" }>;

function InviteCard({ actionData }: { actionData?: InviteResult }) {
  const failed = actionData?.errors ? actionData : undefined;
  const values = (failed?.values ?? {}) as Record<string, string | undefined>;
  const defaults = { email: values.email ?? "", name: values.name ?? "", role: values.role ?? "interviewer" };
  const form = useValidatedForm({ schema: inviteFormSchema, defaultValues: defaults, serverErrors: failed?.errors });
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "invite";
  return (
    <section className="card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      <p className="small muted">
        Hearback does not email invitations. Copy the link and send it to them. It works once and expires after 7 days.
      </p>
      {actionData?.inviteUrl ? (
        <Alert tone="success">
          <p>Invitation created for {actionData.email}. This link is shown only once:</p>
          <CopyField label="Invitation link" value={actionData.inviteUrl} hideLabel />
        </Alert>
      ) : null}
      {failed?.errors.form && Object.keys(failed.errors).length === 1 ? (
        <Alert tone="error">{failed.errors.form}</Alert>
      ) : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="intent" value="invite" />
        <Field label="Email" error={form.errorFor("email")}>
          <input type="email" {...form.register("email")} defaultValue={defaults.email} autoComplete="off" />
        </Field>
        <Field label="Name" error={form.errorFor("name")}>
          <input type="text" {...form.register("name")} defaultValue={defaults.name} autoComplete="off" />
        </Field>
        <Field label="Role" error={form.errorFor("role")}>
          <select {...form.register("role")} defaultValue={defaults.role}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Creating…" : "Create invitation"}
        </button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
