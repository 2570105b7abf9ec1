// "Waiting on us" grouped by application: an application with several running clocks is one row led by its most
// urgent, pages follow a cursor without duplicates or gaps (both ways), search finds candidates by name or email with
// wildcards taken literally, recruiters start on their own jobs with everyone one link away, and the counts per risk
// count applications and filter the list. Clocks run on a calendar-time policy, so every risk follows from how long
// ago each candidate applied, whatever day the suite runs.
import { beforeAll, expect, test } from "vitest";
import { createPolicy } from "~/models/sla/policies.server";
import { getWaitingList, type WaitingCursor, type WaitingPage } from "~/models/sla/waiting-list.server";
import * as waiting from "~/routes/waiting";
import { minutesFrom, pinClock } from "../../clock";
import { createTestApplication, createTestJob } from "../../factories";
import { getRequest, run, signIn, type SignedIn } from "../ui/helpers";

const NOW = pinClock();
const DEPARTMENT = "Waiting list";

type WaitingData = Awaited<ReturnType<typeof waiting.loader>>;

beforeAll(async () => {
  // Three promises start when someone applies: a first response within an hour, a stage decision within two, an
  // update within a week.
  await createPolicy(
    {
      name: "Calendar-time, three promises",
      position: 1,
      match: { departments: [DEPARTMENT] },
      countAutomatedReplies: false,
      targets: [
        { metric: "first_response", minutes: 60, businessHours: false, warnBeforeMinutes: 30 },
        { metric: "stage_decision", minutes: 120, businessHours: false, warnBeforeMinutes: 45 },
        { metric: "periodic_update", minutes: 7 * 24 * 60, businessHours: false, warnBeforeMinutes: 60 },
      ],
    },
    null,
  );
});

async function job(recruiter: SignedIn, title: string) {
  return createTestJob({ title, department: DEPARTMENT, recruiterId: recruiter.user.id });
}

function apply(jobId: string, name: string, minutesAgo: number, email?: string) {
  return createTestApplication({
    jobId,
    candidate: { name, ...(email ? { email } : {}), timeZone: "Asia/Tokyo" },
    appliedAt: minutesFrom(NOW, -minutesAgo),
  });
}

function load(who: SignedIn, search = "") {
  return run<WaitingData>(waiting.loader, getRequest(`/waiting${search}`, who));
}

test("an application owing three things is one row, led by its most urgent promise, the others listed with it", async () => {
  const recruiter = await signIn("recruiter");
  const role = await job(recruiter, "Three promises");
  // 90 minutes ago: the first response is 30 min overdue, the decision due in 30 min (warned), the update next week.
  const application = await apply(role.id, "Olga Owed", 90);
  // 20 minutes ago: all three on track, the first response due soonest.
  await apply(role.id, "Felix Fresh", 20);

  const list = await getWaitingList(recruiter.user, { jobId: role.id, at: NOW });

  expect(list.rows.map((row) => row.candidate.name)).toEqual(["Olga Owed", "Felix Fresh"]);
  const [olga, felix] = list.rows;
  expect(olga!.applicationId).toBe(application.id);
  expect(olga!.candidate.timeZone).toBe("Asia/Tokyo");
  expect([olga!.lead.metric, olga!.lead.risk, olga!.lead.dueAt]).toEqual([
    "first_response",
    "breached",
    minutesFrom(NOW, -30),
  ]);
  expect(olga!.others.map((clock) => [clock.metric, clock.risk])).toEqual([
    ["stage_decision", "warning"],
    ["periodic_update", "fine"],
  ]);
  expect([felix!.lead.metric, felix!.lead.risk]).toEqual(["first_response", "fine"]);
  expect(felix!.others).toHaveLength(2);
  // Counts are applications, by their lead's risk: Olga's warned decision does not count as a second row.
  expect(list.counts).toEqual({ breached: 1, warning: 0, fine: 1, total: 2 });

  // Asked only about decisions, the row is led by the decision clock and lists nothing else.
  const decisions = await getWaitingList(recruiter.user, { jobId: role.id, metric: "stage_decision", at: NOW });
  expect(decisions.rows.map((row) => [row.candidate.name, row.lead.metric, row.lead.risk, row.others.length])).toEqual([
    ["Olga Owed", "stage_decision", "warning", 0],
    ["Felix Fresh", "stage_decision", "fine", 0],
  ]);
});

test("pages follow a cursor forwards and back without duplicates or gaps, ties broken by application", async () => {
  const recruiter = await signIn("recruiter");
  const role = await job(recruiter, "Many candidates");
  const ids: string[] = [];
  for (const [index, minutesAgo] of [300, 240, 240, 240, 100, 50, 30, 10].entries()) {
    ids.push((await apply(role.id, `Paged ${index}`, minutesAgo)).id);
  }
  const all = await getWaitingList(recruiter.user, { jobId: role.id, at: NOW, limit: 100 });
  expect(all.rows).toHaveLength(8);
  expect(all.next).toBeNull();
  expect(all.previous).toBeNull();
  // Soonest due first; the three who applied together in application id order.
  const expected = all.rows.map((row) => row.applicationId);
  expect(new Set(expected)).toEqual(new Set(ids));
  expect(expected.slice(1, 4)).toEqual([...ids.slice(1, 4)].sort());

  const pages: string[][] = [];
  let cursor: WaitingCursor | undefined;
  let page: WaitingPage;
  do {
    page = await getWaitingList(recruiter.user, { jobId: role.id, at: NOW, limit: 3, cursor });
    pages.push(page.rows.map((row) => row.applicationId));
    expect(page.previous === null).toBe(pages.length === 1);
    cursor = page.next ?? undefined;
  } while (cursor);
  expect(pages.map((rows) => rows.length)).toEqual([3, 3, 2]);
  expect(pages.flat()).toEqual(expected);

  // Back from the last page: the same pages in reverse, the first with no Previous.
  cursor = page.previous ?? undefined;
  const back: string[][] = [];
  while (cursor) {
    const previous = await getWaitingList(recruiter.user, { jobId: role.id, at: NOW, limit: 3, cursor });
    back.push(previous.rows.map((row) => row.applicationId));
    expect(previous.next).not.toBeNull();
    cursor = previous.previous ?? undefined;
  }
  expect(back).toEqual([pages[1], pages[0]]);

  // The page's links carry the cursor and keep the filters; a mangled cursor shows the first page.
  const first = await load(recruiter, `?job=${role.id}&metric=first_response`);
  expect(first.data.rows).toHaveLength(8);
  const mangled = await load(recruiter, `?job=${role.id}&after=yesterday.${ids[0]}`);
  expect(mangled.data.rows.map((row) => row.applicationId)).toEqual(expected);
  expect(mangled.data.previousHref).toBeNull();
});

test("the loader pages 50 rows at a time and its Next link keeps every filter", async () => {
  const recruiter = await signIn("recruiter");
  const role = await job(recruiter, "Fifty-one candidates");
  // All on track: applied between 5 and 25 minutes ago, 24 seconds apart.
  for (let index = 0; index < 51; index += 1) await apply(role.id, `Row ${index}`, 5 + index * 0.4);
  const first = await load(recruiter, `?job=${role.id}&q=row&risk=fine`);
  expect(first.data.rows).toHaveLength(50);
  expect(first.data.previousHref).toBeNull();
  const next = new URLSearchParams(first.data.nextHref!.slice(1));
  expect([
    next.get("job"),
    next.get("q"),
    next.get("risk"),
    next.get("after")?.endsWith(first.data.rows[49]!.applicationId),
  ]).toEqual([role.id, "row", "fine", true]);
  const second = await load(recruiter, first.data.nextHref!);
  expect(second.data.rows.map((row) => row.candidate.name)).toEqual(["Row 0"]); // applied last, due last
  expect(second.data.nextHref).toBeNull();
  expect(new URLSearchParams(second.data.previousHref!.slice(1)).get("before")).toContain(
    second.data.rows[0]!.applicationId,
  );
});

test("search finds candidates by part of their name or email in any case, and takes wildcards literally", async () => {
  const recruiter = await signIn("recruiter");
  const role = await job(recruiter, "Searched role");
  await apply(role.id, "Zoë Quinn", 20, "zq.waiting@example.org");
  await apply(role.id, "Adam Berg", 30, "adam.berg@example.net");
  const names = async (q: string) =>
    (await getWaitingList(recruiter.user, { jobId: role.id, q, at: NOW })).rows.map((row) => row.candidate.name);

  expect(await names("QUINN")).toEqual(["Zoë Quinn"]);
  expect(await names("zq.wait")).toEqual(["Zoë Quinn"]);
  expect(await names("EXAMPLE.NET")).toEqual(["Adam Berg"]);
  expect(await names("  berg ")).toEqual(["Adam Berg"]);
  expect(await names("%")).toEqual([]);
  expect(await names("_")).toEqual([]);
  expect(await names("nobody")).toEqual([]);
  expect(await names("")).toEqual(["Zoë Quinn", "Adam Berg"].reverse());

  // Through the page: the counts follow the search, and an overlong search is cut, not refused.
  const page = await load(recruiter, `?job=${role.id}&q=quinn`);
  expect(page.data.counts.total).toBe(1);
  const long = await load(recruiter, `?job=${role.id}&q=${"a".repeat(500)}`);
  expect(long.status).toBe(200);
  expect(long.data.filter.q).toHaveLength(100);
});

test("a recruiter starts on their own jobs with everyone one link away; an admin starts on everyone", async () => {
  const mine = await signIn("recruiter");
  const theirs = await signIn("recruiter");
  const admin = await signIn("admin");
  const ownRole = await job(mine, "My role");
  const otherRole = await job(theirs, "Their role");
  // Overdue by days, so they lead everyone's first page whatever else this file created.
  await apply(ownRole.id, "Mina Mine", 10_000);
  await apply(otherRole.id, "Theo Theirs", 10_000);
  const jobsOf = (data: WaitingData) => new Set(data.rows.map((row) => row.job.id));

  const start = await load(mine);
  expect(start.data.scope).toBe("mine");
  expect(jobsOf(start.data)).toEqual(new Set([ownRole.id]));
  expect(start.data.scopeLinks.map((link) => [link.scope, link.current])).toEqual([
    ["mine", true],
    ["everyone", false],
  ]);

  const everyone = await load(mine, start.data.scopeLinks[1]!.href);
  expect(everyone.data.scope).toBe("everyone");
  expect(everyone.data.rows.some((row) => row.job.id === otherRole.id)).toBe(true);
  expect(everyone.data.rows.some((row) => row.job.id === ownRole.id)).toBe(true);

  // Naming a recruiter shows their jobs whatever the scope.
  const named = await load(mine, `?recruiter=${theirs.user.id}`);
  expect(jobsOf(named.data)).toEqual(new Set([otherRole.id]));

  const adminStart = await load(admin);
  expect(adminStart.data.scope).toBe("everyone");
  expect(adminStart.data.rows.some((row) => row.job.id === otherRole.id)).toBe(true);
  expect(adminStart.data.rows.some((row) => row.job.id === ownRole.id)).toBe(true);
  const adminMine = await load(admin, "?scope=mine");
  expect(adminMine.data.rows).toEqual([]);

  // Hiring managers and interviewers are offered no scope.
  expect((await load(await signIn("hiring_manager"))).data.scopeLinks).toEqual([]);
  expect((await load(await signIn("interviewer"))).data.scopeLinks).toEqual([]);
});

test("the risk counts count applications under the filters, and each filters the list to its risk", async () => {
  const recruiter = await signIn("recruiter");
  const role = await job(recruiter, "Risky role");
  await apply(role.id, "Otto Overdue", 90); // lead overdue, a decision due soon behind it
  await apply(role.id, "Wanda Warned", 45); // first response due in 15 min: due soon
  await apply(role.id, "Tim Track", 5);
  await apply(role.id, "Tina Track", 6);

  const all = await load(recruiter, `?job=${role.id}`);
  expect(all.data.counts).toEqual({ breached: 1, warning: 1, fine: 2, total: 4 });
  expect(all.data.riskLinks.map((link) => [link.risk, link.count, link.current])).toEqual([
    [null, 4, true],
    ["breached", 1, false],
    ["warning", 1, false],
    ["fine", 2, false],
  ]);

  const warned = await load(recruiter, all.data.riskLinks[2]!.href);
  expect(warned.data.filter.risk).toBe("warning");
  // Otto's decision is due soon too, but his row is led by the overdue first response: only Wanda is "due soon".
  expect(warned.data.rows.map((row) => row.candidate.name)).toEqual(["Wanda Warned"]);
  expect(warned.data.counts).toEqual(all.data.counts);
  expect(warned.data.riskLinks.map((link) => link.current)).toEqual([false, false, true, false]);
  expect(new URLSearchParams(warned.data.riskLinks[0]!.href.slice(1)).get("risk")).toBeNull();
  expect(new URLSearchParams(warned.data.riskLinks[0]!.href.slice(1)).get("job")).toBe(role.id);

  const fine = await load(recruiter, `?job=${role.id}&risk=fine`);
  expect(fine.data.rows.map((row) => row.candidate.name)).toEqual(["Tina Track", "Tim Track"]);
  const searched = await load(recruiter, `?job=${role.id}&q=track`);
  expect(searched.data.counts).toEqual({ breached: 0, warning: 0, fine: 2, total: 2 });
});
