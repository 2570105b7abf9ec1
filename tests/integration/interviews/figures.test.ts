// The dashboard's interview figures: moves per hire over the hires of the window, and offered-to-booked times over
// the offers booked in it, for the jobs the viewer may see.
import { beforeAll, expect, test } from "vitest";
import { decideApplication } from "~/models/decisions.server";
import { answerInterviewOffer } from "~/models/interviews/booking.server";
import { offerInterview, rescheduleInterview, scheduleInterview } from "~/models/interviews/schedule.server";
import { interviewFigures } from "~/models/metrics/interview-figures.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { minutesFrom, pinClock } from "../../clock";
import { createTestApplication, createTestJob, createTestUser } from "../../factories";

const NOW = pinClock();
const inHours = (hours: number) => minutesFrom(NOW, hours * 60);
const WINDOW = { from: minutesFrom(NOW, -7 * 24 * 60), to: minutesFrom(NOW, 7 * 24 * 60) };

beforeAll(async () => {
  await ensureTemplateLibrary();
});

test("moves per hire and the time from offered to booked", async () => {
  const recruiter = await createTestUser({ role: "recruiter" });
  const manager = await createTestUser({ role: "hiring_manager" });
  const job = await createTestJob({ recruiterId: recruiter.id, hiringManagerId: manager.id });
  const other = await createTestJob({ recruiterId: recruiter.id });
  const filters = { ...WINDOW, jobId: job.id };
  expect(await interviewFigures(recruiter, filters)).toEqual({
    hires: 0,
    reschedules: 0,
    reschedulesPerHire: null,
    booked: 0,
    medianMinutesToBook: null,
    p90MinutesToBook: null,
  });

  const place = { location: "Acme office", interviewerIds: [] };
  const hired = await createTestApplication({ jobId: job.id });
  const first = await scheduleInterview(
    hired.id,
    { startsAt: inHours(30), durationMinutes: 60, notify: false, ...place },
    recruiter,
  );
  await rescheduleInterview(first.id, { startsAt: inHours(32), notify: false }, recruiter);
  await rescheduleInterview(first.id, { startsAt: inHours(34), notify: false }, recruiter);
  const offer = await offerInterview(
    hired.id,
    {
      slots: [
        { startsAt: inHours(50), durationMinutes: 30 },
        { startsAt: inHours(52), durationMinutes: 30 },
      ],
      ...place,
    },
    recruiter,
    NOW,
  );
  // Booked 90 minutes after the offer.
  await answerInterviewOffer(hired.id, offer.id, { choice: "slot", slotId: offer.slots[0]!.id }, minutesFrom(NOW, 90));
  await decideApplication(hired.id, { outcome: "hired", notify: false }, recruiter);
  const second = await createTestApplication({ jobId: job.id });
  await decideApplication(second.id, { outcome: "hired", notify: false }, recruiter);
  // Elsewhere: not in this job's figures.
  const elsewhere = await createTestApplication({ jobId: other.id });
  const moved = await scheduleInterview(
    elsewhere.id,
    { startsAt: inHours(30), durationMinutes: 60, notify: false, ...place },
    recruiter,
  );
  await rescheduleInterview(moved.id, { startsAt: inHours(40), notify: false }, recruiter);

  expect(await interviewFigures(recruiter, filters)).toEqual({
    hires: 2,
    reschedules: 2,
    reschedulesPerHire: 1,
    booked: 1,
    medianMinutesToBook: 90,
    p90MinutesToBook: 90,
  });
  // A hiring manager sees their own jobs only; an interviewer sees none.
  expect((await interviewFigures(manager, WINDOW)).hires).toBe(2);
  expect((await interviewFigures(await createTestUser({ role: "interviewer" }), WINDOW)).hires).toBe(0);
});
