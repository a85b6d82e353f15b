import { expect, test } from '@playwright/test';
import { checkPage, loginAs, screenshot } from './support.js';

// The borrower portal, on the loan server.mjs books for Hj. Maimunah (scripts/demo-loan.mjs): Rp3.000.000 over
// 6 months, the first installment (Rp500.000) already paid at the teller, one reminder delivered.

test('the borrower signs in and sees the next payment, where to pay it, and the schedule', async ({ page }, testInfo) => {
  await loginAs(page, 'borrower');
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pinjaman saya');
  const card = page.getByTestId('next-payment');
  await expect(card.getByTestId('loan-number')).toHaveText(/^BKL-\d{4}-\d{6}$/);
  await expect(card.getByTestId('next-amount')).toHaveText('Rp500.000');
  await expect(card.getByTestId('next-date')).toHaveText(/^Jatuh tempo \d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \d{4}$/);
  const va = await card.getByTestId('virtual-account').getAttribute('data-va');
  expect(va).toMatch(/^\d{9,24}$/);
  await expect(card).toContainText('Rp2.500.000'); // principal left after the first installment

  const schedule = page.getByTestId('schedule');
  await expect(schedule.locator('tbody tr')).toHaveCount(6);
  await expect(schedule.locator('tbody tr').first()).toHaveAttribute('data-status', 'PAID');
  await expect(schedule.locator('tbody tr').first()).toContainText('Lunas');
  await expect(schedule.locator('tbody tr').nth(1)).toContainText('Rp500.000');
  await checkPage(page, testInfo, 'portal-schedule');

  // Copy the VA number (the fallback path works without a secure context too).
  await page.getByTestId('copy-button').click();
  await expect(page.getByTestId('copy-button')).toHaveText('Tersalin');
});

test('the borrower reads the payment history and the reminders received', async ({ page }, testInfo) => {
  await loginAs(page, 'borrower');
  await page.getByRole('tab', { name: 'Pembayaran' }).click();
  const payment = page.getByTestId('payment');
  await expect(payment).toHaveCount(1);
  await expect(payment).toContainText('Rp500.000');
  await expect(payment).toContainText('Tunai di kantor');
  await expect(payment).toContainText('Untuk angsuran ke-1');
  await checkPage(page, testInfo, 'portal-payments');

  await page.getByRole('tab', { name: 'Pengingat' }).click();
  const reminder = page.getByTestId('reminder');
  await expect(reminder).toHaveCount(1);
  await expect(reminder).toContainText('Angsuran ke-1');
  await expect(reminder).toContainText('WhatsApp');
  await checkPage(page, testInfo, 'portal-reminders');
});

test('the portal in English, and a borrower cannot open staff pages', async ({ page }, testInfo) => {
  await loginAs(page, 'borrower');
  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My loan');
  await expect(page.getByTestId('next-date')).toHaveText(/^Due \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$/);
  await expect(page.getByTestId('next-amount')).toHaveText('Rp500.000');
  await screenshot(page, testInfo, 'portal-en');
  await page.getByTestId('language-switch').getByText('ID').click();
  await page.goto('/finance/disbursements');
  await expect(page.getByRole('alert')).toContainText('Tidak ada akses');
  // The borrower's home is the portal itself.
  await page.goto('/');
  await expect(page).toHaveURL(/\/portal$/);
});
