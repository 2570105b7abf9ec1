// Templates end to end: an admin edits a rejection, sees the compassion check follow their typing, is refused while
// the text has errors (nothing lost), then saves a new version. Screenshots of the editor at desktop and phone widths.
import { expect, test } from "@playwright/test";
import { screenshots, signIn } from "./support";

test("an admin edits a rejection template with the live compassion check and saves a new version", async ({ page }) => {
  await signIn(page);
  await expect(page).not.toHaveURL(/login/);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Templates" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Templates" })).toBeVisible();
  await page.getByRole("link", { name: "Rejection after interviews (English)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rejection after interviews" })).toBeVisible();
  const check = page.getByRole("region", { name: "Compassion check" });
  await expect(check).toContainText("100/100");

  const message = page.getByLabel("Message");
  const original = await message.inputValue();
  await message.fill(`Dear applicant,\n\nUnfortunately we went another way. Do not reply. {{candidate.age}}`);
  // The check follows the typing (JavaScript): errors and warnings appear without a save.
  await expect(check).toContainText("Must fix: {{candidate.age}} in the body is not a merge field");
  await expect(check).toContainText("shuts the door");
  await screenshots(page, "template-editor");

  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByRole("alert")).toContainText("Nothing was saved");
  await expect(page.getByLabel("Message")).toHaveValue(/\{\{candidate\.age\}\}/);

  await page.getByLabel("Message").fill(original.replace("short call", "short phone call"));
  await expect(check).toContainText("100/100");
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByText("Saved as version 2.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Versions" })).toContainText("Version 2");
  await expect(page.getByTitle("Email preview: Preview with sample data")).toBeVisible();
});
