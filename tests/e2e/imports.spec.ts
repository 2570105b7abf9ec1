// Spreadsheet import end to end: a recruiter uploads an export, reads the preview (columns as mapped, the first rows as
// read, the counts, every broken row with its number), corrects the mapping, confirms, and sees the result — with
// JavaScript (a choice updates the preview at once, the progress polls) and without (the form posts, the page
// refreshes itself while the import runs).
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectAccessible, screenshots, signIn } from "./support";

const FIXTURES = "tests/fixtures/imports";

/** The Greenhouse report with its jobs renamed, so that it adds jobs of its own instead of stages to the demo's. */
function greenhouseReport() {
  const text = readFileSync(`${FIXTURES}/greenhouse-candidates.csv`, "utf8")
    .replace(/,Senior Backend Engineer,/g, ",Import Backend Engineer,")
    .replace(/,Product Designer,/g, ",Import Product Designer,")
    .replace(/,Customer Success Manager,/g, ",Import Success Manager,");
  return { name: "greenhouse-candidates.csv", mimeType: "text/csv", buffer: Buffer.from(text) };
}

test("with JavaScript: a Google Sheets tracker is previewed, its mapping corrected, and imported", async ({ page }) => {
  await signIn(page, "priya@demo.hearback.app");
  await page.goto("/jobs");
  await page.getByRole("link", { name: "Import candidates" }).click();
  await page.getByLabel("Spreadsheet").setInputFiles(`${FIXTURES}/google-sheets.csv`);
  await page.getByRole("button", { name: "Preview the import" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import of google-sheets.csv" })).toBeVisible();

  // Dotted European dates are read day first; the broken rows are listed by number.
  const errors = page.getByRole("region", { name: /rows with errors/ });
  await expect(errors.getByRole("row", { name: /Applied/ }).first()).toBeVisible();
  await expect(page.locator(".import-rows").getByRole("row", { name: /Ana Ruiz/ })).toContainText("2026-09-14");

  // Taking the job column away: the preview says what is missing and the import cannot start.
  const role = page.getByLabel(/Read column C \(Role\) as/);
  await role.selectOption("");
  await expect(page.getByText("Map a column to Job.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import \d+ rows?$/ })).toBeDisabled();
  await page.getByLabel(/Read column C \(Role\) as/).selectOption("job");
  await expect(page.getByText("Map a column to Job.")).toBeHidden();
  await expectAccessible(page);
  await screenshots(page, "import-preview");

  await page.getByRole("button", { name: /^Import \d+ rows$/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Done" })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator(".import-counts").getByText("created")).toBeVisible();
  await screenshots(page, "import-result");
  await page.goto("/jobs/import");
  await expect(page.getByRole("link", { name: "google-sheets.csv" }).first()).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a Greenhouse report: the date order is chosen by posting the form, then the import runs to the end", async ({
    page,
  }) => {
    await signIn(page, "priya@demo.hearback.app");
    await page.goto("/jobs/import");
    await page.getByLabel("Spreadsheet").setInputFiles(greenhouseReport());
    await page.getByRole("button", { name: "Preview the import" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Import of greenhouse-candidates.csv" })).toBeVisible();
    // 09/02/2026 reads as 2 September when month first, the default for dates that cannot tell.
    await expect(page.locator(".import-rows").getByRole("row", { name: /Ben Okafor/ })).toContainText("2026-09-02");
    await page.getByLabel(/3 April \(day first/).check();
    await page.getByRole("button", { name: "Update preview" }).click();
    await expect(page.getByLabel(/3 April \(day first/)).toBeChecked();
    // Day first, Ben applied on 9 February (09/18/2026 can only be 18 September either way).
    await expect(page.locator(".import-rows").getByRole("row", { name: /Ben Okafor/ })).toContainText("2026-02-09");
    await page.getByLabel(/March 4 \(month first/).check();
    await page.getByRole("button", { name: "Update preview" }).click();
    await expect(page.locator(".import-rows").getByRole("row", { name: /Ben Okafor/ })).toContainText("2026-09-02");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Import 9 rows" }).click();
    // The progress page refreshes itself until the import is done.
    await expect(page.getByRole("heading", { level: 2, name: "Done" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("region", { name: /3 rows with errors/ })).toContainText("Sept 2026");
    await expectAccessible(page);
  });
});
