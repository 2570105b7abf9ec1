// End-to-end tests in Debian's Chromium (no browser download): a production build served on a throw-away data
// folder with the demo workspace, and a second one without demo data for the first-run setup.
import { defineConfig } from "@playwright/test";

const DEMO_PORT = 3210;
const EMPTY_PORT = 3211;

function server(port: number, dataDir: string, demo: boolean) {
  return {
    command: `rm -rf ${dataDir} && node server.mjs --production`,
    url: `http://127.0.0.1:${port}/healthz`,
    env: {
      PORT: String(port),
      HEARBACK_DATA_DIR: dataDir,
      HEARBACK_DEMO: demo ? "1" : "0",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe" as const,
  };
}

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${DEMO_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "demo", testIgnore: /setup\.spec\.ts/ },
    { name: "first-run", testMatch: /setup\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${EMPTY_PORT}` } },
  ],
  webServer: [server(DEMO_PORT, ".cache/e2e-demo", true), server(EMPTY_PORT, ".cache/e2e-empty", false)],
});
