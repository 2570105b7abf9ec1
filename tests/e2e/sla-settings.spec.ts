// Schedules and SLA policies end to end: an admin adds a lunch break to the default schedule, then creates a policy
// for a department and sees the "hear back by" preview. Screenshots of both editors at desktop and phone widths. An
// Outlook calendar's import runs the built server's .ics reader worker.
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

test("an admin imports an Outlook calendar: holidays and out-of-office time in, meetings left out", async ({
  page,
}) => {
  await signIn(page);
  await page.goto("/settings/schedules/new");
  // Next year is always inside the import window (this year and next).
  const year = new Date().getUTCFullYear() + 1;
  const outlook = [
    "BEGIN:VCALENDAR",
    "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
    "VERSION:2.0",
    "BEGIN:VTIMEZONE",
    "TZID:Eastern Standard Time",
    "BEGIN:STANDARD",
    "DTSTART:16011104T020000",
    "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11",
    "TZOFFSETFROM:-0400",
    "TZOFFSETTO:-0500",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:16010311T020000",
    "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3",
    "TZOFFSETFROM:-0500",
    "TZOFFSETTO:-0400",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
    "BEGIN:VEVENT",
    `DTSTART;VALUE=DATE:${year}0704`,
    `DTEND;VALUE=DATE:${year}0705`,
    "SUMMARY;LANGUAGE=en-us:Independence Day",
    "UID:e2e-holiday@test",
    "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
    "X-MICROSOFT-CDO-BUSYSTATUS:OOF",
    "END:VEVENT",
    "BEGIN:VEVENT",
    `DTSTART;TZID=Eastern Standard Time:${year}0610T090000`,
    `DTEND;TZID=Eastern Standard Time:${year}0610T120000`,
    "SUMMARY;LANGUAGE=en-us:Town hall",
    "UID:e2e-town-hall@test",
    "X-MICROSOFT-CDO-BUSYSTATUS:OOF",
    "END:VEVENT",
    "BEGIN:VEVENT",
    `DTSTART;TZID=Eastern Standard Time:${year}0611T090000`,
    `DTEND;TZID=Eastern Standard Time:${year}0611T100000`,
    "SUMMARY;LANGUAGE=en-us:Planning",
    "TRANSP:OPAQUE",
    "UID:e2e-meeting@test",
    "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n");
  await page.getByLabel("From a calendar file (.ics)").setInputFiles({
    name: "outlook.ics",
    mimeType: "text/calendar",
    buffer: Buffer.from(outlook),
  });
  await page.getByRole("button", { name: "Import from file" }).click();

  const notice = page.locator("#schedule-notice");
  await expect(notice).toContainText("Imported 2 holidays from outlook.ics");
  await expect(notice).toContainText("1 timed event (a meeting, an appointment) was left out");
  // 09:00–12:00 in New York (daylight time) is 13:00–16:00 UTC, the new schedule's zone.
  const imported = page.locator(".imported-holidays");
  await expect(imported).toContainText(`${year}-06-10 Town hall (closed 13:00–16:00)`);
  await expect(imported).toContainText(`${year}-07-04 Independence Day`);
  await expect(imported).not.toContainText("Planning");
  await expect(page.getByLabel("Also import timed events")).not.toBeChecked();
});
