// Writing to a candidate: start from a template (in their language) or a blank page, edit with the compassion check
// and a preview filled in with this application's real data, then send now, at a humane time or at a set time.
// "Waiting for their reply" pauses the regular-update promise until they answer. Works without JavaScript.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { RouteError } from "~/components/route-error";
import { TemplateEditor, type EditorState } from "~/components/templates/template-editor";
import { Alert } from "~/components/ui/alert";
import { DateTime } from "~/components/ui/date-time";
import { Field } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { instantToZonedLocal, zonedLocalToInstant } from "~/domain/local-time";
import { composeFormSchema, type SendWhen } from "~/domain/messages/compose-form";
import { BAD_NEWS_KINDS, TEMPLATE_KIND_LABELS, type TemplateKind } from "~/domain/templates/kinds";
import { templateTextSchema } from "~/domain/templates/schemas";
import { getApplication } from "~/models/application.server";
import { humaneTimeFor, previewCandidateMessage, sendCandidateMessage } from "~/models/outbox/compose.server";
import { listTemplates } from "~/models/template.server";
import type { UserSummary } from "~/models/user.server";
import templatesStyles from "~/styles/templates.css?url";
import { requirePermission } from "~/web/auth.server";
import { modelFailure } from "~/web/form-errors.server";
import { defineIntent, dispatchIntent } from "~/web/intents.server";
import type { FieldErrors } from "~/domain/forms";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Write to ${data.candidate.name} · Hearback` : "Write to the candidate · Hearback" },
];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: templatesStyles }];

const BLANK = { subject: "", body: "Hi {{candidate.firstName}},\n\n\n\nBest wishes,\n{{recruiter.name}}" };

type Extra = { templateId: string; when: SendWhen; sendAt: string; awaitsCandidate: boolean };
type ComposerState = EditorState & { extra: Extra };

async function applicationOr404(applicationId: string, user: UserSummary) {
  const application = await getApplication(applicationId, user);
  if (!application || application.candidate.erasedAt) {
    throw new Response("This application does not exist, or you cannot write to its candidate.", { status: 404 });
  }
  return application;
}

async function composerState(
  applicationId: string,
  user: UserSummary,
  values: { subject: string; body: string },
  extra: Extra,
  errors?: FieldErrors,
): Promise<ComposerState> {
  const preview = await previewCandidateMessage(applicationId, { ...values, templateId: extra.templateId }, user);
  return { values, lint: preview.lint, preview: preview.email, errors, extra };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "move_applications");
  const application = await applicationOr404(params.applicationId!, user);
  const templates = (await listTemplates()).filter((template) => template.locale === application.candidate.locale);
  const chosenId = new URL(request.url).searchParams.get("template") ?? "";
  const chosen = templates.find((template) => template.id === chosenId) ?? null;
  const text = chosen ? { subject: chosen.subject, body: chosen.body } : BLANK;
  const when: SendWhen = chosen && BAD_NEWS_KINDS.has(chosen.kind) ? "humane" : "now";
  const humane = await humaneTimeFor(application.id);
  return {
    applicationId: application.id,
    candidate: { name: application.candidate.name, timeZone: application.candidate.timeZone },
    job: application.job.title,
    templates: templates.map(({ id, kind, name }) => ({ id, kind, name })),
    chosenId: chosen?.id ?? "",
    state: await composerState(application.id, user, text, {
      templateId: chosen?.id ?? "",
      when,
      sendAt: "",
      awaitsCandidate: false,
    }),
    humaneAt: humane.at,
    timeZone: user.timeZone,
    nowLocal: instantToZonedLocal(new Date(), user.timeZone),
  };
}

function extraOf(formData: FormData): Extra {
  const when = String(formData.get("when") ?? "now");
  return {
    templateId: String(formData.get("templateId") ?? ""),
    when: when === "humane" || when === "at" ? when : "now",
    sendAt: String(formData.get("sendAt") ?? ""),
    awaitsCandidate: formData.get("awaitsCandidate") === "on",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "move_applications");
  const application = await applicationOr404(params.applicationId!, user);
  const formData = await request.formData();
  const extra = extraOf(formData);
  const typed = { subject: String(formData.get("subject") ?? ""), body: String(formData.get("body") ?? "") };
  const answer = async (errors?: FieldErrors, status = 200) =>
    data(await composerState(application.id, user, typed, extra, errors), { status });
  return dispatchIntent(formData, {
    intents: {
      // The compassion check and preview of the text typed so far: its field errors are shown, not refused.
      check: defineIntent({
        schema: templateTextSchema,
        invalid: ({ errors }) => answer(errors),
        run: () => answer(),
      }),
      send: defineIntent({
        schema: composeFormSchema,
        invalid: ({ errors }) => answer(errors, 400),
        run: async ({ input }) => {
          const { when, sendAt, templateId, ...message } = input;
          try {
            const queued = await sendCandidateMessage(
              application.id,
              {
                ...message,
                templateId: templateId || null,
                timing:
                  when === "at" ? { kind: "at", at: zonedLocalToInstant(sendAt!, user.timeZone) } : { kind: when },
              },
              user,
            );
            const done = queued.scheduledFor.getTime() > Date.now() + 60_000 ? "scheduled" : "queued";
            return redirect(`/applications/${application.id}?done=${done}`);
          } catch (error) {
            const failure = modelFailure(error);
            if (!failure) throw error;
            return answer(failure.errors, failure.status);
          }
        },
      }),
    },
    fallback: "send",
  });
}

function TemplatePicker({
  templates,
  chosenId,
}: {
  templates: { id: string; kind: TemplateKind; name: string }[];
  chosenId: string;
}) {
  const submit = useSubmit();
  return (
    <Form method="get" className="card composer-picker" aria-label="Start from a template">
      <Field label="Start from" hint="Replaces the subject and message below.">
        <select name="template" defaultValue={chosenId} onChange={(event) => submit(event.currentTarget.form)}>
          <option value="">A blank message</option>
          {templates.map((template) => (
            <option key={template.id} value={template.id}>
              {TEMPLATE_KIND_LABELS[template.kind]}
              {template.name === "Standard" ? "" : ` (${template.name})`}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="button button--secondary">
        Use this
      </button>
    </Form>
  );
}

export default function ComposePage() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const state = answer ?? loaded.state;
  const sending = navigation.state === "submitting" && navigation.formData?.get("intent") === "send";
  const { extra } = state;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/applications/${loaded.applicationId}`}>
          {loaded.candidate.name} · {loaded.job}
        </Link>
      </p>
      <PageHeader
        title={`Write to ${loaded.candidate.name}`}
        description="They get it by email, from you by name, with a link to their status page. Replies come back to this application."
      />
      {answer?.errors?.form ? <Alert tone="error">{answer.errors.form}</Alert> : null}
      <TemplatePicker key={`picker-${loaded.chosenId}`} templates={loaded.templates} chosenId={loaded.chosenId} />
      <TemplateEditor
        key={`editor-${loaded.chosenId}`}
        state={state}
        busy={sending}
        submit={{ intent: "send", label: "Send", busyLabel: "Sending…" }}
        previewTitle={`Preview as ${loaded.candidate.name} will see it`}
        hidden={<input type="hidden" name="templateId" value={extra.templateId} />}
      >
        <fieldset className="choice-group composer-when">
          <legend>When</legend>
          <label className="checkbox">
            <input type="radio" name="when" value="now" defaultChecked={extra.when === "now"} /> Now
          </label>
          <label className="checkbox">
            <input type="radio" name="when" value="humane" defaultChecked={extra.when === "humane"} />
            <span>
              At a humane time: <DateTime value={loaded.humaneAt} timeZone={loaded.candidate.timeZone} />, the
              candidate&apos;s time (recommended for bad news)
            </span>
          </label>
          <label className="checkbox">
            <input type="radio" name="when" value="at" defaultChecked={extra.when === "at"} /> At a time I choose
          </label>
          <Field label={`Send at (your time, ${loaded.timeZone.replaceAll("_", " ")})`} error={state.errors?.sendAt}>
            <input type="datetime-local" name="sendAt" defaultValue={extra.sendAt} min={loaded.nowLocal} />
          </Field>
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" name="awaitsCandidate" defaultChecked={extra.awaitsCandidate} /> I am waiting for their
          reply (pauses the regular-update promise until they answer)
        </label>
      </TemplateEditor>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
