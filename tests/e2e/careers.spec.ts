// The public careers page on a phone without JavaScript: the demo's published jobs listed, a job's page with its
// description and the application form, sending it with a CV (a plain multipart post), the confirmation with the date
// the candidate will hear from us by, and the acknowledgement in the outbox with the CV on the application's page.
// No serious or critical axe findings on any of these pages; screenshots at desktop and phone widths.
import { expect, test } from "@playwright/test";
import { expectAccessible, screenshots, signIn } from "./support";

test.use({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

test("a candidate applies from the careers page without JavaScript and gets the acknowledgement", async ({
  page,
  browser,
}) => {
  await page.goto("/careers?lang=en");
  await expect(page.getByRole("heading", { level: 1, name: "Work with us at Lindenwerk" })).toBeVisible();
  const openings = page.getByRole("region", { name: "Open positions" });
  await expect(openings.getByRole("link", { name: "Senior Backend Engineer" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "How we hire" })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, "careers-list");

  // The language switch, and back.
  await page.getByRole("link", { name: "Deutsch" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Arbeiten Sie mit uns bei Lindenwerk" })).toBeVisible();
  await page.getByRole("link", { name: "English" }).click();

  await page.getByRole("region", { name: "Open positions" }).getByRole("link", { name: "Frontend Engineer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Frontend Engineer" })).toBeVisible();
  await expect(page.getByRole("region", { name: "About the role" })).toContainText("accessible HTML first");
  await expectAccessible(page);
  await screenshots(page, "careers-job");

  const email = `careers.${Date.now()}@example.com`;
  await page.getByLabel("Your name").fill("Ana Lima");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Phone (optional)").fill("+351 21 123 4567");
  await page.getByLabel("LinkedIn profile or portfolio (optional)").fill("https://ana.example.org");
  await page.getByLabel("Language for our emails").selectOption("en");
  await page.getByLabel("Your time zone").selectOption("Europe/Lisbon");
  await page.getByLabel("A message to us (optional)").fill("I build fast, accessible pages.");
  // A file that only says it is a PDF: refused, and everything typed is still there.
  await page
    .getByLabel("Your CV")
    .setInputFiles({ name: "cv.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ") });
  // People take more than three seconds over a form; the page refuses anything quicker.
  await page.waitForTimeout(3_100);
  await page.getByRole("button", { name: "Send application" }).click();
  await expect(page.getByText("This file is not a PDF, DOCX or ODT document.")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Ana Lima");
  await expect(page.getByLabel("A message to us (optional)")).toHaveValue("I build fast, accessible pages.");
  await expect(page.getByLabel("Your time zone")).toHaveValue("Europe/Lisbon");
  await expectAccessible(page);

  await page.getByLabel("Your CV").setInputFiles({ name: "Ana Lima CV.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.waitForTimeout(3_100);
  await page.getByRole("button", { name: "Send application" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you for applying" })).toBeVisible();
  await expect(page.getByRole("region", { name: "When you will hear from us" })).toContainText(
    "You will hear from us by",
  );
  await expectAccessible(page);
  await screenshots(page, "careers-applied");

  // Staff find the acknowledgement in the outbox and the CV on the application.
  const context = await browser.newContext({ javaScriptEnabled: true });
  const staff = await context.newPage();
  await signIn(staff);
  await staff.goto("/outbox");
  // The outbox names the recipient; the newest email first.
  const row = staff
    .getByRole("row")
    .filter({ hasText: "Ana Lima" })
    .filter({ hasText: "We got your application for Frontend Engineer" });
  await expect(row.first()).toBeVisible();
  await staff.goto(`/applications?q=${encodeURIComponent(email)}`);
  await staff.getByRole("link", { name: "Ana Lima" }).first().click();
  const files = staff.getByRole("region", { name: "Files" });
  await expect(files.getByRole("link", { name: "Download Ana Lima CV.pdf" })).toBeVisible();
  const download = await staff.request.get((await files.getByRole("link").getAttribute("href"))!);
  expect(download.headers()["content-disposition"]).toContain("attachment");
  expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
  await expect(staff.getByRole("region", { name: "Timeline" })).toContainText("I build fast, accessible pages.");
  await context.close();
});
