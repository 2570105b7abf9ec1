// "Waiting on us": applications in due order with their lead clock's risk, filters, counts per risk, scoping by role,
// and the landing page (the grouping, paging, search and scope are in waiting-list.test.ts). Clocks run on a calendar-time policy (first response within 60 minutes, warned 30 minutes before), so
// each application's risk follows from how long ago it applied, whatever the weekday the suite runs on.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, expect, test } from "vitest";
import { ClockBadge } from "~/components/sla/clock-badge";
import { relativeDue } from "~/components/sla/due-text";
import { DueTime } from "~/components/sla/due-time";
import { createPolicy } from "~/models/sla/policies.server";
import * as landing from "~/routes/_index";
import * as waiting from "~/routes/waiting";
import { pinClock } from "../../clock";
import { createTestApplication, createTestJob } from "../../factories";
import { getRequest, run, signIn, type SignedIn } from "./helpers";

const NOW = pinClock();

type WaitingData = Awaited<ReturnType<typeof waiting.loader>>;

const MINUTE = 60_000;
const DEPARTMENT = "Calendar time";
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * MINUTE);

beforeAll(async () => {
  await createPolicy(
    {
      name: "Calendar-time first response",
      position: 1,
      match: { departments: [DEPARTMENT] },
      countAutomatedReplies: false,
      targets: [
        { metric: "first_response", minutes: 60, businessHours: false, warnBeforeMinutes: 30 },
        { metric: "next_response", minutes: 120, businessHours: false, warnBeforeMinutes: 30 },
      ],
    },
    null,
  );
});

/** A job owned by `recruiter` with three candidates: one overdue, one due soon, one just applied. */
async function jobWithThreeCandidates(recruiter: SignedIn, options: { hiringManagerId?: string; title?: string } = {}) {
  const job = await createTestJob({
    title: options.title ?? "Waiting role",
    department: DEPARTMENT,
    recruiterId: recruiter.user.id,
    hiringManagerId: options.hiringManagerId ?? null,
  });
  const make = (name: string, minutesAgo: number) =>
    createTestApplication({ jobId: job.id, candidate: { name }, appliedAt: ago(minutesAgo) });
  const fresh = await make("Fiona Fresh", 5);
  const late = await make("Lars Late", 2 * 24 * 60);
  const soon = await make("Sam Soon", 45);
  return { job, late, soon, fresh };
}

function load(who: SignedIn, search = "") {
  return run<WaitingData>(waiting.loader, getRequest(`/waiting${search}`, who));
}

test("the queue lists running clocks soonest due first, with each one's risk and the counts per risk", async () => {
  const recruiter = await signIn("recruiter", { timeZone: "America/New_York" });
  const { job, late, soon, fresh } = await jobWithThreeCandidates(recruiter);

  const page = await load(recruiter, `?job=${job.id}`);

  expect(page.status).toBe(200);
  expect(page.data.rows.map((row) => [row.candidate.name, row.lead.metric, row.lead.risk])).toEqual([
    ["Lars Late", "first_response", "breached"],
    ["Sam Soon", "first_response", "warning"],
    ["Fiona Fresh", "first_response", "fine"],
  ]);
  expect(page.data.rows.map((row) => row.applicationId)).toEqual([late.id, soon.id, fresh.id]);
  expect(page.data.counts).toEqual({ breached: 1, warning: 1, fine: 1, total: 3 });
  expect(page.data.timeZone).toBe("America/New_York");
  expect(page.data.jobs.map((option) => option.id)).toContain(job.id);

  // The words staff read for those rows, against the loader's "now".
  const [lateItem, soonItem, freshItem] = page.data.rows.map((row) => row.lead);
  expect(relativeDue(lateItem!.dueAt, page.data.now)).toBe("47 h overdue");
  expect(relativeDue(soonItem!.dueAt, page.data.now)).toMatch(/^in 1[45] min$/);
  expect(relativeDue(freshItem!.dueAt, page.data.now)).toMatch(/^in 5[45] min$/);
});

test("the filters narrow the queue by metric, job and recruiter, and a bad value is ignored", async () => {
  const recruiter = await signIn("recruiter");
  const other = await signIn("recruiter");
  const { job } = await jobWithThreeCandidates(recruiter, { title: "Filtered role" });
  const { job: otherJob } = await jobWithThreeCandidates(other, { title: "Other role" });

  const byMetric = await load(recruiter, `?job=${job.id}&metric=next_response`);
  expect(byMetric.data.rows).toEqual([]);
  expect(byMetric.data.filter.metric).toBe("next_response");

  const byJob = await load(recruiter, `?job=${otherJob.id}&metric=first_response&scope=everyone`);
  expect(new Set(byJob.data.rows.map((row) => row.job.id))).toEqual(new Set([otherJob.id]));
  expect(byJob.data.rows).toHaveLength(3);

  const byRecruiter = await load(recruiter, `?recruiter=${other.user.id}`);
  expect(byRecruiter.data.rows).toHaveLength(3);
  expect(byRecruiter.data.rows.every((row) => row.job.id === otherJob.id)).toBe(true);
  expect(byRecruiter.data.counts.total).toBe(3);

  const badMetric = await load(recruiter, `?job=${job.id}&metric=teatime`);
  expect(badMetric.status).toBe(200);
  expect(badMetric.data.filter.metric).toBe("");
  expect(badMetric.data.rows).toHaveLength(3);
});

test("a hiring manager sees only their own jobs' candidates, and only their jobs in the job filter", async () => {
  const recruiter = await signIn("recruiter");
  const manager = await signIn("hiring_manager");
  const { job: managed } = await jobWithThreeCandidates(recruiter, {
    hiringManagerId: manager.user.id,
    title: "Managed role",
  });
  const { job: notManaged } = await jobWithThreeCandidates(recruiter, { title: "Someone else's role" });

  const page = await load(manager);
  expect(page.data.rows).toHaveLength(3);
  expect(page.data.rows.every((row) => row.job.id === managed.id)).toBe(true);
  expect(page.data.jobs.map((option) => option.id)).toEqual([managed.id]);

  const peeking = await load(manager, `?job=${notManaged.id}`);
  expect(peeking.data.rows).toEqual([]);
});

test("interviewers land on their applications and their queue holds only the feedback they owe", async () => {
  const recruiter = await signIn("recruiter");
  await jobWithThreeCandidates(recruiter);
  const interviewer = await signIn("interviewer");
  const fromQueue = await load(interviewer);
  expect(fromQueue.status).toBe(200);
  expect(fromQueue.data.ownFeedbackOnly).toBe(true);
  expect(fromQueue.data.rows).toEqual([]);

  const interviewerHome = await run(landing.loader, getRequest("/", interviewer));
  expect(interviewerHome.location).toBe("/applications");
  for (const role of ["admin", "recruiter", "hiring_manager"] as const) {
    const home = await run(landing.loader, getRequest("/", await signIn(role)));
    expect(home.location, role).toBe("/waiting");
  }
});

test("an empty queue explains itself instead of showing an empty table", async () => {
  const recruiter = await signIn("recruiter");
  const job = await createTestJob({ title: "Quiet role", department: DEPARTMENT, recruiterId: recruiter.user.id });
  const page = await load(recruiter, `?job=${job.id}`);
  expect(page.data.rows).toEqual([]);
  expect(page.data.counts).toEqual({ breached: 0, warning: 0, fine: 0, total: 0 });
});

test("due times read the same whatever the process time zone: relative to the given now, absolute in the viewer's", () => {
  const now = new Date("2026-03-29T00:30:00Z");
  expect(relativeDue(new Date("2026-03-29T03:45:00Z"), now)).toBe("in 3 h");
  expect(relativeDue(new Date("2026-03-27T00:00:00Z"), now)).toBe("2 days overdue");
  expect(relativeDue(new Date("2026-03-29T00:30:20Z"), now)).toBe("due now");
  expect(relativeDue(new Date("2026-03-29T00:50:00Z"), now)).toBe("in 20 min");

  const html = renderToStaticMarkup(
    createElement(DueTime, { dueAt: new Date("2026-03-29T03:45:00Z"), now, timeZone: "Europe/Berlin" }),
  );
  expect(html).toContain("in 3 h");
  expect(html).toContain("29 Mar 2026, 05:45 CEST"); // after the spring-forward, in Berlin
  expect(html).toContain('dateTime="2026-03-29T03:45:00.000Z"');
});

test("a card's clock badge says the risk in words as well as colour", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const badge = (dueAt: string, warnAt: string | null, state: "running" | "paused" = "running") =>
    renderToStaticMarkup(
      createElement(ClockBadge, {
        clock: { metric: "first_response", state, dueAt: state === "paused" ? null : dueAt, warnAt, breached: false },
        now,
      }),
    ).replace(/<[^>]+>/g, "");
  expect(badge("2026-05-30T12:00:00Z", null)).toBe("✕First response 2 days overdue");
  expect(badge("2026-06-01T14:00:00Z", "2026-06-01T11:00:00Z")).toBe("!Due soon: First response in 2 h");
  expect(badge("2026-06-03T12:00:00Z", "2026-06-03T08:00:00Z")).toBe("✓First response in 2 days");
  expect(badge("", null, "paused")).toBe("‖First response: paused, waiting for the candidate");
});
