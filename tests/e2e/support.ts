// What the end-to-end specs share: signing in to the demo workspace, and screenshots for the record
// (SCREENSHOT_DIR, else test-results/) at desktop and phone widths.
import { expect, type Page } from "@playwright/test";

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
