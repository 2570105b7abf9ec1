// The application page and the applications list: timeline, notes, moves, decisions, recorded messages, interviewers
// and who may see or do what.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect, test } from "vitest";
import { SlaClocksPanel } from "~/components/sla/sla-clocks-panel";
import { addNote, recordMessage } from "~/models/application.server";
import { createApplication } from "~/models/application-intake.server";
import { createJob } from "~/models/job.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import * as applicationPage from "~/routes/applications.$applicationId";
import * as applicationsList from "~/routes/applications._index";
import { prisma } from "~/platform/db.server";
import { getRequest, postRequest, run, signIn, type SignedIn } from "./helpers";

const noPeople = { hiringManagerId: null, recruiterId: null, scheduleId: null };
type PageData = Awaited<ReturnType<typeof applicationPage.loader>>;
type ListData = Awaited<ReturnType<typeof applicationsList.loader>>;
type Answer = { intent: string; errors: Record<string, string> };

let emails = 0;
async function setup(options: { hiringManagerId?: string; name?: string } = {}) {
  const owner = await signIn("admin");
  const job = await createJob(
    { title: "Role", status: "open", ...noPeople, hiringManagerId: options.hiringManagerId ?? null },
    owner.user.id,
  );
  emails += 1;
  const application = await createApplication(
    {
      jobId: job.id,
      candidate: {
        name: options.name ?? `Person ${emails}`,
        email: `page${emails}@example.com`,
        timeZone: "Asia/Tokyo",
      },
      appliedAt: new Date("2026-06-01T08:00:00Z"),
      notify: false,
    },
    owner.user.id,
  );
  return { owner, job, application };
}

function act(who: SignedIn, applicationId: string, fields: Record<string, string>) {
  return run<Answer>(applicationPage.action, postRequest(`/applications/${applicationId}`, who, fields), {
    applicationId,
  });
}

function load(who: SignedIn, applicationId: string) {
  return run<PageData>(applicationPage.loader, getRequest(`/applications/${applicationId}`, who), { applicationId });
}

test("the page shows the candidate and the whole timeline, newest first, internal entries marked", async () => {
  const { owner, application } = await setup({ name: "Tomoko Abe" });
  await recordMessage(
    application.id,
    {
      direction: "outbound",
      body: "Thanks!",
      automated: false,
      awaitsCandidate: false,
      occurredAt: new Date("2026-06-02T08:00:00Z"),
    },
    owner.user,
  );
  await addNote(application.id, "Great portfolio", owner.user);

  const page = await load(owner, application.id);

  expect(page.status).toBe(200);
  expect(page.data.application.candidate).toMatchObject({ name: "Tomoko Abe", timeZone: "Asia/Tokyo", locale: "en" });
  expect(page.data.application.events.map((event) => [event.type, event.visibility, event.actor?.name])).toEqual([
    ["note", "internal", owner.user.name],
    ["message_out", "candidate", owner.user.name],
    ["applied", "candidate", owner.user.name],
  ]);
  expect(page.data.can).toEqual({
    note: true,
    move: true,
    decide: true,
    message: true,
    assign: true,
    planInterviews: true,
    reopen: false,
  });
});

test("a note needs text; an empty one answers 400 and writes nothing", async () => {
  const { owner, application } = await setup();
  const before = await prisma.event.count({ where: { applicationId: application.id } });

  const empty = await act(owner, application.id, { intent: "note", body: "   " });
  expect(empty).toMatchObject({ status: 400, data: { intent: "note", errors: { body: "Note is required." } } });
  expect(await prisma.event.count({ where: { applicationId: application.id } })).toBe(before);

  const saved = await act(owner, application.id, { intent: "note", body: "Called, will send a task." });
  expect(saved).toMatchObject({ status: 302, location: `/applications/${application.id}?done=note` });
  expect(
    await prisma.event.findFirst({
      where: { applicationId: application.id, type: "note" },
      select: { visibility: true, data: true },
    }),
  ).toEqual({ visibility: "internal", data: { body: "Called, will send a task." } });
});

test("moving from the application page changes the stage", async () => {
  const { owner, job, application } = await setup();
  const moved = await act(owner, application.id, { intent: "move", stageId: job.stages[1]!.id });
  expect(moved).toMatchObject({ status: 302, location: `/applications/${application.id}?done=moved` });
  const page = await load(owner, application.id);
  expect(page.data.application.stage.name).toBe("Screen");
});

test("a rejection needs a reason, stores it, and closes the application", async () => {
  const { owner, application } = await setup();

  await ensureTemplateLibrary();
  const { templates, defaultTemplateId } = (await load(owner, application.id)).data.rejection;
  expect(templates.map((template) => template.id)).toContain(defaultTemplateId);
  const templateId = defaultTemplateId!;

  const noReason = await act(owner, application.id, { intent: "reject", reason: "", reasonDetail: "", templateId });
  expect(noReason.status).toBe(400);
  expect(noReason.data.errors.reason).toBe("Choose a reason for the rejection.");
  const otherWithoutText = await act(owner, application.id, {
    intent: "reject",
    reason: "other",
    reasonDetail: "",
    templateId,
  });
  expect(otherWithoutText.data.errors).toEqual({ reasonDetail: "Describe the reason for the rejection." });
  expect(await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
    status: "active",
  });

  const rejected = await act(owner, application.id, {
    intent: "reject",
    reason: "skills",
    reasonDetail: "Looking for more Go experience",
    templateId,
  });
  expect(rejected).toMatchObject({ status: 302, location: `/applications/${application.id}?done=rejected` });
  expect(await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
    status: "rejected",
    outcomeReason: "Skills did not match the role: Looking for more Go experience",
    closedAt: expect.any(Date),
  });

  const hireAfterwards = await act(owner, application.id, { intent: "hire", reason: "" });
  expect(hireAfterwards.status).toBe(409);
  expect(hireAfterwards.data.errors.form).toMatch(/already rejected/);
});

test("hire and withdraw close applications with their own events", async () => {
  const hired = await setup();
  const withdrawn = await setup();

  expect((await act(hired.owner, hired.application.id, { intent: "hire", reason: "" })).status).toBe(302);
  expect(
    (await act(withdrawn.owner, withdrawn.application.id, { intent: "withdraw", reason: "Accepted another offer" }))
      .status,
  ).toBe(302);

  expect(await prisma.application.findUniqueOrThrow({ where: { id: hired.application.id } })).toMatchObject({
    status: "hired",
  });
  expect(await prisma.application.findUniqueOrThrow({ where: { id: withdrawn.application.id } })).toMatchObject({
    status: "withdrawn",
    outcomeReason: "Accepted another offer",
  });
  expect(
    await prisma.event.findFirst({ where: { applicationId: withdrawn.application.id, type: "withdrawn" } }),
  ).toMatchObject({ data: { reason: "Accepted another offer" } });
});

test("a recorded message is dated in the recorder's time zone and cannot be in the future", async () => {
  const { job } = await setup();
  const recruiter = await signIn("recruiter", { timeZone: "Europe/Berlin" });
  emails += 1;
  const application = await createApplication(
    {
      jobId: job.id,
      candidate: { name: "Nia", email: `nia${emails}@example.com` },
      appliedAt: new Date("2026-06-01T08:00:00Z"),
      notify: false,
    },
    recruiter.user.id,
  );

  const missing = await act(recruiter, application.id, {
    intent: "message",
    direction: "inbound",
    subject: "",
    body: "",
    occurredAt: "",
  });
  expect(missing.status).toBe(400);
  expect(missing.data.errors).toMatchObject({
    body: "Message body is required.",
    occurredAt: "Enter when the message was sent.",
  });

  const future = await act(recruiter, application.id, {
    intent: "message",
    direction: "inbound",
    body: "Hello",
    occurredAt: "2099-01-01T10:00",
  });
  expect(future.data.errors.occurredAt).toBe("A recorded message cannot be in the future.");

  const recorded = await act(recruiter, application.id, {
    intent: "message",
    direction: "outbound",
    subject: "Next steps",
    body: "Could you send two times that suit you?",
    occurredAt: "2026-07-01T09:30",
    awaitsCandidate: "on",
  });
  expect(recorded).toMatchObject({ status: 302, location: `/applications/${application.id}?done=message` });
  expect(await prisma.event.findFirst({ where: { applicationId: application.id, type: "message_out" } })).toMatchObject(
    {
      occurredAt: new Date("2026-07-01T07:30:00Z"), // 09:30 in Berlin in summer (UTC+2)
      visibility: "candidate",
      data: { subject: "Next steps", automated: false, awaitsCandidate: true },
    },
  );
});

test("a message recorded in the minute the candidate applied counts as just after the application", async () => {
  const { job } = await setup();
  const recruiter = await signIn("recruiter", { timeZone: "UTC" });
  emails += 1;
  const appliedAt = new Date("2026-06-01T08:00:42.500Z");
  const application = await createApplication(
    { jobId: job.id, candidate: { name: "Quick", email: `quick${emails}@example.com` }, appliedAt, notify: false },
    recruiter.user.id,
  );
  const fields = { intent: "message", direction: "outbound", body: "Thanks for applying!" };

  const sameMinute = await act(recruiter, application.id, { ...fields, occurredAt: "2026-06-01T08:00" });
  expect(sameMinute.status).toBe(302);
  expect(await prisma.event.findFirst({ where: { applicationId: application.id, type: "message_out" } })).toMatchObject(
    { occurredAt: appliedAt },
  );

  const minuteBefore = await act(recruiter, application.id, { ...fields, occurredAt: "2026-06-01T07:59" });
  expect(minuteBefore.status).toBe(400);
  expect(minuteBefore.data.errors.occurredAt).toBe("Must be after the application date.");
});

test("interviewers see only assigned applications and may only add notes", async () => {
  const { owner, application } = await setup({ name: "Assigned Person" });
  const other = await setup({ name: "Unassigned Person" });
  const interviewer = await signIn("interviewer");

  expect((await load(interviewer, application.id)).status).toBe(404);
  expect((await act(interviewer, application.id, { intent: "note", body: "Hi" })).status).toBe(404);

  const assigned = await act(owner, application.id, { intent: "assign-interviewer", userId: interviewer.user.id });
  expect(assigned.status).toBe(302);

  const page = await load(interviewer, application.id);
  expect(page.status).toBe(200);
  expect(page.data.can).toEqual({
    note: true,
    move: false,
    decide: false,
    message: false,
    assign: false,
    planInterviews: false,
    reopen: false,
  });
  expect(page.data.interviewers.map((person) => person.id)).toEqual([interviewer.user.id]);
  expect((await act(interviewer, application.id, { intent: "note", body: "Strong system design." })).status).toBe(302);
  expect((await act(interviewer, application.id, { intent: "reject", reason: "skills" })).status).toBe(403);
  expect((await act(interviewer, application.id, { intent: "schedule-interview", startsAt: "" })).status).toBe(403);
  expect((await act(interviewer, application.id, { intent: "move", stageId: "x" })).status).toBe(403);

  const list = await run<ListData>(applicationsList.loader, getRequest("/applications", interviewer));
  expect(list.data.items.map((item) => item.candidate.name)).toEqual(["Assigned Person"]);
  expect(list.data.interviewer).toBe(true);
  expect((await load(interviewer, other.application.id)).status).toBe(404);

  expect((await act(owner, application.id, { intent: "remove-interviewer", userId: interviewer.user.id })).status).toBe(
    302,
  );
  expect((await load(interviewer, application.id)).status).toBe(404);
});

test("hiring managers act only on their own jobs' applications", async () => {
  const manager = await signIn("hiring_manager");
  const own = await setup({ hiringManagerId: manager.user.id });
  const foreign = await setup();

  expect((await load(manager, own.application.id)).data.can).toMatchObject({ move: true, decide: true });
  expect((await load(manager, foreign.application.id)).status).toBe(404);
  expect((await act(manager, foreign.application.id, { intent: "hire", reason: "" })).status).toBe(404);
  expect(await prisma.application.findUniqueOrThrow({ where: { id: foreign.application.id } })).toMatchObject({
    status: "active",
  });
  expect((await act(manager, own.application.id, { intent: "hire", reason: "" })).status).toBe(302);
});

test("the applications list searches by name or email and pages through results", async () => {
  const admin = await signIn("admin");
  const job = await createJob({ title: "Listed", status: "open", ...noPeople }, admin.user.id);
  for (let index = 0; index < 27; index += 1) {
    await createApplication(
      {
        jobId: job.id,
        candidate: { name: index === 3 ? "Zelda Quartz" : `Lister ${index}`, email: `lister${index}@list.example.com` },
        appliedAt: new Date(Date.UTC(2026, 0, 1, index)),
        notify: false,
      },
      null,
    );
  }
  const list = (query: string) =>
    run<ListData>(applicationsList.loader, getRequest(`/applications?job=${job.id}${query}`, admin));

  const first = await list("");
  expect(first.data).toMatchObject({ total: 27, page: 1, pageCount: 2, job: { title: "Listed" } });
  expect(first.data.items).toHaveLength(25);
  expect(first.data.items[0]!.candidate.name).toBe("Lister 26"); // newest first
  expect((await list("&page=2")).data.items).toHaveLength(2);
  expect((await list("&q=zelda")).data.items.map((item) => item.candidate.name)).toEqual(["Zelda Quartz"]);
  expect((await list("&q=LISTER3%40")).data.items.map((item) => item.candidate.email)).toEqual([
    "lister3@list.example.com",
  ]);
  expect((await list("&status=rejected")).data.total).toBe(0);
});

test("the SLA panel lists open clocks with their risk, the paused update, finished ones, and the promised date in the candidate's time", async () => {
  const { owner, application } = await setup({ name: "Kenji Sato" });
  await recordMessage(
    application.id,
    {
      direction: "outbound",
      body: "Could you send us your portfolio?",
      automated: false,
      awaitsCandidate: true,
      occurredAt: new Date("2026-06-02T08:00:00Z"),
    },
    owner.user,
  );

  const page = await load(owner, application.id);
  const open = page.data.clocks.filter((clock) => clock.state === "running" || clock.state === "paused");
  const finished = page.data.clocks.filter((clock) => clock.state === "stopped");
  expect(open.map((clock) => [clock.metric, clock.state])).toEqual([
    ["periodic_update", "paused"],
    ["stage_decision", "running"],
  ]);
  // The reply stopped the first response (in time) and the first update period.
  expect(finished.map((clock) => [clock.metric, clock.breached]).sort()).toEqual([
    ["first_response", false],
    ["periodic_update", false],
  ]);
  const decision = open[1]!;
  // The update waits on the candidate, so the promise is the stage decision.
  expect(page.data.hearBackBy).toEqual(decision.dueAt);

  const html = renderToStaticMarkup(
    createElement(SlaClocksPanel, {
      clocks: page.data.clocks,
      now: page.data.now,
      timeZone: "Europe/Berlin",
      candidateTimeZone: "Asia/Tokyo",
      hearBackBy: page.data.hearBackBy,
    }),
  );
  const text = html.replace(/<[^>]+>/g, "");
  const promised = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Tokyo",
  }).format(decision.dueAt!);
  expect(text).toContain(`Promised to hear back by ${promised} GMT+9`);
  // Staff in Berlin also read the promise, and each running clock's due time, in their own time.
  const yours = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Berlin",
  }).format(decision.dueAt!);
  expect(text).toMatch(new RegExp(`\\(the candidate’s time, Asia/Tokyo; ${yours}[^)]* yours\\)`));
  expect(text).toContain("their time");
  expect(text).toContain("Stage decision");
  expect(text).toMatch(/Overdue\d+ days overdue/);
  expect(text).toContain("this date has passed");
  expect(text).toContain("Paused: waiting for the candidate.");
  expect(text).toContain("Finished clocks (2: 2 met, 0 missed)");
  expect(html).toContain("<details");
});
