// Connectors end to end: an admin connects a generic webhook sender in Settings, reads its URL and secret off the
// page, and a webhook signed with them is applied (by the connector worker, seconds later): the connector page logs it
// and its job appears under Jobs.
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { expectAccessible, signIn } from "./support";

test("a generic webhook sender is connected in Settings and its signed delivery shows as applied", async ({
  page,
  request,
}) => {
  await signIn(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Connectors" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Connectors" })).toBeVisible();

  const name = `Careers site ${Date.now()}`;
  await page.getByLabel("Your ATS").selectOption("webhook");
  // With JavaScript, Lever's fields show only for Lever.
  await expect(page.getByLabel("Lever API key")).toBeHidden();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByText(`Added “${name}”`)).toBeVisible();
  const url = await page.getByLabel("Webhook URL").inputValue();
  const secret = await page.getByLabel("Its signing secret, shown once").inputValue();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hooks\/[a-z0-9]+$/);
  expect(secret).toMatch(/^whsec_/);
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  await expectAccessible(page);

  // The sender: Hearback's generic format, signed per Standard Webhooks with the secret the page showed.
  const title = `Connected Engineer ${Date.now()}`;
  const sentAt = new Date();
  const messageId = `msg-${Date.now()}`;
  const body = JSON.stringify({
    type: "application.created",
    data: {
      externalId: `a-${Date.now()}`,
      candidate: { name: "Ada Lovelace", email: `ada.${Date.now()}@example.com` },
      job: { externalId: "j-1", title },
      stage: { externalId: "s-1", name: "Applied" },
      occurredAt: sentAt.toISOString(),
    },
  });
  const answer = await request.post(url, {
    headers: {
      "content-type": "application/json",
      "webhook-id": messageId,
      "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
      "webhook-signature": new Webhook(secret).sign(messageId, sentAt, body),
    },
    data: body,
  });
  // Logged at once; the connector worker applies it within seconds.
  expect(answer.status()).toBe(202);
  expect(await answer.json()).toMatchObject({ status: "received" });

  await page.getByRole("link", { name: `open ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByLabel("Webhook URL")).toHaveValue(url);
  const delivery = page.getByRole("row", { name: /application\.created/ });
  await expect(async () => {
    await page.reload();
    await expect(delivery.getByText("Applied", { exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(delivery).toContainText("created");
  await expect(page.getByRole("row", { name: new RegExp(title) })).toContainText("Applied");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Jobs", exact: true }).click();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form shows Lever's fields, and a Lever connector without its API key is refused with what was typed", async ({
    page,
  }) => {
    await signIn(page);
    await page.goto("/settings/connectors");
    await expect(page.getByText("Lever only", { exact: true })).toBeVisible();
    await page.getByLabel("Your ATS").selectOption("lever");
    await page.getByLabel("Name", { exact: true }).fill("Lever without a key");
    await page.getByLabel("Signing secret").fill("lever-signature-token-0123");
    await page.getByRole("button", { name: "Connect" }).click();
    await expect(page.getByLabel("Lever API key")).toHaveAccessibleDescription(/give an API key with read access/);
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Lever without a key");
    await expect(page.getByLabel("Signing secret")).toHaveValue("lever-signature-token-0123");
    await expect(page.getByLabel("Your ATS")).toHaveValue("lever");
    await expect(page.getByRole("link", { name: "Lever without a key" })).toHaveCount(0);
  });
});
