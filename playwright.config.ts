// Browser journeys (test/browser/*.spec.ts) on Debian's chromium, at a phone and a desktop viewport.
// `npm run test:browser` builds the api and the web app, picks a free port (BROWSER_PORT) and runs this;
// test/browser/server.mjs starts a whole Lumbung on a throwaway database for the run.
import { defineConfig, devices } from '@playwright/test';

const port = process.env.BROWSER_PORT ?? '3987';
const baseURL = `http://127.0.0.1:${port}`;
// run.mjs gives a run its own folder when another run is using test-results/browser (Playwright empties it).
const out = process.env.BROWSER_OUTPUT_DIR ?? 'test-results/browser';

export default defineConfig({
  testDir: 'test/browser',
  testMatch: '**/*.spec.ts',
  outputDir: `${out}/artifacts`,
  // Journeys share one database (the demo data): files run one after another, tests in a file in order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: `${out}/results.json` }], ['html', { outputFolder: `${out}/report`, open: 'never' }]],
  use: {
    baseURL,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'phone',
      use: { browserName: 'chromium', viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, userAgent: devices['Pixel 5'].userAgent },
    },
    { name: 'desktop', use: { browserName: 'chromium', viewport: { width: 1366, height: 900 } } },
  ],
  webServer: {
    command: 'node test/browser/server.mjs',
    // Ready once the api answers and the demo loan is booked (server.mjs prints this line then).
    wait: { stdout: /\[browser-server\] ready/ },
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
