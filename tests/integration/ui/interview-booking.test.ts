// The candidate's side of interviews through the routes, as a browser without a session calls them: the status page's
// call to choose a time, the booking page (times on the candidate's clock, booking, "none of these work", errors that
// keep what was typed, offers that changed meanwhile, another application's link) and the add-to-calendar download.
import ICAL from "ical.js";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, expect, test } from "vitest";
import { StatusPageView } from "~/components/candidate/status-page-view";
import { interviewWhen } from "~/domain/interviews/wording";
import type { BookingAnswer } from "~/domain/status-page/booking";
import { cancelInterview, offerInterview, scheduleInterview } from "~/models/interviews/schedule.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import * as calendarFile from "~/routes/s.$token_.interviews.$interviewId.calendar[.]ics";
import * as booking from "~/routes/s.$token_.interview";
import * as statusPage from "~/routes/s.$token";
import { minutesFrom, pinClock } from "../../clock";
import { createTestApplication, createTestJob, createTestUser, type CandidateData } from "../../factories";
import { ORIGIN, run } from "./helpers";

const NOW = pinClock();
const inHours = (hours: number) => minutesFrom(NOW, hours * 60);

type BookingData = Awaited<ReturnType<typeof booking.loader>>;
type PageData = Awaited<ReturnType<typeof statusPage.loader>>;

beforeAll(async () => {
  await ensureTemplateLibrary();
});

let address = 0;
/** Each request comes from its own address, so the per-address limit on status links never trips across tests. */
function from() {
  address += 1;
  return `198.51.100.${address % 250}`;
}

function candidateGet(path: string) {
  return new Request(`${ORIGIN}${path}`, { headers: { "X-Hearback-Client-Ip": from() } });
}

function candidatePost(path: string, fields: Record<string, string>) {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "null", "X-Hearback-Client-Ip": from() },
    body: new URLSearchParams(fields),
  });
}

/** An application whose recruiter (in New York) offered two times for a video call with Priya Raman. */
async function offered(candidate: Partial<CandidateData> = {}) {
  const recruiter = await createTestUser({ role: "recruiter", name: "Lee Park", timeZone: "America/New_York" });
  const interviewer = await createTestUser({ role: "interviewer", name: "Priya Raman" });
  const job = await createTestJob({ title: "Support Engineer", recruiterId: recruiter.id });
  const application = await createTestApplication({
    jobId: job.id,
    candidate: { name: "Sam Taylor", locale: "en", timeZone: "Europe/Berlin", ...candidate },
  });
  const token = application.statusUrl.split("/s/")[1]!;
  const interview = await offerInterview(
    application.id,
    {
      slots: [
        { startsAt: inHours(26), durationMinutes: 45 },
        { startsAt: inHours(50), durationMinutes: 45 },
      ],
      videoUrl: "https://meet.example.com/abc-defg",
      interviewerIds: [interviewer.id],
    },
    recruiter,
    NOW,
  );
  return { recruiter, interviewer, application, token, interview, slots: interview.slots };
}

const openBooking = (token: string, query = "") =>
  run<BookingData>(booking.loader, candidateGet(`/s/${token}/interview${query}`), { token });

const post = (token: string, fields: Record<string, string>) =>
  run<BookingAnswer>(booking.action, candidatePost(`/s/${token}/interview`, fields), { token });

test("the booking page lists the offered times on the candidate's clock in words, with the planner's beside", async () => {
  const { token, interview, slots } = await offered();
  const page = await openBooking(token);
  expect(page.status).toBe(200);
  expect(page.data.view).toMatchObject({
    kind: "offer",
    interviewId: interview.id,
    intro: "Video interview with Priya Raman. Choose the time that suits you best.",
  });
  expect(page.data.view.kind === "offer" && page.data.view.choices).toEqual(
    slots.map((slot) => ({
      id: slot.id,
      when: interviewWhen(slot.startsAt, "en", "Europe/Berlin", NOW),
      planner: expect.stringMatching(/^\d\d:\d\d in New York$/),
      duration: "45 minutes",
      dateTime: slot.startsAt.toISOString(),
    })),
  );
  // The first time is 10:00 UTC + 26 hours: 13:00 in Berlin, 07:00 in New York (a fixed instant in winter).
  expect(page.data.view.kind === "offer" && page.data.view.choices[0]).toMatchObject({
    when: "Wednesday 13 January, 13:00 (Berlin time)",
    planner: "07:00 in New York",
  });

  // The status page calls the candidate to choose, and links here.
  const status = await run<PageData>(statusPage.loader, candidateGet(`/s/${token}`), { token });
  expect(status.data.view.offer).toMatchObject({
    heading: "Choose a time for your interview",
    choose: { href: `/s/${token}/interview` },
  });
  const html = renderToStaticMarkup(createElement(StatusPageView, { view: status.data.view }));
  expect(html).toContain(`href="/s/${token}/interview"`);
  expect(html).toContain("There are 2 times to choose from.");
});

test("booking a time schedules the interview and confirms it in words with the add-to-calendar link", async () => {
  const { token, interview, slots, application } = await offered();
  const posted = await post(token, { interviewId: interview.id, choice: "slot", slotId: slots[1]!.id });
  expect(posted.status).toBe(302);
  expect(posted.location).toBe(`/s/${token}/interview?booked=${interview.id}`);

  const row = await prisma.interview.findUniqueOrThrow({ where: { id: interview.id } });
  expect(row).toMatchObject({ status: "scheduled", startsAt: slots[1]!.startsAt, endsAt: slots[1]!.endsAt });
  const event = await prisma.event.findFirstOrThrow({
    where: { applicationId: application.id, type: "interview", data: { path: ["action"], equals: "booked" } },
  });
  expect(event).toMatchObject({ actorId: null, visibility: "candidate" });

  const confirmation = await openBooking(token, `?booked=${interview.id}`);
  expect(confirmation.data.view).toMatchObject({
    kind: "booked",
    title: "Your interview is booked",
    card: {
      headline: "Video interview with Priya Raman, Thursday 14 January, 13:00 (Berlin time)",
      calendar: { href: `/s/${token}/interviews/${interview.id}/calendar.ics` },
    },
  });

  // The status page shows it as an upcoming interview, and the offer is gone.
  const status = await run<PageData>(statusPage.loader, candidateGet(`/s/${token}`), { token });
  expect(status.data.view.offer).toBe(null);
  expect(status.data.view.interviews?.cards[0]?.headline).toBe(
    "Video interview with Priya Raman, Thursday 14 January, 13:00 (Berlin time)",
  );
  expect(status.data.view.timeline.entries[0]).toMatchObject({
    title: "You chose a time for your interview",
    detail: "Video interview with Priya Raman, Thursday 14 January, 13:00",
  });
});

test("none of these work files the note as a message to the team and thanks the candidate", async () => {
  const { token, interview, application } = await offered();
  const note = "  I am travelling that week; any morning the week after works.  ";
  const posted = await post(token, { interviewId: interview.id, choice: "none", note });
  expect(posted.status).toBe(302);
  expect(posted.location).toBe(`/s/${token}/interview?declined=1`);

  expect(await prisma.interview.findUniqueOrThrow({ where: { id: interview.id } })).toMatchObject({
    status: "cancelled",
    declineNote: note.trim(),
  });
  const message = await prisma.message.findFirstOrThrow({
    where: { applicationId: application.id, direction: "inbound" },
  });
  expect(message.bodyText).toBe(note.trim());

  const thanks = await openBooking(token, "?declined=1");
  expect(thanks.data.view).toMatchObject({
    kind: "declined",
    title: "Thank you for letting us know",
    lines: ["Lee Park has your note and will write to you with new times. You do not need to do anything else."],
  });
});

test("errors say what to fix and keep what was typed, in the candidate's language; nothing is booked", async () => {
  const { token, interview } = await offered({ locale: "de" });
  const noTime = await post(token, { interviewId: interview.id, choice: "slot" });
  expect(noTime.status).toBe(400);
  expect(noTime.data.errors).toEqual({ slotId: "Wählen Sie einen der Termine." });

  const emptyNote = await post(token, { interviewId: interview.id, choice: "none", note: "   " });
  expect(emptyNote.status).toBe(400);
  expect(emptyNote.data).toEqual({
    errors: { note: "Sagen Sie uns, welche Tage und Zeiten Ihnen passen." },
    values: { choice: "none", slotId: "", note: "   " },
  });

  const long = "x".repeat(2001);
  const tooLong = await post(token, { interviewId: interview.id, choice: "none", note: long });
  expect(tooLong.status).toBe(400);
  expect(tooLong.data.values.note).toBe(long);
  expect(tooLong.data.errors.note).toBe("Bitte fassen Sie sich in weniger als 2.000 Zeichen.");

  expect(await prisma.interview.findUniqueOrThrow({ where: { id: interview.id } })).toMatchObject({
    status: "offered",
  });
});

test("another application's link cannot book this offer, nor one of its times through its own offer", async () => {
  const { interview, slots } = await offered();
  const other = await offered();
  const posted = await post(other.token, { interviewId: interview.id, choice: "slot", slotId: slots[0]!.id });
  expect(posted.status).toBe(409);
  expect(posted.data.problem).toBe("gone");
  expect(await prisma.interview.findUniqueOrThrow({ where: { id: interview.id } })).toMatchObject({
    status: "offered",
  });
  // Nor book one of this offer's times through its own offer.
  const mixed = await post(other.token, { interviewId: other.interview.id, choice: "slot", slotId: slots[0]!.id });
  expect(mixed.data.problem).toBe("gone");
  expect(await prisma.interview.findUniqueOrThrow({ where: { id: other.interview.id } })).toMatchObject({
    status: "offered",
  });
});

test("an offer cancelled meanwhile is explained kindly, and there is nothing left to choose", async () => {
  const { token, interview, slots, recruiter } = await offered();
  await cancelInterview(interview.id, { reason: "Role on hold", notify: false }, recruiter, NOW);
  const posted = await post(token, { interviewId: interview.id, choice: "slot", slotId: slots[0]!.id });
  expect(posted.status).toBe(409);
  expect(posted.data).toMatchObject({
    problem: "gone",
    errors: { form: expect.stringContaining("These times are no longer open") },
    values: { choice: "slot", slotId: slots[0]!.id },
  });
  const page = await openBooking(token);
  expect(page.data.view).toMatchObject({ kind: "nothing", title: "There are no times to choose from right now" });
  expect(JSON.stringify(page.data)).not.toContain("Role on hold");
});

test("a time that has passed is explained, and the times still open are offered again", async () => {
  const { token, interview, slots } = await offered();
  pinClock(inHours(27)); // the first time began an hour ago
  try {
    const posted = await post(token, { interviewId: interview.id, choice: "slot", slotId: slots[0]!.id });
    expect(posted.status).toBe(409);
    expect(posted.data).toMatchObject({
      problem: "past",
      errors: { form: "Sorry, that time has already passed. Please choose another one." },
    });
    const page = await openBooking(token);
    expect(page.data.view.kind === "offer" && page.data.view.choices.map((choice) => choice.id)).toEqual([
      slots[1]!.id,
    ]);
  } finally {
    pinClock(NOW);
  }
});

test("a wrong link gets the same 404 on the booking page", async () => {
  const wrong = "Z".repeat(32);
  const loaded = await run(booking.loader, candidateGet(`/s/${wrong}/interview`), { token: wrong });
  expect(loaded.status).toBe(404);
  const posted = await post(wrong, { interviewId: "x", choice: "none", note: "Hi" });
  expect(posted.status).toBe(404);
});

test("the add-to-calendar file: that application's scheduled interview only, as text/calendar to download", async () => {
  const { token, application, interviewer, recruiter } = await offered();
  const scheduled = await scheduleInterview(
    application.id,
    {
      startsAt: inHours(75),
      durationMinutes: 60,
      location: "Torstraße 1, Berlin",
      interviewerIds: [interviewer.id],
      kind: "onsite",
      notify: false,
    },
    recruiter,
    NOW,
  );
  const path = (id: string) => `/s/${token}/interviews/${id}/calendar.ics`;
  const file = await run<string>(calendarFile.loader, candidateGet(path(scheduled.id)), {
    token,
    interviewId: scheduled.id,
  });
  expect(file.status).toBe(200);
  expect(file.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
  expect(file.headers.get("Content-Disposition")).toBe('attachment; filename="interview.ics"');
  expect(file.headers.get("Cache-Control")).toBe("private, no-store");

  const calendar = new ICAL.Component(ICAL.parse(file.data));
  const vevent = calendar.getFirstSubcomponent("vevent")!;
  expect(vevent.getFirstPropertyValue("uid")).toBe(scheduled.calendarUid);
  expect((vevent.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString()).toBe(
    inHours(75).toISOString(),
  );
  expect(vevent.getFirstPropertyValue("summary")).toMatch(/^On-site interview with Priya Raman · /);
  expect(vevent.getFirstPropertyValue("location")).toBe("Torstraße 1, Berlin");

  // The offer (no time yet), another application's interview and a wrong id get the wrong-link 404.
  const offerId = (
    await prisma.interview.findFirstOrThrow({ where: { applicationId: application.id, status: "offered" } })
  ).id;
  const other = await offered();
  for (const [linkToken, interviewId] of [
    [token, offerId],
    [other.token, scheduled.id],
    [token, "nope"],
  ] as const) {
    const refused = await run(
      calendarFile.loader,
      candidateGet(`/s/${linkToken}/interviews/${interviewId}/calendar.ics`),
      {
        token: linkToken,
        interviewId,
      },
    );
    expect(refused.status).toBe(404);
  }
});
