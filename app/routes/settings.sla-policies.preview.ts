// POST /settings/sla-policies/preview: the policy editor's live preview, computed from the form's current values.
import { type ActionFunctionArgs } from "@remix-run/node";
import { policyFormValuesFromPost } from "~/domain/sla/forms";
import { requirePermission } from "~/utils/auth.server";
import { formDataToObject } from "~/utils/forms";
import { previewPolicyForm } from "~/utils/sla-settings-forms.server";

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "manage_settings");
  const values = policyFormValuesFromPost(formDataToObject(await request.formData()));
  return previewPolicyForm(values, new Date());
}
