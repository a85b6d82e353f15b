// Shared steps for the browser journeys: sign in as a demo role, an axe check, the 360 px no-horizontal-
// scroll check, and screenshots kept under test-results/ (also attached to the report).
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/** The demo logins of scripts/seed-demo.ts (server.mjs seeds them). */
export const DEMO = {
  admin: { username: 'admin', password: 'lumbung-admin' },
  loan_officer: { username: 'petugas', password: 'petugas-demo' },
  approver: { username: 'penyetuju', password: 'penyetuju-demo' },
  approver2: { username: 'penyetuju2', password: 'penyetuju2-demo' },
  finance: { username: 'bendahara', password: 'bendahara-demo' },
  finance2: { username: 'bendahara2', password: 'bendahara2-demo' },
  borrower: { username: 'peminjam', password: 'peminjam-demo' },
} as const;
export type DemoUser = keyof typeof DEMO;

/** Signs in through the login page and waits until the app has left it. Starts in Bahasa Indonesia. */
export async function loginAs(page: Page, who: DemoUser): Promise<void> {
  const { username, password } = DEMO[who];
  await page.goto('/login');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Signs out with the navigation's button (behind the burger on phones). */
export async function logout(page: Page): Promise<void> {
  const burger = page.getByRole('button', { name: /buka menu|open the menu/i });
  if (await burger.isVisible()) await burger.click();
  await page.getByTestId('logout').click();
  await page.waitForURL('**/login');
}

/** The page must not scroll sideways (the 360 px rule): the document is no wider than the viewport. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `page scrolls horizontally: ${scrollWidth}px of content in ${clientWidth}px`).toBeLessThanOrEqual(clientWidth);
}

/** axe-core on the page as it is now: no serious or critical violation (WCAG 2.1 A/AA rules). */
export async function expectAccessible(page: Page, testInfo?: TestInfo): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (testInfo && results.violations.length > 0) {
    await testInfo.attach('axe-violations.json', { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  }
  const summary = bad.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')})`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** A full-page screenshot kept as an artefact: test-results/browser/<test>/<name>.png, attached to the report. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** The usual checks of a main page: no sideways scroll, accessible, and a screenshot. */
export async function checkPage(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await expectNoHorizontalScroll(page);
  await expectAccessible(page, testInfo);
  await screenshot(page, testInfo, name);
}
