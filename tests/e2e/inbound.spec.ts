// Candidate replies end to end: a reply to the reply address lands on its application (the "reply to candidate"
// promise starts); an email from the candidate to an address Hearback does not know waits in the inbox, where a
// recruiter files it. Posted as raw RFC 822 to the API, as a mail provider's inbound webhook would.
import { expect, test } from "@playwright/test";
import { screenshots, signIn } from "./support";

function rawEmail(from: string, to: string, subject: string, body: string): string {
  return [
    `From: Jonas Weber <${from}>`,
    `To: ${to}`,
    `Subject: ${subject}`,
    `Message-ID: <${Date.now()}.${Math.random().toString(36).slice(2)}@mail.example.com>`,
    `Date: ${new Date().toUTCString()}`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    body,
    "",
  ].join("\r\n");
}

test("a candidate's reply is filed on their application; an unknown one is filed from the inbox", async ({
  page,
  request,
}) => {
  await signIn(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "API tokens" }).click();
  await page.getByLabel("Name").fill(`Mail provider ${Date.now()}`);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByLabel("Your new token").inputValue();
  const headers = { Authorization: `Bearer ${token}`, "Content-Type": "message/rfc822" };

  const email = `jonas.${Date.now()}@example.com`;
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await page.getByRole("link", { name: "New job" }).click();
  await page.getByLabel("Title").fill(`Data Analyst ${Date.now()}`);
  await page.getByRole("button", { name: /create job/i }).click();
  await page.getByRole("link", { name: "Add candidate" }).click();
  await page.getByLabel("Name").fill("Jonas Weber");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Jonas Weber" })).toBeVisible();
  const applicationUrl = page.url();

  // The acknowledgement carries the application's reply address.
  await page
    .getByRole("region", { name: "Emails" })
    .getByRole("link", { name: /We got your application/ })
    .click();
  const replyTo = (
    await page.getByRole("region", { name: "Details" }).locator("dt:has-text('Reply-To') + dd").innerText()
  ).trim();
  expect(replyTo).toMatch(/^reply\+/);

  const reply = await request.post("/api/v1/inbound/email", {
    headers,
    data: rawEmail(
      email,
      replyTo,
      "Re: We got your application",
      "Thank you! Can I send my portfolio too?\n\nOn Mon, Hearback wrote:\n> Hi Jonas,",
    ),
  });
  expect(reply.status()).toBe(202);
  expect(await reply.json()).toMatchObject({ status: "received", duplicate: false });
  await page.goto(applicationUrl);
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline).toContainText("Can I send my portfolio too?");
  await expect(timeline).not.toContainText("Hearback wrote");
  await expect(page.getByRole("region", { name: "SLA clocks" })).toContainText("Reply to candidate");

  const stray = await request.post("/api/v1/inbound/email", {
    headers,
    data: rawEmail(email, "jobs@lindenwerk.example", "Question about the role", "Is the job open to people in Vienna?"),
  });
  expect(stray.status()).toBe(202);
  expect(await stray.json()).toMatchObject({ status: "unmatched", applicationId: null });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inbox" }).click();
  const item = page.getByRole("listitem").filter({ hasText: "Question about the role" });
  await expect(item).toContainText("Is the job open to people in Vienna?");
  await screenshots(page, "inbox");
  await item.getByLabel(/Jonas Weber/).check();
  await item.getByRole("button", { name: /File email/ }).click();
  await expect(page.getByRole("status")).toContainText(/filed/i);
  await page.goto(applicationUrl);
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Is the job open to people in Vienna?");
});
