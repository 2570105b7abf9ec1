// Settings → Customer benchmarks: admins write (form and CSV import), recruiters and hiring managers read, interviewers
// are kept out; a bad form or a CSV file with one bad row saves nothing; every change is audited.
import { beforeEach, expect, test } from "vitest";
import { BENCHMARK_CSV_TEMPLATE } from "~/domain/metrics/benchmark-csv";
import * as page from "~/routes/settings.customer-benchmarks";
import * as template from "~/routes/settings.customer-benchmarks.template[.]csv";
import { prisma } from "~/platform/db.server";
import { getRequest, ORIGIN, postRequest, run, signIn, type SignedIn } from "./helpers";

const PATH = "/settings/customer-benchmarks";
const HEADER = "metric,target_minutes,attainment,median_minutes";

type PageData = Awaited<ReturnType<typeof page.loader>>;
type Answer = {
  ok: boolean;
  message?: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  importErrors?: string[];
};

function uploadRequest(who: SignedIn, csv: string, fileName = "support.csv") {
  const body = new FormData();
  body.set("intent", "import");
  body.set("file", new File([csv], fileName, { type: "text/csv" }));
  return new Request(`${ORIGIN}${PATH}`, { method: "POST", headers: { Origin: ORIGIN, Cookie: who.cookie }, body });
}

const FIRST_REPLY = {
  intent: "save",
  metric: "first_reply",
  targetMinutes: "60",
  attainmentPercent: "95",
  medianMinutes: "42",
  source: "Zendesk Q3",
};

async function stored() {
  return prisma.customerBenchmark.findMany({
    select: { metric: true, targetMinutes: true, attainment: true, medianMinutes: true, source: true },
    orderBy: { metric: "asc" },
  });
}

const audits = () =>
  prisma.auditLog.findMany({ where: { entityType: "CustomerBenchmark" }, orderBy: { createdAt: "asc" } });

beforeEach(async () => {
  await prisma.customerBenchmark.deleteMany();
  await prisma.auditLog.deleteMany({ where: { entityType: "CustomerBenchmark" } });
});

test("recruiters and hiring managers read the figures; only admins change them; interviewers see nothing", async () => {
  const admin = await signIn("admin");
  await run(page.action, postRequest(PATH, admin, FIRST_REPLY));

  for (const role of ["recruiter", "hiring_manager"] as const) {
    const reader = await signIn(role);
    const view = await run<PageData>(page.loader, getRequest(PATH, reader));
    expect(view.status).toBe(200);
    expect(view.data.canEdit).toBe(false);
    expect(view.data.metrics[0]).toMatchObject({
      metric: "first_reply",
      stored: { targetMinutes: 60, attainment: 0.95 },
    });
    const save = await run(page.action, postRequest(PATH, reader, { ...FIRST_REPLY, targetMinutes: "5" }));
    expect(save.status).toBe(403);
    expect((await run(page.action, uploadRequest(reader, `${HEADER}\nnext_reply,5,0.5,5`))).status).toBe(403);
    expect((await run(page.action, postRequest(PATH, reader, { intent: "clear", metric: "first_reply" }))).status).toBe(
      403,
    );
    expect((await run(template.loader, getRequest(`${PATH}/template.csv`, reader))).status).toBe(200);
  }
  const interviewer = await signIn("interviewer");
  expect((await run(page.loader, getRequest(PATH, interviewer))).status).toBe(403);
  expect((await run(template.loader, getRequest(`${PATH}/template.csv`, interviewer))).status).toBe(403);
  expect((await run(page.action, postRequest(PATH, interviewer, FIRST_REPLY))).status).toBe(403);

  expect(await stored()).toEqual([
    { metric: "first_reply", targetMinutes: 60, attainment: 0.95, medianMinutes: 42, source: "Zendesk Q3" },
  ]);
  expect(await audits()).toHaveLength(1);
});

test("an admin saves a metric from the form, with an audit entry of before and after", async () => {
  const admin = await signIn("admin");
  const first = await run<Answer>(page.action, postRequest(PATH, admin, FIRST_REPLY));
  expect(first).toMatchObject({ status: 200, data: { ok: true, message: "Saved the first reply figures." } });
  const second = await run<Answer>(
    page.action,
    postRequest(PATH, admin, { ...FIRST_REPLY, attainmentPercent: "90 %", medianMinutes: "", source: "" }),
  );
  expect(second.status).toBe(200);
  expect(await stored()).toEqual([
    { metric: "first_reply", targetMinutes: 60, attainment: 0.9, medianMinutes: null, source: null },
  ]);
  const entries = await audits();
  expect(entries.map((entry) => [entry.action, entry.actorId])).toEqual([
    ["customer_benchmark.saved", admin.user.id],
    ["customer_benchmark.saved", admin.user.id],
  ]);
  expect(entries[1]!.data).toEqual({
    metric: "first_reply",
    before: { targetMinutes: 60, attainment: 0.95, medianMinutes: 42, source: "Zendesk Q3" },
    after: { targetMinutes: 60, attainment: 0.9, medianMinutes: null, source: null },
  });

  const view = await run<PageData>(page.loader, getRequest(PATH, admin));
  expect(view.data.canEdit).toBe(true);
  expect(view.data.metrics.map((item) => item.values.attainmentPercent)).toEqual(["90", "", ""]);
  expect(view.data.metrics[0]!.stored?.updatedBy?.id).toBe(admin.user.id);
});

test("a bad form is answered field by field with the posted values, and saves nothing", async () => {
  const admin = await signIn("admin");
  const bad = await run<Answer>(
    page.action,
    postRequest(PATH, admin, { ...FIRST_REPLY, targetMinutes: "soon", attainmentPercent: "120" }),
  );
  expect(bad.status).toBe(400);
  expect(bad.data.errors).toEqual({
    targetMinutes: "Enter the target in minutes.",
    attainmentPercent: "Attainment must be between 0 and 100 %.",
  });
  expect(bad.data.values).toMatchObject({ metric: "first_reply", targetMinutes: "soon", attainmentPercent: "120" });
  expect(await stored()).toEqual([]);
  expect(await audits()).toEqual([]);
});

test("a CSV import saves every row in one go, and importing it again changes nothing", async () => {
  const admin = await signIn("admin");
  const imported = await run<Answer>(page.action, uploadRequest(admin, BENCHMARK_CSV_TEMPLATE, "desk.csv"));
  expect(imported).toMatchObject({ status: 200, data: { ok: true, message: "Imported 3 metrics from desk.csv." } });
  expect(await stored()).toEqual([
    { metric: "first_reply", targetMinutes: 60, attainment: 0.95, medianMinutes: 42, source: "Support desk Q3 2026" },
    { metric: "next_reply", targetMinutes: 240, attainment: 0.9, medianMinutes: 95, source: "Support desk Q3 2026" },
    {
      metric: "resolution",
      targetMinutes: 2880,
      attainment: 0.85,
      medianMinutes: 1440,
      source: "Support desk Q3 2026",
    },
  ]);
  const entries = await audits();
  expect(entries).toHaveLength(3);
  expect(entries.every((entry) => entry.action === "customer_benchmark.imported")).toBe(true);
  expect(entries[0]!.data).toMatchObject({ fileName: "desk.csv", before: null });

  const again = await run<Answer>(page.action, uploadRequest(admin, BENCHMARK_CSV_TEMPLATE, "desk.csv"));
  expect(again.data.message).toBe("Nothing changed: desk.csv holds the figures already saved.");
  expect(await audits()).toHaveLength(3);
});

test("a CSV file with one bad row saves nothing, not even its good rows, and names the row", async () => {
  const admin = await signIn("admin");
  await run(page.action, postRequest(PATH, admin, FIRST_REPLY));
  const before = await stored();
  const csv = [HEADER, "first_reply,30,0.99,5", "next_reply,60,140%,20", "resolution,600,0.5,300"].join("\n");
  const answer = await run<Answer>(page.action, uploadRequest(admin, csv));
  expect(answer.status).toBe(400);
  expect(answer.data.importErrors).toEqual([
    "Row 3: attainment must be between 0 and 100 % (write 95 % as 0.95 or 95%).",
  ]);
  expect(await stored()).toEqual(before);
  expect(await audits()).toHaveLength(1);
});

test("missing, headerless and oversized files are refused", async () => {
  const admin = await signIn("admin");
  const body = new FormData();
  body.set("intent", "import");
  const none = await run<Answer>(
    page.action,
    new Request(`${ORIGIN}${PATH}`, { method: "POST", headers: { Origin: ORIGIN, Cookie: admin.cookie }, body }),
  );
  expect(none.status).toBe(400);
  expect(none.data.importErrors).toEqual(["Choose a CSV file to import."]);

  const headerless = await run<Answer>(page.action, uploadRequest(admin, "first_reply,60,0.95,42\n"));
  expect(headerless.status).toBe(400);
  expect(headerless.data.importErrors?.at(-1)).toMatch(/^Row 1 must name the columns/);

  const padding = `${HEADER}\n${"first_reply,60,0.95,42\n".repeat(5000)}`;
  const huge = await run<Answer>(page.action, uploadRequest(admin, padding));
  expect(huge.status).toBe(413);
  expect(huge.data.importErrors).toEqual(["The file is larger than 100 KB; a file of three rows is far smaller."]);
  expect(await stored()).toEqual([]);
});

test("an admin removes a metric's figures, audited", async () => {
  const admin = await signIn("admin");
  await run(page.action, postRequest(PATH, admin, FIRST_REPLY));
  const removed = await run<Answer>(page.action, postRequest(PATH, admin, { intent: "clear", metric: "first_reply" }));
  expect(removed.data.message).toBe("Removed the first reply figures.");
  expect(await stored()).toEqual([]);
  expect((await audits()).map((entry) => entry.action)).toEqual([
    "customer_benchmark.saved",
    "customer_benchmark.cleared",
  ]);
  const unknown = await run(page.action, postRequest(PATH, admin, { intent: "clear", metric: "csat" }));
  expect(unknown.status).toBe(400);
});

test("the template downloads as a CSV file", async () => {
  const reader = await signIn("recruiter");
  const answer = await run<string>(template.loader, getRequest(`${PATH}/template.csv`, reader));
  expect(answer.status).toBe(200);
  expect(answer.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  expect(answer.headers.get("Content-Disposition")).toBe('attachment; filename="customer-benchmarks-template.csv"');
  expect(answer.data).toBe(BENCHMARK_CSV_TEMPLATE);
});
