// Bulk rejection end to end, as Priya (recruiter) on the demo workspace: tick two cards, reject them with one reason
// and one email, see the banner with the humane send time once the background job is done, undo, and see both back —
// with JavaScript (the board follows the job by itself), and without it (a reload shows where it stands).
// New candidates are used: they applied minutes ago, so the minimum delay keeps their emails waiting and Undo open.
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { screenshots } from "./support";

const SCREENS = process.env.SCREENSHOT_DIR ?? "test-results";
const PRIYA = { email: "priya@demo.hearback.app", password: "hearback-demo" };
const BANNER =
  /Rejected 2 candidates\. Their emails go out from (Mon|Tue|Wed|Thu) \d{1,2} \w{3}( \d{4})?, \d\d:\d\d \(each in the candidate's own time zone\)\./;

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(PRIYA.email);
  await page.getByLabel("Password").fill(PRIYA.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/login/);
}

function column(page: Page, stage: string) {
  return page.getByRole("region", { name: "Pipeline stages" }).getByRole("region", { name: new RegExp(`^${stage}`) });
}

/** A fresh job with three new candidates in Applied; returns the board's address. */
async function jobWithCandidates(page: Page, title: string, names: string[]): Promise<string> {
  await page.goto("/jobs/new");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: /create job/i }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const boardUrl = new URL(page.url()).pathname;
  for (const name of names) {
    await page.goto(`${boardUrl}/candidates/new`);
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Email").fill(`${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@example.com`);
    await page.getByRole("button", { name: "Add candidate" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  }
  await page.goto(boardUrl);
  return boardUrl;
}

test("a recruiter rejects two selected candidates at once, sees when the emails go out, and undoes it", async ({
  page,
}) => {
  await signIn(page);
  await jobWithCandidates(page, `Bulk Analyst ${Date.now()}`, ["Mira Holm", "Omar Aziz", "Pia Lund"]);
  const applied = column(page, "Applied");
  await expect(applied.getByRole("link", { name: "Pia Lund" })).toBeVisible();

  await page.getByRole("checkbox", { name: "Select Mira Holm" }).check();
  await page.getByRole("checkbox", { name: "Select Omar Aziz" }).check();
  await expect(page.getByText("2 candidates selected.")).toBeVisible();
  // Everyone ticked is in Applied: the email suggested is the one for people who did not get past applying.
  await expect(page.getByLabel("Rejection email")).toHaveValue("not_progressing");
  await page.getByLabel("Reason (optional)").fill("We hired for this role internally");
  await screenshots(page, "bulk-reject-selected");
  await page.getByRole("button", { name: "Reject selected" }).click();

  const banner = page.getByRole("status").filter({ hasText: "Rejected 2 candidates" });
  await expect(banner).toHaveText(BANNER);
  await expect(applied.getByRole("link", { name: "Mira Holm" })).toHaveCount(0);
  await expect(applied.getByRole("link", { name: "Omar Aziz" })).toHaveCount(0);
  await expect(applied.getByRole("link", { name: "Pia Lund" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Select Pia Lund" })).not.toBeChecked();
  await screenshots(page, "bulk-reject-banner");

  await banner.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Undone" })).toHaveText(
    "Undone: 2 candidates are back on the board.",
  );
  await expect(applied.getByRole("link", { name: "Mira Holm" })).toBeVisible();
  await expect(applied.getByRole("link", { name: "Omar Aziz" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Select Mira Holm" })).not.toBeChecked();
  await expect(page.getByRole("button", { name: "Undo" })).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/bulk-reject-undone-1280.png`, fullPage: true });
});

test("'Select all' ticks a whole stage; nothing ticked is refused with a message", async ({ page }) => {
  await signIn(page);
  await jobWithCandidates(page, `Bulk Select ${Date.now()}`, ["Rui Costa", "Sara Berg"]);

  await page.getByRole("button", { name: "Reject selected" }).click();
  await expect(page.getByRole("alert")).toHaveText("Select at least one candidate to reject.");

  await column(page, "Applied").getByRole("button", { name: "Select all in Applied" }).click();
  await expect(page.getByRole("checkbox", { name: "Select Rui Costa" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Select Sara Berg" })).toBeChecked();
  await expect(page.getByText("2 candidates selected.")).toBeVisible();
  await column(page, "Applied").getByRole("button", { name: "Clear selection in Applied" }).click();
  await expect(page.getByText("No candidates selected.")).toBeVisible();
});

/** Without JavaScript the board does not follow the job: reload it ("Refresh to see progress") until `done` shows. */
async function refreshUntil(page: Page, done: Locator) {
  await expect(async () => {
    if (!(await done.isVisible())) {
      const refresh = page.getByRole("link", { name: "Refresh to see progress" });
      if (await refresh.isVisible()) await refresh.click();
    }
    await expect(done).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 30_000 });
}

async function withoutJavaScript(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  return { context, page: await context.newPage() };
}

test("without JavaScript the checkboxes, the bar and Undo still work", async ({ page, browser, baseURL }) => {
  await signIn(page);
  const boardUrl = await jobWithCandidates(page, `Bulk No-JS ${Date.now()}`, ["Tove Lind", "Uwe Roth"]);

  const plain = await withoutJavaScript(browser, baseURL);
  await signIn(plain.page);
  await plain.page.goto(boardUrl);
  await expect(plain.page.getByLabel("Rejection email")).toHaveValue("rejection_after_screen");
  await plain.page.getByRole("checkbox", { name: "Select Tove Lind" }).check();
  await plain.page.getByRole("checkbox", { name: "Select Uwe Roth" }).check();
  await plain.page.getByRole("button", { name: "Reject selected" }).click();
  const banner = plain.page.getByRole("status").filter({ hasText: "Rejected 2 candidates" });
  await refreshUntil(plain.page, banner);
  await expect(banner).toHaveText(BANNER);
  await expect(column(plain.page, "Applied").getByRole("link", { name: "Tove Lind", exact: true })).toHaveCount(0);

  await banner.getByRole("button", { name: "Undo" }).click();
  await refreshUntil(plain.page, plain.page.getByText("Undone: 2 candidates are back on the board."));
  await expect(column(plain.page, "Applied").getByRole("link", { name: "Tove Lind", exact: true })).toBeVisible();
  await expect(column(plain.page, "Applied").getByRole("link", { name: "Uwe Roth", exact: true })).toBeVisible();
  await plain.context.close();
});
