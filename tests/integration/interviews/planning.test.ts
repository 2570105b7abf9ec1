// Planning interviews through the models: scheduling, offering times, the candidate's booking or "none of these
// work", moving, cancelling, feedback, no-shows and the recorded end — each change with its touchpoint, its emails
// (with their calendar part) and its refusals.
import ICAL from "ical.js";
import { beforeAll, describe, expect, test } from "vitest";
import { decideApplication } from "~/models/decisions.server";
import { answerInterviewOffer } from "~/models/interviews/booking.server";
import { recordEndedInterviews, recordFeedback, recordNoShow } from "~/models/interviews/feedback.server";
import { listInterviews } from "~/models/interviews/read.server";
import {
  cancelInterview,
  offerInterview,
  rescheduleInterview,
  scheduleInterview,
} from "~/models/interviews/schedule.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import { runInterviewTick } from "~/workers/interview-worker.server";
import { minutesFrom, pinClock } from "../../clock";
import { createTestApplication, createTestJob, createTestUser } from "../../factories";

const NOW = pinClock();
const inHours = (hours: number) => minutesFrom(NOW, hours * 60);

beforeAll(async () => {
  await ensureTemplateLibrary();
});

async function setUp() {
  const recruiter = await createTestUser({ role: "recruiter", name: "Priya Raman", timeZone: "Europe/Berlin" });
  const interviewer = await createTestUser({ role: "interviewer", name: "Tom Becker" });
  const second = await createTestUser({ role: "interviewer", name: "Ana Silva" });
  const job = await createTestJob({
    recruiterId: recruiter.id,
    stages: [
      { name: "Applied", kind: "applied" },
      { name: "Interview", kind: "interview" },
    ],
  });
  const application = await createTestApplication({
    jobId: job.id,
    candidate: { name: "Sam Taylor", timeZone: "Asia/Kolkata", locale: "en" },
  });
  return { recruiter, interviewer, second, application };
}

const eventsOf = (applicationId: string, type: "interview" | "interview_feedback" | "message_in") =>
  prisma.event.findMany({
    where: { applicationId, type },
    orderBy: { recordedAt: "asc" },
    select: { data: true, visibility: true, occurredAt: true },
  });

const messagesOf = (interviewId: string) =>
  prisma.message.findMany({
    where: { interviewId },
    orderBy: { createdAt: "asc" },
    select: { kind: true, audience: true, toAddress: true, calendarMethod: true, calendarIcs: true, status: true },
  });

function parsedEvent(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = calendar.getFirstSubcomponent("vevent")!;
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: event.getFirstPropertyValue("sequence"),
    start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
  };
}

describe("scheduling directly", () => {
  test("invites the candidate and each interviewer with one calendar event, and seats the interviewers", async () => {
    const { recruiter, interviewer, application } = await setUp();
    const interview = await scheduleInterview(
      application.id,
      {
        startsAt: inHours(26),
        durationMinutes: 45,
        videoUrl: "https://meet.example.com/abc-defg-hij",
        interviewerIds: [interviewer.id],
        notify: true,
      },
      recruiter,
    );
    expect(interview).toMatchObject({ status: "scheduled", kind: "interview", timeZone: "Europe/Berlin", sequence: 0 });
    expect(interview.endsAt!.getTime() - interview.startsAt!.getTime()).toBe(45 * 60_000);

    const messages = await messagesOf(interview.id);
    expect(messages.map((message) => [message.audience, message.kind, message.calendarMethod])).toEqual([
      ["candidate", "interview_invite", "REQUEST"],
      ["staff", null, "REQUEST"],
    ]);
    for (const message of messages) {
      expect(parsedEvent(message.calendarIcs!)).toEqual({
        method: "REQUEST",
        uid: interview.calendarUid,
        sequence: 0,
        start: inHours(26).toISOString(),
      });
    }
    // The interviewer may now see the application (interviewers see only the applications they are assigned to).
    const assigned = await prisma.applicationInterviewer.findMany({ where: { applicationId: application.id } });
    expect(assigned.map((row) => row.userId)).toEqual([interviewer.id]);
    const [event] = await eventsOf(application.id, "interview");
    expect(event).toMatchObject({
      visibility: "candidate",
      data: { action: "scheduled", interviewId: interview.id, interviewerIds: [interviewer.id] },
    });
  });

  test("refuses a time in the past, and a time an interviewer is already booked", async () => {
    const { recruiter, interviewer, application } = await setUp();
    await expect(
      scheduleInterview(
        application.id,
        { startsAt: inHours(-1), durationMinutes: 30, interviewerIds: [], notify: false },
        recruiter,
      ),
    ).rejects.toMatchObject({ issues: [{ path: "startsAt", message: "Choose a time in the future." }] });

    await scheduleInterview(
      application.id,
      { startsAt: inHours(30), durationMinutes: 60, interviewerIds: [interviewer.id], notify: false },
      recruiter,
    );
    const other = await createTestApplication({
      jobId: (await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).jobId,
    });
    await expect(
      scheduleInterview(
        other.id,
        {
          startsAt: minutesFrom(inHours(30), 30),
          durationMinutes: 60,
          interviewerIds: [interviewer.id],
          notify: false,
        },
        recruiter,
      ),
    ).rejects.toMatchObject({ message: expect.stringContaining("Tom Becker has another interview") });
    // Back to back is fine.
    await expect(
      scheduleInterview(
        other.id,
        { startsAt: inHours(31), durationMinutes: 30, interviewerIds: [interviewer.id], notify: false },
        recruiter,
      ),
    ).resolves.toMatchObject({ status: "scheduled" });
  });

  test("an invitation needs a place: a location or a video link", async () => {
    const { recruiter, application } = await setUp();
    await expect(
      scheduleInterview(
        application.id,
        { startsAt: inHours(5), durationMinutes: 30, interviewerIds: [], notify: true },
        recruiter,
      ),
    ).rejects.toMatchObject({ issues: [{ path: "location", message: expect.stringContaining("where to go") }] });
  });

  test("notify false writes the touchpoint and sends nothing", async () => {
    const { recruiter, application } = await setUp();
    const interview = await scheduleInterview(
      application.id,
      { startsAt: inHours(5), durationMinutes: 30, interviewerIds: [], notify: false },
      recruiter,
    );
    expect(await messagesOf(interview.id)).toEqual([]);
    expect(await eventsOf(application.id, "interview")).toHaveLength(1);
  });
});

describe("offering times", () => {
  test("the candidate books one: it becomes the scheduled interview, and everyone is invited", async () => {
    const { recruiter, interviewer, application } = await setUp();
    const offer = await offerInterview(
      application.id,
      {
        slots: [
          { startsAt: inHours(50), durationMinutes: 30 },
          { startsAt: inHours(26), durationMinutes: 30 },
          { startsAt: inHours(74), durationMinutes: 30 },
        ],
        location: "Acme office, Berlin",
        interviewerIds: [interviewer.id],
      },
      recruiter,
    );
    expect(offer.status).toBe("offered");
    expect(offer.slots.map((slot) => slot.startsAt)).toEqual([inHours(26), inHours(50), inHours(74)]);
    const [offerEmail] = await messagesOf(offer.id);
    expect(offerEmail).toMatchObject({ kind: "interview_offer", audience: "candidate", calendarMethod: null });

    const result = await answerInterviewOffer(application.id, offer.id, { choice: "slot", slotId: offer.slots[1]!.id });
    expect(result).toEqual({ ok: true, outcome: "booked", interviewId: offer.id, startsAt: inHours(50) });
    const [listed] = await listInterviews(application.id, recruiter);
    expect(listed).toMatchObject({ status: "scheduled", startsAt: inHours(50), endsAt: minutesFrom(inHours(50), 30) });
    const invitations = (await messagesOf(offer.id)).filter((message) => message.calendarMethod === "REQUEST");
    expect(invitations.map((message) => message.audience)).toEqual(["candidate", "staff"]);
    expect(parsedEvent(invitations[0]!.calendarIcs!).start).toBe(inHours(50).toISOString());

    // The offer is answered: a second answer finds nothing to book.
    expect(
      await answerInterviewOffer(application.id, offer.id, { choice: "slot", slotId: offer.slots[0]!.id }),
    ).toEqual({
      ok: false,
      reason: "gone",
    });
  });

  test("refuses overlapping, past and clashing times, and a second open offer", async () => {
    const { recruiter, interviewer, application } = await setUp();
    await expect(
      offerInterview(
        application.id,
        {
          slots: [
            { startsAt: inHours(26), durationMinutes: 60 },
            { startsAt: minutesFrom(inHours(26), 30), durationMinutes: 60 },
          ],
          location: "Phone call",
          interviewerIds: [],
        },
        recruiter,
      ),
    ).rejects.toMatchObject({ message: "Two of the times overlap; offer separate times." });
    await expect(
      offerInterview(
        application.id,
        {
          slots: [
            { startsAt: inHours(-2), durationMinutes: 30 },
            { startsAt: inHours(26), durationMinutes: 30 },
          ],
          location: "Phone call",
          interviewerIds: [],
        },
        recruiter,
      ),
    ).rejects.toMatchObject({ issues: [{ path: "slots.0.startsAt" }] });

    await scheduleInterview(
      application.id,
      { startsAt: inHours(40), durationMinutes: 60, interviewerIds: [interviewer.id], notify: false },
      recruiter,
    );
    await expect(
      offerInterview(
        application.id,
        {
          slots: [
            { startsAt: inHours(26), durationMinutes: 30 },
            { startsAt: minutesFrom(inHours(40), 15), durationMinutes: 30 },
          ],
          location: "Phone call",
          interviewerIds: [interviewer.id],
        },
        recruiter,
      ),
    ).rejects.toMatchObject({ issues: [{ path: "slots.1.startsAt" }] });

    await offerInterview(
      application.id,
      {
        slots: [
          { startsAt: inHours(26), durationMinutes: 30 },
          { startsAt: inHours(28), durationMinutes: 30 },
        ],
        location: "Phone call",
        interviewerIds: [],
      },
      recruiter,
    );
    await expect(
      offerInterview(
        application.id,
        {
          slots: [
            { startsAt: inHours(50), durationMinutes: 30 },
            { startsAt: inHours(52), durationMinutes: 30 },
          ],
          location: "Phone call",
          interviewerIds: [],
        },
        recruiter,
      ),
    ).rejects.toMatchObject({ name: "ConflictError" });
  });

  test("a time taken by another booking since the offer is refused, and the others stay open", async () => {
    const { recruiter, interviewer, application } = await setUp();
    const offer = await offerInterview(
      application.id,
      {
        slots: [
          { startsAt: inHours(26), durationMinutes: 60 },
          { startsAt: inHours(50), durationMinutes: 60 },
        ],
        location: "Phone call",
        interviewerIds: [interviewer.id],
      },
      recruiter,
    );
    const other = await createTestApplication({
      jobId: (await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).jobId,
    });
    await scheduleInterview(
      other.id,
      { startsAt: inHours(26), durationMinutes: 60, interviewerIds: [interviewer.id], notify: false },
      recruiter,
    );
    expect(
      await answerInterviewOffer(application.id, offer.id, { choice: "slot", slotId: offer.slots[0]!.id }),
    ).toEqual({
      ok: false,
      reason: "taken",
    });
    expect(
      await answerInterviewOffer(application.id, offer.id, { choice: "slot", slotId: offer.slots[1]!.id }),
    ).toMatchObject({
      ok: true,
      outcome: "booked",
    });
  });

  test("“none of these work” files the candidate's note as a message that starts the reply clock", async () => {
    const { recruiter, application } = await setUp();
    const offer = await offerInterview(
      application.id,
      {
        slots: [
          { startsAt: inHours(26), durationMinutes: 30 },
          { startsAt: inHours(28), durationMinutes: 30 },
        ],
        location: "Phone call",
        interviewerIds: [],
      },
      recruiter,
    );
    const note = "I am travelling that week; any morning the week after works.";
    expect(await answerInterviewOffer(application.id, offer.id, { choice: "none", note })).toEqual({
      ok: true,
      outcome: "declined",
      interviewId: offer.id,
    });
    expect(await eventsOf(application.id, "message_in")).toEqual([
      expect.objectContaining({ data: { subject: "None of the interview times work for me", body: note } }),
    ]);
    const inbound = await prisma.message.findFirstOrThrow({
      where: { applicationId: application.id, direction: "inbound" },
    });
    expect(inbound).toMatchObject({ status: "received", bodyText: note });
    const reply = await prisma.slaClock.findFirst({
      where: { applicationId: application.id, metric: "next_response" },
    });
    if (reply) expect(reply.state).toBe("running");
    const [listed] = await listInterviews(application.id, recruiter);
    expect(listed).toMatchObject({ status: "cancelled", declineNote: note });
  });
});

describe("moving and cancelling", () => {
  test("a move keeps the UID, raises the SEQUENCE, and tells interviewers taken off it", async () => {
    const { recruiter, interviewer, second, application } = await setUp();
    const interview = await scheduleInterview(
      application.id,
      {
        startsAt: inHours(26),
        durationMinutes: 60,
        location: "Acme office, Berlin",
        interviewerIds: [interviewer.id, second.id],
        notify: true,
      },
      recruiter,
    );
    const sentBefore = (await messagesOf(interview.id)).length;
    expect(sentBefore).toBe(3);
    const moved = await rescheduleInterview(
      interview.id,
      { startsAt: inHours(50), interviewerIds: [interviewer.id], notify: true },
      recruiter,
    );
    expect(moved).toMatchObject({ sequence: 1, rescheduleCount: 1, startsAt: inHours(50), endsAt: inHours(51) });
    const after = (await messagesOf(interview.id)).slice(sentBefore);
    expect(after).toHaveLength(3);
    expect(after.map((message) => [message.audience, message.kind, message.calendarMethod])).toEqual(
      expect.arrayContaining([
        ["candidate", "interview_rescheduled", "REQUEST"],
        ["staff", null, "REQUEST"],
        ["staff", null, "CANCEL"],
      ]),
    );
    for (const message of after) {
      const parsed = parsedEvent(message.calendarIcs!);
      expect(parsed).toMatchObject({ uid: interview.calendarUid, sequence: 1 });
    }
    const seats = await prisma.interviewSeat.findMany({ where: { interviewId: interview.id } });
    expect(seats.map((seat) => seat.userId)).toEqual([interviewer.id]);

    const cancelled = await cancelInterview(
      interview.id,
      { reason: "The role was put on hold.", notify: true },
      recruiter,
    );
    expect(cancelled).toMatchObject({ status: "cancelled", sequence: 2, cancelReason: "The role was put on hold." });
    const cancellations = (await messagesOf(interview.id)).filter((message) => message.calendarMethod === "CANCEL");
    expect(cancellations.map((message) => parsedEvent(message.calendarIcs!).sequence)).toContain(2);
    expect(cancellations.some((message) => message.kind === "interview_cancelled")).toBe(true);
    await expect(
      rescheduleInterview(interview.id, { startsAt: inHours(60), notify: true }, recruiter),
    ).rejects.toMatchObject({
      name: "ConflictError",
    });
  });

  test("withdrawing offered times sends nothing and the candidate can no longer book them", async () => {
    const { recruiter, application } = await setUp();
    const offer = await offerInterview(
      application.id,
      {
        slots: [
          { startsAt: inHours(26), durationMinutes: 30 },
          { startsAt: inHours(28), durationMinutes: 30 },
        ],
        location: "Phone call",
        interviewerIds: [],
      },
      recruiter,
    );
    await cancelInterview(offer.id, { notify: true }, recruiter);
    expect((await messagesOf(offer.id)).map((message) => message.kind)).toEqual(["interview_offer"]);
    expect(
      await answerInterviewOffer(application.id, offer.id, { choice: "slot", slotId: offer.slots[0]!.id }),
    ).toEqual({
      ok: false,
      reason: "gone",
    });
  });
});

describe("after the interview", () => {
  test("the end is recorded at the end time, feedback only from the interview's own interviewers once it started", async () => {
    const { recruiter, interviewer, second, application } = await setUp();
    const interview = await scheduleInterview(
      application.id,
      { startsAt: inHours(2), durationMinutes: 60, interviewerIds: [interviewer.id, second.id], notify: false },
      recruiter,
    );
    await expect(recordFeedback(interview.id, { recommendation: "yes" }, interviewer)).rejects.toMatchObject({
      message: "Feedback opens when the interview starts.",
    });

    expect(await recordEndedInterviews(inHours(2.5))).toBe(0);
    expect(await recordEndedInterviews(inHours(3))).toBe(1);
    expect(await recordEndedInterviews(inHours(4))).toBe(0);
    const ended = (await eventsOf(application.id, "interview")).at(-1)!;
    expect(ended).toMatchObject({ visibility: "internal", occurredAt: inHours(3), data: { action: "ended" } });

    await expect(recordFeedback(interview.id, { recommendation: "yes" }, recruiter, inHours(4))).rejects.toMatchObject({
      name: "ForbiddenError",
    });
    // An interviewer who has not written sees nobody else's recommendation yet.
    const first = await recordFeedback(
      interview.id,
      { recommendation: "strong_yes", notes: "Clear thinker." },
      interviewer,
      inHours(4),
    );
    expect(first).toEqual({ outstanding: 1, corrected: false });
    const [sealed] = await listInterviews(application.id, second, inHours(4));
    expect(sealed!.seats.find((seat) => seat.userId === interviewer.id)).toMatchObject({
      recommendation: null,
      notes: null,
    });
    expect(sealed!.mine).toEqual({ owesFeedback: true, given: null });

    await recordFeedback(interview.id, { recommendation: "no" }, second, inHours(5));
    await recordFeedback(interview.id, { recommendation: "yes", notes: "On reflection." }, interviewer, inHours(6));
    expect((await eventsOf(application.id, "interview_feedback")).map((event) => event.data)).toEqual([
      { interviewId: interview.id, interviewerId: interviewer.id, recommendation: "strong_yes" },
      { interviewId: interview.id, interviewerId: second.id, recommendation: "no" },
    ]);
    const [open] = await listInterviews(application.id, second, inHours(6));
    expect(open!.seats.find((seat) => seat.userId === interviewer.id)).toMatchObject({
      recommendation: "yes",
      notes: "On reflection.",
    });
  });

  test("a no-show is recorded once the interview has started", async () => {
    const { recruiter, interviewer, application } = await setUp();
    const interview = await scheduleInterview(
      application.id,
      { startsAt: inHours(2), durationMinutes: 60, interviewerIds: [interviewer.id], notify: false },
      recruiter,
    );
    await expect(recordNoShow(interview.id, recruiter)).rejects.toMatchObject({ name: "ConflictError" });
    await recordNoShow(interview.id, recruiter, inHours(2.25));
    expect(await recordEndedInterviews(inHours(5))).toBe(0);
    const last = (await eventsOf(application.id, "interview")).at(-1)!;
    expect(last).toMatchObject({ visibility: "internal", data: { action: "no_show" } });
  });
});

test("closing the application calls off its interviews ahead: interviewers get the cancellation, the candidate the decision", async () => {
  const { recruiter, interviewer, application } = await setUp();
  const interview = await scheduleInterview(
    application.id,
    {
      startsAt: inHours(26),
      durationMinutes: 60,
      location: "Acme office",
      interviewerIds: [interviewer.id],
      notify: true,
    },
    recruiter,
  );
  await decideApplication(application.id, { outcome: "rejected", reason: "Experience", notify: true }, recruiter);
  const [listed] = await listInterviews(application.id, recruiter);
  expect(listed).toMatchObject({ status: "cancelled", sequence: 1, cancelReason: "The application was rejected." });
  const cancellations = (await messagesOf(interview.id)).filter((message) => message.calendarMethod === "CANCEL");
  expect(cancellations.map((message) => message.audience)).toEqual(["staff"]);
  expect(parsedEvent(cancellations[0]!.calendarIcs!)).toMatchObject({ method: "CANCEL", sequence: 1 });
});

test("the interview worker's tick records ended interviews and queues the reminders due", async () => {
  const { recruiter, interviewer, application } = await setUp();
  await scheduleInterview(
    application.id,
    {
      startsAt: inHours(3),
      durationMinutes: 30,
      location: "Acme office",
      interviewerIds: [interviewer.id],
      notify: false,
    },
    recruiter,
  );
  // Half an hour before: the interviewer's hour-before reminder is due; this one has not ended.
  const before = await runInterviewTick(inHours(2.5));
  expect(before.interviewers).toBeGreaterThanOrEqual(1);
  expect((await listInterviews(application.id, recruiter, inHours(2.5)))[0]!.status).toBe("scheduled");
  const after = await runInterviewTick(inHours(4));
  expect(after.ended).toBeGreaterThanOrEqual(1);
  const [listed] = await listInterviews(application.id, recruiter, inHours(4));
  expect(listed!.status).toBe("done");
});
