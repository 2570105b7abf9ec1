// First run without demo data: the start page leads to /setup, which creates the first admin once.
import { expect, test } from "@playwright/test";

test("the first admin is created on /setup and signed in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Welcome to Hearback" })).toBeVisible();

  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("Your name is required.")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Your name").fill("Rita Root");
  await page.getByLabel("Work email").fill("rita@example.com");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(page.getByLabel("Work email")).toHaveValue("rita@example.com");

  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  // The header names who is signed in beside Sign out (inside the Menu on a narrow screen).
  const menu = page.locator("summary", { hasText: "Menu" });
  if (await menu.isVisible()) await menu.click();
  await expect(page.getByText("Rita Root · Admin").filter({ visible: true })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).filter({ visible: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/login$/);
});

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("rita@example.com");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const message = page.getByRole("alert");
  await expect(message).toHaveText(/do not match an account/);
  const wrongPassword = await message.textContent();

  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText(wrongPassword!);
});
