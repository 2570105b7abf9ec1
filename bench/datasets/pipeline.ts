// A job whose pipeline holds many active applications, each with a short, realistic history (acknowledgements,
// invitations, replies, notes, interviews), written through the factories' fast path. Used by the board benchmark
// and by the board query-count test, so both look at the same shape of data.
import type { JobDetail } from "~/models/job.server";
import { insertApplicationsInBulk } from "../../tests/bulk-applications";
import { createTestJob, createTestUser, fakeCandidate, rng, type TestUser } from "../../tests/factories";
import { planApplication, varyPace, type StoryStaff } from "../../tests/history-plans";

const DAY = 24 * 60 * 60 * 1000;

export type PipelineStaff = {
  admin: TestUser;
  recruiter: StoryStaff;
  hiringManager: StoryStaff;
  interviewers: StoryStaff[];
};

/** `tag` keeps the staff of several benchmarks in one database apart (each reseeds the factories). */
export async function createPipelineStaff(tag = "pipeline"): Promise<PipelineStaff> {
  const roles = ["admin", "recruiter", "hiring_manager", "interviewer", "interviewer"] as const;
  const [admin, recruiter, hiringManager, ...interviewers] = await Promise.all(
    roles.map((role, index) =>
      createTestUser({ role, email: `${tag}-${role.replace("_", "-")}-${index}@example.com` }),
    ),
  );
  return { admin: admin!, recruiter: recruiter!, hiringManager: hiringManager!, interviewers };
}

export type PipelineDataset = { job: JobDetail; applicationIds: string[]; events: number; buildMs: number };

/** Creates a job with `applications` active applications spread over the last 60 days and across its stages. */
export async function createPipelineDataset(
  staff: PipelineStaff,
  options: { applications: number; now?: Date; title?: string; syncClocks?: boolean },
): Promise<PipelineDataset> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const job = await createTestJob({
    title: options.title ?? "Platform Engineer",
    department: "Engineering",
    hiringManagerId: staff.hiringManager.id,
    recruiterId: staff.recruiter.id,
    actorId: staff.admin.id,
    stages: [
      { name: "Applied", kind: "applied" },
      { name: "Screen", kind: "screen", decisionMinutes: 2 * 24 * 60 },
      { name: "Take-home", kind: "assessment" },
      { name: "Interview", kind: "interview", decisionMinutes: 3 * 24 * 60 },
      { name: "Offer", kind: "offer" },
    ],
  });
  const plans = Array.from({ length: options.applications }, () =>
    planApplication({
      job,
      candidate: fakeCandidate(),
      appliedAt: new Date(now.getTime() - rng.number.int({ min: 60 * 60 * 1000, max: 60 * DAY })),
      until: now,
      fate: "in_progress",
      pace: varyPace("steady"),
      recruiter: staff.recruiter,
      hiringManager: staff.hiringManager,
      interviewers: staff.interviewers,
      source: "Careers page",
    }),
  );
  const applicationIds = await insertApplicationsInBulk(plans, { syncClocks: options.syncClocks });
  const events = plans.reduce(
    (sum, plan) => sum + 1 + plan.steps.filter((step) => step.type !== "assign_interviewer").length,
    0,
  );
  return { job, applicationIds, events, buildMs: performance.now() - started };
}
