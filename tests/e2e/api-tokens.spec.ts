// API tokens end to end: created in Settings or by the CLI next to the running server, then used on the JSON API.
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("an admin creates a token in Settings and it works on the API until revoked", async ({ page, request }) => {
  await signIn(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "API tokens" }).click();

  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Name is required.")).toBeVisible();
  await page.getByLabel("Name").fill("Careers site");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = await page.getByLabel("Your new token").inputValue();
  expect(secret).toMatch(/^hb_/);
  await page.screenshot({ path: "test-results/api-tokens.png", fullPage: true });

  const headers = { Authorization: `Bearer ${secret}` };
  const created = await request.post("/api/v1/jobs", { headers, data: { title: "API-made Analyst" } });
  expect(created.status()).toBe(201);
  expect(await created.json()).toMatchObject({ title: "API-made Analyst", status: "open" });

  await page
    .getByRole("row", { name: /Careers site/ })
    .getByText("Revoke…")
    .click();
  await page.getByRole("button", { name: "Revoke Careers site" }).click();
  await expect(page.getByText("Revoked “Careers site”")).toBeVisible();
  expect((await request.get("/api/v1/jobs", { headers })).status()).toBe(401);
});

test("the CLI creates a token through the running server on the embedded database", async ({ request }) => {
  const output = execFileSync("node", ["bin/hearback.mjs", "token", "create", "--name", "e2e"], {
    env: { ...process.env, HEARBACK_DATA_DIR: ".cache/e2e-demo" },
    encoding: "utf8",
    timeout: 60_000,
  });
  const token = output.trimEnd().split("\n").at(-1)!;
  const response = await request.get("/api/v1/jobs", { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status()).toBe(200);
  expect((await response.json()).items.length).toBeGreaterThan(0);
  expect((await request.get("/healthz")).status()).toBe(200);
});
