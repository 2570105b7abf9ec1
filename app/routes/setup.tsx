import { data, redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { emailField, passwordField, trimmedText } from "~/domain/validation";
import { countUsers, createFirstAdmin } from "~/models/user.server";
import { ConflictError } from "~/platform/errors.server";
import { parseForm } from "~/domain/forms";
import { redirectWithSession, startSession } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Set up Hearback" }];

const setupSchema = z.object({ name: trimmedText("Your name", 120), email: emailField, password: passwordField });

export async function loader() {
  if ((await countUsers()) > 0) throw redirect("/login");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(await request.formData(), setupSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  try {
    const admin = await createFirstAdmin(parsed.data);
    return redirectWithSession("/jobs", await startSession(admin.id, request));
  } catch (error) {
    if (error instanceof ConflictError) throw redirect("/login");
    throw error;
  }
}

export default function SetupPage() {
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = (actionData?.values ?? {}) as Record<string, unknown> as Record<string, string>;
  return (
    <div className="narrow">
      <h1>Welcome to Hearback</h1>
      <p>Create the first admin account. You can invite your team afterwards.</p>
      <div className="card">
        {Object.keys(errors).length > 0 ? <Alert tone="error">Please correct the fields marked below.</Alert> : null}
        <Form method="post" noValidate>
          <Field label="Your name" error={errors.name}>
            <input type="text" name="name" autoComplete="name" defaultValue={values.name} required />
          </Field>
          <Field label="Work email" error={errors.email}>
            <input type="email" name="email" autoComplete="username" defaultValue={values.email} required />
          </Field>
          <Field label="Password" hint="At least 12 characters." error={errors.password}>
            <input type="password" name="password" autoComplete="new-password" required />
          </Field>
          <button type="submit" className="button">
            Create admin account
          </button>
        </Form>
      </div>
    </div>
  );
}
