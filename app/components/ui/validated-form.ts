// react-hook-form on top of a plain Remix <Form>: the same zod schema validates in the browser as on the server, and a
// valid form is submitted by Remix exactly as the browser would post it without JavaScript.
import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import { type FormEvent } from "react";
import { get, useForm, type DefaultValues, type FieldValues, type Resolver } from "react-hook-form";
import type { z } from "zod";
import type { FieldErrors } from "~/domain/forms";

type Options<TValues extends FieldValues> = {
  schema: z.ZodType;
  defaultValues: TValues;
  /** Field messages from the last server answer, keyed by dotted path. */
  serverErrors?: FieldErrors;
};

export function useValidatedForm<TValues extends FieldValues>({
  schema,
  defaultValues,
  serverErrors,
}: Options<TValues>) {
  const form = useForm<TValues>({
    // The schema's input type describes raw posts (unknown in places); the form holds strings, which it accepts.
    resolver: zodResolver(schema as never) as unknown as Resolver<TValues>,
    defaultValues: defaultValues as DefaultValues<TValues>,
    mode: "onTouched",
  });
  const submit = useSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const target =
      submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement ? submitter : event.currentTarget;
    // Submit the form element itself, so the server receives the same fields as from a native post.
    void form.handleSubmit(() => submit(target))(event);
  }

  /** The message for a field: the browser's own check first, else what the server said. */
  function errorFor(name: string): string | undefined {
    const clientError = get(form.formState.errors, name) as { message?: string; root?: { message?: string } };
    return clientError?.message ?? clientError?.root?.message ?? serverErrors?.[name];
  }

  return { ...form, onSubmit, errorFor };
}
