// The pipeline board: limits for big pipelines, a constant number of queries, moving by form, and scoping.
import { expect, test } from "vitest";
import { cardsPerColumn } from "~/domain/board";
import { recordMessage } from "~/models/application.server";
import { createApplication } from "~/models/application-intake.server";
import { decideApplication } from "~/models/decisions.server";
import { getBoard } from "~/models/board.server";
import { createJob } from "~/models/job.server";
import * as board from "~/routes/jobs.$jobId._index";
import { prisma } from "~/platform/db.server";
import { clockNow, pinClock } from "../../clock";
import { countQueries, getRequest, postRequest, run, signIn } from "./helpers";

pinClock();

const noPeople = { hiringManagerId: null, recruiterId: null, scheduleId: null };
type BoardData = Awaited<ReturnType<typeof board.loader>>;
type MoveAnswer = { ok: boolean; message: string };

let emailCounter = 0;
async function addCandidates(jobId: string, count: number, namePrefix = "Candidate") {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    emailCounter += 1;
    const application = await createApplication(
      {
        jobId,
        candidate: { name: `${namePrefix} ${index + 1}`, email: `person${emailCounter}@example.com` },
        appliedAt: new Date(Date.UTC(2026, 9, 1, 0, index)),
        notify: false,
      },
      null,
    );
    ids.push(application.id);
  }
  return ids;
}

test("a big column shows its oldest cards within the board's budget, with the full count; 'Show all' lifts the limit", async () => {
  const admin = await signIn("admin");
  const job = await createJob({ title: "Busy role", status: "open", ...noPeople }, admin.user.id);
  await addCandidates(job.id, 55);
  const [applied] = job.stages;

  const limited = await run<BoardData>(board.loader, getRequest(`/jobs/${job.id}`, admin), { jobId: job.id });
  expect(limited.data.counts[applied!.id]).toBe(55);
  // The board's budget shared out between its columns (the default pipeline's four stages: fifteen each).
  expect(job.stages).toHaveLength(4);
  expect(limited.data.cards).toHaveLength(cardsPerColumn(4));
  expect(cardsPerColumn(4)).toBe(15);
  expect(limited.data.cards[0]).toMatchObject({
    candidateName: "Candidate 1",
    appliedAt: new Date("2026-10-01T00:00:00Z"), // right whatever the process's TZ
    waitingSince: new Date("2026-10-01T00:00:00Z"),
  });
  expect(limited.data.expandedStageId).toBeNull();

  const all = await run<BoardData>(board.loader, getRequest(`/jobs/${job.id}?stage=${applied!.id}&all=1`, admin), {
    jobId: job.id,
  });
  expect(all.data.cards).toHaveLength(55);
  expect(all.data.expandedStageId).toBe(applied!.id);
});

test("the board needs the same number of queries for 3 or 60 applications", async () => {
  const admin = await signIn("admin");
  const small = await createJob({ title: "Small", status: "open", ...noPeople }, admin.user.id);
  const large = await createJob({ title: "Large", status: "open", ...noPeople }, admin.user.id);
  await addCandidates(small.id, 3);
  await addCandidates(large.id, 60);

  const forSmall = await countQueries(() => getBoard(small.id, admin.user, { perStageLimit: 100 }));
  const forLarge = await countQueries(() => getBoard(large.id, admin.user, { perStageLimit: 100 }));

  // The job, its stages, the cards with their counts, the cards' open SLA clocks, the totals by status and source.
  expect(forSmall).toBe(5);
  expect(forLarge).toBe(forSmall);
});

test("the search finds candidates by part of their name or email, wildcards taken literally", async () => {
  const recruiter = await signIn("recruiter");
  const job = await createJob({ title: "Searched", status: "open", ...noPeople }, recruiter.user.id);
  await addCandidates(job.id, 3, "Nadia");
  await addCandidates(job.id, 2, "Olu_Percent");
  const names = async (search: string) => {
    const result = await run<BoardData>(board.loader, getRequest(`/jobs/${job.id}${search}`, recruiter), {
      jobId: job.id,
    });
    return result.data.cards.map((card) => card.candidateName);
  };

  expect(await names("?q=nadia+2")).toEqual(["Nadia 2"]);
  expect(await names("?q=OLU_")).toEqual(["Olu_Percent 1", "Olu_Percent 2"]);
  expect(await names("?q=%25")).toEqual([]); // "%" is a character to find, not "anything"
  const email = (await prisma.candidate.findFirstOrThrow({ where: { name: "Nadia 3" } })).email;
  expect(await names(`?q=${encodeURIComponent(email.toUpperCase())}`)).toEqual(["Nadia 3"]);
  const filtered = await run<BoardData>(board.loader, getRequest(`/jobs/${job.id}?q=nadia`, recruiter), {
    jobId: job.id,
  });
  expect(filtered.data.counts[job.stages[0]!.id]).toBe(3);
  expect(filtered.data.filters).toEqual({ q: "nadia", owed: null, source: null, showClosed: false });
});

test("the owed filter keeps the candidates whose promise is overdue; the source filter those from one source", async () => {
  const recruiter = await signIn("recruiter");
  const job = await createJob({ title: "Filtered", status: "open", ...noPeople }, recruiter.user.id);
  await addCandidates(job.id, 1, "Long ago"); // applied in October, never answered: first response overdue
  emailCounter += 1;
  await createApplication(
    {
      jobId: job.id,
      candidate: { name: "Just now", email: `person${emailCounter}@example.com` },
      appliedAt: new Date(clockNow().getTime() - 60 * 60 * 1000),
      source: "Referral",
      notify: false,
    },
    null,
  );
  const names = async (search: string) => {
    const result = await run<BoardData>(board.loader, getRequest(`/jobs/${job.id}${search}`, recruiter), {
      jobId: job.id,
    });
    return { names: result.data.cards.map((card) => card.candidateName), sources: result.data.sources };
  };

  expect((await names("")).names).toEqual(["Long ago 1", "Just now"]);
  expect(await names("?owed=overdue")).toEqual({ names: ["Long ago 1"], sources: ["Referral"] });
  expect((await names("?owed=waiting")).names).toEqual(["Long ago 1", "Just now"]);
  expect((await names("?source=referral")).names).toEqual(["Just now"]);
  expect((await names("?source=none")).names).toEqual(["Long ago 1"]);
  expect((await names("?owed=bogus")).names).toEqual(["Long ago 1", "Just now"]); // an unknown filter is no filter
});

test("rejected and hired applications are counted but hidden until Show closed, then in their own columns", async () => {
  const admin = await signIn("admin");
  const job = await createJob({ title: "Closing", status: "open", ...noPeople }, admin.user.id);
  const [kept, rejected, hired] = await addCandidates(job.id, 3, "Person");
  await decideApplication(rejected!, { outcome: "rejected", notify: false }, admin.user);
  await decideApplication(hired!, { outcome: "hired", notify: false }, admin.user);

  const hidden = await run<BoardData>(board.loader, getRequest(`/jobs/${job.id}`, admin), { jobId: job.id });
  expect(hidden.data.cards.map((card) => card.id)).toEqual([kept]);
  expect(hidden.data.closedCounts).toEqual({ rejected: 1, hired: 1 });
  expect(Object.keys(hidden.data.counts)).toEqual(job.stages.map((stage) => stage.id));

  const shown = await run<BoardData>(board.loader, getRequest(`/jobs/${job.id}?closed=1`, admin), { jobId: job.id });
  expect(shown.data.cards.map((card) => [card.id, card.closed, card.column])).toEqual([
    [kept, null, job.stages[0]!.id],
    [rejected, "rejected", "rejected"],
    [hired, "hired", "hired"],
  ]);
  expect(shown.data.counts).toMatchObject({ rejected: 1, hired: 1, [job.stages[0]!.id]: 1 });
  // Closed cards are searched like the others.
  const searched = await run<BoardData>(board.loader, getRequest(`/jobs/${job.id}?closed=1&q=person+2`, admin), {
    jobId: job.id,
  });
  expect(searched.data.cards.map((card) => card.id)).toEqual([rejected]);
});

test("each card carries its soonest open SLA clock, which moves on once we reply", async () => {
  const recruiter = await signIn("recruiter");
  const job = await createJob({ title: "Clocked", status: "open", ...noPeople }, recruiter.user.id);
  const [applicationId] = await addCandidates(job.id, 1, "Clara");

  const before = await run<BoardData>(board.loader, getRequest(`/jobs/${job.id}`, recruiter), { jobId: job.id });
  // Applied weeks ago and never answered: the first response is the soonest clock, and long overdue.
  expect(before.data.cards[0]!.clock).toMatchObject({ metric: "first_response", state: "running" });
  expect(before.data.cards[0]!.clock!.dueAt!.getTime()).toBeLessThan(before.data.now.getTime());

  await recordMessage(
    applicationId!,
    {
      direction: "outbound",
      body: "Thanks! Could you send us your portfolio?",
      automated: false,
      awaitsCandidate: true,
      occurredAt: clockNow(),
    },
    recruiter.user,
  );
  const after = await run<BoardData>(board.loader, getRequest(`/jobs/${job.id}`, recruiter), { jobId: job.id });
  // Answered, and now waiting on the candidate (regular updates paused, no due date): the soonest is still a running
  // clock, the decision owed on the Applied stage since October.
  expect(after.data.cards[0]!.clock).toMatchObject({ metric: "stage_decision", state: "running" });
});

test("the Move form moves a card, writes its event and says so", async () => {
  const recruiter = await signIn("recruiter");
  const job = await createJob({ title: "Mover", status: "open", ...noPeople }, recruiter.user.id);
  const [applicationId] = await addCandidates(job.id, 1, "Ann");
  const interview = job.stages[2]!;

  const result = await run<MoveAnswer>(
    board.action,
    postRequest(`/jobs/${job.id}?index`, recruiter, {
      intent: "move",
      applicationId: applicationId!,
      stageId: interview.id,
    }),
    { jobId: job.id },
  );

  expect(result).toMatchObject({ status: 200, data: { ok: true, message: "Moved Ann 1 to Interview." } });
  expect(await prisma.application.findUniqueOrThrow({ where: { id: applicationId! } })).toMatchObject({
    stageId: interview.id,
  });
  expect(await prisma.event.count({ where: { applicationId: applicationId!, type: "stage_changed" } })).toBe(1);

  const board2 = await run<BoardData>(board.loader, getRequest(`/jobs/${job.id}`, recruiter), { jobId: job.id });
  expect(board2.data.counts).toMatchObject({ [job.stages[0]!.id]: 0, [interview.id]: 1 });
});

test("moves that cannot happen are refused with a message and write nothing", async () => {
  const admin = await signIn("admin");
  const job = await createJob({ title: "Strict", status: "open", ...noPeople }, admin.user.id);
  const other = await createJob({ title: "Other", status: "open", ...noPeople }, admin.user.id);
  const [first, second] = await addCandidates(job.id, 2);
  await decideApplication(second!, { outcome: "rejected", notify: false }, admin.user);
  const eventsBefore = await prisma.event.count();

  const foreignStage = await run<MoveAnswer>(
    board.action,
    postRequest(`/jobs/${job.id}?index`, admin, {
      intent: "move",
      applicationId: first!,
      stageId: other.stages[1]!.id,
    }),
    { jobId: job.id },
  );
  expect(foreignStage).toMatchObject({ status: 400, data: { ok: false, message: "Choose a stage of this job." } });

  const closed = await run<MoveAnswer>(
    board.action,
    postRequest(`/jobs/${job.id}?index`, admin, { intent: "move", applicationId: second!, stageId: job.stages[1]!.id }),
    { jobId: job.id },
  );
  expect(closed.status).toBe(409);
  expect(closed.data.message).toMatch(/already rejected/);

  const noStage = await run<MoveAnswer>(
    board.action,
    postRequest(`/jobs/${job.id}?index`, admin, { intent: "move", applicationId: first!, stageId: "" }),
    { jobId: job.id },
  );
  expect(noStage.status).toBe(400);
  expect(await prisma.event.count()).toBe(eventsBefore);
});

test("hiring managers only see and move their own jobs; interviewers get no board", async () => {
  const admin = await signIn("admin");
  const manager = await signIn("hiring_manager");
  const otherManager = await signIn("hiring_manager");
  const interviewer = await signIn("interviewer");
  const job = await createJob(
    { title: "Managed", status: "open", ...noPeople, hiringManagerId: manager.user.id },
    admin.user.id,
  );
  const [applicationId] = await addCandidates(job.id, 1);
  const move = (who: typeof admin) =>
    run<MoveAnswer>(
      board.action,
      postRequest(`/jobs/${job.id}?index`, who, {
        intent: "move",
        applicationId: applicationId!,
        stageId: job.stages[1]!.id,
      }),
      { jobId: job.id },
    );

  const own = await run<BoardData>(board.loader, getRequest(`/jobs/${job.id}`, manager), { jobId: job.id });
  expect(own.data).toMatchObject({ canMove: true, canAddCandidates: false, canEditJob: false });
  expect((await run(board.loader, getRequest(`/jobs/${job.id}`, otherManager), { jobId: job.id })).status).toBe(404);
  expect((await run(board.loader, getRequest(`/jobs/${job.id}`, interviewer), { jobId: job.id })).status).toBe(404);

  expect((await move(otherManager)).status).toBe(404);
  expect((await move(interviewer)).status).toBe(403);
  expect(await prisma.application.findUniqueOrThrow({ where: { id: applicationId! } })).toMatchObject({
    stageId: job.stages[0]!.id,
  });
  expect((await move(manager)).data).toMatchObject({ ok: true });
});
