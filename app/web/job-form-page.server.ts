// The server half of the job form (new and edit pages): choices for the selects, and one post handler that either
// applies a stage-editor step (no JavaScript) or validates and saves the whole job in one transaction.
import { data, redirect } from "@remix-run/node";
import {
  applyStageIntent,
  jobFormSchema,
  jobFormValuesFromPost,
  stageIndexSchema,
  type JobFormValues,
  type StageIntent,
} from "~/domain/job-form";
import type { DurationCounting } from "~/domain/durations";
import type { JobInput } from "~/domain/jobs";
import { selectPolicy } from "~/domain/sla/policies";
import { currentSlaConfig, policyTargets } from "~/models/sla/config.server";
import { listDepartments } from "~/models/job.server";
import { listUsersByRole } from "~/models/user.server";
import { formDataToObject, type FieldErrors } from "~/domain/forms";
import { modelFailure } from "./form-errors.server";
import { defineIntent, dispatchIntent } from "./intents.server";

type Person = { id: string; name: string } | null;

export async function jobFormChoices(
  current: { id?: string; department?: string | null; hiringManager?: Person; recruiter?: Person } = {},
) {
  const [hiringManagers, recruiters, departments, decisionCounting] = await Promise.all([
    listUsersByRole(["hiring_manager", "admin", "recruiter"]),
    listUsersByRole(["recruiter", "admin"]),
    listDepartments(),
    stageDecisionCounting({ id: current.id ?? "", department: current.department ?? null }),
  ]);
  // Keep a deactivated person who is still assigned visible, so the form does not silently change them.
  const withCurrent = (people: { id: string; name: string }[], person: Person | undefined) => {
    const options = people.map((user) => ({ id: user.id, name: user.name, active: true }));
    if (person && !options.some((option) => option.id === person.id)) {
      options.push({ id: person.id, name: person.name, active: false });
    }
    return options;
  };
  return {
    hiringManagers: withCurrent(hiringManagers, current.hiringManager),
    recruiters: withCurrent(recruiters, current.recruiter),
    departments,
    decisionCounting,
  };
}

/**
 * How the job's SLA policy counts stage decisions (a new job: the default policy's): a stage's own decision time is
 * stored in minutes of that clock, business time unless the policy's stage-decision target counts calendar time.
 */
async function stageDecisionCounting(job: { id: string; department: string | null }): Promise<DurationCounting> {
  const { policies } = await currentSlaConfig();
  const target = policyTargets(selectPolicy(policies, job)).find((candidate) => candidate.metric === "stage_decision");
  return target && !target.businessHours ? "calendar" : "business";
}

export type JobFormActionData = { values: JobFormValues; errors: FieldErrors; notice?: string };

export async function handleJobFormPost(request: Request, save: (input: JobInput) => Promise<{ id: string }>) {
  const formData = await request.formData();
  const values = jobFormValuesFromPost(formDataToObject(formData));
  const step = (intent: StageIntent) => {
    const stepped = applyStageIntent(values, intent);
    return data<JobFormActionData>({ values: stepped.values, errors: {}, notice: stepped.notice });
  };
  const indexed = (type: "remove-stage" | "move-up" | "move-down") =>
    defineIntent({ argument: stageIndexSchema, run: ({ argument }) => step({ type, index: argument }) });
  return dispatchIntent(formData, {
    intents: {
      save: defineIntent({
        schema: jobFormSchema,
        invalid: ({ errors }) => data<JobFormActionData>({ values, errors }, { status: 400 }),
        run: async ({ input }) => {
          try {
            const job = await save(input);
            return redirect(`/jobs/${job.id}`);
          } catch (error) {
            const failure = modelFailure(error);
            if (!failure) throw error;
            return data<JobFormActionData>({ values, errors: failure.errors }, { status: failure.status });
          }
        },
      }),
      "add-stage": defineIntent({ run: () => step({ type: "add-stage" }) }),
      "remove-stage": indexed("remove-stage"),
      "move-up": indexed("move-up"),
      "move-down": indexed("move-down"),
    },
    // Save is the form's main button: a post that names no step saves.
    fallback: "save",
  });
}
