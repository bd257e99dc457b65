import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets several checkouts run their suites side by side.
const port = Number(process.env.E2E_PORT ?? 3100);
// Debian's Chromium: Playwright cannot download its own browser here.
const launchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
const seedFigureSpecs = /(my-department|attendance-rates)\.spec\.ts/;
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Long journeys on a busy 2-core machine; a hung step still fails at its own 10 s expect timeout.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { baseURL, trace: 'retain-on-failure', screenshot: 'only-on-failure', locale: 'zh-CN', timezoneId: 'Asia/Shanghai' },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/, use: { launchOptions } },
    // Specs that check figures of the untouched demo seed run before any journey changes them.
    {
      name: 'seed-figures',
      dependencies: ['setup'],
      testMatch: seedFigureSpecs,
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    {
      name: 'chromium',
      dependencies: ['setup', 'seed-figures'],
      testIgnore: seedFigureSpecs,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions,
      },
    },
  ],
  webServer: {
    // A fresh embedded database with the demo data, served by the production build.
    command: `bash scripts/e2e-server.sh ${port}`,
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    // Never a stranger's server: another Docket on this port has its own data and accounts.
    // Playwright refuses a port already answering, naming it; E2E_PORT picks another.
    reuseExistingServer: false,
    stdout: 'pipe',
  },
});
