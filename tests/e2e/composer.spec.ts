// Writing to a candidate end to end: the acknowledgement goes out on its own when someone is added; the recruiter
// starts from a template, sees the compassion check and the real preview, is stopped by an unknown merge field, sends,
// and finds the email in the application's Emails and in the outbox. Screenshots at desktop and phone widths.
import { expect, test } from "@playwright/test";
import { screenshots, signIn } from "./support";

test("a recruiter writes to a candidate from a template; the email is sent and readable in the outbox", async ({
  page,
}) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/waiting$/);
  // The composer's live check must post to the composer only, even when it fires as "Send" redirects away.
  const strayPosts: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (request.method() === "POST" && /^\/applications\/[^/]+(\.data)?$/.test(url.pathname)) strayPosts.push(url.href);
  });

  const title = `Support Engineer ${Date.now()}`;
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await page.getByRole("link", { name: "New job" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: /create job/i }).click();
  await page.getByRole("link", { name: "Add candidate" }).click();
  await page.getByLabel("Name").fill("Lea Berger");
  await page.getByLabel("Email").fill(`lea.${Date.now()}@example.com`);
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lea Berger" })).toBeVisible();

  // The acknowledgement was queued with the application; the worker sends it within moments.
  const emails = page.getByRole("region", { name: "Emails" });
  await expect(async () => {
    await page.reload();
    await expect(emails).toContainText("Sent", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(emails).toContainText("Application received");

  await emails.getByRole("link", { name: "Write to Lea" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Write to Lea Berger" })).toBeVisible();
  await page.getByLabel("Start from", { exact: true }).selectOption({ label: "Delay update" });
  await expect(page).toHaveURL(/template=/);
  const check = page.getByRole("region", { name: "Compassion check" });
  await expect(check).toContainText("100/100");
  await expect(page.getByTitle(/Email preview/)).toBeVisible();

  const message = page.getByLabel("Message");
  const text = await message.inputValue();
  await message.fill(`${text}\n\nP.S. {{candidate.nickname}}`);
  await expect(check).toContainText("Must fix");
  await screenshots(page, "composer");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByText("The message has errors; nothing was queued.")).toBeVisible();
  await expect(page.getByLabel("Message")).toHaveValue(/candidate\.nickname/);

  await page.getByLabel("Message").fill(text);
  await page.getByLabel(/I am waiting for their reply/).check();
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByText("Your email is on its way.")).toBeVisible();
  await expect(emails).toContainText("Delay update");
  await expect(async () => {
    await page.reload();
    await expect(emails.getByText("Waiting to send")).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await screenshots(page, "application-emails");
  expect(strayPosts).toEqual([]);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbox" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  await page
    .getByRole("link", { name: /update on your application/i })
    .first()
    .click();
  await expect(page.getByRole("region", { name: "Details" })).toContainText("Reply-To");
  await expect(page.getByTitle(/The email/)).toBeVisible();
  await screenshots(page, "outbox-email");
});
