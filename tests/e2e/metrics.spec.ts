// The metrics dashboard on the demo workspace, without JavaScript (server-rendered verdict, trends and funnels, GET
// filters, plain links): an admin filters by job, follows a figure to its drill-down and downloads its CSV; a hiring manager sees only
// their own jobs and opens "Decisions owed". Accessibility checked with axe; screenshots at 1280 and 375 px.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectAccessible, screenshots, signIn } from "./support";

test.use({ javaScriptEnabled: false });
// Two axe runs and four full-page screenshot pairs: more than the default minute on a busy machine.
test.describe.configure({ timeout: 150_000 });

test("an admin reads the dashboard, filters by job, drills down into a figure and downloads its CSV", async ({
  page,
}) => {
  await signIn(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

  // First the verdict, in words (the demo workspace has customer figures), then the key figures with their trends.
  await expect(
    page.getByRole("heading", { level: 2, name: "Do candidates hear back as fast as customers?" }),
  ).toBeVisible();
  await expect(page.locator(".verdict__sentence").first()).toHaveText(/^Candidates .+ customers/);
  const applications = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Applications" }) });
  await expect(applications.locator(".metric-card__value")).toHaveText(/^[1-9]\d*$/);
  await expect(page.getByRole("table", { name: "SLA attainment per promise" })).toContainText("First response");
  await expect(page.getByRole("img", { name: /^Last 8 weeks, oldest first: / })).toHaveCount(6);
  // One funnel per job, its stages and counts as text.
  const funnel = page.getByRole("region", { name: "Stage funnel, per job" });
  await expect(funnel.getByRole("heading", { level: 3, name: /Senior Backend Engineer/ })).toBeVisible();
  await expect(funnel.getByRole("listitem").first()).toHaveText(/\d+ · 100%/);
  await expectAccessible(page);
  await screenshots(page, "metrics");

  // Filter by job: a GET form, so the filters are in the address and carried by every link.
  await page.getByLabel("Job", { exact: true }).selectOption({ label: "Senior Backend Engineer" });
  await page.getByRole("button", { name: "Show figures" }).click();
  await expect(page).toHaveURL(/jobId=/);
  await expect(page.getByLabel("Job", { exact: true })).toHaveValue(/.+/);
  const jobId = new URL(page.url()).searchParams.get("jobId")!;
  // The figure, its drill-down and its CSV all count the same applications.
  const count = Number(await applications.locator(".metric-card__value").textContent());

  await applications.getByRole("link", { name: "See the applications" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Applications in this period" })).toBeVisible();
  expect(new URL(page.url()).searchParams.get("jobId")).toBe(jobId);
  const rows = page.getByRole("table", { name: "Applications in this period" }).locator("tbody tr");
  expect(await rows.count()).toBe(Math.min(count, 50));
  await expect(page.getByText(count > 50 ? `Showing 1–50 of ${count}.` : `${count} applications.`)).toBeVisible();
  expect(new Set(await rows.locator("td[data-label='Job']").allTextContents())).toEqual(
    new Set(["Senior Backend Engineer"]),
  );
  await expectAccessible(page);
  await screenshots(page, "metrics-drill-down");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /^Download CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^hearback-applications-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.startsWith("\uFEFFApplication,Candidate,Job,Stage,Status,Applied at (UTC),Details\r\n")).toBe(true);
  const lines = csv.trimEnd().split("\r\n");
  expect(lines.length - 1).toBe(count);
  expect(lines.slice(1).every((line) => line.includes(",Senior Backend Engineer,"))).toBe(true);

  await page.getByRole("link", { name: "← Back to the dashboard" }).click();
  await expect(page.getByLabel("Job", { exact: true })).toHaveValue(jobId);
});

test("a hiring manager sees only their jobs, and their decisions owed oldest first with links to decide", async ({
  page,
}) => {
  await signIn(page, "daniel@demo.hearback.app");
  await page.goto("/metrics");
  const jobs = await page.getByLabel("Job", { exact: true }).locator("option").allTextContents();
  expect(jobs.sort()).toEqual(["All jobs", "Frontend Engineer", "Senior Backend Engineer"]);
  await expect(page.getByLabel("Hiring manager")).toHaveCount(0);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Decisions owed" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Decisions owed" })).toBeVisible();
  const table = page.getByRole("table", { name: "Applications waiting on a decision or feedback, oldest first" });
  const rows = table.locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(0);
  // No owner column: these are all Daniel's.
  await expect(table.getByRole("columnheader", { name: "Owner" })).toHaveCount(0);
  const times = await rows.locator("time").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("datetime")!));
  expect(times).toEqual([...times].sort());
  await expectAccessible(page);
  await screenshots(page, "decisions", 1600);

  const first = rows.first();
  const name = (await first.locator("th a").textContent())!.trim();
  await first.getByRole("link", { name: new RegExp(`^(Decide|Give feedback) on ${name}$`) }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL(/#(job|note)-heading$/);
});
