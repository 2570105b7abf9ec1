import { expect, test } from "vitest";
import { describeEntry, type TimelineEntry } from "./timeline";

const people = [
  { id: "u-priya", name: "Priya Raman" },
  { id: "u-tom", name: "Tom Becker" },
];
const zone = "Europe/Berlin";

function entry(type: string, data: unknown, actor: TimelineEntry["actor"] = null): TimelineEntry {
  return { id: "e1", type, visibility: "candidate", occurredAt: "2026-12-05T10:00:00Z", data, actor };
}

const interview = (data: Record<string, unknown>) =>
  entry("interview", {
    interviewId: "int1",
    kind: "screen",
    when: "2026-12-08T13:00:00.000Z",
    endsAt: "2026-12-08T13:30:00.000Z",
    where: "https://meet.example.com/abc",
    interviewerIds: ["u-priya"],
    ...data,
  });

test("interview touchpoints read as sentences on the viewer's clock", () => {
  const describe = (data: Record<string, unknown>) => describeEntry(interview(data), people, zone);
  expect(describe({ action: "scheduled" })).toEqual({
    title: "Interview scheduled: Video call with Priya Raman, Tuesday 8 December, 14:00",
  });
  expect(describe({ action: "booked" }).title).toBe(
    "Time booked by the candidate: Video call with Priya Raman, Tuesday 8 December, 14:00",
  );
  expect(
    describe({
      action: "offered",
      when: undefined,
      slots: ["2026-12-08T13:00:00.000Z", "2026-12-09T08:30:00.000Z", "2026-12-10T15:00:00.000Z"],
    }),
  ).toEqual({
    title: "Times offered (3)",
    detail: "Video call with Priya Raman · Tue 8 Dec, 14:00 · Wed 9 Dec, 09:30 · Thu 10 Dec, 16:00",
  });
  expect(describe({ action: "rescheduled", when: "2026-12-09T09:00:00.000Z", where: "Room 4" }).title).toBe(
    "Moved to Screening call with Priya Raman, Wednesday 9 December, 10:00",
  );
  expect(describe({ action: "cancelled", reason: "Role put on hold" })).toEqual({
    title: "Interview cancelled",
    detail: "Video call with Priya Raman, Tuesday 8 December, 14:00 · Reason: Role put on hold",
  });
  expect(describe({ action: "ended", interviewerIds: ["u-priya", "u-tom"] }).title).toBe(
    "Interview held: Video call with Priya Raman and Tom Becker, Tuesday 8 December, 14:00",
  );
  expect(describe({ action: "no_show" }).title).toBe("No-show: Video call with Priya Raman, Tuesday 8 December, 14:00");
  expect(describe({ action: "declined", note: "Mornings next week work better." })).toEqual({
    title: "None of the times worked",
    body: "Mornings next week work better.",
  });
});

test("an interviewer the page does not know is left out rather than shown by id", () => {
  const described = describeEntry(interview({ action: "scheduled", interviewerIds: ["u-gone"] }), people, zone);
  expect(described.title).toBe("Interview scheduled: Video call, Tuesday 8 December, 14:00");
});

test("older interview records without an action still show their date in words and their place", () => {
  expect(
    describeEntry(entry("interview", { when: "2026-12-08T13:00:00.000Z", where: "Office" }), people, zone),
  ).toEqual({ title: "Interview", detail: "Tue 8 Dec, 14:00 · Office" });
  expect(describeEntry(entry("interview", {}), people, zone)).toEqual({ title: "Interview", detail: undefined });
});

test("feedback names who gave it and their recommendation", () => {
  const feedback = { interviewId: "int1", interviewerId: "u-tom", recommendation: "strong_yes" };
  expect(describeEntry(entry("interview_feedback", feedback, { id: "u-tom", name: "Tom" }), people, zone)).toEqual({
    title: "Feedback recorded by Tom: Strong yes",
  });
  expect(describeEntry(entry("interview_feedback", feedback), people, zone).title).toBe(
    "Feedback recorded by Tom Becker: Strong yes",
  );
});
