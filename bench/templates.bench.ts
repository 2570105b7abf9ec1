// Rendering and linting a template, as the editor does on every keystroke and the composer before each send.
// Target: render + lint under 20 ms (p95). Pure code: no database involved.
import { lintTemplate } from "~/domain/templates/lint";
import { renderTemplate, sampleValues } from "~/domain/templates/render";
import { environment, measure, withTarget, type Benchmark } from "./harness";

const TARGET_MS = 20;

const words = (text: string) => text.split(/\s+/).length;

const SHORT = {
  kind: "rejection_after_interview" as const,
  subject: "Your interview for {{job.title}}",
  body: `Hi {{candidate.firstName}},

thank you for meeting us for the {{job.title}} role. We have decided not to offer you the job.

The team liked how you explained your support work. We chose someone with more time in our tools.

If you would like feedback, reply to this email and I will call you this week.

With best wishes,
{{recruiter.name}}`,
};

/** A long one-off message, far longer than any template: the same paragraphs ten times over. */
const LONG = { ...SHORT, kind: "custom" as const, body: Array.from({ length: 10 }, () => SHORT.body).join("\n\n") };

export const templatesBenchmark: Benchmark = {
  name: "templates",
  title: "Render and lint a template",
  async run(context) {
    const values = sampleValues();
    const short = await measure(
      `render + lint, a ${words(SHORT.body)}-word rejection template`,
      async () => {
        renderTemplate(SHORT, values);
        lintTemplate(SHORT);
      },
      context,
    );
    const long = await measure(
      `render + lint, a ${words(LONG.body)}-word one-off message (informational)`,
      async () => {
        renderTemplate(LONG, values);
        lintTemplate(LONG);
      },
      context,
    );
    return {
      name: "templates",
      title: this.title,
      target: `render + lint under ${TARGET_MS} ms (p95)`,
      date: new Date().toISOString(),
      environment: environment(context.database),
      dataset: { shortWords: words(SHORT.body), longWords: words(LONG.body) },
      measurements: [withTarget(short, TARGET_MS), withTarget(long, TARGET_MS, { informational: true })],
      skipped: [],
    };
  },
};
