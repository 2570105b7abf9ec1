// BCC capture end to end: an admin reads the team's capture address under Settings → Email capture, an email they
// wrote from their own mailbox with it in Bcc lands on the candidate's timeline as sent, and replacing the address
// makes the old one file nothing. Mail is posted as raw RFC 822 to the API with the Bcc in envelopeTo, as a mail
// provider's inbound webhook would.
import { expect, test } from "@playwright/test";
import { screenshots, signIn } from "./support";

function gmailMessage(to: string, subject: string, body: string): string {
  const boundary = "000000000000b4c1e2062a3f9d51";
  return [
    "MIME-Version: 1.0",
    "From: Demo Admin <admin@demo.hearback.app>",
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <CAJx5Ke9${Date.now()}${Math.random().toString(36).slice(2)}@mail.gmail.com>`,
    `Subject: ${subject}`,
    `To: "Lea Brandt" <${to}>`,
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    'Content-Type: text/plain; charset="UTF-8"',
    "",
    body,
    "",
    `--${boundary}`,
    'Content-Type: text/html; charset="UTF-8"',
    "",
    `<div dir="ltr">${body}</div>`,
    "",
    `--${boundary}--`,
    "",
  ].join("\r\n");
}

test("an email written in Gmail with the capture address in Bcc is filed on the candidate's application", async ({
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

  const email = `lea.${Date.now()}@example.com`;
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await page.getByRole("link", { name: "New job" }).click();
  await page.getByLabel("Title").fill(`Product Designer ${Date.now()}`);
  await page.getByRole("button", { name: /create job/i }).click();
  await page.getByRole("link", { name: "Add candidate" }).click();
  await page.getByLabel("Name").fill("Lea Brandt");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lea Brandt" })).toBeVisible();
  const applicationUrl = page.url();

  await page.goto("/settings/email-capture");
  await expect(page.getByRole("heading", { level: 1, name: "Email capture" })).toBeVisible();
  const address = await page.getByRole("textbox", { name: "Capture address" }).inputValue();
  expect(address).toMatch(/^bcc\+[a-z2-7]{32}@/);
  await screenshots(page, "email-capture");

  const captured = await request.post(`/api/v1/inbound/email?envelopeTo=${encodeURIComponent(address)}`, {
    headers,
    data: gmailMessage(email, "Your portfolio review", "Hi Lea, we loved your portfolio. Could we talk on Friday?"),
  });
  expect(captured.status()).toBe(202);
  expect(await captured.json()).toMatchObject({ status: "captured", duplicate: false });
  await page.goto(applicationUrl);
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("we loved your portfolio");

  await page.goto("/settings/email-capture");
  await page.getByText("Replace the capture address…").click();
  await page.getByRole("button", { name: "Make a new address" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Made a new capture address" })).toBeVisible();
  const replaced = await page.getByRole("textbox", { name: "Capture address" }).inputValue();
  expect(replaced).not.toBe(address);

  const toOld = await request.post(`/api/v1/inbound/email?envelopeTo=${encodeURIComponent(address)}`, {
    headers,
    data: gmailMessage(email, "Following up", "Hi Lea, just following up."),
  });
  expect(await toOld.json()).toMatchObject({ status: "unmatched", applicationId: null });
});
