// The interview forms read what a browser posts: local times in the poster's zone, an unchosen kind, checkboxes.
import { expect, test } from "vitest";
import { offerFormSchema, rescheduleFormSchema, scheduleFormSchema } from "./forms";

test("a scheduled time is read in the planner's zone; an unchosen kind is left to the stage", () => {
  const parsed = scheduleFormSchema("Europe/Berlin").parse({
    startsAt: "2027-03-28T14:00",
    durationMinutes: "45",
    kind: "",
    location: "",
    videoUrl: "https://meet.example.com/abc",
    interviewerIds: "u1",
    notify: "on",
  });
  // The day summer time starts in Berlin: 14:00 is UTC+2.
  expect(parsed).toMatchObject({
    startsAt: new Date("2027-03-28T12:00:00Z"),
    durationMinutes: 45,
    interviewerIds: ["u1"],
    notify: true,
    timeZone: "Europe/Berlin",
  });
  expect(parsed.kind).toBeUndefined();
  expect(parsed.location).toBeUndefined();
  expect(scheduleFormSchema("UTC").safeParse({ startsAt: "", durationMinutes: "45" }).error?.issues[0]).toMatchObject({
    path: ["startsAt"],
    message: "Choose the date and time.",
  });
});

test("offered times: blank fields are unused, one length for all, at least two", () => {
  const schema = offerFormSchema("America/New_York");
  const parsed = schema.parse({
    slot0: "2027-01-12T09:00",
    slot1: "",
    slot2: "2027-01-13T15:30",
    durationMinutes: "30",
  });
  expect(parsed.slots).toEqual([
    { startsAt: new Date("2027-01-12T14:00:00Z"), durationMinutes: 30 },
    { startsAt: new Date("2027-01-13T20:30:00Z"), durationMinutes: 30 },
  ]);
  expect(schema.safeParse({ slot0: "2027-01-12T09:00", durationMinutes: "30" }).error?.issues[0]).toMatchObject({
    path: ["slots"],
    message: "Offer at least 2 times.",
  });
});

test("moving keeps the interviewers and reads the new time in the mover's zone", () => {
  const parsed = rescheduleFormSchema("Asia/Kolkata").parse({
    interviewId: "i1",
    startsAt: "2027-01-12T10:00",
    durationMinutes: "60",
    notify: undefined,
  });
  expect(parsed).toMatchObject({ interviewId: "i1", startsAt: new Date("2027-01-12T04:30:00Z"), notify: false });
  expect(parsed.interviewerIds).toBeUndefined();
});
