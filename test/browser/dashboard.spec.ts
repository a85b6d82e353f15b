import { expect, test } from '@playwright/test';
import { checkPage, loginAs, logout } from './support.js';

// The programme dashboard (admin and approvers): the live portfolio's figures, its breakdowns as charts
// and tables, the trend over closed days, and a CSV export of a table.

test('an approver reads the dashboard: figures, charts, tables and a CSV export', async ({ page }, testInfo) => {
  await loginAs(page, 'approver');
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dasbor program');
  const kpis = page.getByTestId('kpis');
  await expect(kpis).toContainText('Outstanding');
  await expect(kpis).toContainText('PAR30');
  // The demo loan (server.mjs) is outstanding: kolektibilitas 1 holds it, in the chart and in the table.
  const grades = page.getByTestId('section-collectibility');
  await expect(grades.locator('.recharts-surface')).toBeVisible();
  await expect(grades.getByTestId('table-collectibility').locator('tbody tr')).toHaveCount(5);
  await expect(grades.getByTestId('table-collectibility').locator('tbody tr').first()).toContainText('Lancar');
  for (const id of ['pipeline', 'district', 'sector']) {
    const section = page.getByTestId(`section-${id}`);
    await expect(section.locator('.recharts-surface')).toBeVisible();
    await expect(section.getByTestId(`table-${id}`).locator('tbody tr').first()).toBeVisible();
  }
  await expect(page.getByTestId('section-pipeline')).toContainText('Dicairkan');
  // The trend blocks are there (with points once close-of-day has run, else the explanation).
  for (const id of ['flows', 'outstanding', 'risk']) await expect(page.getByTestId(`section-${id}`)).toBeVisible();
  await checkPage(page, testInfo, 'dashboard');

  const downloading = page.waitForEvent('download');
  await page.getByTestId('csv-district').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^kecamatan-\d{4}-\d{2}-\d{2}\.csv$/);

  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Programme dashboard');
  await page.getByTestId('language-switch').getByText('ID').click();
});

test('an admin reads the dashboard too; finance is not shown it', async ({ page }) => {
  await loginAs(page, 'admin');
  await page.goto('/dashboard');
  await expect(page.getByTestId('section-collectibility')).toBeVisible();
  await logout(page);
  await loginAs(page, 'finance');
  await page.goto('/dashboard');
  await expect(page.getByRole('alert')).toContainText('Tidak ada akses');
});
