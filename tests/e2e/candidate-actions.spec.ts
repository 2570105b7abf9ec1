// A candidate on their phone, without JavaScript, uses their status link: asks a question (the recruiter sees it on
// the application), sets their language, and withdraws. Every page passes axe with no serious or critical findings.
import { expect, test } from "@playwright/test";
import { addCandidateAsStaff, expectAccessible, screenshots } from "./support";

test.use({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });

test("without JavaScript a candidate asks a question, changes their language and withdraws", async ({
  page,
  browser,
}) => {
  const { staff, context, applicationUrl, statusPath } = await addCandidateAsStaff(browser, "Ana Silva");

  // Ask: an empty question is refused with a clear message; a real one is confirmed with who answers and when.
  await page.goto(`${statusPath}/ask`);
  await expect(page.getByRole("heading", { level: 1, name: "Ask us a question" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send my question" }).click();
  await expect(page.getByText("Write your question before sending it.")).toBeVisible();
  await expect(page.getByLabel("Your question")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await page.getByLabel("Your question").fill("Can I do the interview in the afternoon, Lisbon time?");
  await page.getByRole("button", { name: "Send my question" }).click();
  await expect(page).toHaveURL(new RegExp(`${statusPath}/ask\\?sent=1$`));
  await expect(page.getByRole("heading", { level: 1, name: "Thank you, we have your question" })).toBeVisible();
  await expect(page.getByText(/will answer you (by .+ at \d\d:\d\d|soon)\./)).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, "candidate-question-sent");
  await expect(page.getByRole("link", { name: "Back to your application" }).first()).toHaveAttribute(
    "href",
    statusPath,
  );

  // The recruiter sees the question on the application, owed an answer.
  await staff.goto(applicationUrl);
  await expect(staff.getByRole("region", { name: "Timeline" })).toContainText(
    "Can I do the interview in the afternoon, Lisbon time?",
  );
  await expect(staff.getByRole("region", { name: "SLA clocks" })).toContainText("Reply to candidate");

  // Preferences: German from now on, and the page switches at once.
  await page.goto(`${statusPath}/preferences`);
  await expect(page.getByRole("heading", { level: 1, name: "How we contact you" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Your time zone").selectOption("Europe/Lisbon");
  await page.getByLabel("Phone calls as well").check();
  await page.getByRole("button", { name: "Save my preferences" }).click();
  await expect(page.getByText("Enter your phone number so that we can call you, or choose email.")).toBeVisible();
  await expect(page.getByLabel("Your time zone")).toHaveValue("Europe/Lisbon");
  await page.getByLabel("Phone number").fill("+351 21 123 4567");
  await page.getByLabel("Language").selectOption("de");
  await page.getByRole("button", { name: "Save my preferences" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Wie wir Sie erreichen" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Ihre Einstellungen sind gespeichert.");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByLabel("Telefonnummer")).toHaveValue("+351 21 123 4567");
  await expectAccessible(page);
  await screenshots(page, "candidate-preferences-saved");

  // Withdraw, in German now: the page explains, "keep" goes back, "yes" withdraws and thanks them.
  await page.goto(`${statusPath}/withdraw`);
  await expect(page.getByRole("heading", { level: 1, name: "Bewerbung zurückziehen" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Bewerbung behalten" })).toHaveAttribute("href", statusPath);
  await expectAccessible(page);
  await screenshots(page, "candidate-withdraw");
  await page.getByLabel(/Möchten Sie uns sagen, warum/).fill("Ich habe eine andere Stelle angenommen.");
  await page.getByRole("button", { name: "Ja, Bewerbung zurückziehen" }).click();
  await expect(page).toHaveURL(new RegExp(`${statusPath}/withdraw\\?done=1$`));
  await expect(page.getByRole("heading", { level: 1, name: "Ihre Bewerbung ist zurückgezogen" })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, "candidate-withdrawn");

  // Coming back to the page later: it is closed, nothing to withdraw.
  await page.goto(`${statusPath}/withdraw`);
  await expect(
    page.getByRole("heading", { level: 1, name: "Diese Bewerbung ist bereits abgeschlossen" }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /zurückziehen/ })).toHaveCount(0);

  // Staff see the withdrawal and the confirmation email waiting in the outbox.
  await staff.goto(applicationUrl);
  await expect(staff.getByRole("region", { name: "Emails" })).toContainText("Wir haben Ihre Bewerbung zurückgezogen");
  await context.close();
});

test("a wrong link on a candidate action page is a 404 that reveals nothing", async ({ page }) => {
  for (const path of ["ask", "withdraw", "preferences"]) {
    const response = await page.goto(`/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/${path}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();
  }
  await expectAccessible(page);
});

test.describe("with JavaScript", () => {
  test.use({ javaScriptEnabled: true });

  test("the question form checks in the browser first, then sends the same post", async ({ page, browser }) => {
    const { context, statusPath } = await addCandidateAsStaff(browser, "Jonas Weber");
    await page.goto(`${statusPath}/ask`);
    await page.getByRole("button", { name: "Send my question" }).click();
    await expect(page.getByText("Write your question before sending it.")).toBeVisible();
    await page.getByLabel("Your question").fill("Is there parking near the office?");
    await page.getByRole("button", { name: "Send my question" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Thank you, we have your question" })).toBeVisible();
    await context.close();
  });
});
