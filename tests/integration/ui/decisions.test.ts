// "Decisions owed": which applications wait on a hiring manager (stage decision or interview feedback), oldest first,
// scoped to their jobs; recruiters and admins see everyone's with an owner filter; interviewers are refused.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { StaticRouter } from "react-router-dom/server";
import { beforeAll, expect, test } from "vitest";
import { actionHref, DecisionsOwedTable, dueText, waitedText } from "~/components/metrics/decisions-owed-table";
import { listDecisionsOwed, type DecisionOwedRow } from "~/models/decisions-owed.server";
import * as decisions from "~/routes/decisions";
import { pinClock } from "../../clock";
import { applyHistory, createTestApplication, createTestJob } from "../../factories";
import { getRequest, run, signIn, type SignedIn } from "./helpers";

type DecisionsData = Awaited<ReturnType<typeof decisions.loader>>;

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const NOW = pinClock();
const ago = (ms: number) => new Date(NOW.getTime() - ms);

let recruiter: SignedIn;
let manager: SignedIn;
let otherManager: SignedIn;
let interviewer: SignedIn;
const ids: Record<string, string> = {};
let jobA: Awaited<ReturnType<typeof createTestJob>>;
let jobB: Awaited<ReturnType<typeof createTestJob>>;
let jobC: Awaited<ReturnType<typeof createTestJob>>;

/** Applied → (moved into the interview stage) → interview logged → perhaps a note, all in the past. */
async function interviewed(
  name: string,
  times: { applied: number; moved: number; interviewAt: number; note?: { at: number; by: SignedIn } },
) {
  const application = await createTestApplication({
    jobId: jobA.id,
    candidate: { name },
    appliedAt: ago(times.applied),
  });
  const interviewStage = jobA.stages.find((stage) => stage.kind === "interview")!;
  await applyHistory(application.id, [
    { type: "move", at: ago(times.moved), by: recruiter.user, stageId: interviewStage.id },
    {
      type: "interview",
      at: ago(times.moved - HOUR),
      by: recruiter.user,
      // Negative "ago" is the future: an interview that has not happened yet.
      when: ago(times.interviewAt),
      where: "Video call",
      interviewerIds: [interviewer.user.id],
    },
    ...(times.note
      ? [{ type: "note" as const, at: ago(times.note.at), by: times.note.by.user, body: "Strong on systems design." }]
      : []),
  ]);
  return application.id;
}

beforeAll(async () => {
  recruiter = await signIn("recruiter");
  manager = await signIn("hiring_manager", { name: "Hanna Manager" });
  otherManager = await signIn("hiring_manager", { name: "Otto Other" });
  interviewer = await signIn("interviewer");
  const stages = [
    { name: "Applied", kind: "applied" as const },
    { name: "Onsite", kind: "interview" as const },
    { name: "Offer", kind: "offer" as const },
  ];
  jobA = await createTestJob({ title: "Platform Engineer", hiringManagerId: manager.user.id, stages });
  jobB = await createTestJob({ title: "Designer", hiringManagerId: otherManager.user.id, stages });
  jobC = await createTestJob({ title: "Unowned role", hiringManagerId: null, stages });

  ids.waitingThreeDays = (
    await createTestApplication({ jobId: jobA.id, candidate: { name: "Ada Applied" }, appliedAt: ago(3 * DAY) })
  ).id;
  // Interview two days ago; only the interviewer wrote a note: the manager's feedback is still owed.
  ids.feedbackOwed = await interviewed("Fay Feedback", {
    applied: 10 * DAY,
    moved: 9 * DAY,
    interviewAt: 2 * DAY,
    note: { at: 2 * DAY - 2 * HOUR, by: interviewer },
  });
  // The manager wrote their note after the interview: now only the stage decision (clock since the move) is owed.
  ids.feedbackGiven = await interviewed("Gus Given", {
    applied: 8 * DAY,
    moved: 7 * DAY,
    interviewAt: 6 * DAY,
    note: { at: 6 * DAY - 3 * HOUR, by: manager },
  });
  // The interview is tomorrow: nothing to give feedback on yet.
  ids.interviewTomorrow = await interviewed("Tia Tomorrow", { applied: 6 * DAY, moved: 5 * DAY, interviewAt: -DAY });
  const rejected = await createTestApplication({
    jobId: jobA.id,
    candidate: { name: "Rex Rejected" },
    appliedAt: ago(4 * DAY),
  });
  await applyHistory(rejected.id, [
    { type: "decision", at: ago(3 * DAY), by: recruiter.user, outcome: "rejected", notify: false },
  ]);
  ids.rejected = rejected.id;
  ids.otherJob = (
    await createTestApplication({ jobId: jobB.id, candidate: { name: "Olga Other" }, appliedAt: ago(DAY) })
  ).id;
  ids.unowned = (
    await createTestApplication({ jobId: jobC.id, candidate: { name: "Uma Unowned" }, appliedAt: ago(12 * DAY) })
  ).id;
});

function load(who: SignedIn, search = "") {
  return run<DecisionsData>(decisions.loader, getRequest(`/decisions${search}`, who));
}

const summary = (rows: DecisionOwedRow[]) => rows.map((row) => [row.candidateName, row.kind]);

test("a hiring manager sees only their jobs' applications, oldest wait first, feedback before the decision", async () => {
  const page = await load(manager);

  expect(page.status).toBe(200);
  expect(summary(page.data.rows)).toEqual([
    ["Gus Given", "decision"],
    ["Tia Tomorrow", "decision"],
    ["Ada Applied", "decision"],
    ["Fay Feedback", "feedback"],
  ]);
  expect(page.data.total).toBe(4);
  expect(page.data.everyone).toBe(false);
  expect(page.data.owners).toEqual([]);
  expect(page.data.jobs.map((job) => job.title)).toEqual(["Platform Engineer"]);

  const [given, tomorrow, applied, feedback] = page.data.rows;
  // Waits start when the stage-decision clock started (the move, or the application) or when the interview was held.
  expect(given!.waitingSince).toBe(ago(7 * DAY).toISOString());
  expect(tomorrow!.waitingSince).toBe(ago(5 * DAY).toISOString());
  expect(applied!.waitingSince).toBe(ago(3 * DAY).toISOString());
  expect(feedback!.waitingSince).toBe(ago(2 * DAY).toISOString());
  // Whole minutes apart from the request's own clock (a few milliseconds after NOW).
  expect(Math.floor(applied!.waitingMinutes)).toBe(3 * 24 * 60);
  expect(Math.floor(feedback!.waitingMinutes)).toBe(2 * 24 * 60);
  // Every row but feedback's own wait has a decision clock, and feedback carries the decision's due date.
  expect(page.data.rows.every((row) => row.dueAt !== null)).toBe(true);
  expect(page.data.rows.map((row) => row.ownerName)).toEqual(Array(4).fill("Hanna Manager"));
  // Hiring managers cannot look at someone else's list with the owner filter.
  const sneaky = await load(manager, `?owner=${otherManager.user.id}`);
  expect(summary(sneaky.data.rows)).toEqual(summary(page.data.rows));
});

test("recruiters see everyone's with the owner, and filter by owner, by 'no hiring manager' and by job", async () => {
  const all = await load(recruiter);
  expect(all.data.everyone).toBe(true);
  const ours = all.data.rows.filter((row) => [jobA.id, jobB.id, jobC.id].includes(row.jobId));
  expect(ours.map((row) => [row.candidateName, row.ownerName])).toEqual([
    ["Uma Unowned", null],
    ["Gus Given", "Hanna Manager"],
    ["Tia Tomorrow", "Hanna Manager"],
    ["Ada Applied", "Hanna Manager"],
    ["Fay Feedback", "Hanna Manager"],
    ["Olga Other", "Otto Other"],
  ]);
  expect(all.data.owners.map((owner) => owner.name)).toEqual(expect.arrayContaining(["Hanna Manager", "Otto Other"]));

  const other = await load(recruiter, `?owner=${otherManager.user.id}`);
  expect(summary(other.data.rows)).toEqual([["Olga Other", "decision"]]);
  expect(other.data.filter.owner).toBe(otherManager.user.id);

  const unowned = await load(recruiter, `?owner=none&job=${jobC.id}`);
  expect(summary(unowned.data.rows)).toEqual([["Uma Unowned", "decision"]]);

  const byJob = await load(recruiter, `?job=${jobB.id}`);
  expect(byJob.data.total).toBe(1);
});

test("interviewers are refused and signed-out visitors sent to sign in", async () => {
  const refused = await load(interviewer);
  expect(refused.status).toBe(403);
  const anonymous = await run(decisions.loader, getRequest("/decisions"));
  expect(anonymous.status).toBe(302);
  expect(anonymous.location).toMatch(/^\/login\?redirectTo=%2Fdecisions/);
  expect((await listDecisionsOwed(interviewer.user, {}, { limit: 10, offset: 0 })).total).toBe(0);
});

test("the list pages: limit and offset keep the oldest-first order and the total", async () => {
  const first = await listDecisionsOwed(manager.user, {}, { limit: 2, offset: 0 });
  const second = await listDecisionsOwed(manager.user, {}, { limit: 2, offset: 2 });
  expect(first.total).toBe(4);
  expect(second.total).toBe(4);
  expect([...first.rows, ...second.rows].map((row) => row.applicationId)).toEqual([
    ids.feedbackGiven,
    ids.interviewTomorrow,
    ids.waitingThreeDays,
    ids.feedbackOwed,
  ]);
});

test("the table links each row to where the owner acts, says how long, and names the owner for admins", async () => {
  const page = await load(recruiter, `?job=${jobA.id}`);
  const html = renderToStaticMarkup(
    createElement(
      StaticRouter,
      { location: "/decisions" },
      createElement(DecisionsOwedTable, { rows: page.data.rows, showOwner: true, now: page.data.now, timeZone: "UTC" }),
    ),
  );
  expect(html).toContain(`href="/applications/${ids.feedbackOwed}#note-heading"`);
  expect(html).toContain(`href="/applications/${ids.waitingThreeDays}#job-heading"`);
  expect(html).toContain('Give feedback<span class="visually-hidden"> on Fay Feedback</span>');
  expect(html).toContain('<th scope="col">Owner</th>');
  expect(html).toContain("<strong>3 days</strong>");
  expect(actionHref({ applicationId: "x", kind: "decision" })).toBe("/applications/x#job-heading");
  const at = new Date("2026-03-02T12:00:00Z");
  expect(dueText("decision", new Date("2026-03-02T15:00:00Z"), at)).toBe("due in 3 h");
  expect(dueText("feedback", new Date("2026-02-28T12:00:00Z"), at)).toBe("decision 2 days overdue");
  expect(waitedText(59.9)).toBe("59 min");
  expect(waitedText(47 * 60 + 59)).toBe("47 h");
  expect(waitedText(2 * 24 * 60)).toBe("2 days");
});

test("the list comes in pages of 50, the longest waits on the first; a page past the end leads back to the first", async () => {
  const first = await load(manager, "?page=1");
  expect(first.data.page).toBe(1);
  expect(first.data.pageCount).toBe(1);
  expect(first.data.rows).toHaveLength(4);

  const beyond = await load(recruiter, `?job=${jobA.id}&page=2`);
  expect(beyond.status).toBe(302);
  expect(beyond.location).toBe(`/decisions?job=${jobA.id}`);

  const nonsense = await load(manager, "?page=banana");
  expect(nonsense.data.page).toBe(1);
  expect(summary(nonsense.data.rows)).toEqual(summary(first.data.rows));
});
