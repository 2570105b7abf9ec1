// POST /settings/sla-policies/preview: the policy editor's live preview, computed from the form's current values.
import { type ActionFunctionArgs } from "@remix-run/node";
import { policyFormValuesFromPost } from "~/domain/sla/policy-form";
import { requirePermission } from "~/web/auth.server";
import { formDataToObject } from "~/domain/forms";
import { previewPolicyForm } from "~/web/sla-settings-forms.server";

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "manage_settings");
  const values = policyFormValuesFromPost(formDataToObject(await request.formData()));
  return previewPolicyForm(values, new Date());
}
