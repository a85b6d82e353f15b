import { expect, test } from '@playwright/test';
import { checkPage, DEMO, expectNoHorizontalScroll, loginAs, logout, screenshot } from './support.js';

// The shell: sign-in, each role's home, the language switch, sign-out.

test('the login page is accessible and refuses a wrong password with the api\'s problem', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await checkPage(page, testInfo, 'login');
  await page.locator('input[name="username"]').fill('petugas');
  await page.locator('input[name="password"]').fill('wrong-password');
  await page.locator('button[type="submit"]').click();
  await expect(page.getByTestId('problem')).toHaveAttribute('data-code', 'INVALID_CREDENTIALS');
  await expect(page).toHaveURL(/\/login$/);
});

const HOMES = [
  { who: 'admin', sections: ['admin'], card: 'Tutup hari' },
  { who: 'loan_officer', sections: ['loan_officer'], card: 'Simulasi angsuran' },
  { who: 'approver', sections: ['approver'], card: 'Antrean persetujuan' },
  { who: 'finance', sections: ['finance'], card: 'Pencairan' },
] as const;

for (const home of HOMES) {
  test(`${home.who} signs in and sees their home`, async ({ page }, testInfo) => {
    await loginAs(page, home.who);
    await expect(page.getByTestId('home-title')).toBeVisible();
    for (const s of home.sections) await expect(page.getByTestId(`home-${s}`)).toBeVisible();
    await expect(page.getByRole('link', { name: new RegExp(home.card) }).first()).toBeVisible();
    await expect(page.getByTestId('business-date')).toHaveText(/\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \d{4}/);
    await checkPage(page, testInfo, `home-${home.who}`);
    await logout(page);
    await expect(page.locator('input[name="username"]')).toBeVisible();
  });
}

test('the language switch turns the app into English and back, and is remembered', async ({ page }, testInfo) => {
  await loginAs(page, 'loan_officer');
  await expect(page.getByTestId('home-title')).toContainText('Selamat datang');
  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(page.getByTestId('home-title')).toContainText('Welcome');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('business-date')).toHaveText(/\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}/);
  await screenshot(page, testInfo, 'home-en');
  await page.reload();
  await expect(page.getByTestId('home-title')).toContainText('Welcome');
  await expectNoHorizontalScroll(page);
  await page.getByTestId('language-switch').getByText('ID').click();
  await expect(page.getByTestId('home-title')).toContainText('Selamat datang');
});

test('a page of another role is refused, and an expired session goes back to the login', async ({ page }) => {
  await loginAs(page, 'finance');
  await page.goto('/officer/borrowers');
  await expect(page.getByRole('alert')).toContainText('Tidak ada akses');
  // A token the api no longer accepts: the next request answers 401 and the app signs out.
  await page.evaluate(() => {
    const s = JSON.parse(sessionStorage.getItem('lumbung.session') ?? '{}');
    sessionStorage.setItem('lumbung.session', JSON.stringify({ ...s, token: 'expired.token.value' }));
  });
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  expect(DEMO.finance.username).toBe('bendahara');
});
