// What the end-to-end specs share: signing in to the demo workspace, and screenshots for the record
// (SCREENSHOT_DIR, else test-results/) at desktop and phone widths.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "hearback-demo";

/** Signs in as a demo account (the admin unless told otherwise) and waits to leave the login page. */
export async function signIn(page: Page, email = "admin@demo.hearback.app") {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/login/);
}

const SCREENS = process.env.SCREENSHOT_DIR ?? "test-results";

/** Full-page screenshots at 1280 and 375 px wide (`clipHeight` keeps only the top of very long pages). */
export async function screenshots(page: Page, name: string, clipHeight?: number) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width === 1280 ? 900 : 800 });
    await page.screenshot({
      path: `${SCREENS}/${name}-${width}.png`,
      fullPage: true,
      clip: clipHeight ? { x: 0, y: 0, width, height: clipHeight } : undefined,
    });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** axe needs to run a script in the page, which a page without JavaScript cannot: it checks a copy of exactly what
 * the candidate got (same address, same styles, the scripts left out) in a second tab that runs scripts. */
export async function expectAccessible(page: Page) {
  const url = page.url();
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const context = await page
    .context()
    .browser()!
    .newContext({ javaScriptEnabled: true, viewport: { width: 375, height: 800 } });
  try {
    const copy = await context.newPage();
    await copy.route(
      (address) => address.href === url,
      (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
    );
    await copy.goto(url);
    const results = await new AxeBuilder({ page: copy })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    const serious = results.violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""));
    expect(serious.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes[0]?.target})`)).toEqual(
      [],
    );
  } finally {
    await context.close();
  }
}

/** The demo admin (in a context of its own, with JavaScript) adds a candidate to a new job. Returns the staff page on
 * the application, that context, the application's address and the path of the candidate's status link. */
export async function addCandidateAsStaff(browser: Browser, name: string) {
  const context = await browser.newContext({ javaScriptEnabled: true });
  const staff = await context.newPage();
  await signIn(staff);
  await staff.goto("/jobs/new");
  await staff.getByLabel("Title").fill(`Support Engineer ${Date.now()}`);
  await staff.getByRole("button", { name: /create job/i }).click();
  await staff.getByRole("link", { name: "Add candidate" }).click();
  await staff.getByLabel("Name").fill(name);
  await staff.getByLabel("Email").fill(`candidate.${Date.now()}@example.com`);
  await staff.getByRole("button", { name: "Add candidate" }).click();
  await expect(staff.getByRole("heading", { level: 1, name })).toBeVisible();
  const statusUrl = await staff.getByRole("link", { name: "Open the candidate's status page" }).getAttribute("href");
  const statusPath = new URL(statusUrl!).pathname;
  expect(statusPath).toMatch(/^\/s\/[A-Za-z0-9_-]{32}$/);
  return { staff, context, applicationUrl: staff.url(), statusPath };
}

/** Follows a link of the header's main navigation, opening the Menu first where the screen is too narrow for the bar. */
export async function followNavLink(page: Page, name: string) {
  const menu = page.locator("summary", { hasText: "Menu" });
  const link = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name });
  // The page may still be settling (a client navigation closes the menu): open it until the link shows.
  await expect(async () => {
    if ((await menu.isVisible()) && !(await link.isVisible())) await menu.click();
    await expect(link).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await link.click();
}
