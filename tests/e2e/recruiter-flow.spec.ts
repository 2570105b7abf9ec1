// The recruiter's core journey on the demo workspace: sign in, create a job, add a candidate, move them on the
// board (keyboard and drag and drop) and reject them with a reason, previewing the rejection email first.
import { expect, test, type Page } from "@playwright/test";
import { followNavLink } from "./support";

const DEMO_ADMIN = { email: "admin@demo.hearback.app", password: "hearback-demo" };

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO_ADMIN.email);
  await page.getByLabel("Password").fill(DEMO_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/waiting$/); // staff land on "Waiting on us"
  await followNavLink(page, "Jobs");
  await expect(page).toHaveURL(/\/jobs$/);
}

async function createJob(page: Page, title: string) {
  await page.getByRole("link", { name: "New job" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Department (optional)").fill("Engineering");
  await page.getByRole("button", { name: /create job/i }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

async function addCandidate(page: Page, name: string, email: string) {
  await page.getByRole("link", { name: "Add candidate" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

function column(page: Page, stage: string) {
  return page.getByRole("region", { name: "Pipeline stages" }).getByRole("region", { name: new RegExp(`^${stage}`) });
}

test("sign in, create a job, add a candidate, move them and reject them with a reason", async ({ page }) => {
  await signIn(page);
  const title = `Platform Engineer ${Date.now()}`;
  await createJob(page, title);

  await addCandidate(page, "Noor Haddad", `noor.${Date.now()}@example.com`);
  await expect(page.getByText("Applied").first()).toBeVisible();

  // Back to the board; move with the keyboard-accessible menu.
  await page.getByRole("link", { name: title }).first().click();
  await expect(column(page, "Applied").getByRole("link", { name: "Noor Haddad" })).toBeVisible();
  const noorInApplied = column(page, "Applied").getByRole("listitem").filter({ hasText: "Noor Haddad" });
  const moveToggle = noorInApplied.getByRole("button", { name: /^Move to…/ });
  await moveToggle.focus();
  await page.keyboard.press("Enter");
  await expect(moveToggle).toHaveAttribute("aria-expanded", "true");
  // Escape closes the menu and leaves focus on its button; Enter opens it again.
  await page.keyboard.press("Escape");
  await expect(moveToggle).toHaveAttribute("aria-expanded", "false");
  await expect(moveToggle).toBeFocused();
  await page.keyboard.press("Enter");
  await noorInApplied.getByRole("button", { name: "Screen" }).focus();
  await page.keyboard.press("Enter");
  await expect(column(page, "Screen").getByRole("link", { name: "Noor Haddad" })).toBeVisible();
  // The board shows the move at once; the reload must wait for the move's post to finish, or it cancels it.
  await page.waitForLoadState("networkidle");
  await page.reload();
  await expect(column(page, "Screen").getByRole("link", { name: "Noor Haddad" })).toBeVisible();

  // Drag and drop to Interview.
  await column(page, "Screen")
    .getByRole("listitem")
    .filter({ hasText: "Noor Haddad" })
    .dragTo(column(page, "Interview"));
  await expect(column(page, "Interview").getByRole("link", { name: "Noor Haddad" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.reload();
  await expect(column(page, "Interview").getByRole("link", { name: "Noor Haddad" })).toBeVisible();

  // Reject with a reason on the application page.
  await column(page, "Interview").getByRole("link", { name: "Noor Haddad" }).click();
  await page.getByText("Reject…").click();
  await page.getByLabel("Reason", { exact: true }).selectOption({ label: "Skills did not match the role" });
  // The interview stage's rejection email is chosen first; preview the exact email Noor will get.
  await expect(page.getByLabel("Rejection email")).toHaveValue(/.+/);
  await page.getByRole("button", { name: "Preview email" }).click();
  const preview = page.getByRole("region", { name: "The email the candidate will get" });
  await expect(preview.getByText(/Rejected now, the email would go/)).toBeVisible();
  await expect(preview.frameLocator("iframe").getByText(/Noor/).first()).toBeVisible();
  await page.getByRole("button", { name: "Confirm rejection" }).click();
  await expect(page.getByRole("status").getByText(/The rejection email goes .+ in their time/)).toBeVisible();
  await expect(page.getByRole("button", { name: /Undo/ })).toBeVisible();
  await expect(page.getByText("Rejected").first()).toBeVisible();
  await expect(page.getByText("Skills did not match the role").first()).toBeVisible();
  await page.screenshot({ path: "test-results/application-rejected.png", fullPage: true });

  // The board no longer shows the closed application.
  await page.getByRole("link", { name: title }).first().click();
  await expect(page.getByRole("link", { name: "Noor Haddad" })).toHaveCount(0);
});

test("adding the same person twice to one job is refused with a clear message", async ({ page }) => {
  await signIn(page);
  const title = `Support Specialist ${Date.now()}`;
  await createJob(page, title);
  const email = `sam.${Date.now()}@example.com`;
  await addCandidate(page, "Sam Okafor", email);
  await page.getByRole("link", { name: title }).first().click();
  await page.getByRole("link", { name: "Add candidate" }).click();
  await page.getByLabel("Name").fill("Sam Okafor");
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByRole("alert")).toContainText("already has an active application");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name")).toHaveValue("Sam Okafor");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the board's move menu still works", async ({ page }) => {
    await signIn(page);
    const title = `No-JS Analyst ${Date.now()}`;
    await createJob(page, title);
    await addCandidate(page, "Lea Fischer", `lea.${Date.now()}@example.com`);
    await page.getByRole("link", { name: title }).first().click();
    const card = column(page, "Applied").getByRole("listitem").filter({ hasText: "Lea Fischer" });
    await card.getByText("Move to…").click();
    await card.getByRole("button", { name: "Offer" }).click();
    await expect(column(page, "Offer").getByRole("link", { name: "Lea Fischer", exact: true })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Moved Lea Fischer to Offer." })).toBeVisible();

    // The search is a plain GET form: it narrows the board and keeps the query in the address.
    await addCandidate(page, "Mads Berg", `mads.${Date.now()}@example.com`);
    await page.getByRole("link", { name: title }).first().click();
    await page.getByLabel("Search candidates").fill("fisch");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/q=fisch/);
    await expect(column(page, "Offer").getByRole("link", { name: "Lea Fischer", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Mads Berg" })).toHaveCount(0);
  });
});

test("the board reads well on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page);
  await page
    .getByRole("link", { name: /Engineer|Designer|Manager|Specialist/ })
    .first()
    .click();
  await expect(page.getByRole("region", { name: "Pipeline stages" })).toBeVisible();
  await page.screenshot({ path: "test-results/board-phone.png", fullPage: false });
});
