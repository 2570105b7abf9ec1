// "Waiting on us" end to end on the demo workspace: a recruiter lands on their own jobs' applications, switches to
// everyone's, filters by risk and by what is owed with the keyboard, pages on, opens a candidate and reads the SLA
// clocks panel. Screenshots at desktop and phone widths.
import { expect, test } from "@playwright/test";
import { screenshots } from "./support";

/** Full pages, except the 50-row list: its top 1,600 px. */

test("a recruiter lands on Waiting on us, filters by metric and opens an application's SLA clocks; board cards show clocks", async ({
  page,
}) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("priya@demo.hearback.app");
  await page.getByLabel("Password").fill("hearback-demo");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/waiting$/);
  await expect(page.getByRole("heading", { level: 1, name: "Waiting on us" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link").first()).toHaveText("Waiting on us");
  await expect(nav.getByRole("link", { name: /^Notifications/ })).toBeVisible();
  const counts = page.getByRole("list", { name: "Applications by risk" });
  await expect(counts).toContainText("overdue");
  const scope = page.getByRole("navigation", { name: "Whose jobs" });
  await expect(scope.getByRole("link", { name: "My jobs" })).toHaveAttribute("aria-current", "page");

  const table = page.getByRole("table", { name: "Candidates waiting on us, soonest due first" });
  await expect(table).toBeVisible();
  expect(await table.getByRole("row").count()).toBeGreaterThan(1);
  await screenshots(page, "waiting", 1600);

  // Everyone's applications, one row each: no candidate's link appears twice on a page.
  await scope.getByRole("link", { name: "Everyone" }).click();
  await expect(page).toHaveURL(/scope=everyone/);
  await expect(scope.getByRole("link", { name: "Everyone" })).toHaveAttribute("aria-current", "page");
  const hrefs = await table
    .locator("tbody th a")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(hrefs.length).toBeLessThanOrEqual(50);
  expect(new Set(hrefs).size).toBe(hrefs.length);

  // The overdue count filters the list to overdue rows, and says it is the active one.
  await counts.getByRole("link", { name: /overdue/ }).click();
  await expect(page).toHaveURL(/risk=breached/);
  await expect(counts.getByRole("link", { name: /overdue/ })).toHaveAttribute("aria-current", "true");
  expect(new Set(await table.locator("tbody .risk-pill").allTextContents())).toEqual(new Set(["✕Overdue"]));
  const overdueFirst = await table
    .locator("tbody th a")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  const next = page.getByRole("link", { name: "Next →" });
  if (await next.isVisible()) {
    await next.click();
    await expect(page).toHaveURL(/after=.*risk=breached|risk=breached.*after=/);
    await expect(page.getByRole("link", { name: "← Previous" })).toBeVisible();
    const second = await table
      .locator("tbody th a")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((href) => overdueFirst.includes(href))).toEqual([]);
  }
  await counts.getByRole("link", { name: /waiting/ }).click();
  await expect(page).not.toHaveURL(/risk=/);

  // Filter by what is owed, by keyboard only: the form is a plain GET, so the URL says what is shown.
  await page.getByLabel("What is owed").selectOption({ label: "Regular update" });
  await page.getByLabel("What is owed").press("Tab");
  await expect(page.getByRole("button", { name: "Filter" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/metric=periodic_update/);
  // The link comes with the filtered data (the URL may change a moment before the page renders it).
  await expect(page.getByRole("link", { name: "Clear filters" })).toBeVisible();
  await expect(page.getByLabel("What is owed")).toHaveValue("periodic_update");
  const owed = table.locator("tbody td[data-label='What is owed']");
  expect(await owed.count()).toBeGreaterThan(0);
  // Asked about one kind of promise, each row is led by it and lists nothing else.
  expect(new Set(await owed.allTextContents())).toEqual(new Set(["Regular update"]));

  // Open the first candidate and read their clocks.
  const firstCandidate = table.locator("tbody th a").first();
  const name = (await firstCandidate.textContent())!.trim();
  await firstCandidate.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const panel = page.getByRole("region", { name: "SLA clocks" });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("Regular update");
  await expect(panel).toContainText(/Promised to hear back by|No hear-back date/);
  await expect(panel.getByText(/On track|Due soon|Overdue|Waiting for the candidate/).first()).toBeVisible();
  await screenshots(page, "application-sla");

  await page.getByRole("link", { name: /^Notifications/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expect(page.getByLabel("Email me about SLA warnings outside my working hours")).toBeVisible();
  await screenshots(page, "notifications");

  // Board cards carry their soonest clock.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await page.getByRole("link", { name: "Senior Backend Engineer" }).first().click();
  const board = page.getByRole("region", { name: "Pipeline stages" });
  await expect(board.getByText(/overdue|in \d+|paused/).first()).toBeVisible();
  await screenshots(page, "board-clocks", 1600);
});
