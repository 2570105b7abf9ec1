// The staff header end to end: the daily pages in one row at desktop width, Inbox, Outbox and Notifications as icons,
// the admin pages on one Settings page (by role), and on a phone a Menu button that opens the links, with or without
// JavaScript.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, screenshots, signIn } from "./support";

const DAILY = ["Waiting on us", "Decisions owed", "Jobs", "Applications", "Dashboard", "Settings"];
const ADMIN_SECTIONS = [
  "Team",
  "API tokens",
  "Templates",
  "Email capture",
  "Careers page",
  "SLA policies",
  "Schedules",
  "Customer benchmarks",
  "Connectors",
  "Data requests",
];

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const headerHeight = async (page: Page) => (await page.locator(".app-header").boundingBox())!.height;

test("at 1280 px the daily pages sit in one row and Settings lists the admin pages", async ({ page }) => {
  test.slow(); // an accessibility check and screenshots besides the walk
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page);
  const nav = mainNav(page);
  for (const label of DAILY) await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: /^Inbox/ })).toBeVisible();
  await expect(nav.getByRole("link", { name: /^Outbox/ })).toBeVisible();
  await expect(nav.getByRole("link", { name: /^Notifications/ })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Team", exact: true })).toHaveCount(0);
  await expect(page.getByText("Menu", { exact: true })).toBeHidden();
  expect(await headerHeight(page)).toBeLessThan(70);

  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveAttribute("aria-current", "page");
  const main = page.getByRole("main");
  for (const section of ADMIN_SECTIONS) {
    await expect(main.getByRole("link", { name: section, exact: true })).toBeVisible();
  }
  await expectAccessible(page);
  await screenshots(page, "settings");

  // Each settings page leads back to Settings.
  await main.getByRole("link", { name: "Schedules", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Schedules" })).toBeVisible();
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
});

test("a recruiter's Settings page lists only what a recruiter may open; an interviewer has no Settings", async ({
  page,
}) => {
  await signIn(page, "priya@demo.hearback.app");
  await mainNav(page).getByRole("link", { name: "Settings" }).click();
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: "Email capture" })).toBeVisible();
  await expect(main.getByRole("link", { name: "Customer benchmarks" })).toBeVisible();
  for (const adminOnly of ["Team", "API tokens", "Templates", "SLA policies", "Connectors", "Data requests"]) {
    await expect(main.getByRole("link", { name: adminOnly, exact: true })).toHaveCount(0);
  }
  await page.context().clearCookies();

  await signIn(page, "tom@demo.hearback.app");
  const nav = mainNav(page);
  await expect(nav.getByRole("link", { name: "Waiting on us" })).toBeVisible();
  await expect(nav.getByRole("link", { name: /^Notifications/ })).toBeVisible();
  for (const hidden of ["Decisions owed", "Dashboard", "Settings"]) {
    await expect(nav.getByRole("link", { name: hidden })).toHaveCount(0);
  }
  await expect(nav.getByRole("link", { name: /^(Inbox|Outbox)/ })).toHaveCount(0);
});

test("at 375 px a Menu button opens the links and the header stays one row", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page);
  const nav = mainNav(page);
  const menu = nav.getByText("Menu", { exact: true });
  await expect(menu).toBeVisible();
  await expect(nav.getByRole("link", { name: "Jobs", exact: true })).toBeHidden();
  await expect(nav.getByRole("link", { name: /^Notifications/ })).toBeVisible();
  expect(await headerHeight(page)).toBeLessThan(70);

  await menu.click();
  await expect(nav.getByRole("link", { name: "Jobs", exact: true })).toBeVisible();
  await expect(nav.getByRole("button", { name: "Sign out" })).toBeVisible();
  await nav.getByRole("link", { name: "Jobs", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
  // The page changed: the menu folded away again.
  await expect(nav.getByRole("link", { name: "Jobs", exact: true })).toBeHidden();

  // Keyboard: Escape closes the open menu (an enhancement: wait for the page's scripts).
  await page.waitForLoadState("networkidle");
  await page.locator(".nav-menu summary").focus();
  await page.keyboard.press("Enter");
  await expect(nav.getByRole("link", { name: "Applications", exact: true })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(nav.getByRole("link", { name: "Applications", exact: true })).toBeHidden();
});

test("without JavaScript the phone menu still opens", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await signIn(page);
  const nav = mainNav(page);
  await nav.getByText("Menu", { exact: true }).click();
  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await context.close();
});

test("a hiring manager's Decide link shows its heading below the top edge", async ({ page }) => {
  await signIn(page, "daniel@demo.hearback.app");
  await mainNav(page).getByRole("link", { name: "Decisions owed" }).click();
  await page
    .getByRole("link", { name: /^Decide on / })
    .first()
    .click();
  await expect(page).toHaveURL(/#job-heading$/);
  const heading = page.locator("#job-heading");
  await expect(heading).toBeInViewport();
  const top = await heading.evaluate((element) => element.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(16);
});
