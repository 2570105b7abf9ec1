// /api/v1/schedules: creating, reading, replacing and deleting business schedules, the /due and /elapsed calculators
// (split shifts, DST, holidays), field-level 400s, permissions and conflicts.
import { expect, test } from "vitest";
import * as scheduleRoute from "~/routes/api.v1.schedules.$scheduleId";
import * as dueRoute from "~/routes/api.v1.schedules.$scheduleId.due";
import * as elapsedRoute from "~/routes/api.v1.schedules.$scheduleId.elapsed";
import * as schedulesRoute from "~/routes/api.v1.schedules";
import { scheduleListResource, scheduleResource } from "~/web/api-sla-resources.server";
import { prisma } from "~/platform/db.server";
import { apiRequest, caller, expectShape, send, type Caller, type ErrorBody } from "./helpers";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"] as const;

/** Berlin office: 09:00–12:00 and 13:00–17:00 on weekdays; Easter and a short Christmas Eve. */
const berlinOffice = {
  name: "Berlin office",
  timeZone: "Europe/Berlin",
  hours: WEEKDAYS.flatMap((day) => [
    { day, open: "09:00", close: "12:00" },
    { day, open: "13:00", close: "17:00" },
  ]),
  holidays: [
    { date: "2026-04-03", name: "Good Friday" },
    { date: "2026-04-06", name: "Easter Monday" },
    { date: "2026-12-24", name: "Christmas Eve", closedFrom: "12:00", closedUntil: "24:00" },
    { date: "2026-12-25", name: "Christmas Day" },
  ],
};

async function createSchedule(admin: Caller, body: unknown = berlinOffice) {
  const answer = await send(schedulesRoute, apiRequest("POST", "/api/v1/schedules", admin, { body }));
  expect(answer.status).toBe(201);
  return expectShape(scheduleResource, answer.body);
}

async function due(who: Caller, scheduleId: string, query: string) {
  return send<{ dueAt: string } & ErrorBody>(
    dueRoute,
    apiRequest("GET", `/api/v1/schedules/${scheduleId}/due?${query}`, who),
    { scheduleId },
  );
}

async function elapsed(who: Caller, scheduleId: string, query: string) {
  return send<{ minutes: number } & ErrorBody>(
    elapsedRoute,
    apiRequest("GET", `/api/v1/schedules/${scheduleId}/elapsed?${query}`, who),
    { scheduleId },
  );
}

test("POST /schedules stores the schedule; GET returns it, and the list puts the default first", async () => {
  const admin = await caller("admin");
  const created = await createSchedule(admin);
  expect(created).toMatchObject({
    name: "Berlin office",
    timeZone: "Europe/Berlin",
    isDefault: false,
    hours: berlinOffice.hours,
    holidays: berlinOffice.holidays,
  });

  const recruiter = await caller("recruiter");
  const read = await send(scheduleRoute, apiRequest("GET", `/api/v1/schedules/${created.id}`, recruiter), {
    scheduleId: created.id,
  });
  expect(read.status).toBe(200);
  expect(read.body).toEqual(created);

  const list = await send(schedulesRoute, apiRequest("GET", "/api/v1/schedules", recruiter));
  const { items } = expectShape(scheduleListResource, list.body);
  expect(items[0]).toMatchObject({ id: "default-schedule", isDefault: true, timeZone: "UTC" });
  expect(items.map((schedule) => schedule.id)).toContain(created.id);

  const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: created.id, action: "schedule.created" } });
  expect(audit.actorId).toBe(admin.user!.id);
});

test("/due counts split shifts across the spring DST change, lunch breaks and holidays exactly", async () => {
  const admin = await caller("admin");
  const { id } = await createSchedule(admin);
  const cases: [from: string, minutes: number, dueAt: string][] = [
    // Friday 16:00 CET: one hour left that day; Monday 30 March is already CEST (UTC+2): 10:00 local.
    ["2026-03-27T15:00:00Z", 120, "2026-03-30T08:00:00.000Z"],
    // Monday 11:00 CEST + 60: due exactly when the morning ends (12:00), not after lunch.
    ["2026-03-30T09:00:00Z", 60, "2026-03-30T10:00:00.000Z"],
    ["2026-03-30T09:00:00Z", 61, "2026-03-30T11:01:00.000Z"],
    // Thursday 16:00 before Easter: Good Friday, the weekend and Easter Monday are closed → Tuesday 10:00 CEST.
    ["2026-04-02T14:00:00Z", 120, "2026-04-07T08:00:00.000Z"],
    // Christmas Eve closes at noon, Christmas Day is off → Monday 28 December 09:30 CET.
    ["2026-12-24T10:00:00Z", 90, "2026-12-28T08:30:00.000Z"],
    // Autumn: Friday 16:00 CEST + 120 → Monday 26 October 10:00 CET (UTC+1).
    ["2026-10-23T14:00:00Z", 120, "2026-10-26T09:00:00.000Z"],
    // A start on Saturday counts from Monday's opening.
    ["2026-03-28T12:00:00Z", 30, "2026-03-30T07:30:00.000Z"],
    // Offsets in `from` are honoured: 16:00+01:00 is 15:00Z.
    ["2026-03-27T16:00:00%2B01:00", 120, "2026-03-30T08:00:00.000Z"],
  ];
  for (const [from, minutes, dueAt] of cases) {
    const answer = await due(admin, id, `from=${from}&minutes=${minutes}`);
    expect({ from, minutes, status: answer.status, dueAt: answer.body.dueAt }).toEqual({
      from,
      minutes,
      status: 200,
      dueAt,
    });
  }
});

test("/elapsed counts business minutes between two instants, and is the inverse of /due", async () => {
  const recruiter = await caller("recruiter");
  const admin = await caller("admin");
  const { id } = await createSchedule(admin);
  const cases: [from: string, to: string, minutes: number][] = [
    ["2026-03-27T15:00:00Z", "2026-03-30T08:00:00Z", 120],
    // 11:00–14:00 CEST on a Monday: the lunch hour does not count.
    ["2026-03-30T09:00:00Z", "2026-03-30T12:00:00Z", 120],
    ["2026-04-02T14:00:00Z", "2026-04-07T08:00:00Z", 120],
    ["2026-03-28T08:00:00Z", "2026-03-28T20:00:00Z", 0],
    ["2026-03-30T09:00:00Z", "2026-03-30T09:00:00Z", 0],
    // A full week in March (7 hours a weekday; the DST night costs no business time).
    ["2026-03-23T00:00:00Z", "2026-03-30T00:00:00Z", 5 * 7 * 60],
  ];
  for (const [from, to, minutes] of cases) {
    const answer = await elapsed(recruiter, id, `from=${from}&to=${to}`);
    expect({ from, to, status: answer.status, minutes: answer.body.minutes }).toEqual({
      from,
      to,
      status: 200,
      minutes,
    });
  }
  const dueAt = (await due(recruiter, id, "from=2026-03-26T07:45:00Z&minutes=1000")).body.dueAt;
  expect((await elapsed(recruiter, id, `from=2026-03-26T07:45:00Z&to=${dueAt}`)).body.minutes).toBe(1000);
});

test("invalid schedules are a 400 naming each field, and nothing is stored", async () => {
  const admin = await caller("admin");
  const before = await prisma.schedule.count();
  const cases: [body: Record<string, unknown>, path: string][] = [
    [{ ...berlinOffice, timeZone: "Europe/Atlantis" }, "timeZone"],
    [{ ...berlinOffice, timeZone: undefined }, "timeZone"],
    [{ ...berlinOffice, name: "" }, "name"],
    [
      {
        ...berlinOffice,
        hours: [
          { day: "mon", open: "09:00", close: "12:00" },
          { day: "mon", open: "9am", close: "17:00" },
        ],
      },
      "hours.1.open",
    ],
    [
      {
        ...berlinOffice,
        hours: [
          { day: "mon", open: "09:00", close: "12:00" },
          { day: "mon", open: "11:00", close: "17:00" },
        ],
      },
      "hours.1.open",
    ],
    [{ ...berlinOffice, hours: [{ day: "tue", open: "17:00", close: "09:00" }] }, "hours.0.close"],
    [{ ...berlinOffice, hours: [{ day: "tue", open: "09:00", close: "24:30" }] }, "hours.0.close"],
    [{ ...berlinOffice, hours: [{ day: "funday", open: "09:00", close: "17:00" }] }, "hours.0.day"],
    [{ ...berlinOffice, holidays: [{ date: "2026-02-30" }] }, "holidays.0.date"],
    [{ ...berlinOffice, holidays: [{ date: "24.12.2026" }] }, "holidays.0.date"],
    [{ ...berlinOffice, holidays: [{ date: "2026-12-24", closedFrom: "12:00" }] }, "holidays.0.closedUntil"],
    [{ ...berlinOffice, holidays: [{ date: "2026-12-24", closedUntil: "17:00" }] }, "holidays.0.closedFrom"],
    [
      { ...berlinOffice, holidays: [{ date: "2026-12-24", closedFrom: "15:00", closedUntil: "12:00" }] },
      "holidays.0.closedUntil",
    ],
    [{ ...berlinOffice, hours: "always" }, "hours"],
  ];
  for (const [body, path] of cases) {
    const answer = await send<ErrorBody>(schedulesRoute, apiRequest("POST", "/api/v1/schedules", admin, { body }));
    expect({ path, status: answer.status, code: answer.body.error.code }).toEqual({
      path,
      status: 400,
      code: "validation_error",
    });
    expect(answer.body.error.issues.map((issue) => issue.path)).toContain(path);
  }
  expect(await prisma.schedule.count()).toBe(before);
});

test("writes need manage_settings; reads need a token", async () => {
  const recruiter = await caller("recruiter");
  const manager = await caller("hiring_manager");
  const before = await prisma.schedule.count();

  const anonymous = await send<ErrorBody>(schedulesRoute, apiRequest("GET", "/api/v1/schedules", null));
  expect(anonymous.status).toBe(401);
  expect(anonymous.body.error.code).toBe("unauthorized");
  const badToken = await send(
    schedulesRoute,
    apiRequest("POST", "/api/v1/schedules", null, { token: "hb_nope", body: berlinOffice }),
  );
  expect(badToken.status).toBe(401);

  const create = await send<ErrorBody>(
    schedulesRoute,
    apiRequest("POST", "/api/v1/schedules", recruiter, { body: berlinOffice }),
  );
  expect(create.status).toBe(403);
  expect(create.body.error.code).toBe("forbidden");
  const params = { scheduleId: "default-schedule" };
  const put = await send(
    scheduleRoute,
    apiRequest("PUT", "/api/v1/schedules/default-schedule", manager, { body: berlinOffice }),
    params,
  );
  expect(put.status).toBe(403);
  const remove = await send(
    scheduleRoute,
    apiRequest("DELETE", "/api/v1/schedules/default-schedule", recruiter),
    params,
  );
  expect(remove.status).toBe(403);
  expect(await prisma.schedule.count()).toBe(before);
  expect((await prisma.schedule.findUniqueOrThrow({ where: { id: "default-schedule" } })).timeZone).toBe("UTC");

  // Any staff member may read schedules and use the calculators.
  const read = await send(scheduleRoute, apiRequest("GET", "/api/v1/schedules/default-schedule", manager), params);
  expect(read.status).toBe(200);
  expect((await due(manager, "default-schedule", "from=2026-03-02T16:00:00Z&minutes=120")).body.dueAt).toBe(
    "2026-03-03T10:00:00.000Z",
  );
});

test("PUT replaces a schedule and the calculators follow at once; unknown ids are 404", async () => {
  const admin = await caller("admin");
  const created = await createSchedule(admin);
  const params = { scheduleId: created.id };
  expect((await due(admin, created.id, "from=2026-03-27T15:00:00Z&minutes=120")).body.dueAt).toBe(
    "2026-03-30T08:00:00.000Z",
  );

  const replacement = {
    ...berlinOffice,
    name: "Berlin, Saturdays too",
    hours: [...berlinOffice.hours, { day: "sat", open: "10:00", close: "14:00" }],
    holidays: [],
  };
  const put = await send(
    scheduleRoute,
    apiRequest("PUT", `/api/v1/schedules/${created.id}`, admin, { body: replacement }),
    params,
  );
  expect(put.status).toBe(200);
  expect(expectShape(scheduleResource, put.body)).toMatchObject({
    id: created.id,
    name: "Berlin, Saturdays too",
    holidays: [],
  });
  // Friday 16:00–17:00, then Saturday 10:00 CET (09:00Z) + 60.
  expect((await due(admin, created.id, "from=2026-03-27T15:00:00Z&minutes=120")).body.dueAt).toBe(
    "2026-03-28T10:00:00.000Z",
  );

  const invalid = await send<ErrorBody>(
    scheduleRoute,
    apiRequest("PUT", `/api/v1/schedules/${created.id}`, admin, { body: { ...replacement, timeZone: "Mars/Olympus" } }),
    params,
  );
  expect(invalid.status).toBe(400);
  expect(invalid.body.error.issues.map((issue) => issue.path)).toEqual(["timeZone"]);
  expect((await prisma.schedule.findUniqueOrThrow({ where: { id: created.id } })).timeZone).toBe("Europe/Berlin");

  const missing = { scheduleId: "no-such-schedule" };
  const notFound = [
    await send<ErrorBody>(scheduleRoute, apiRequest("GET", "/api/v1/schedules/no-such-schedule", admin), missing),
    await send<ErrorBody>(
      scheduleRoute,
      apiRequest("PUT", "/api/v1/schedules/no-such-schedule", admin, { body: berlinOffice }),
      missing,
    ),
    await send<ErrorBody>(scheduleRoute, apiRequest("DELETE", "/api/v1/schedules/no-such-schedule", admin), missing),
    await due(admin, "no-such-schedule", "from=2026-03-27T15:00:00Z&minutes=1"),
    await elapsed(admin, "no-such-schedule", "from=2026-03-27T15:00:00Z&to=2026-03-28T15:00:00Z"),
  ];
  expect(notFound.map((answer) => [answer.status, answer.body.error.code])).toEqual(Array(5).fill([404, "not_found"]));
});

test("DELETE removes a schedule; the default one cannot be deleted (409)", async () => {
  const admin = await caller("admin");
  const created = await createSchedule(admin);
  const params = { scheduleId: created.id };
  const removed = await send(scheduleRoute, apiRequest("DELETE", `/api/v1/schedules/${created.id}`, admin), params);
  expect(removed).toMatchObject({ status: 200, body: { id: created.id, deleted: true } });
  expect((await send(scheduleRoute, apiRequest("GET", `/api/v1/schedules/${created.id}`, admin), params)).status).toBe(
    404,
  );

  const keep = await send<ErrorBody>(scheduleRoute, apiRequest("DELETE", "/api/v1/schedules/default-schedule", admin), {
    scheduleId: "default-schedule",
  });
  expect(keep.status).toBe(409);
  expect(keep.body.error.code).toBe("conflict");
  expect(keep.body.error.message).toMatch(/default schedule/i);
  expect(await prisma.schedule.findUnique({ where: { id: "default-schedule" } })).not.toBeNull();
});

test("a schedule without open hours cannot count business time: 409 with a plain message", async () => {
  const admin = await caller("admin");
  const closed = await createSchedule(admin, { name: "Closed", timeZone: "Asia/Kolkata", hours: [], holidays: [] });
  for (const answer of [
    await due(admin, closed.id, "from=2026-03-27T15:00:00Z&minutes=10"),
    await elapsed(admin, closed.id, "from=2026-03-27T15:00:00Z&to=2026-03-28T15:00:00Z"),
  ]) {
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe("conflict");
    expect(answer.body.error.message).toMatch(/no open hours/);
  }
});

test("a due date the schedule could not reach in 100 years is a 409, answered at once", async () => {
  const admin = await caller("admin");
  const sparse = await createSchedule(admin, {
    name: "One minute a week",
    timeZone: "Europe/Berlin",
    hours: [{ day: "mon", open: "09:00", close: "09:01" }],
    holidays: [],
  });
  const started = performance.now();
  const tooFar = await due(admin, sparse.id, "from=2026-03-02T00:00:00Z&minutes=5256000");
  expect([tooFar.status, tooFar.body.error.code]).toEqual([409, "conflict"]);
  expect(tooFar.body.error.message).toMatch(/more than 100 years/);
  expect(performance.now() - started).toBeLessThan(5_000);
  // Within reach it still answers: the third Monday from 2 March (CET), 09:00 local.
  expect((await due(admin, sparse.id, "from=2026-03-02T00:00:00Z&minutes=3")).body.dueAt).toBe(
    "2026-03-16T08:01:00.000Z",
  );

  // Every opening closed by holidays for years: no answer rather than a search without end.
  const mondays = Array.from({ length: 6 * 53 }, (_, week) => ({
    date: new Date(Date.UTC(2026, 2, 2 + 7 * week)).toISOString().slice(0, 10),
  }));
  const closed = await createSchedule(admin, {
    name: "Closed on its only day",
    timeZone: "UTC",
    hours: [{ day: "mon", open: "09:00", close: "10:00" }],
    holidays: mondays,
  });
  const never = await due(admin, closed.id, "from=2026-03-02T00:00:00Z&minutes=30");
  expect(never.status).toBe(409);
  expect((await elapsed(admin, closed.id, "from=2026-03-02T00:00:00Z&to=2027-03-02T00:00:00Z")).body.minutes).toBe(0);
});

test("calculator query parameters are checked, each 400 naming the parameter", async () => {
  const recruiter = await caller("recruiter");
  const id = "default-schedule";
  const dueCases: [query: string, path: string][] = [
    ["minutes=10", "from"],
    ["from=yesterday&minutes=10", "from"],
    ["from=2026-03-02&minutes=10", "from"],
    ["from=2026-03-02T09:00:00Z", "minutes"],
    ["from=2026-03-02T09:00:00Z&minutes=-1", "minutes"],
    ["from=2026-03-02T09:00:00Z&minutes=1.5", "minutes"],
    ["from=2026-03-02T09:00:00Z&minutes=ten", "minutes"],
    ["from=2026-03-02T09:00:00Z&minutes=5256001", "minutes"],
  ];
  for (const [query, path] of dueCases) {
    const answer = await due(recruiter, id, query);
    expect({ query, status: answer.status, paths: answer.body.error?.issues.map((issue) => issue.path) }).toEqual({
      query,
      status: 400,
      paths: [path],
    });
  }
  expect((await due(recruiter, id, "from=2026-03-02T09:00:00Z&minutes=5256000")).status).toBe(200);
  expect((await due(recruiter, id, "from=2026-03-02T09:00:00Z&minutes=0")).status).toBe(200);

  const elapsedCases: [query: string, path: string][] = [
    ["to=2026-03-02T09:00:00Z", "from"],
    ["from=2026-03-02T09:00:00Z", "to"],
    ["from=2026-03-02T09:00:00Z&to=2026-03-01T09:00:00Z", "to"],
    ["from=2026-03-02T09:00:00Z&to=2046-03-02T09:00:00Z", "to"],
  ];
  for (const [query, path] of elapsedCases) {
    const answer = await elapsed(recruiter, id, query);
    expect({ query, status: answer.status, paths: answer.body.error?.issues.map((issue) => issue.path) }).toEqual({
      query,
      status: 400,
      paths: [path],
    });
  }
  // Every mix of one good instant and one bad parameter is a 400 naming the bad one, never a 500.
  const good = { from: "2026-03-02T09:00:00Z", to: "2026-03-03T09:00:00Z" };
  const bad: [label: string, query: (name: string) => string][] = [
    ["missing", () => ""],
    ["empty", (name) => `${name}=`],
    ["garbage", (name) => `${name}=soon`],
    ["a number", (name) => `${name}=1767225600`],
    ["a date alone", (name) => `${name}=2026-03-02`],
    ["an array", (name) => `${name}[]=2026-03-02T09:00:00Z`],
    ["twice, bad first", (name) => `${name}=x&${name}=2026-03-02T09:00:00Z`],
  ];
  for (const badName of ["from", "to"] as const) {
    const goodName = badName === "from" ? "to" : "from";
    for (const [label, query] of bad) {
      const answer = await elapsed(recruiter, id, [`${goodName}=${good[goodName]}`, query(badName)].join("&"));
      expect({ badName, label, status: answer.status, paths: answer.body.error?.issues.map((i) => i.path) }).toEqual({
        badName,
        label,
        status: 400,
        paths: [badName],
      });
    }
  }
  const reversed = await elapsed(recruiter, id, "from=2026-03-02T09:00:00Z&to=2026-03-01T09:00:00Z");
  expect(reversed.body.error.issues[0]!.message).toMatch(/to must not be before from/);
});
