// The schedule and SLA policy admin pages: editing with split shifts (with and without JavaScript), validation that
// keeps the user's values and saves nothing, holiday imports, policy order and deletion, the preview, admins only.
import { expect, test, vi } from "vitest";
import { previewTargets, type PolicyPreview } from "~/domain/sla/policy-preview";
import type { ScheduleFormValues } from "~/domain/sla/schedule-form";
import { getPolicy, listPolicies } from "~/models/sla/policies.server";
import { getSchedule } from "~/models/sla/schedules.server";
import * as policiesList from "~/routes/settings.sla-policies._index";
import * as editPolicy from "~/routes/settings.sla-policies.$policyId";
import * as newPolicy from "~/routes/settings.sla-policies.new";
import * as preview from "~/routes/settings.sla-policies.preview";
import * as newJob from "~/routes/jobs.new";
import * as schedulesList from "~/routes/settings.schedules._index";
import * as editSchedule from "~/routes/settings.schedules.$scheduleId";
import * as newSchedule from "~/routes/settings.schedules.new";
import type { ScheduleFormActionData, PolicyFormActionData } from "~/web/sla-settings-forms.server";
import { prisma } from "~/platform/db.server";
import type * as IcsReader from "~/platform/ics-reader.server";
import { pinClock } from "../../clock";
import { createTestJob } from "../../factories";
import { getRequest, ORIGIN, postRequest, run, signIn, type SignedIn } from "./helpers";

// Reading an .ics file can be made to run out of its time budget, as a file that makes ical.js loop does.
const icsReading = vi.hoisted(() => ({ outOfTime: false }));
vi.mock("~/platform/ics-reader.server", async (importOriginal) => {
  const original = await importOriginal<typeof IcsReader>();
  const { WorkerBudgetError } = await import("~/platform/worker-budget.server");
  return {
    ...original,
    readIcsFile: (...args: Parameters<typeof original.readIcsFile>) =>
      icsReading.outOfTime ? Promise.reject(new WorkerBudgetError("too-slow")) : original.readIcsFile(...args),
  };
});

const NOW = pinClock();

function scheduleFields(values: ScheduleFormValues, intent = "save"): string[][] {
  const fields = [
    ["intent", intent],
    ["name", values.name],
    ["timeZone", values.timeZone],
  ];
  values.hours.forEach((entry, index) => {
    fields.push(
      [`hours.${index}.day`, entry.day],
      [`hours.${index}.open`, entry.open],
      [`hours.${index}.close`, entry.close],
    );
  });
  values.holidays.forEach((holiday, index) => {
    fields.push(
      [`holidays.${index}.date`, holiday.date],
      [`holidays.${index}.name`, holiday.name],
      [`holidays.${index}.closedFrom`, holiday.closedFrom],
      [`holidays.${index}.closedUntil`, holiday.closedUntil],
    );
  });
  return fields;
}

/** A multipart post, as the schedule editor (which can upload an .ics file) sends it. */
function multipartRequest(path: string, who: SignedIn, fields: string[][], file?: { name: string; text: string }) {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name!, value!);
  if (file) body.append("icsFile", new File([file.text], file.name, { type: "text/calendar" }));
  return new Request(`${ORIGIN}${path}`, { method: "POST", headers: { Origin: ORIGIN, Cookie: who.cookie }, body });
}

const splitShift: ScheduleFormValues = {
  name: "Berlin office",
  timeZone: "Europe/Berlin",
  hours: (["mon", "tue", "wed", "thu", "fri"] as const).flatMap((day) => [
    { day, open: "09:00", close: "12:00" },
    { day, open: "13:00", close: "17:00" },
  ]),
  holidays: [{ date: "2026-12-24", name: "Christmas Eve", closedFrom: "14:00", closedUntil: "24:00" }],
};

function targetFields(metric: string, amount: string, unit: string, time = "business", warn = "", warnUnit = "hours") {
  return [
    [`targets.${metric}.enabled`, "true"],
    [`targets.${metric}.amount`, amount],
    [`targets.${metric}.unit`, unit],
    [`targets.${metric}.time`, time],
    [`targets.${metric}.warnAmount`, warn],
    [`targets.${metric}.warnUnit`, warnUnit],
  ];
}

test("only admins see or change schedules and policies", async () => {
  for (const role of ["recruiter", "hiring_manager", "interviewer"] as const) {
    const someone = await signIn(role);
    expect((await run(schedulesList.loader, getRequest("/settings/schedules", someone))).status).toBe(403);
    expect((await run(policiesList.loader, getRequest("/settings/sla-policies", someone))).status).toBe(403);
    const create = await run(
      newSchedule.action,
      multipartRequest("/settings/schedules/new", someone, scheduleFields(splitShift)),
    );
    expect(create.status).toBe(403);
    const post = await run(preview.action, postRequest("/settings/sla-policies/preview", someone, { name: "x" }));
    expect(post.status).toBe(403);
  }
  expect(await prisma.schedule.count()).toBe(1);
});

test("an admin creates a split-shift schedule and edits it; the list summarises it and the save queues a recompute", async () => {
  const admin = await signIn("admin");
  const created = await run(
    newSchedule.action,
    multipartRequest("/settings/schedules/new", admin, scheduleFields(splitShift)),
  );
  expect(created.status).toBe(302);
  const id = new URL(created.location!, ORIGIN).searchParams.get("saved")!;
  const saved = await getSchedule(id);
  expect(saved).toMatchObject({ name: "Berlin office", timeZone: "Europe/Berlin", holidays: splitShift.holidays });
  expect(saved!.hours).toHaveLength(10);

  const edited = {
    ...splitShift,
    hours: [...splitShift.hours, { day: "sat" as const, open: "10:00", close: "24:00" }],
  };
  const update = await run(
    editSchedule.action,
    multipartRequest(`/settings/schedules/${id}`, admin, scheduleFields(edited)),
    { scheduleId: id },
  );
  expect(update.status).toBe(302);
  expect((await getSchedule(id))!.hours).toContainEqual({ day: "sat", open: "10:00", close: "24:00" });

  const list = await run<Awaited<ReturnType<typeof schedulesList.loader>>>(
    schedulesList.loader,
    getRequest("/settings/schedules", admin),
  );
  expect(list.data.schedules.find((schedule) => schedule.id === id)).toMatchObject({
    hoursSummary: "Mon–Fri 09:00–12:00, 13:00–17:00; Sat 10:00–24:00",
    holidayCount: 1,
    isDefault: false,
  });
  expect(list.data.recomputes.active.map((run) => run.reason)).toContain("Schedule “Berlin office” changed");
});

test("without JavaScript the interval buttons add and remove rows, keeping what was typed, and save nothing", async () => {
  const admin = await signIn("admin");
  const typed = { ...splitShift, name: "Typed but not saved" };
  const added = await run<ScheduleFormActionData>(
    newSchedule.action,
    multipartRequest("/settings/schedules/new", admin, scheduleFields(typed, "add-interval:sat")),
  );
  expect(added.status).toBe(200);
  expect(added.data.values.name).toBe("Typed but not saved");
  expect(added.data.values.hours.filter((entry) => entry.day === "sat")).toEqual([
    { day: "sat", open: "09:00", close: "17:00" },
  ]);
  const removed = await run<ScheduleFormActionData>(
    newSchedule.action,
    multipartRequest("/settings/schedules/new", admin, scheduleFields(added.data.values, "remove-interval:1")),
  );
  expect(removed.data.values.hours.filter((entry) => entry.day === "mon")).toEqual([
    { day: "mon", open: "09:00", close: "12:00" },
  ]);
  expect(removed.data.notice).toBe("Removed 13:00–17:00 on Monday. Save to keep this change.");
  expect(await prisma.schedule.count({ where: { name: "Typed but not saved" } })).toBe(0);
});

test("an invalid schedule shows each message at its field, keeps the values and saves nothing", async () => {
  const admin = await signIn("admin");
  const before = await getSchedule("default-schedule");
  const recomputesBefore = await prisma.slaRecompute.count();
  const broken: ScheduleFormValues = {
    name: "Default hours",
    timeZone: "Europe/Berlin",
    hours: [
      { day: "mon", open: "09:00", close: "12:00" },
      { day: "mon", open: "11:30", close: "17:00" },
      { day: "tue", open: "17:00", close: "09:00" },
    ],
    holidays: [{ date: "2026-02-30", name: "Nope", closedFrom: "", closedUntil: "" }],
  };
  const answer = await run<ScheduleFormActionData>(
    editSchedule.action,
    multipartRequest("/settings/schedules/default-schedule", admin, scheduleFields(broken)),
    { scheduleId: "default-schedule" },
  );
  expect(answer.status).toBe(400);
  expect(Object.keys(answer.data.errors).sort()).toEqual(["holidays.0.date", "hours.1.open", "hours.2.close"]);
  expect(answer.data.values).toEqual(broken);
  expect(await getSchedule("default-schedule")).toEqual(before);
  expect(await prisma.slaRecompute.count()).toBe(recomputesBefore);
});

test("holidays import from an uploaded .ics file for this year and next, merged into the list unsaved", async () => {
  const admin = await signIn("admin");
  const year = NOW.getUTCFullYear();
  const schedulesBefore = await prisma.schedule.count();
  const ics = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Hearback test//EN",
    "BEGIN:VEVENT",
    "UID:summer@test",
    `DTSTART;VALUE=DATE:${year}0715`,
    `DTEND;VALUE=DATE:${year}0716`,
    "SUMMARY:Company summer day",
    "RRULE:FREQ=YEARLY",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:party@test",
    `DTSTART;TZID=Europe/Berlin:${year}1218T150000`,
    `DTEND;TZID=Europe/Berlin:${year}1218T180000`,
    "SUMMARY:Winter party",
    "END:VEVENT",
    "END:VCALENDAR",
  ].join("\r\n");
  // The winter party is a timed event: imported because the form asks for timed events too.
  const withTimed = [...scheduleFields(splitShift, "import-ics"), ["includeTimedEvents", "on"]];
  const answer = await run<ScheduleFormActionData>(
    newSchedule.action,
    multipartRequest("/settings/schedules/new", admin, withTimed, {
      name: "company.ics",
      text: ics,
    }),
  );
  expect(answer.status).toBe(200);
  expect(answer.data.imported).toEqual([
    { date: `${year}-07-15`, name: "Company summer day", closedFrom: "", closedUntil: "" },
    { date: `${year}-12-18`, name: "Winter party", closedFrom: "15:00", closedUntil: "18:00" },
    { date: `${year + 1}-07-15`, name: "Company summer day", closedFrom: "", closedUntil: "" },
  ]);
  expect(answer.data.values.holidays).toHaveLength(4);
  expect(answer.data.notice).toContain("Imported 3 holidays from company.ics");
  expect(await prisma.schedule.count()).toBe(schedulesBefore);

  const notCalendar = await run<ScheduleFormActionData>(
    newSchedule.action,
    multipartRequest("/settings/schedules/new", admin, scheduleFields(splitShift, "import-ics"), {
      name: "x.ics",
      text: "hello",
    }),
  );
  expect(notCalendar.status).toBe(400);
  expect(notCalendar.data.errors.icsFile).toBe("This file is not a valid iCalendar (.ics) file.");

  // An event whose date cannot be read is skipped and named; the rest of the file is imported.
  const badDate = ics.replace(`${year}1218T150000`, `${year}1218T15:00:00`);
  const partly = await run<ScheduleFormActionData>(
    newSchedule.action,
    multipartRequest("/settings/schedules/new", admin, withTimed, {
      name: "bad.ics",
      text: badDate,
    }),
  );
  expect(partly.status).toBe(200);
  expect(partly.data.imported?.map((holiday) => holiday.name)).toEqual(["Company summer day", "Company summer day"]);
  expect(partly.data.skipped).toEqual([{ name: "Winter party", reason: "its date or repeat rule cannot be read" }]);
  expect(partly.data.notice).toContain("1 event in the file was skipped; the list below says why.");
});

test("an .ics file with an endless event imports the rest; one that takes too long to read imports nothing", async () => {
  const admin = await signIn("admin");
  const year = NOW.getUTCFullYear();
  const schedulesBefore = await prisma.schedule.count();
  // A real calendar file with a duration of millions of weeks (ical.js loops for good on it), plus a holiday.
  const text = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//icalendar//test//EN",
    "BEGIN:VEVENT",
    "UID:invalid-duration@example.com",
    "DTSTAMP:20240101T000000Z",
    "DTSTART:20240101T000000Z",
    "DURATION:P999999999999999999W",
    "SUMMARY:Event with an impractical duration",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:new-year@test",
    `DTSTART;VALUE=DATE:${year + 1}0101`,
    "SUMMARY:New Year",
    "END:VEVENT",
    "END:VCALENDAR",
  ].join("\n");
  const answer = await run<ScheduleFormActionData>(
    newSchedule.action,
    multipartRequest("/settings/schedules/new", admin, scheduleFields(splitShift, "import-ics"), {
      name: "invalid_duration.ics",
      text,
    }),
  );
  expect(answer.status).toBe(200);
  expect(answer.data.imported).toEqual([
    { date: `${year + 1}-01-01`, name: "New Year", closedFrom: "", closedUntil: "" },
  ]);
  expect(answer.data.skipped).toEqual([
    { name: "Event with an impractical duration", reason: "it lasts longer than a year" },
  ]);

  icsReading.outOfTime = true;
  try {
    const tooSlow = await run<ScheduleFormActionData>(
      newSchedule.action,
      multipartRequest("/settings/schedules/new", admin, scheduleFields(splitShift, "import-ics"), {
        name: "slow.ics",
        text,
      }),
    );
    expect(tooSlow.status).toBe(400);
    expect(tooSlow.data.errors.icsFile).toMatch(
      /^This calendar took too long to read \(more than 5 seconds\), so nothing was imported\./,
    );
    expect(tooSlow.data.values).toEqual(splitShift);
    expect(tooSlow.data.imported).toBeUndefined();
  } finally {
    icsReading.outOfTime = false;
  }
  expect(await prisma.schedule.count()).toBe(schedulesBefore);
});

test("an Outlook calendar imports at the times of its own time zone, not the schedule's", async () => {
  const admin = await signIn("admin");
  const year = NOW.getUTCFullYear();
  const outlook = [
    "BEGIN:VCALENDAR",
    "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
    "VERSION:2.0",
    "METHOD:PUBLISH",
    "BEGIN:VTIMEZONE",
    "TZID:Eastern Standard Time",
    "BEGIN:STANDARD",
    "DTSTART:16011104T020000",
    "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11",
    "TZOFFSETFROM:-0400",
    "TZOFFSETTO:-0500",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:16010311T020000",
    "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3",
    "TZOFFSETFROM:-0500",
    "TZOFFSETTO:-0400",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
    "BEGIN:VEVENT",
    "CLASS:PUBLIC",
    `DTEND;TZID=Eastern Standard Time:${year}0610T200000`,
    "DTSTAMP:20260105T101010Z",
    `DTSTART;TZID=Eastern Standard Time:${year}0610T170000`,
    "SUMMARY;LANGUAGE=en-us:Summer party",
    "TRANSP:OPAQUE",
    "UID:040000008200E00074C5B7101A82E0080000000030B1D7C4A17EDC010000000000000000100000",
    " 00F2C4D3E1B7A5A94C9B1E3A0D7F6C2B11",
    "X-MICROSOFT-CDO-BUSYSTATUS:OOF",
    "END:VEVENT",
    "BEGIN:VEVENT",
    `DTEND;TZID=Mars Standard Time:${year}0715T170000`,
    "DTSTAMP:20260105T101010Z",
    `DTSTART;TZID=Mars Standard Time:${year}0715T150000`,
    "SUMMARY;LANGUAGE=en-us:Landing day",
    "UID:040000008200E00074C5B7101A82E00800000000A1",
    "X-MICROSOFT-CDO-BUSYSTATUS:OOF",
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n");
  const answer = await run<ScheduleFormActionData>(
    newSchedule.action,
    multipartRequest("/settings/schedules/new", admin, scheduleFields(splitShift, "import-ics"), {
      name: "New York office.ics",
      text: outlook,
    }),
  );
  expect(answer.status).toBe(200);
  // 17:00–20:00 in New York (daylight time) is 23:00–02:00 in Berlin.
  expect(answer.data.imported).toEqual([
    { date: `${year}-06-10`, name: "Summer party", closedFrom: "23:00", closedUntil: "24:00" },
    { date: `${year}-06-11`, name: "Summer party", closedFrom: "00:00", closedUntil: "02:00" },
    { date: `${year}-07-15`, name: "Landing day", closedFrom: "15:00", closedUntil: "17:00" },
  ]);
  expect(answer.data.notice).toContain(
    "The file does not define the time zone “Mars Standard Time”: those times were read as Europe/Berlin time.",
  );
});

test("an .ics file whose events all fall outside the import window says so, naming the window", async () => {
  const admin = await signIn("admin");
  const year = NOW.getUTCFullYear();
  const old = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Hearback test//EN",
    "BEGIN:VEVENT",
    "UID:old@test",
    `DTSTART;VALUE=DATE:${year - 5}1225`,
    "SUMMARY:Christmas",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:older@test",
    `DTSTART;VALUE=DATE:${year - 6}1225`,
    "SUMMARY:Christmas",
    "END:VEVENT",
    "END:VCALENDAR",
  ].join("\r\n");
  const answer = await run<ScheduleFormActionData>(
    newSchedule.action,
    multipartRequest("/settings/schedules/new", admin, scheduleFields(splitShift, "import-ics"), {
      name: "old.ics",
      text: old,
    }),
  );
  expect(answer.status).toBe(200);
  expect(answer.data.imported).toEqual([]);
  expect(answer.data.notice).toBe(
    `None of the 2 events in old.ics fall between ${year}-01-01 and ${year + 1}-12-31 (this year and next, the years an import covers), so nothing was imported.`,
  );
});

test("an .ics import leaves timed busy events out unless the form asks for them, and says how many", async () => {
  const admin = await signIn("admin");
  const year = NOW.getUTCFullYear();
  const calendar = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Hearback test//EN",
    "BEGIN:VEVENT",
    "UID:christmas@test",
    `DTSTART;VALUE=DATE:${year}1225`,
    "SUMMARY:Christmas Day",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:standup@test",
    `DTSTART;TZID=Europe/Berlin:${year}0104T093000`,
    `DTEND;TZID=Europe/Berlin:${year}0104T094500`,
    "RRULE:FREQ=DAILY;COUNT=3",
    "TRANSP:OPAQUE",
    "SUMMARY:Stand-up",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:review@test",
    `DTSTART;TZID=Europe/Berlin:${year}0310T140000`,
    `DTEND;TZID=Europe/Berlin:${year}0310T150000`,
    "TRANSP:OPAQUE",
    "SUMMARY:Quarterly review",
    "END:VEVENT",
    "END:VCALENDAR",
  ].join("\r\n");
  const file = { name: "work.ics", text: calendar };

  const holidaysOnly = await run<ScheduleFormActionData>(
    newSchedule.action,
    multipartRequest("/settings/schedules/new", admin, scheduleFields(splitShift, "import-ics"), file),
  );
  expect(holidaysOnly.status).toBe(200);
  expect(holidaysOnly.data.imported).toEqual([
    { date: `${year}-12-25`, name: "Christmas Day", closedFrom: "", closedUntil: "" },
  ]);
  expect(holidaysOnly.data.includeTimedEvents).toBe(false);
  expect(holidaysOnly.data.notice).toBe(
    `Imported 1 holiday from work.ics for ${year} and ${year + 1}. Check the list, then save the schedule to keep them. 2 timed events (meetings, appointments) were left out: only all-day events and events marked out of office are imported. To import timed events as closures too, tick “Also import timed events” and import again.`,
  );

  const withTimed = await run<ScheduleFormActionData>(
    newSchedule.action,
    multipartRequest(
      "/settings/schedules/new",
      admin,
      [...scheduleFields(splitShift, "import-ics"), ["includeTimedEvents", "on"]],
      file,
    ),
  );
  expect(withTimed.data.includeTimedEvents).toBe(true);
  expect(withTimed.data.imported).toEqual([
    { date: `${year}-01-04`, name: "Stand-up", closedFrom: "09:30", closedUntil: "09:45" },
    { date: `${year}-01-05`, name: "Stand-up", closedFrom: "09:30", closedUntil: "09:45" },
    { date: `${year}-01-06`, name: "Stand-up", closedFrom: "09:30", closedUntil: "09:45" },
    { date: `${year}-03-10`, name: "Quarterly review", closedFrom: "14:00", closedUntil: "15:00" },
    { date: `${year}-12-25`, name: "Christmas Day", closedFrom: "", closedUntil: "" },
  ]);
  expect(withTimed.data.notice).toBe(
    `Imported 5 holidays from work.ics for ${year} and ${year + 1}. Check the list, then save the schedule to keep them.`,
  );
});

test("public holidays import for a country and region (Bavaria adds Epiphany to the national ones), then save", async () => {
  const admin = await signIn("admin");
  const year = NOW.getUTCFullYear();
  const fields = [
    ...scheduleFields({ ...splitShift, holidays: [] }, "import-country"),
    ["importCountry", "DE"],
    ["importRegion", "DE:BY"],
  ];
  const answer = await run<ScheduleFormActionData>(
    newSchedule.action,
    multipartRequest("/settings/schedules/new", admin, fields),
  );
  expect(answer.status).toBe(200);
  const dates = answer.data.values.holidays.map((holiday) => holiday.date);
  expect(dates).toContain(`${year}-01-06`);
  expect(dates).toContain(`${year + 1}-01-06`);
  expect(dates).toContain(`${year}-10-03`);
  expect(answer.data.importRegion).toBe("DE:BY");
  const national = await run<ScheduleFormActionData>(
    newSchedule.action,
    multipartRequest("/settings/schedules/new", admin, [
      ...scheduleFields({ ...splitShift, holidays: [] }, "import-country"),
      ["importCountry", "DE"],
      ["importRegion", ""],
    ]),
  );
  expect(national.data.values.holidays.map((holiday) => holiday.date)).not.toContain(`${year}-01-06`);
  expect(national.data.values.holidays.map((holiday) => holiday.date)).toContain(`${year}-10-03`);

  const save = await run(
    newSchedule.action,
    multipartRequest("/settings/schedules/new", admin, scheduleFields(answer.data.values)),
  );
  expect(save.status).toBe(302);
  const saved = await getSchedule(new URL(save.location!, ORIGIN).searchParams.get("saved")!);
  expect(saved!.holidays.map((holiday) => holiday.date)).toEqual(dates);

  const unknown = await run<ScheduleFormActionData>(
    newSchedule.action,
    multipartRequest("/settings/schedules/new", admin, [
      ...scheduleFields(splitShift, "import-country"),
      ["importCountry", "DE"],
      ["importRegion", "AT:9"],
    ]),
  );
  expect(unknown.status).toBe(400);
  expect(unknown.data.errors.importRegion).toBe("This region belongs to another country.");
});

test("the default schedule cannot be deleted; another one can", async () => {
  const admin = await signIn("admin");
  const refused = await run(
    editSchedule.action,
    postRequest("/settings/schedules/default-schedule?intent=delete", admin, {}),
    {
      scheduleId: "default-schedule",
    },
  );
  expect(refused.status).toBe(409);
  const created = await run(
    newSchedule.action,
    multipartRequest("/settings/schedules/new", admin, scheduleFields(splitShift)),
  );
  const id = new URL(created.location!, ORIGIN).searchParams.get("saved")!;
  const deleted = await run(editSchedule.action, postRequest(`/settings/schedules/${id}?intent=delete`, admin, {}), {
    scheduleId: id,
  });
  expect(deleted.location).toBe("/settings/schedules?deleted=Berlin%20office");
  expect(await getSchedule(id)).toBeNull();
});

test("an admin creates policies, reorders them and deletes one; the default stays last and undeletable", async () => {
  const admin = await signIn("admin");
  const job = await createTestJob({ title: "Platform engineer", department: "Engineering" });
  const create = (name: string, extra: string[][]) =>
    run<PolicyFormActionData>(
      newPolicy.action,
      postRequest("/settings/sla-policies/new", admin, [
        ["intent", "save"],
        ["name", name],
        ["scheduleId", ""],
        ...extra,
      ]),
    );
  const first = await create("Engineering", [
    ["departments", "Engineering, Design"],
    ["jobIds", job.id],
    ["countAutomatedReplies", "true"],
    ...targetFields("first_response", "2", "business_days", "business", "4", "hours"),
    ...targetFields("closure", "1", "days", "calendar"),
  ]);
  expect(first.status).toBe(302);
  expect(
    (await create("Sales", [["departments", "Sales"], ...targetFields("first_response", "4", "hours")])).status,
  ).toBe(302);

  let policies = await listPolicies();
  expect(policies.map((policy) => policy.name)).toEqual(
    ["Engineering", "Sales", "Default policy"].slice(0, 2).concat(policies.at(-1)!.name),
  );
  const engineering = policies[0]!;
  expect(engineering).toMatchObject({
    matchDepartments: ["Engineering", "Design"],
    matchJobIds: [job.id],
    countAutomatedReplies: true,
    targets: [
      { metric: "first_response", minutes: 960, businessHours: true, warnBeforeMinutes: 240 },
      { metric: "closure", minutes: 1440, businessHours: false, warnBeforeMinutes: null },
    ],
  });

  const list = await run<Awaited<ReturnType<typeof policiesList.loader>>>(
    policiesList.loader,
    getRequest("/settings/sla-policies", admin),
  );
  expect(list.data.policies[0]).toMatchObject({
    jobs: ["Platform engineer"],
    targets: ["First response: 2 business days (warn 4 h before)", "Tell rejected candidate: 1 day of calendar time"],
  });
  expect(list.data.policies.at(-1)!.isDefault).toBe(true);

  await run(
    policiesList.action,
    postRequest("/settings/sla-policies", admin, { intent: "move-down", policyId: engineering.id }),
  );
  policies = await listPolicies();
  expect(policies.map((policy) => policy.name).slice(0, 2)).toEqual(["Sales", "Engineering"]);
  expect(policies.at(-1)!.isDefault).toBe(true);

  const missingTarget = await run<PolicyFormActionData>(
    editPolicy.action,
    postRequest(`/settings/sla-policies/${engineering.id}`, admin, [
      ["intent", "save"],
      ["name", "Engineering"],
      ["departments", "Ops"],
    ]),
    { policyId: engineering.id },
  );
  expect(missingTarget.status).toBe(400);
  expect(missingTarget.data.errors).toEqual({ targets: "Turn on at least one target." });
  expect(missingTarget.data.values.departments).toBe("Ops");
  expect((await getPolicy(engineering.id))!.matchDepartments).toEqual(["Engineering", "Design"]);

  const deleted = await run(
    editPolicy.action,
    postRequest(`/settings/sla-policies/${engineering.id}?intent=delete`, admin, {}),
    {
      policyId: engineering.id,
    },
  );
  expect(deleted.location).toBe("/settings/sla-policies?deleted=1");
  expect(await getPolicy(engineering.id)).toBeNull();
  const defaultPolicy = policies.at(-1)!;
  const refused = await run(
    editPolicy.action,
    postRequest(`/settings/sla-policies/${defaultPolicy.id}?intent=delete`, admin, {}),
    {
      policyId: defaultPolicy.id,
    },
  );
  expect(refused.status).toBe(409);
});

test("the default policy's targets are editable but it keeps no match conditions", async () => {
  const admin = await signIn("admin");
  const answer = await run(
    editPolicy.action,
    postRequest("/settings/sla-policies/default-policy", admin, [
      ["intent", "save"],
      ["name", "Everyone else"],
      ["departments", "Sneaky"],
      ...targetFields("first_response", "3", "business_days"),
    ]),
    { policyId: "default-policy" },
  );
  expect(answer.status).toBe(302);
  expect(await getPolicy("default-policy")).toMatchObject({
    name: "Everyone else",
    matchDepartments: [],
    targets: [{ metric: "first_response", minutes: 1440, businessHours: true }],
  });
});

test("the preview computes due dates from the form's values on the chosen schedule, live and with the Preview button", async () => {
  const admin = await signIn("admin");
  const created = await run(
    newSchedule.action,
    multipartRequest("/settings/schedules/new", admin, scheduleFields(splitShift)),
  );
  const scheduleId = new URL(created.location!, ORIGIN).searchParams.get("saved")!;
  const fields = [
    ["name", "Draft"],
    ["scheduleId", scheduleId],
    ...targetFields("first_response", "2", "business_days"),
    ...targetFields("periodic_update", "3", "days", "calendar"),
  ];
  const policiesBefore = await prisma.slaPolicy.count();
  const live = await run<PolicyPreview>(preview.action, postRequest("/settings/sla-policies/preview", admin, fields));
  expect(live.status).toBe(200);
  const expected = previewTargets(
    [
      { metric: "first_response", minutes: 960, businessHours: true },
      { metric: "periodic_update", minutes: 4320, businessHours: false },
    ],
    (await getSchedule(scheduleId))!,
    new Date(live.data.now),
  );
  expect(live.data).toEqual(expected);
  expect(live.data.timeZone).toBe("Europe/Berlin");

  const button = await run<PolicyFormActionData>(
    newPolicy.action,
    postRequest("/settings/sla-policies/new", admin, [["intent", "preview"], ...fields]),
  );
  expect(button.status).toBe(200);
  expect(button.data.preview!.targets.map((target) => target.metric)).toEqual(["first_response", "periodic_update"]);
  expect(button.data.values.name).toBe("Draft");
  expect(await prisma.slaPolicy.count()).toBe(policiesBefore);
});

test("the job form offers the schedules, so a job can count on its own business hours", async () => {
  const admin = await signIn("admin");
  const created = await run(
    newSchedule.action,
    multipartRequest("/settings/schedules/new", admin, scheduleFields({ ...splitShift, name: "Night desk" })),
  );
  const scheduleId = new URL(created.location!, ORIGIN).searchParams.get("saved")!;
  const page = await run<Awaited<ReturnType<typeof newJob.loader>>>(newJob.loader, getRequest("/jobs/new", admin));
  expect(page.data.schedules.map((schedule) => schedule.id)).toEqual(
    expect.arrayContaining(["default-schedule", scheduleId]),
  );
});
