import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { ROLE_LABELS } from "~/domain/permissions";
import { joinFormSchema } from "~/domain/team-forms";
import { acceptInvite, findOpenInvite } from "~/models/user.server";
import { NotFoundError } from "~/platform/errors.server";
import { modelFailure } from "~/web/form-errors.server";
import { parseForm, type FieldErrors } from "~/domain/forms";
import { redirectWithSession, startSession } from "~/web/session.server";
import { useValidatedForm } from "~/components/ui/validated-form";

export const meta: MetaFunction = () => [
  { title: "Join your team · Hearback" },
  { name: "robots", content: "noindex" },
];

// One message for unknown, used and expired links: the page reveals nothing about which it was.
const INVALID_LINK = "This invitation link is not valid any more. Please ask your admin for a new one.";

export async function loader({ params }: LoaderFunctionArgs) {
  const invite = await findOpenInvite(params.secret ?? "");
  if (!invite) throw new Response(INVALID_LINK, { status: 404 });
  return { email: invite.email, name: invite.name, role: invite.role };
}

type ActionData = { errors: FieldErrors; name: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = parseForm(await request.formData(), joinFormSchema);
  const name = String(parsed.ok ? parsed.data.name : (parsed.values.name ?? ""));
  if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, name }, { status: 400 });
  try {
    const user = await acceptInvite(params.secret ?? "", parsed.data);
    return redirectWithSession(
      user.role === "interviewer" ? "/applications" : "/jobs",
      await startSession(user.id, request),
    );
  } catch (error) {
    if (error instanceof NotFoundError) throw new Response(INVALID_LINK, { status: 404 });
    const failure = modelFailure(error);
    if (!failure) throw error;
    // The only conflict is an account that already exists for this email: sign in instead.
    return data<ActionData>(
      { errors: { form: "You already have an account. Please sign in instead." }, name },
      { status: failure.status },
    );
  }
}

export default function JoinPage() {
  const invite = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const defaults = { name: actionData?.name ?? invite.name, password: "" };
  const form = useValidatedForm({ schema: joinFormSchema, defaultValues: defaults, serverErrors: actionData?.errors });
  const navigation = useNavigation();
  return (
    <div className="narrow">
      <h1>Join your team on Hearback</h1>
      <p>
        You were invited as <strong>{ROLE_LABELS[invite.role]}</strong> with the email {invite.email}. Choose your
        password to finish.
      </p>
      <div className="card">
        {actionData?.errors.form ? <Alert tone="error">{actionData.errors.form}</Alert> : null}
        <Form method="post" noValidate onSubmit={form.onSubmit}>
          <input type="email" name="username" value={invite.email} autoComplete="username" readOnly hidden />
          <Field label="Your name" error={form.errorFor("name")}>
            <input type="text" {...form.register("name")} defaultValue={defaults.name} autoComplete="name" />
          </Field>
          <Field label="Password" hint="At least 12 characters." error={form.errorFor("password")}>
            <input type="password" {...form.register("password")} autoComplete="new-password" />
          </Field>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? "Creating your account…" : "Create account"}
          </button>
        </Form>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
