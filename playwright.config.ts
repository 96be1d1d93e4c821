import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
// Debian's Chromium (`npx playwright install` cannot download here); CHROMIUM_PATH overrides.
// A Pixel 7's user agent, touch and scale, in Chromium (Debian's), at the 390 × 844 size the clinic tried.
const { defaultBrowserType: _browserType, ...phone } = devices["Pixel 7"];
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"], testIgnore: /\.phone\.spec\.ts$/ },
    // The patient journeys again on a 390 × 844 phone (Chromium with touch), plus the phone-only specs.
    {
      name: "phone",
      use: { ...phone, viewport: { width: 390, height: 844 } },
      dependencies: ["setup"],
      testMatch: [/(home|booking|portal)\.spec\.ts$/, /\.phone\.spec\.ts$/],
    },
  ],
  webServer: {
    command: `node node_modules/next/dist/bin/next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
