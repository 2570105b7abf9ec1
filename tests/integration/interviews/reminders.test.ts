// Interview reminders at fixed instants: the candidate's the day before in their daytime (never at night), the
// interviewers' an hour before, once each however often the worker ticks, and only for scheduled interviews.
import { beforeAll, expect, test } from "vitest";
import { queueCandidateReminders, queueInterviewerReminders } from "~/models/interviews/reminders.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import { pinClock } from "../../clock";
import { createTestApplication, createTestInterview, createTestJob, createTestUser } from "../../factories";

pinClock("2026-12-05T10:00:00Z");

beforeAll(async () => {
  await ensureTemplateLibrary();
});

async function interviewFor(options: {
  timeZone: string;
  startsAt: string;
  bookedAt: string;
  status?: "scheduled" | "cancelled";
}) {
  const recruiter = await createTestUser({ role: "recruiter", name: "Priya Raman" });
  const tom = await createTestUser({ role: "interviewer", name: "Tom Becker", timeZone: "Europe/Berlin" });
  const job = await createTestJob({ title: "Support Engineer", recruiterId: recruiter.id });
  const application = await createTestApplication({
    jobId: job.id,
    candidate: { name: "Sam Taylor", locale: "en", timeZone: options.timeZone },
    appliedAt: new Date("2026-11-20T09:00:00Z"),
  });
  const interview = await createTestInterview({
    applicationId: application.id,
    startsAt: new Date(options.startsAt),
    organizerId: recruiter.id,
    interviewerIds: [tom.id],
    bookedAt: new Date(options.bookedAt),
    status: options.status ?? "scheduled",
  });
  const reminders = () =>
    prisma.message.findMany({
      where: { interviewId: interview.id, audience: "candidate", kind: "interview_reminder" },
    });
  const staffReminders = () => prisma.message.findMany({ where: { interviewId: interview.id, audience: "staff" } });
  return { interview, application, tom, reminders, staffReminders };
}

test("the candidate's reminder waits for 09:00 the day before on their clock, goes once, and names the interview", async () => {
  // Tuesday 8 December 14:00 in Berlin is 18:30 in Kolkata; the reminder's day is Monday 7 December, 09:00–18:00 IST.
  const { interview, reminders } = await interviewFor({
    timeZone: "Asia/Kolkata",
    startsAt: "2026-12-08T13:00:00Z",
    bookedAt: "2026-12-01T10:00:00Z",
  });
  await queueCandidateReminders(new Date("2026-12-06T22:00:00Z")); // 03:30 on Monday in Kolkata: night
  await queueCandidateReminders(new Date("2026-12-07T03:29:00Z")); // 08:59
  expect(await reminders()).toHaveLength(0);

  const nine = new Date("2026-12-07T03:30:00Z");
  await queueCandidateReminders(nine);
  await queueCandidateReminders(new Date("2026-12-07T04:00:00Z"));
  const [reminder, ...more] = await reminders();
  expect(more).toHaveLength(0);
  expect(reminder).toMatchObject({ status: "queued", automated: true, scheduledFor: nine });
  expect(reminder!.subject).toBe("Reminder: your interview for Support Engineer");
  expect(reminder!.bodyText).toContain("When: Tuesday 8 December, 18:30 (Kolkata time)");
  expect(reminder!.bodyText).toContain("With: Tom Becker");
  expect(reminder!.bodyText).toContain("It takes about 45 minutes.");
  expect(await prisma.interview.findUniqueOrThrow({ where: { id: interview.id } })).toMatchObject({
    candidateRemindedAt: nine,
  });
});

test("booked less than a day ahead: a reminder on the day two hours before if there is daytime for it, else none", async () => {
  // Booked Monday 16:00 Berlin for Tuesday 15:00: Monday is over by then; Tuesday 09:00 is six hours ahead.
  const late = await interviewFor({
    timeZone: "Europe/Berlin",
    startsAt: "2026-12-08T14:00:00Z",
    bookedAt: "2026-12-07T15:00:00Z",
  });
  await queueCandidateReminders(new Date("2026-12-07T16:30:00Z")); // Monday 17:30, within six hours of booking
  expect(await late.reminders()).toHaveLength(0);
  await queueCandidateReminders(new Date("2026-12-08T08:00:00Z")); // Tuesday 09:00
  expect(await late.reminders()).toHaveLength(1);

  // Booked Monday 17:00 for Tuesday 10:00: no daytime two hours ahead; nothing at night, nothing at 09:00.
  const tooLate = await interviewFor({
    timeZone: "Europe/Berlin",
    startsAt: "2026-12-08T09:00:00Z",
    bookedAt: "2026-12-07T16:00:00Z",
  });
  for (const at of ["2026-12-07T23:00:00Z", "2026-12-08T05:00:00Z", "2026-12-08T08:00:00Z"]) {
    await queueCandidateReminders(new Date(at));
  }
  expect(await tooLate.reminders()).toHaveLength(0);
});

test("only scheduled interviews are reminded", async () => {
  const cancelled = await interviewFor({
    timeZone: "Europe/Berlin",
    startsAt: "2026-12-10T13:00:00Z",
    bookedAt: "2026-12-01T10:00:00Z",
    status: "cancelled",
  });
  await queueCandidateReminders(new Date("2026-12-09T10:00:00Z"));
  await queueInterviewerReminders(new Date("2026-12-10T12:30:00Z"));
  expect(await cancelled.reminders()).toHaveLength(0);
  expect(await cancelled.staffReminders()).toHaveLength(0);
});

test("interviewers get a short email an hour before, once; not when the time was fixed within that hour", async () => {
  const { interview, tom, staffReminders } = await interviewFor({
    timeZone: "Europe/London",
    startsAt: "2026-12-11T13:00:00Z",
    bookedAt: "2026-12-01T10:00:00Z",
  });
  await queueInterviewerReminders(new Date("2026-12-11T11:59:00Z"));
  expect(await staffReminders()).toHaveLength(0);
  const hourBefore = new Date("2026-12-11T12:00:00Z");
  await queueInterviewerReminders(hourBefore);
  await queueInterviewerReminders(new Date("2026-12-11T12:30:00Z"));
  const [email, ...more] = await staffReminders();
  expect(more).toHaveLength(0);
  expect(email!.toAddress).toContain(tom.email);
  expect(email!.subject).toBe("In an hour: Video interview with Sam Taylor for Support Engineer");
  expect(email!.bodyText).toContain("When: Friday 11 December, 14:00 (Berlin time)");
  expect(await prisma.interview.findUniqueOrThrow({ where: { id: interview.id } })).toMatchObject({
    interviewersRemindedAt: hourBefore,
  });

  const lastMinute = await interviewFor({
    timeZone: "Europe/London",
    startsAt: "2026-12-11T16:00:00Z",
    bookedAt: "2026-12-11T15:30:00Z",
  });
  await queueInterviewerReminders(new Date("2026-12-11T15:31:00Z"));
  expect(await lastMinute.staffReminders()).toHaveLength(0);
});

test("a tick works every due interview in bounded batches", async () => {
  const recruiter = await createTestUser({ role: "recruiter" });
  const job = await createTestJob({ title: "Batch Engineer", recruiterId: recruiter.id });
  const ids: string[] = [];
  for (let index = 0; index < 55; index += 1) {
    const application = await createTestApplication({
      jobId: job.id,
      candidate: { locale: "en", timeZone: "Europe/Berlin" },
      appliedAt: new Date("2026-11-20T09:00:00Z"),
    });
    const interview = await createTestInterview({
      applicationId: application.id,
      startsAt: new Date(Date.UTC(2026, 11, 16, 9, index)),
      organizerId: recruiter.id,
      bookedAt: new Date("2026-12-01T10:00:00Z"),
    });
    ids.push(interview.id);
  }
  expect(await queueCandidateReminders(new Date("2026-12-15T10:00:00Z"))).toBe(55);
  expect(await prisma.interview.count({ where: { id: { in: ids }, candidateRemindedAt: null } })).toBe(0);
  expect(await queueCandidateReminders(new Date("2026-12-15T10:05:00Z"))).toBe(0);
});
