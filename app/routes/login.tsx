import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { emailField } from "~/domain/validation";
import {
  clearLoginFailures,
  isLoginThrottled,
  LOGIN_WINDOW_MINUTES,
  recordLoginFailure,
} from "~/models/login-attempt.server";
import { countUsers, verifyCredentials } from "~/models/user.server";
import { getUser, safeRedirect } from "~/web/auth.server";
import { parseForm } from "~/domain/forms";
import { knownDeviceFor, rememberDevice } from "~/web/known-device.server";
import { clientIp } from "~/web/request.server";
import { redirectWithSession, startSession } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Sign in · Hearback" }];

const loginSchema = z.object({
  email: emailField,
  password: z.string().min(1, "Password is required."),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if ((await countUsers()) === 0) throw redirect("/setup");
  if (await getUser(request)) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(await request.formData(), loginSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, email: String(parsed.values.email ?? "") }, { status: 400 });
  const { email, password, redirectTo } = parsed.data;
  const source = {
    ip: clientIp(request, context as { clientIp?: string }),
    knownDeviceId: await knownDeviceFor(request, email),
  };
  if (await isLoginThrottled(email, source)) {
    const message = `Too many sign-in attempts. Please wait ${LOGIN_WINDOW_MINUTES} minutes and try again, or ask an admin to help.`;
    return data({ errors: { form: message }, email }, { status: 429 });
  }
  const user = await verifyCredentials(email, password);
  if (!user) {
    await recordLoginFailure(email, source);
    // One message for unknown email and wrong password, so nobody can probe which accounts exist.
    return data(
      { errors: { form: "That email and password do not match an account. Please check both and try again." }, email },
      { status: 400 },
    );
  }
  await clearLoginFailures(email, source);
  return redirectWithSession(
    safeRedirect(redirectTo, "/"),
    await startSession(user.id, request),
    await rememberDevice(request, email),
  );
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <div className="narrow">
      <h1>Sign in to Hearback</h1>
      <div className="card">
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
          <Field label="Email" error={errors.email}>
            <input type="email" name="email" autoComplete="username" defaultValue={actionData?.email} required />
          </Field>
          <Field label="Password" error={errors.password}>
            <input type="password" name="password" autoComplete="current-password" required />
          </Field>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? "Signing in…" : "Sign in"}
          </button>
        </Form>
      </div>
    </div>
  );
}
