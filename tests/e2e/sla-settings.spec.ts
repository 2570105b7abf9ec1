// Schedules and SLA policies end to end: an admin adds a lunch break to the default schedule, then creates a policy
// for a department and sees the "hear back by" preview. Screenshots of both editors at desktop and phone widths.
import { expect, test } from "@playwright/test";
import { screenshots, signIn } from "./support";

test("an admin adds a lunch break to the default schedule and creates a department policy with a preview", async ({
  page,
}) => {
  await signIn(page);
  await page.goto("/settings/schedules");
  await page
    .getByRole("row", { name: /Default/ })
    .getByRole("link")
    .click();
  await expect(page.getByRole("heading", { level: 2, name: "Opening hours" })).toBeVisible();

  // The demo's Friday is one interval, 09:00–15:00: split it with a lunch break.
  const friday = page.getByRole("group", { name: "Friday" });
  await expect(friday.getByLabel(/Friday, interval \d, Opens/)).toHaveCount(1);
  await friday.getByRole("button", { name: "Add interval on Friday" }).click();
  await expect(friday.getByLabel("Friday, interval 2, Opens")).toBeVisible();
  await friday.getByLabel("Friday, interval 1, Opens").fill("09:00");
  await friday.getByLabel("Friday, interval 1, Closes").fill("12:00");
  await friday.getByLabel("Friday, interval 2, Opens").fill("13:00");
  await friday.getByLabel("Friday, interval 2, Closes").fill("15:00");
  await screenshots(page, "schedule-editor");
  await page.getByRole("button", { name: "Save schedule" }).click();

  await expect(page.getByText(/^Saved “/)).toBeVisible();
  await expect(page.getByRole("row", { name: /Default/ })).toContainText("Fri 09:00–12:00, 13:00–15:00");

  await page.goto("/settings/sla-policies/new");
  await page.getByLabel("Name", { exact: true }).fill("Engineering promise");
  await page.getByLabel("Departments").fill("Engineering");
  const firstResponse = page.getByRole("group", { name: "First response" });
  await firstResponse.getByLabel("Use a target for first response").check();
  await firstResponse.getByLabel("Within").fill("2");
  await firstResponse.getByLabel("Unit", { exact: true }).selectOption("business_days");
  await firstResponse.getByLabel("Warn before (optional)").fill("4");
  await expect(page.getByText("If a candidate applied now, they would hear back by")).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Preview" })).toContainText("First response, if it started now");
  await screenshots(page, "policy-editor");
  await page.getByRole("button", { name: "Create policy" }).click();

  await expect(page.getByText("Policy saved.")).toBeVisible();
  const policy = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Engineering promise" }) });
  await expect(policy).toContainText("Departments: Engineering");
  await expect(policy).toContainText("First response: 2 business days (warn 4 h before)");
  await screenshots(page, "policy-list");
});
