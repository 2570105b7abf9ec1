// Bulk rejection through the board's action and loader, as the browser posts it: reject the ticked cards, see the
// job's progress (from the database: a reload shows the same) and then the banner, undo, and the refusals (nothing
// ticked, a stale card, no permission) with the form's values kept.
import { beforeAll, beforeEach, expect, test } from "vitest";
import { createApplication } from "~/models/application-intake.server";
import { decideApplication } from "~/models/decisions.server";
import { createJob } from "~/models/job.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import * as board from "~/routes/jobs.$jobId._index";
import * as progressRoute from "~/routes/jobs.$jobId.bulk-rejections.$bulkId";
import { processBulkRejectionBatch, runBulkRejectionsNow } from "~/models/bulk-rejection/work.server";
import { prisma } from "~/platform/db.server";
import { clockNow, pinClock } from "../../clock";
import { getRequest, postRequest, run, signIn, type SignedIn } from "./helpers";

const NOW = pinClock();

type BoardData = Awaited<ReturnType<typeof board.loader>>;
type BulkAnswer = { intent: string; errors: Record<string, string>; values: Record<string, unknown> };

beforeAll(async () => {
  await ensureTemplateLibrary();
});

beforeEach(async () => {
  // Each test's worker sees its own jobs only: any an earlier test left unfinished is set aside.
  await prisma.bulkRejection.updateMany({
    where: { status: { in: ["queued", "running", "undoing"] } },
    data: { status: "failed", error: "set aside by the tests" },
  });
});

let emailCounter = 0;
async function jobWithCandidates(who: SignedIn, names: string[], people: { hiringManagerId?: string } = {}) {
  const job = await createJob(
    {
      title: "Support Engineer",
      status: "open",
      hiringManagerId: null,
      recruiterId: who.user.id,
      scheduleId: null,
      ...people,
    },
    who.user.id,
  );
  const ids: string[] = [];
  for (const [index, name] of names.entries()) {
    emailCounter += 1;
    const application = await createApplication(
      {
        jobId: job.id,
        candidate: { name, email: `board-bulk${emailCounter}@example.com`, timeZone: "Europe/Berlin" },
        appliedAt: new Date(NOW.getTime() - 7 * 24 * 60 * 60_000 + index * 60_000), // a minute apart, in order
        notify: false,
      },
      null,
    );
    ids.push(application.id);
  }
  return { job, ids };
}

function bulkRejectRequest(jobId: string, who: SignedIn, applicationIds: string[], extra: string[][] = []) {
  return postRequest(`/jobs/${jobId}?index`, who, [
    ["intent", "bulk-reject"],
    ...applicationIds.map((id) => ["applicationIds", id]),
    ["templateKind", "rejection_after_screen"],
    ...extra,
  ]);
}

async function loadBoard(path: string, who: SignedIn, jobId: string) {
  return run<BoardData>(board.loader, getRequest(path, who), { jobId });
}

test("rejecting the ticked cards redirects to the board with a banner; Undo brings them back", async () => {
  const recruiter = await signIn("recruiter");
  const { job, ids } = await jobWithCandidates(recruiter, ["Ann Able", "Ben Baker", "Cleo Cole"]);

  const posted = await run(
    board.action,
    bulkRejectRequest(
      job.id,
      recruiter,
      [ids[0]!, ids[1]!],
      [["reason", "Hired someone with more support experience"]],
    ),
    { jobId: job.id },
  );
  expect(posted.status).toBe(302);
  expect(posted.location).toMatch(new RegExp(`^/jobs/${job.id}\\?bulk=\\w+$`));
  const bulkId = new URL(posted.location!, "http://x").searchParams.get("bulk")!;

  // Queued: nobody is rejected yet, and the board shows the job's progress.
  const queued = await loadBoard(posted.location!, recruiter, job.id);
  expect(queued.data.cards).toHaveLength(3);
  expect(queued.data.bulkRejection).toMatchObject({
    id: bulkId,
    status: "queued",
    progress: { id: bulkId, jobId: job.id, status: "queued", done: 0, total: 2 },
    undo: { possible: true },
  });
  await runBulkRejectionsNow();

  const after = await loadBoard(posted.location!, recruiter, job.id);
  expect(after.data.cards.map((card) => card.candidateName)).toEqual(["Cleo Cole"]);
  expect(after.data.canDecide).toBe(true);
  expect(after.data.bulkRejection).toMatchObject({
    id: bulkId,
    status: "done",
    count: 2,
    rejected: 2,
    skipped: [],
    undoneAt: null,
    emails: { queued: 2, sent: 0, total: 2 },
    undo: { possible: true },
    reason: "Hired someone with more support experience",
    templateKind: "rejection_after_screen",
  });
  // Berlin candidates: their first email is on a Monday to Thursday between 09:00 and 17:00 Berlin time.
  expect(after.data.bulkRejection!.firstLocalSend).toMatch(/^(Mon|Tue|Wed|Thu) \d{1,2} \w{3}, (09|1[0-6]):\d\d$/);
  expect(
    await prisma.application.findMany({
      where: { id: { in: ids } },
      orderBy: { appliedAt: "asc" },
      select: { status: true },
    }),
  ).toEqual([{ status: "rejected" }, { status: "rejected" }, { status: "active" }]);

  const undone = await run(
    board.action,
    postRequest(`/jobs/${job.id}?index&bulk=${bulkId}`, recruiter, { intent: "undo-bulk-reject", bulkId }),
    { jobId: job.id },
  );
  expect(undone).toMatchObject({ status: 302, location: `/jobs/${job.id}?bulk=${bulkId}` });
  const undoing = await loadBoard(undone.location!, recruiter, job.id);
  expect(undoing.data.bulkRejection).toMatchObject({
    status: "undoing",
    progress: { status: "undoing", done: 0, total: 2 },
    emails: { cancelled: 2, queued: 0 },
  });
  await runBulkRejectionsNow();
  const back = await loadBoard(undone.location!, recruiter, job.id);
  expect(back.data.cards.map((card) => card.candidateName).sort()).toEqual(["Ann Able", "Ben Baker", "Cleo Cole"]);
  expect(back.data.bulkRejection).toMatchObject({ reopened: 2, emails: { cancelled: 2, queued: 0 } });
  expect(back.data.bulkRejection!.undoneAt).toBeInstanceOf(Date);

  const again = await run<BulkAnswer>(
    board.action,
    postRequest(`/jobs/${job.id}?index&bulk=${bulkId}`, recruiter, { intent: "undo-bulk-reject", bulkId }),
    { jobId: job.id },
  );
  expect(again).toMatchObject({
    status: 409,
    data: {
      intent: "undo-bulk-reject",
      errors: { form: "This bulk rejection was already undone; nothing was changed." },
    },
  });
});

test("Undo is refused with the number of emails already sent, and the banner says it is too late", async () => {
  const recruiter = await signIn("recruiter");
  const { job, ids } = await jobWithCandidates(recruiter, ["Dora Dean", "Eli Eden"]);
  const posted = await run(board.action, bulkRejectRequest(job.id, recruiter, ids), { jobId: job.id });
  const bulkId = new URL(posted.location!, "http://x").searchParams.get("bulk")!;
  await runBulkRejectionsNow();
  await prisma.message.updateMany({
    where: { bulkRejectionId: bulkId, applicationId: ids[0]! },
    data: { status: "sent", sentAt: clockNow() },
  });

  const refused = await run<BulkAnswer>(
    board.action,
    postRequest(`/jobs/${job.id}?index&bulk=${bulkId}`, recruiter, { intent: "undo-bulk-reject", bulkId }),
    { jobId: job.id },
  );
  expect(refused.status).toBe(409);
  expect(refused.data.errors.form).toBe(
    "1 of the 2 rejection emails has already gone out, so this bulk rejection can no longer be undone. Nothing was changed.",
  );
  const shown = await loadBoard(`/jobs/${job.id}?bulk=${bulkId}`, recruiter, job.id);
  expect(shown.data.bulkRejection).toMatchObject({ emails: { sent: 1, queued: 1 }, undo: { possible: false } });
  expect(await prisma.application.count({ where: { id: { in: ids }, status: "rejected" } })).toBe(2);
});

test("nothing ticked, or a card that is no longer active, is refused with the values kept and nothing written", async () => {
  const recruiter = await signIn("recruiter");
  const { job, ids } = await jobWithCandidates(recruiter, ["Fay Ford", "Gus Gray"]);

  const empty = await run<BulkAnswer>(
    board.action,
    bulkRejectRequest(job.id, recruiter, [], [["reason", "Role closed"]]),
    { jobId: job.id },
  );
  expect(empty).toMatchObject({
    status: 400,
    data: {
      intent: "bulk-reject",
      errors: { applicationIds: "Select at least one candidate to reject." },
      values: { reason: "Role closed", templateKind: "rejection_after_screen" },
    },
  });

  await decideApplication(ids[1]!, { outcome: "rejected", notify: false }, recruiter.user);
  const stale = await run<BulkAnswer>(board.action, bulkRejectRequest(job.id, recruiter, ids), { jobId: job.id });
  expect(stale).toMatchObject({
    status: 409,
    data: {
      errors: { form: "Nothing was rejected: Gus Gray was already rejected. Deselect them and try again." },
      values: { applicationIds: ids },
    },
  });
  expect(await prisma.bulkRejection.count({ where: { createdById: recruiter.user.id } })).toBe(0);
  expect((await prisma.application.findUniqueOrThrow({ where: { id: ids[0]! } })).status).toBe("active");
});

test("only people who decide on this job may reject in bulk; others get 403 or 404", async () => {
  const recruiter = await signIn("recruiter");
  const interviewer = await signIn("interviewer");
  const otherManager = await signIn("hiring_manager");
  const { job, ids } = await jobWithCandidates(recruiter, ["Hal Hart"]);

  const forInterviewer = await run(board.action, bulkRejectRequest(job.id, interviewer, ids), { jobId: job.id });
  expect(forInterviewer.status).toBe(403);
  const forOtherManager = await run(board.action, bulkRejectRequest(job.id, otherManager, ids), { jobId: job.id });
  expect(forOtherManager.status).toBe(404);
  expect((await prisma.application.findUniqueOrThrow({ where: { id: ids[0]! } })).status).toBe("active");
});

test("a hiring manager rejects in bulk on their own job; the banner of a batch is shown on its own board only", async () => {
  const recruiter = await signIn("recruiter");
  const manager = await signIn("hiring_manager");
  const { job, ids } = await jobWithCandidates(recruiter, ["Ida Ives", "Jon Joy"], {
    hiringManagerId: manager.user.id,
  });
  const { job: otherJob } = await jobWithCandidates(recruiter, ["Kai Kent"]);

  const posted = await run(board.action, bulkRejectRequest(job.id, manager, ids), { jobId: job.id });
  expect(posted.status).toBe(302);
  const bulkId = new URL(posted.location!, "http://x").searchParams.get("bulk")!;

  const elsewhere = await loadBoard(`/jobs/${otherJob.id}?bulk=${bulkId}`, recruiter, otherJob.id);
  expect(elsewhere.data.bulkRejection).toBeNull();
  const unknown = await loadBoard(`/jobs/${job.id}?bulk=nope`, recruiter, job.id);
  expect(unknown.data.bulkRejection).toBeNull();
});

test("while the worker is on it, the board shows its progress from the database, with or without ?bulk=", async () => {
  const recruiter = await signIn("recruiter");
  const { job, ids } = await jobWithCandidates(recruiter, ["Lea Lund", "Max Moor", "Nia Noor", "Oli Orr", "Pam Park"]);
  const posted = await run(board.action, bulkRejectRequest(job.id, recruiter, ids), { jobId: job.id });
  const bulkId = new URL(posted.location!, "http://x").searchParams.get("bulk")!;
  await processBulkRejectionBatch({ batchSize: 2 });

  // A reload, and the board opened afresh (no ?bulk=), show the same: 2 of 5 done.
  for (const path of [posted.location!, `/jobs/${job.id}`]) {
    const shown = await loadBoard(path, recruiter, job.id);
    expect(shown.data.bulkRejection).toMatchObject({
      id: bulkId,
      status: "running",
      rejected: 2,
      progress: { status: "running", done: 2, total: 5 },
      undo: { possible: true },
    });
    expect(shown.data.cards).toHaveLength(3);
  }

  // The small resource the board polls with JavaScript.
  const polled = await run<string>(
    progressRoute.loader,
    getRequest(`/jobs/${job.id}/bulk-rejections/${bulkId}`, recruiter),
    {
      jobId: job.id,
      bulkId,
    },
  );
  expect(polled.status).toBe(200);
  expect(polled.headers.get("Cache-Control")).toBe("no-store");
  expect(JSON.parse(polled.data)).toEqual({ id: bulkId, jobId: job.id, status: "running", done: 2, total: 5 });
  const interviewer = await signIn("interviewer");
  for (const [who, params] of [
    [interviewer, { jobId: job.id, bulkId }],
    [recruiter, { jobId: "another-job", bulkId }],
    [recruiter, { jobId: job.id, bulkId: "nope" }],
  ] as const) {
    const refused = await run(progressRoute.loader, getRequest(`/jobs/x/bulk-rejections/y`, who), params);
    expect(refused.status).toBe(404);
  }

  await runBulkRejectionsNow();
  const finished = await loadBoard(posted.location!, recruiter, job.id);
  expect(finished.data.bulkRejection).toMatchObject({ status: "done", rejected: 5, progress: { done: 5, total: 5 } });
  expect(finished.data.cards).toHaveLength(0);
  // Once it is done, a board opened afresh no longer shows it.
  expect((await loadBoard(`/jobs/${job.id}`, recruiter, job.id)).data.bulkRejection).toBeNull();
});

test("a candidate who withdrew before the worker reached them is skipped and named on the banner", async () => {
  const recruiter = await signIn("recruiter");
  const { job, ids } = await jobWithCandidates(recruiter, ["Quin Quay", "Rosa Rye"]);
  const posted = await run(board.action, bulkRejectRequest(job.id, recruiter, ids), { jobId: job.id });
  await decideApplication(ids[1]!, { outcome: "withdrawn", notify: false }, recruiter.user);
  await runBulkRejectionsNow();

  const shown = await loadBoard(posted.location!, recruiter, job.id);
  expect(shown.data.bulkRejection).toMatchObject({
    status: "done",
    count: 2,
    rejected: 1,
    skipped: [{ applicationId: ids[1], reason: "withdrawn", name: "Rosa Rye" }],
    emails: { queued: 1, total: 1 },
  });
});

test("a bulk rejection the worker gave up on is shown on its board for a day, with its error and Undo", async () => {
  const recruiter = await signIn("recruiter");
  const { job, ids } = await jobWithCandidates(recruiter, ["Sam Sand", "Tea Tate", "Uli Urb"]);
  const posted = await run(board.action, bulkRejectRequest(job.id, recruiter, ids), { jobId: job.id });
  const bulkId = new URL(posted.location!, "http://x").searchParams.get("bulk")!;
  await processBulkRejectionBatch({ batchSize: 2 });
  // What the worker writes after its last attempt (tests/integration/models/bulk-rejection.test.ts makes it fail).
  await prisma.bulkRejection.update({
    where: { id: bulkId },
    data: { status: "failed", error: "Uli Urb could not be changed: the database went away", finishedAt: clockNow() },
  });

  const shown = await loadBoard(`/jobs/${job.id}`, recruiter, job.id);
  expect(shown.data.bulkRejection).toMatchObject({
    id: bulkId,
    status: "failed",
    rejected: 2,
    error: "Uli Urb could not be changed: the database went away",
    progress: { done: 2, total: 3 },
    undo: { possible: true },
  });
  await prisma.bulkRejection.update({
    where: { id: bulkId },
    data: { finishedAt: new Date(clockNow().getTime() - 25 * 60 * 60_000) },
  });
  expect((await loadBoard(`/jobs/${job.id}`, recruiter, job.id)).data.bulkRejection).toBeNull();
});
