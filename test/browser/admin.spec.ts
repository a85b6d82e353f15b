import { expect, test } from '@playwright/test';
import { checkPage, loginAs } from './support.js';

// The admin's pages: close-of-day (the business date, the runs, the form that starts one) and the queue
// dashboard, opened in a new tab on a short cookie session. No day is closed here: the other journeys
// share the run's business date.

test('the admin sees the business date and close-of-day, and a run before it is refused with the reason', async ({ page }, testInfo) => {
  await loginAs(page, 'admin');
  await page.goto('/admin/close-of-day');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tutup hari');
  const shown = page.getByTestId('admin-business-date');
  await expect(shown).toHaveText(/^\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \d{4}$/);
  // The header shows the same date.
  await expect(page.getByTestId('business-date')).toContainText((await shown.textContent()) ?? '');
  await expect(page.getByTestId('latest-run')).toBeVisible();
  await checkPage(page, testInfo, 'admin-close-of-day');

  // A day before the business date is already closed: the api's problem is shown, nothing starts.
  await page.getByLabel('Tutup sampai dengan').fill('2020-01-01');
  await page.getByTestId('start-close-of-day').click();
  await expect(page.getByTestId('problem')).toHaveAttribute('data-code', 'DAY_ALREADY_CLOSED');
});

test('the admin opens the queue dashboard in a new tab', async ({ page, context }, testInfo) => {
  await loginAs(page, 'admin');
  await page.goto('/admin/queues');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dasbor antrean');
  await checkPage(page, testInfo, 'admin-queues');
  const opening = context.waitForEvent('page');
  await page.getByTestId('open-queue-board').click();
  const board = await opening;
  await board.waitForURL(/\/api\/admin\/queues/);
  // The board answers with the cookie the session set (no bearer token in the new tab).
  await expect(board.locator('body')).not.toContainText('UNAUTHENTICATED');
  await expect(page.getByTestId('queue-session')).toBeVisible();
  await board.close();
});
