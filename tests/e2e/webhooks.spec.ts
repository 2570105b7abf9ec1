// Webhooks end to end: an admin opens Settings → Webhooks, a bad submit keeps what was typed with the errors beside
// their fields, an endpoint on a receiver on loopback (private addresses allowed) is added and its secret shown once,
// a test event is sent and arrives signed, the endpoint's log shows it delivered, and the pages pass axe.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { expectAccessible, screenshots, signIn } from "./support";

type Received = { headers: http.IncomingHttpHeaders; body: string };

test("an admin adds an endpoint, sees its secret once, sends a test event and sees it in the log", async ({ page }) => {
  const received: Received[] = [];
  const receiver = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hearback`;
  try {
    await signIn(page);
    await page.goto("/settings");
    await page.getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
    await expect(page.getByText("No endpoints yet.")).toBeVisible();

    await page.getByLabel("URL", { exact: true }).fill("ftp://files.example.com");
    await page.getByLabel("Description (optional)").fill("Local receiver");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText("Choose at least one event.")).toBeVisible();
    await expect(page.getByText("Only http and https URLs.")).toBeVisible();
    await expect(page.getByLabel("URL", { exact: true })).toHaveValue("ftp://files.example.com");
    await expect(page.getByLabel("URL", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Description (optional)")).toHaveValue("Local receiver");

    await page.getByLabel("URL", { exact: true }).fill(url);
    await page.getByRole("checkbox", { name: /application\.decided/ }).check();
    await page.getByRole("checkbox", { name: /sla\.breached/ }).check();
    await page.getByRole("checkbox", { name: /Allow a private network address/ }).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText("Copy its signing secret now")).toBeVisible();
    const secret = await page.getByLabel("Signing secret, shown once").inputValue();
    expect(secret).toMatch(/^whsec_/);
    await expect(page.getByRole("link", { name: "Local receiver" })).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, "webhooks");

    // Shown once: a fresh load of the page has no secret on it.
    await page.goto("/settings/webhooks");
    await expect(page.getByText(secret)).toHaveCount(0);
    expect(await page.content()).not.toContain(secret);

    await page.getByRole("link", { name: "Local receiver" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Local receiver" })).toBeVisible();
    await expect(page.getByText("Nothing sent yet.")).toBeVisible();
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByText("Queued a test event.")).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: "webhook.test" });
    await expect(row).toBeVisible();
    await expect(async () => {
      await page.reload();
      await expect(row).toContainText("Delivered", { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await expect(row).toContainText("HTTP 204");
    await expect(row.getByRole("button", { name: /Redeliver webhook\.test/ })).toBeVisible();

    const [delivery] = received;
    expect(delivery).toBeDefined();
    const event = new Webhook(secret).verify(delivery!.body, {
      "webhook-id": String(delivery!.headers["webhook-id"]),
      "webhook-timestamp": String(delivery!.headers["webhook-timestamp"]),
      "webhook-signature": String(delivery!.headers["webhook-signature"]),
    }) as { type: string };
    expect(event.type).toBe("webhook.test");
    await expectAccessible(page);
    await screenshots(page, "webhook-endpoint");
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
