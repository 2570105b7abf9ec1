// The public kept-promise record end to end on the demo workspace: nothing public before an admin publishes it;
// Settings → Public promise with its preview and the badge's HTML; /promise without JavaScript, in English and German,
// with no serious or critical axe findings; the badge as an SVG image with its text alternative; the JSON for careers
// sites; the careers page naming the promise; and unpublishing taking the page, the badge and the JSON down at once.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectAccessible, screenshots, signIn } from "./support";

async function publicStatuses(request: APIRequestContext) {
  const [page, badge, json] = await Promise.all([
    request.get("/promise"),
    request.get("/promise/badge.svg"),
    request.get("/api/public/promise"),
  ]);
  return [page.status(), badge.status(), json.status()];
}

test("an admin publishes the kept-promise record, candidates read it, and unpublishing takes it down", async ({
  page,
  browser,
  request,
}) => {
  expect(await publicStatuses(request)).toEqual([404, 404, 404]);

  await signIn(page);
  await page.goto("/settings");
  await page.getByRole("link", { name: "Public promise" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Public promise" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Not published" })).toBeVisible();
  const preview = page.getByRole("region", { name: "Preview" });
  const previewWorkspace = preview.getByRole("region", { name: "Across all our jobs" });
  await expect(previewWorkspace.getByText("We tell everyone the outcome, including a no.")).toBeVisible();
  await expect(preview.getByText(/Period: .* \(the last 90 days\)\./)).toBeVisible();
  await expect(page.getByLabel("Badge HTML")).toHaveValue(/<img src="[^"]+\/promise\/badge\.svg"/);

  // Leave one promise out: the preview shows exactly the promises ticked.
  await page.getByRole("checkbox", { name: /We tell you by when you will hear from us/ }).uncheck();
  await page.getByRole("button", { name: "Preview these promises" }).click();
  await expect(preview.getByText("We tell you by when you will hear from us, and keep that date.")).toHaveCount(0);
  await expect(previewWorkspace.getByText("We tell everyone the outcome, including a no.")).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, "public-promise-settings");

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("status").or(page.getByRole("alert")).first()).toContainText("Published");
  await expect(page.getByRole("heading", { name: "Published", exact: true })).toBeVisible();
  await expect(page.getByRole("img", { name: "The badge as it looks now" })).toBeVisible();
  await expectAccessible(page);

  // The candidate's side: no JavaScript, a phone.
  const visitor = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  try {
    const candidate = await visitor.newPage();
    await candidate.goto("/promise?lang=en");
    await expect(candidate.getByRole("heading", { level: 1, name: "Our promises to applicants" })).toBeVisible();
    const workspace = candidate.getByRole("region", { name: "Across all our jobs" });
    await expect(workspace.getByText(/^We answer every application within /)).toBeVisible();
    await expect(
      workspace.getByText(/Kept for \d+ of \d+ applicants\.|Not enough applications yet/).first(),
    ).toBeVisible();
    await expect(candidate.getByText(/Computed on .* \(UTC\)/)).toBeVisible();
    await expect(candidate.getByText("We tell you by when you will hear from us, and keep that date.")).toHaveCount(0);
    await expect(candidate.locator("script")).toHaveCount(0);
    await expectAccessible(candidate);
    await screenshots(candidate, "public-promise");

    await candidate.getByRole("link", { name: "Deutsch" }).click();
    await expect(candidate.getByRole("heading", { level: 1, name: "Unsere Versprechen an Bewerbende" })).toBeVisible();
    await expectAccessible(candidate);

    // The badge: an SVG image named by its words.
    const badge = await request.get("/promise/badge.svg?lang=en");
    expect(badge.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
    await candidate.goto("/promise/badge.svg?lang=en");
    const svg = candidate.locator("svg");
    await expect(svg).toHaveAttribute("role", "img");
    await expect(svg).toHaveAttribute(
      "aria-label",
      /^Answers applicants in .+ · (kept \d+%|not enough applications yet)$/,
    );
    await expect(candidate.locator("svg > title")).toHaveText(/^Answers applicants in /);

    // The careers page names the promise and links to the record.
    await candidate.goto("/careers?lang=en");
    const promise = candidate.getByRole("region", { name: "Our promise to you" });
    await expect(promise.getByText(/^We answer every application within /)).toBeVisible();
    await promise.getByRole("link", { name: "How we keep our promises" }).click();
    await expect(candidate.getByRole("heading", { level: 1, name: "Our promises to applicants" })).toBeVisible();
  } finally {
    await visitor.close();
  }

  const json = await request.get("/api/public/promise?lang=en");
  expect(json.status()).toBe(200);
  expect(json.headers()["access-control-allow-origin"]).toBe("*");
  const record = (await json.json()) as { workspace: { promises: { promise: string; cases: number }[] } };
  expect(record.workspace.promises.map((entry) => entry.promise)).toEqual(["first_response", "outcome_told"]);

  await page.getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByRole("heading", { name: "Not published" })).toBeVisible();
  expect(await publicStatuses(request)).toEqual([404, 404, 404]);
});
