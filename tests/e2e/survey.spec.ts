// The candidate survey and data deletion, end to end. A candidate on a phone without JavaScript answers the survey
// once their application is decided (errors listed and linked, their answers kept; axe finds nothing serious), then
// another asks to have their data deleted and an admin erases it, after which the candidate's link is dead.
import { expect, test } from "@playwright/test";
import { addCandidateAsStaff, expectAccessible, followNavLink, screenshots } from "./support";

test.use({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });

test("without JavaScript a candidate answers the survey after the decision, once", async ({ page, browser }) => {
  const { staff, context, statusPath } = await addCandidateAsStaff(browser, "Noor Haddad");

  // Before the decision the survey is not open yet.
  await page.goto(`${statusPath}/survey`);
  await expect(page.getByRole("heading", { level: 1, name: "The survey is not open yet" })).toBeVisible();

  await staff.getByText("Mark as hired…").click();
  await staff.getByRole("button", { name: "Confirm hire" }).click();
  await expect(staff.getByText("Hired", { exact: true }).first()).toBeVisible();
  await context.close();

  await page.goto(`${statusPath}/survey`);
  await expect(page.getByRole("heading", { level: 1, name: "How was applying?" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectAccessible(page);
  await screenshots(page, "survey");

  // Only some answers: the missing ones are listed and linked, the given ones are still there.
  const effort = page.getByRole("group", { name: /How much effort did applying take/ });
  await effort.getByLabel("4 – A lot").check();
  await page.getByLabel("I heard nothing for a long time").check();
  await page.getByLabel(/Anything else you want to tell us/).fill("The offer call was lovely.");
  await page.getByRole("button", { name: "Send my answers" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Please check these answers");
  await expect(summary.getByRole("link", { name: /How likely are you to recommend applying to us/ })).toHaveAttribute(
    "href",
    "#survey-nps-0",
  );
  const recommend = page.getByRole("group", { name: /How likely are you to recommend applying to us/ });
  await expect(recommend).toHaveAccessibleDescription(/Choose a number from 0 to 10/);
  await expect(effort.getByLabel("4 – A lot")).toBeChecked();
  await expect(page.getByLabel("I heard nothing for a long time")).toBeChecked();
  await expect(page.getByLabel(/Anything else you want to tell us/)).toHaveValue("The offer call was lovely.");
  await expectAccessible(page);
  await screenshots(page, "survey-errors");

  await recommend.getByLabel("9", { exact: true }).check();
  await page
    .getByRole("group", { name: /Did you know what would happen next/ })
    .getByLabel("Partly")
    .check();
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you for your answers" })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`${statusPath}/survey`);
  await expect(page.getByRole("heading", { level: 1, name: "Thank you for your answers" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send my answers" })).toHaveCount(0);
});

test("a candidate asks to have their data deleted; an admin erases it and the link stops working", async ({
  page,
  browser,
}) => {
  const { staff, context, statusPath } = await addCandidateAsStaff(browser, "Ilse Brandtner");

  await page.goto(`${statusPath}/delete-data`);
  await expect(page.getByRole("heading", { level: 1, name: "Delete my data" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What stays" })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, "delete-data");
  await page.getByLabel(/Why do you want your data deleted/).fill("I took another job.");
  await page.getByRole("button", { name: "Ask us to delete my data" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "We have your request" })).toBeVisible();
  await expect(page.getByText(/will delete your data within 30 days/)).toBeVisible();
  await expectAccessible(page);

  await followNavLink(staff, "Settings");
  await staff.getByRole("link", { name: "Data requests" }).click();
  await expect(staff.getByRole("heading", { level: 1, name: "Data requests" })).toBeVisible();
  const request = staff.getByRole("listitem").filter({ hasText: "Ilse Brandtner" });
  await expect(request).toContainText("I took another job.");
  await screenshots(staff, "data-requests");
  await request.getByText("Erase now…").click();
  await request.getByRole("button", { name: "Erase Ilse Brandtner’s data for good" }).click();
  await expect(staff.getByText(/The candidate's data was erased/)).toBeVisible();
  await expect(staff.getByRole("listitem").filter({ hasText: "Ilse Brandtner" })).toHaveCount(0);
  await expect(staff.getByRole("region", { name: "Closed" })).toContainText("Erased candidate");
  await context.close();

  const response = await page.goto(`${statusPath}/delete-data`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();
});
