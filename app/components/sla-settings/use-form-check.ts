// Checks a form in the browser with the same zod schema the server uses, before Remix posts it. Editor steps (add or
// remove a row, import, preview) are not checked: only a press of Save (intent "save" or none).
import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { formDataToObject, issuesToFieldErrors, type FieldErrors } from "~/domain/forms";

export function useFormCheck(schema: z.ZodType, serverErrors: FieldErrors = {}) {
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const intent = submitter?.name === "intent" ? submitter.value : "save";
    if (intent !== "save") {
      setClientErrors(null);
      return;
    }
    const values = formDataToObject(new FormData(event.currentTarget));
    const result = schema.safeParse(values);
    if (result.success) {
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    const errors = issuesToFieldErrors(result.error.issues);
    setClientErrors(errors);
    const form = event.currentTarget;
    requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  return { errors: clientErrors ?? serverErrors, onSubmit };
}
