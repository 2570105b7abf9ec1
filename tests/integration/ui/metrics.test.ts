// The metrics dashboard's routes: who may see what (hiring managers their jobs, interviewers nothing), the filters
// (defaults, inclusive end date, bad dates), drill-downs, and the CSV exports' content.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { StaticRouter } from "react-router-dom/server";
import { beforeAll, expect, test } from "vitest";
import { JobFunnels } from "~/components/metrics/job-funnels";
import { KeyFigures } from "~/components/metrics/key-figures";
import { VerdictSection } from "~/components/metrics/verdict-section";
import { clearCustomerBenchmark, saveCustomerBenchmark } from "~/models/customer-benchmark.server";
import * as drillDown from "~/routes/metrics.$drillDown";
import * as dashboard from "~/routes/metrics._index";
import * as exportRoute from "~/routes/metrics.export.$table";
import { pinClock } from "../../clock";
import { applyHistory, createTestApplication, createTestJob } from "../../factories";
import { getRequest, run, signIn, type SignedIn } from "./helpers";

type DashboardData = {
  dashboard: Awaited<ReturnType<typeof dashboard.loader>>["data"]["dashboard"];
  errors: Record<string, string>;
  values: Record<string, string>;
  options: { jobs: { id: string; name: string }[]; hiringManagers: { id: string; name: string }[] };
  showHiringManager: boolean;
};
type DrillData = Awaited<ReturnType<typeof drillDown.loader>>;

const DAY = 24 * 60 * 60 * 1000;
const now = pinClock();
const today = now.toISOString().slice(0, 10);
const dayOf = (at: Date) => at.toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

let admin: SignedIn;
let manager: SignedIn;
let interviewer: SignedIn;
let ownJob: Awaited<ReturnType<typeof createTestJob>>;
let otherJob: Awaited<ReturnType<typeof createTestJob>>;

beforeAll(async () => {
  admin = await signIn("admin");
  manager = await signIn("hiring_manager", { name: "Mina Manager" });
  const otherManager = await signIn("hiring_manager", { name: "Oskar Other" });
  interviewer = await signIn("interviewer");
  ownJob = await createTestJob({ title: "Data Engineer", department: "Data", hiringManagerId: manager.user.id });
  otherJob = await createTestJob({ title: "Sales Lead", department: "Sales", hiringManagerId: otherManager.user.id });
  await createTestApplication({ jobId: ownJob.id, candidate: { name: "Ann Early" }, appliedAt: daysAgo(20) });
  // A name a spreadsheet would run as a formula.
  await createTestApplication({ jobId: ownJob.id, candidate: { name: "=HYPERLINK(1)" }, appliedAt: daysAgo(3) });
  // Outside the default 90 days.
  await createTestApplication({ jobId: ownJob.id, candidate: { name: "Old Olivia" }, appliedAt: daysAgo(120) });
  for (const [index, age] of [2, 5, 9].entries()) {
    const application = await createTestApplication({
      jobId: otherJob.id,
      candidate: { name: `Sales candidate ${index}` },
      appliedAt: daysAgo(age),
    });
    if (index === 0) {
      await applyHistory(application.id, [
        { type: "decision", at: daysAgo(1), by: admin.user, outcome: "rejected", notify: false },
      ]);
    }
  }
});

function load(who: SignedIn, search = "") {
  return run<DashboardData>(dashboard.loader, getRequest(`/metrics${search}`, who));
}

test("a hiring manager's dashboard counts only their jobs and offers only their jobs in the filters", async () => {
  const page = await load(manager, "?parityBy=job");
  expect(page.status).toBe(200);
  expect(page.data.dashboard!.parity.map((row) => row.label)).toEqual(["Data Engineer"]);
  expect(page.data.dashboard!.report.applications).toBe(2);
  expect(page.data.options.jobs.map((job) => job.name)).toEqual(["Data Engineer"]);
  expect(page.data.showHiringManager).toBe(false);
  // Filtering on someone else's job finds nothing rather than their figures.
  const sneaky = await load(manager, `?jobId=${otherJob.id}`);
  expect(sneaky.data.dashboard!.report.applications).toBe(0);
});

test("admins see every job, and the job, department and hiring manager filters narrow the figures", async () => {
  const everything = await load(admin);
  expect(everything.data.showHiringManager).toBe(true);
  expect(everything.data.options.jobs.map((job) => job.name)).toEqual(
    expect.arrayContaining(["Data Engineer", "Sales Lead"]),
  );
  expect(everything.data.options.hiringManagers.map((person) => person.name)).toEqual(
    expect.arrayContaining(["Mina Manager", "Oskar Other"]),
  );
  expect((await load(admin, `?jobId=${otherJob.id}`)).data.dashboard!.report.applications).toBe(3);
  expect((await load(admin, "?department=Data")).data.dashboard!.report.applications).toBe(2);
  expect((await load(admin, `?hiringManagerId=${manager.user.id}`)).data.dashboard!.report.applications).toBe(2);
  // Rejected without being told: the closure figures see the one rejection.
  expect((await load(admin, `?jobId=${otherJob.id}`)).data.dashboard!.report.closureRate).toEqual({
    told: 0,
    rejected: 1,
    rate: 0,
  });
});

test("dates default to the last 90 days; the end date is included; bad dates are a 400 with the values kept", async () => {
  const page = await load(manager);
  expect(page.data.values.to).toBe(today);
  expect(page.data.values.from).toBe(dayOf(daysAgo(89)));
  // Three days ago only: the "=HYPERLINK" application, on the end date itself.
  const oneDay = await load(manager, `?from=${dayOf(daysAgo(3))}&to=${dayOf(daysAgo(3))}`);
  expect(oneDay.data.dashboard!.report.applications).toBe(1);
  const wide = await load(manager, `?from=${dayOf(daysAgo(200))}&to=${today}`);
  expect(wide.data.dashboard!.report.applications).toBe(3);

  const backwards = await load(manager, `?from=${today}&to=${dayOf(daysAgo(5))}`);
  expect(backwards.status).toBe(400);
  expect(backwards.data.dashboard).toBeNull();
  expect(backwards.data.errors.to).toBe("The end date must be on or after the start date.");
  expect(backwards.data.values.from).toBe(today);
  const nonsense = await load(manager, "?from=2026-02-31&to=soon");
  expect(nonsense.status).toBe(400);
  expect(Object.keys(nonsense.data.errors).sort()).toEqual(["from", "to"]);
});

test("interviewers get 403 on the dashboard, its drill-downs and exports; visitors are sent to sign in", async () => {
  expect((await load(interviewer)).status).toBe(403);
  expect(
    (await run(drillDown.loader, getRequest("/metrics/silent", interviewer), { drillDown: "silent" })).status,
  ).toBe(403);
  expect(
    (await run(exportRoute.loader, getRequest("/metrics/export/weekly", interviewer), { table: "weekly" })).status,
  ).toBe(403);
  const anonymous = await run(dashboard.loader, getRequest("/metrics"));
  expect(anonymous.status).toBe(302);
  expect(anonymous.location).toMatch(/^\/login\?redirectTo=%2Fmetrics/);
});

test("a drill-down lists the applications behind a figure within the viewer's scope; unknown figures are 404", async () => {
  const page = await run<DrillData>(drillDown.loader, getRequest("/metrics/applications", manager), {
    drillDown: "applications",
  });
  expect(page.status).toBe(200);
  expect(page.data.total).toBe(2);
  expect(page.data.rows.map((row) => row.candidateName).sort()).toEqual(["=HYPERLINK(1)", "Ann Early"]);
  expect(page.data.rows.every((row) => row.jobTitle === "Data Engineer")).toBe(true);

  const rejected = await run<DrillData>(
    drillDown.loader,
    getRequest(`/metrics/rejected_not_told?jobId=${otherJob.id}`, admin),
    { drillDown: "rejected_not_told" },
  );
  expect(rejected.data.rows.map((row) => row.candidateName)).toEqual(["Sales candidate 0"]);

  const unknown = await run(drillDown.loader, getRequest("/metrics/everything", admin), { drillDown: "everything" });
  expect(unknown.status).toBe(404);
});

/** The export as the browser saves it: the raw bytes, decoded keeping the byte-order mark (Response.text() drops it). */
async function download(who: SignedIn, table: string, search = "") {
  const request = getRequest(`/metrics/export/${table}${search}`, who);
  const response = await Promise.resolve(exportRoute.loader({ request, params: { table }, context: {} })).catch(
    (thrown: unknown) => {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    },
  );
  const data = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, data, lines: data.replace(/^\uFEFF/, "").split("\r\n") };
}

test("CSV exports: a drill-down's list in the viewer's scope, with formulas defused and a BOM for Excel", async () => {
  const from = dayOf(daysAgo(89));
  const csv = await download(manager, "applications");
  expect(csv.status).toBe(200);
  expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  expect(csv.headers.get("Content-Disposition")).toBe(
    `attachment; filename="hearback-applications-${from}-to-${today}.csv"`,
  );
  expect(csv.data.startsWith("\uFEFF")).toBe(true);
  expect(csv.lines[0]).toBe("Application,Candidate,Job,Stage,Status,Applied at (UTC),Details");
  expect(csv.lines).toHaveLength(4); // header, two rows, and the empty string after the last CRLF
  const names = csv.lines.slice(1, 3).map((line) => line.split(",")[1]);
  expect(names.sort()).toEqual(["'=HYPERLINK(1)", "Ann Early"]);
  expect(csv.lines.join("\n")).not.toContain("Sales");
});

test("CSV exports: every report table, named for its period, with the figures the page shows", async () => {
  const search = `?jobId=${otherJob.id}&from=${dayOf(daysAgo(13))}&to=${today}`;
  const figures = await download(admin, "figures", search);
  expect(figures.lines[0]).toBe("Figure,Value,Details");
  expect(figures.lines[1]).toBe("Applications,3,Applied in this period");
  expect(figures.lines).toContain("Rejected candidates told,0%,0 of 1 rejections");

  const weekly = await download(admin, "weekly", search);
  expect(weekly.lines[0]).toBe(
    "Week starting,Applications,First response median minutes,First response attainment,Promise-kept rate",
  );
  // 14 days touch three Monday-to-Sunday weeks unless the window starts on a Monday.
  const weeks = weekly.lines.slice(1, -1);
  expect(weeks.length).toBe(new Date(daysAgo(13)).getUTCDay() === 1 ? 2 : 3);
  expect(weeks.reduce((sum, line) => sum + Number(line.split(",")[1]), 0)).toBe(3);

  for (const table of ["sla-attainment", "time-in-stage", "decision-owners", "friction-tags", "funnel"]) {
    const file = await download(admin, table, search);
    expect(file.status, table).toBe(200);
    expect(file.headers.get("Content-Disposition"), table).toContain(`hearback-${table}-`);
  }
  const sla = await download(admin, "sla-attainment", search);
  expect(sla.lines.slice(1, -1).map((line) => line.split(",")[0])).toEqual([
    "First response",
    "Reply to candidate",
    "Regular update",
    "Stage decision",
    "Tell rejected candidate",
    "Interviewer feedback",
  ]);
  const parity = await download(admin, "parity", `${search}&parityBy=job`);
  expect(parity.headers.get("Content-Disposition")).toContain("hearback-parity-by-job-");
  expect(parity.lines[0]).toBe(
    "Group,Metric,Candidate attainment,Customer attainment,Importance index,Candidate median minutes," +
      "Customer median minutes,Median ratio,Verdict",
  );
  expect(parity.lines.slice(1, -1).map((line) => line.split(",").slice(0, 2).join(","))).toEqual([
    "Sales Lead,First reply",
    "Sales Lead,Next reply",
    "Sales Lead,Resolution",
  ]);
  expect((await download(admin, "nothing")).status).toBe(404);
  expect((await download(admin, "weekly", "?from=2026-05-01&to=2026-04-01")).status).toBe(400);
});

test("the verdict, key figures and funnels render as text first, with labelled trends and links that keep the filters", async () => {
  const page = await load(admin, `?jobId=${otherJob.id}`);
  const shown = page.data.dashboard!;
  const search = `?jobId=${otherJob.id}`;
  const html = renderToStaticMarkup(
    createElement(
      StaticRouter,
      { location: "/metrics" },
      createElement(VerdictSection, {
        verdicts: shown.verdicts,
        customerSources: shown.customerSources,
        canEnterBenchmarks: true,
      }),
      createElement(KeyFigures, { report: shown.report, weekly: shown.weekly, targets: shown.targets, search }),
      createElement(JobFunnels, {
        jobs: shown.funnels,
        total: shown.funnelJobs,
        values: page.data.values as never,
        csvHref: `/metrics/export/funnel${search}`,
      }),
    ),
  );
  // No customer figures in this workspace: the verdict says so and links to where an admin enters them.
  expect(html).toContain("No customer-support figures have been entered yet");
  expect(html).toContain('href="/settings/customer-benchmarks"');
  expect(html).toContain(`href="/metrics/applications?jobId=${otherJob.id}"`);
  expect(html).toContain(`href="/metrics/export/weekly?jobId=${otherJob.id}"`);
  // Six key figures, each with eight weekly bars named by every week's value.
  expect(html.match(/<svg[^>]*role="img"/g)?.length).toBe(6);
  expect(html).toMatch(/aria-label="Last 8 weeks, oldest first: (\d+, ){7}\d+"/);
  expect(shown.weekly.reduce((sum, week) => sum + week.applications, 0)).toBe(3);
  // One funnel, the filtered job's own, with its counts as text.
  expect(shown.funnels.map((job) => job.jobTitle)).toEqual(["Sales Lead"]);
  expect(html).toMatch(/<span class="funnel__stage">[^<]+<\/span> <span class="funnel__count">3 · 100%<\/span>/);
});

test("the verdict says where the customer figures came from", async () => {
  await saveCustomerBenchmark(
    { metric: "first_reply", targetMinutes: 240, attainment: 0.9, medianMinutes: 90, source: null },
    admin.user.id,
  );
  try {
    const shown = (await load(admin, `?jobId=${otherJob.id}`)).data.dashboard!;
    expect(shown.customerSources).toEqual([expect.stringMatching(/^Entered on .+ by /)]);
    const html = renderToStaticMarkup(
      createElement(
        StaticRouter,
        { location: "/metrics" },
        createElement(VerdictSection, {
          verdicts: shown.verdicts,
          customerSources: shown.customerSources,
          canEnterBenchmarks: true,
        }),
      ),
    );
    expect(html).toContain(`Customer figures: ${shown.customerSources[0]}`);
  } finally {
    await clearCustomerBenchmark("first_reply", admin.user.id);
  }
});
