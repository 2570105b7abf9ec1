// Chat alerts end to end: an admin opens Settings → Chat alerts, a refused URL keeps what was typed with the error
// beside its field, a Slack channel for the workspace and a Teams channel for one job are added (the second without
// JavaScript), a test message is queued, and the page passes axe at phone width.
import { expect, test } from "@playwright/test";
import { expectAccessible, screenshots, signIn } from "./support";

test("channels are added, tested and listed in Settings → Chat alerts", async ({ page, browser }) => {
  await signIn(page);
  await page.goto("/settings");
  await page.getByRole("link", { name: "Chat alerts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Chat alerts" })).toBeVisible();
  await expect(page.getByText("No channels yet.")).toBeVisible();

  await page.getByLabel("Webhook URL").fill("http://hooks.slack.com/services/T1/B1/plain");
  await page.getByRole("button", { name: "Add channel" }).click();
  await expect(page.getByText("The URL must start with https://.")).toBeVisible();
  await expect(page.getByLabel("Webhook URL")).toHaveValue("http://hooks.slack.com/services/T1/B1/plain");
  await expect(page.getByLabel("Webhook URL")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Webhook URL").fill("https://hooks.slack.com/services/T1/B1/e2eSlack");
  await expect(page.getByText("This address is Slack’s.")).toBeVisible();
  await page.getByRole("button", { name: "Add channel" }).click();
  await expect(page.getByText("Added the Slack channel.")).toBeVisible();
  await expect(page.getByText("hooks.slack.com…lack")).toBeVisible();

  // Without JavaScript: a Teams workflow for one job.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await signIn(plain);
  await plain.goto("/settings/chat-alerts");
  await plain
    .getByLabel("Webhook URL")
    .fill("https://prod-00.westeurope.logic.azure.com:443/workflows/e2e/triggers/manual/paths/invoke?sig=team");
  const firstJob = plain.getByLabel("For").locator("optgroup option").first();
  const jobTitle = (await firstJob.textContent())!;
  await plain.getByLabel("For").selectOption({ label: jobTitle });
  await plain
    .getByRole("region", { name: "Add a channel" })
    .getByLabel(/The Monday digest/)
    .uncheck();
  await plain.getByRole("button", { name: "Add channel" }).click();
  await expect(plain.getByText("Added the Microsoft Teams channel.")).toBeVisible();
  await context.close();

  await page.reload();
  const teams = page.getByRole("listitem").filter({ hasText: "Microsoft Teams" });
  await expect(teams.getByRole("heading", { level: 3 })).toContainText(jobTitle);
  await expect(teams.getByRole("definition").filter({ hasText: /^Overdue alerts$/ })).toBeVisible();
  await teams.getByRole("button", { name: /Send a test message/ }).click();
  await expect(page.getByText("Test message on its way")).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, "chat-alerts");
});
