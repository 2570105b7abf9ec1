// Interviews end to end: a recruiter offers three times, the candidate picks one on a phone without JavaScript, both
// sides see the booking and the candidate's invitation carries its calendar part; then the recruiter moves the
// interview and cancels it. No serious or critical axe findings; screenshots at desktop and phone widths.
import { readdir, readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { addCandidateAsStaff, expectAccessible, screenshots } from "./support";

/** "2027-01-12T10:30" for <input type="datetime-local">: `days` ahead at `hour`:`minute` on the server's calendar
 * day (any time zone will do: the times only need to lie ahead and apart). */
function localInput(days: number, hour: number, minute: number): string {
  const date = new Date(Date.now() + days * 24 * 60 * 60_000);
  const day = date.toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** The local outbox (the demo server sends no real mail): the .eml file sent to `address` whose text has `marker`. */
async function emailTo(address: string, marker: string): Promise<string> {
  const dir = process.env.E2E_OUTBOX_DIR ?? ".cache/e2e-demo/outbox";
  for (let attempt = 0; attempt < 60; attempt++) {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const text = await readFile(`${dir}/${name}`, "utf8");
      if (text.includes(address) && text.includes(marker)) return text;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`No email to ${address} containing ${marker}`);
}

async function interviewsCard(page: Page) {
  return page.getByRole("region", { name: "Interviews" });
}

test("offer three times, the candidate books one without JavaScript, then move and cancel", async ({ browser }) => {
  const { staff, context, statusPath } = await addCandidateAsStaff(browser, "Meera Iyer");
  // Minutes from the clock keep a retried run clear of its own earlier bookings.
  const minute = (new Date().getMinutes() % 4) * 15;

  const card = await interviewsCard(staff);
  await card.getByText("Offer times to choose from…").click();
  const offer = card.getByRole("form", { name: "Offer interview times" });
  await offer.getByLabel("Time 1", { exact: true }).fill(localInput(8, 9, minute));
  await offer.getByLabel("Time 2", { exact: true }).fill(localInput(8, 14, minute));
  await offer.getByLabel("Time 3", { exact: true }).fill(localInput(9, 10, minute));
  await offer.getByLabel("Length").selectOption("45");
  await offer.getByLabel("Video link (optional)").fill("https://meet.example.com/abc-defg-hij");
  await offer.getByLabel("Tom Nguyen").check();
  await offer.getByRole("button", { name: "Send the times" }).click();
  await expect(staff.getByText("The times are on their way")).toBeVisible();
  await expect(card.getByText("Waiting for the candidate to choose.")).toBeVisible();
  await expectAccessible(staff);
  await screenshots(staff, "interviews-offered");

  // The candidate, on a phone without JavaScript.
  const phone = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  const candidate = await phone.newPage();
  await candidate.goto(statusPath);
  await candidate.getByRole("link", { name: /choose a time/i }).click();
  const times = candidate.getByRole("radio");
  await expect(times).toHaveCount(3);
  await expectAccessible(candidate);
  await screenshots(candidate, "interview-choose");
  await times.nth(1).check();
  await candidate.getByRole("button", { name: /book this time/i }).click();
  await expect(candidate.getByRole("heading", { level: 1 })).toContainText(/booked|see you/i);
  await expectAccessible(candidate);
  await screenshots(candidate, "interview-booked");
  await candidate.goto(statusPath);
  await expect(candidate.getByRole("link", { name: /add to calendar/i })).toBeVisible();

  // Staff see the booking; the candidate's invitation carries the calendar event.
  await staff.reload();
  await expect(card.getByText("Scheduled")).toBeVisible();
  const candidateEmail = (await staff
    .getByRole("link", { name: /@example\.com$/ })
    .first()
    .textContent())!.trim();
  const invitation = await emailTo(candidateEmail, "METHOD:REQUEST");
  expect(invitation).toMatch(/Content-Type: text\/calendar; (charset=utf-8; )?method=REQUEST/i);
  const uid = /UID:(\S+)/.exec(invitation)![1]!;
  expect(invitation).toContain("SEQUENCE:0");

  // Move it: the same event, one sequence later.
  await card.getByText("Move…").click();
  const move = card.getByRole("form", { name: "Move the interview" });
  await move.getByLabel("New start").fill(localInput(10, 11, minute));
  await move.getByRole("button", { name: "Move the interview" }).click();
  await expect(staff.getByText("Interview moved.")).toBeVisible();
  const moved = await emailTo(candidateEmail, "SEQUENCE:1");
  expect(moved).toContain(`UID:${uid}`);

  // Cancel it: everyone's calendar loses it.
  await card.getByText("Cancel…").click();
  const cancel = card.getByRole("form", { name: "Cancel the interview" });
  await cancel.getByLabel("Reason (optional)").fill("The team needs to pause hiring for this role.");
  await cancel.getByRole("button", { name: "Cancel the interview" }).click();
  await expect(staff.getByText("Interview cancelled.")).toBeVisible();
  const cancelled = await emailTo(candidateEmail, "METHOD:CANCEL");
  expect(cancelled).toContain(`UID:${uid}`);
  expect(cancelled).toContain("SEQUENCE:2");
  await screenshots(staff, "interviews-cancelled");
  await phone.close();
  await context.close();
});
