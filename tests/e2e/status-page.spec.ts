// The candidate's status page on a phone without JavaScript: what they read (stage in plain words, the promised
// date, their contact, the timeline as a list, links to what they can do), the strict headers on /s/, the same 404
// for a wrong and a rotated link, and no serious or critical axe findings. The link comes from the staff side.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page, type Response } from "@playwright/test";
import { addCandidateAsStaff, screenshots, signIn } from "./support";

test.use({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });

/** Signs in as the demo admin (its own browser context), opens the newest application with this status (or, with
 * `told`, the newest whose candidate has been told the outcome and has not answered the survey yet: a rejection
 * waiting for a humane sending time is not on the page yet, and the demo seeds answers for about a third of the
 * closed applications, drawn from their random ids) and returns its page and the path of the "Candidate's status
 * page" link. */
async function staffLink(browser: Browser, status: "active" | "rejected", options: { told?: boolean } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const staff = await context.newPage();
  await signIn(staff);
  await staff.goto(`/applications?status=${status}`);
  const table = staff.getByRole("table", { name: "Applications, newest first" });
  const applications = await table
    .getByRole("rowheader")
    .getByRole("link")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
  for (const application of applications) {
    await staff.goto(application);
    const card = staff.getByRole("region", { name: "Candidate's status page" });
    const href = await card.getByRole("link", { name: "Open the candidate's status page" }).getAttribute("href");
    expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{32}$/);
    const path = new URL(href!).pathname;
    if (!options.told) return { staff, context, path };
    const html = await (await staff.request.get(path)).text();
    if (/Your data|Ihre Daten/.test(html) && html.includes(`href="${path}/survey"`)) {
      return { staff, context, path };
    }
  }
  throw new Error(
    `No ${status} application${options.told ? " whose candidate was told and has a survey to answer" : ""} on the first page.`,
  );
}

function expectStrictHeaders(response: Response | null) {
  const headers = response!.headers();
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["cache-control"]).toContain("no-store");
  expect(headers["cache-control"]).toContain("private");
  expect(headers["x-robots-tag"]).toContain("noindex");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
}

/** axe runs a script in the page, which this page (JavaScript off) cannot: it checks the same address at the same
 * width in a tab that runs scripts. The page is rendered completely on the server, so both tabs get the same HTML. */
async function expectAccessible(page: Page) {
  // Contexts made in a test take the file's options (JavaScript off) unless told otherwise.
  const context = await page
    .context()
    .browser()!
    .newContext({ javaScriptEnabled: true, viewport: { width: 375, height: 800 } });
  try {
    const copy = await context.newPage();
    await copy.goto(page.url());
    const results = await new AxeBuilder({ page: copy })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    const serious = results.violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""));
    expect(serious.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes[0]?.target})`)).toEqual(
      [],
    );
  } finally {
    await context.close();
  }
}

const WORDS = {
  en: {
    now: "Where you are now",
    promise: "When you will hear from us",
    contact: "Your contact",
    timeline: "What has happened so far",
    actions: "What you can do",
    ask: "Ask a question",
    withdraw: "Withdraw your application",
    survey: "Tell us how we did (2 minutes)",
    data: "Your data",
  },
  de: {
    now: "Wo Sie gerade stehen",
    promise: "Wann Sie von uns hören",
    contact: "Ihre Ansprechperson",
    timeline: "Was bisher geschah",
    actions: "Was Sie tun können",
    ask: "Eine Frage stellen",
    withdraw: "Bewerbung zurückziehen",
    survey: "Sagen Sie uns, wie wir waren (2 Minuten)",
    data: "Ihre Daten",
  },
};

async function pageLanguage(page: Page): Promise<"en" | "de"> {
  const lang = await page.locator("html").getAttribute("lang");
  expect(["en", "de"]).toContain(lang);
  return lang as "en" | "de";
}

test("an active candidate's page, without JavaScript at 375 px: where they stand, when they hear back, who to ask", async ({
  page,
  browser,
}) => {
  const { context, path } = await staffLink(browser, "active");
  await context.close();

  const response = await page.goto(path);
  expect(response!.status()).toBe(200);
  expectStrictHeaders(response);
  const words = WORDS[await pageLanguage(page)];

  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("main")).toBeVisible();
  await expect(page.getByRole("contentinfo")).toBeVisible();
  // No staff frame on a candidate's page.
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);

  const now = page.getByRole("region", { name: words.now });
  await expect(now).toBeVisible();
  await expect(now.getByRole("heading", { level: 3 })).toBeVisible();
  await expect(page.getByRole("region", { name: words.promise })).toBeVisible();
  await expect(page.getByRole("region", { name: words.contact })).toBeVisible();

  const timeline = page.getByRole("region", { name: words.timeline });
  expect(await timeline.getByRole("list").getByRole("listitem").count()).toBeGreaterThan(0);

  const actions = page.getByRole("navigation", { name: words.actions });
  await expect(actions.getByRole("link", { name: words.ask })).toHaveAttribute("href", `${path}/ask`);
  await expect(actions.getByRole("link", { name: words.withdraw })).toHaveAttribute("href", `${path}/withdraw`);
  await expect(actions.getByRole("link", { name: words.survey })).toHaveCount(0);

  // Fits a phone: nothing wider than the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(overflow).toBeLessThanOrEqual(375);

  await expectAccessible(page);
  await screenshots(page, "status-page-active");
});

test("after an outcome: the decision stated kindly, how long the page stays, the survey; no withdraw link", async ({
  page,
  browser,
}) => {
  const { context, path } = await staffLink(browser, "rejected", { told: true });
  await context.close();

  const response = await page.goto(path);
  expect(response!.status()).toBe(200);
  const words = WORDS[await pageLanguage(page)];
  await expect(page.getByRole("region", { name: words.data })).toBeVisible();
  await expect(page.getByRole("region", { name: words.now })).toHaveCount(0);
  const actions = page.getByRole("navigation", { name: words.actions });
  await expect(actions.getByRole("link", { name: words.withdraw })).toHaveCount(0);
  await expect(actions.getByRole("link", { name: words.survey })).toHaveAttribute("href", `${path}/survey`);

  await expectAccessible(page);
  await screenshots(page, "status-page-closed");
});

test("a rotated link and a made-up one get the very same 404, with the same strict headers", async ({
  page,
  browser,
}) => {
  const { staff, context, path } = await staffLink(browser, "active");
  // Opened twice first: the second answer comes from the page cache, which the rotation must empty at once.
  for (let visit = 0; visit < 2; visit += 1) expect((await page.request.get(path)).status()).toBe(200);
  await staff.getByRole("button", { name: "Rotate link" }).click();
  await expect(staff.getByRole("status")).toContainText("the old one no longer works");
  const newHref = await staff.getByRole("link", { name: "Open the candidate's status page" }).getAttribute("href");
  await context.close();
  expect(new URL(newHref!).pathname).not.toBe(path);

  const made = await page.request.get(`/s/${"A".repeat(32)}`);
  const rotated = await page.request.get(path);
  for (const answer of [made, rotated]) {
    expect(answer.status()).toBe(404);
    const headers = answer.headers();
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["cache-control"]).toContain("no-store");
    expect(headers["x-robots-tag"]).toContain("noindex");
  }
  expect(await rotated.text()).toBe(await made.text());
  // Every answer has its own date and request id (the support reference); nothing else may tell the two apart.
  const { date: _madeDate, "x-request-id": madeId, ...madeHeaders } = made.headers();
  const { date: _rotatedDate, "x-request-id": rotatedId, ...rotatedHeaders } = rotated.headers();
  expect(rotatedHeaders).toEqual(madeHeaders);
  expect([madeId, rotatedId]).toEqual([
    expect.stringMatching(/^[0-9a-f]{16}$/),
    expect.stringMatching(/^[0-9a-f]{16}$/),
  ]);

  expect((await page.request.get(new URL(newHref!).pathname)).status()).toBe(200);
  const response = await page.goto(path);
  expect(response!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link does not work");
  await expectAccessible(page);
  await screenshots(page, "status-page-not-found");
});

test("the page follows every change at once, although it is served from memory between changes", async ({
  page,
  browser,
}) => {
  const { staff, context, statusPath } = await addCandidateAsStaff(browser, "Mara Lindqvist");
  const stageNow = () => page.getByRole("region", { name: "Where you are now" });
  await page.goto(statusPath);
  await page.reload(); // the cached copy
  await expect(stageNow()).toContainText("Step: Applied");

  await staff.getByRole("combobox", { name: "Move to stage" }).selectOption({ label: "Screen" });
  await staff.getByRole("button", { name: "Move" }).click();
  await expect(staff.getByRole("status")).toContainText("Moved to Screen.");
  await page.reload();
  await expect(stageNow()).toContainText("Step: Screen");

  // The candidate's own change (their question) shows on their page too.
  await page.goto(`${statusPath}/ask`);
  await page.getByLabel("Your question").fill("Will the screening call be on video?");
  await page.getByRole("button", { name: "Send my question" }).click();
  await page.goto(statusPath);
  await expect(page.getByRole("region", { name: "What has happened so far" })).toContainText(
    "Will the screening call be on video?",
  );
  await context.close();
});
