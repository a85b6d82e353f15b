import { expect, type Page, test } from '@playwright/test';
import { checkPage, loginAs, logout } from './support.js';

// The loan officer's journey (issue 9 item 3), then the approver's decision on the same application
// (item 4): register a new borrower (the NIK checked as typed), photograph a document, show the applicant
// the schedule, submit (every eligibility reason at once first), score and read the reasons, see it in
// "my pipeline"; then a different user, the approver, approves a smaller amount. Runs once per viewport,
// each run with its own borrower.

// A 1x1 PNG: the api judges documents by their bytes, so it must be a real one.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A NIK no other run of this spec has used: a woman born in 1985 (day + 40), Kecamatan Bangkalan, a serial from the clock. */
function freshNik(project: string): { nik: string; name: string } {
  const day = project === 'phone' ? 50 : 51; // the 10th or the 11th, so the two viewports never collide
  const serial = String((Date.now() % 9998) + 1).padStart(4, '0');
  return { nik: `352601${day}0485${serial}`, name: `Siti Journey ${project} ${serial}` };
}

/** Picks an option of a Mantine Select by the input's label and the option's text. */
async function choose(page: Page, label: RegExp, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Follows a navigation entry: on phones (below Mantine's `sm`, 48em) it is behind the burger. */
async function openNav(page: Page, name: RegExp): Promise<void> {
  if ((page.viewportSize()?.width ?? 1024) < 768) await page.getByRole('button', { name: /buka menu|open the menu/i }).click();
  await page.getByRole('navigation').getByRole('link', { name }).click();
}

test.describe.serial('loan officer: registration to SCORED, then the approver decides', () => {
  let applicationUrl = '';
  let applicationNumber = '';

  test('the officer registers a borrower, uploads a document, simulates, submits and scores', async ({ page }, testInfo) => {
    const { nik, name } = freshNik(testInfo.project.name);
    await loginAs(page, 'loan_officer');
    await openNav(page, /^Peminjam$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Peminjam');
    await checkPage(page, testInfo, 'officer-borrowers');

    // Found by any words of the name, without the title's dot or the case.
    await page.getByTestId('borrower-search').fill('hj maimunah');
    await expect(page.getByRole('link', { name: 'Hj. Maimunah' })).toBeVisible();
    await expect(page.getByRole('link', { name: "Moh. Syafi'i" })).toHaveCount(0);
    // Or by her mobile number, written as people write it (an exact lookup: the number is stored encrypted).
    await page.getByTestId('borrower-search').fill('+62 819-3123-4501');
    await expect(page.getByRole('link', { name: 'Hj. Maimunah' })).toBeVisible();
    await expect(page.getByRole('link', { name: "Moh. Syafi'i" })).toHaveCount(0);
    await page.getByTestId('borrower-search').fill('');

    await page.getByTestId('new-borrower').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Daftarkan peminjam');

    // The NIK is checked as typed, with the reason when it is wrong and what it says when it is right.
    const nikInput = page.getByTestId('nik-input');
    await nikInput.fill(nik.slice(0, 12) + '0000');
    await expect(page.getByText('Nomor urut (4 angka terakhir) tidak boleh 0000.')).toBeVisible();
    await nikInput.fill('99' + nik.slice(2));
    await expect(page.getByText('Dua angka pertama bukan kode provinsi di Indonesia.')).toBeVisible();
    await nikInput.fill(nik);
    await expect(page.getByTestId('nik-valid')).toHaveText(/Perempuan, lahir 1[01] Apr 1985/);

    await page.getByLabel(/^Nama lengkap/).fill(name);
    await page.getByLabel(/^Nomor HP/).fill('0812-3456-7890');
    await page.getByLabel(/^Jalan, RT\/RW/).fill('Jl. Raya Bangkalan 17, RT 02 RW 03');
    await choose(page, /^Kecamatan/, /^Bangkalan$/);
    await page.getByLabel(/^Kode pos/).fill('69112');
    await page.getByLabel(/^Nama usaha/).fill(`Batik ${name}`);
    await page.getByLabel(/^NIB/).fill('9120001234567');
    await choose(page, /^Sektor/, 'Kerajinan batik');
    await page.getByLabel(/^Usaha berjalan sejak/).fill('2020-01-15');
    await page.getByLabel(/^Omzet per bulan/).fill('6.000.000');
    await page.getByLabel(/^Biaya per bulan/).fill('3.500.000');
    await checkPage(page, testInfo, 'officer-register');
    await page.getByLabel(/menyetujui pemrosesan data pribadinya/).check();
    await page.getByRole('button', { name: 'Daftarkan' }).click();

    await expect(page).toHaveURL(/\/officer\/borrowers\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('borrower-name')).toHaveText(name);
    await expect(page.getByTestId('registered')).toBeVisible();

    // A photo of the KTP, as the phone's camera would hand it over.
    await page.getByTestId('document-file').setInputFiles({ name: 'ktp.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'Unggah' }).click();
    await expect(page.getByTestId('document')).toHaveCount(1);
    await expect(page.getByTestId('document').first()).toContainText('KTP');

    // A new SIM card: the phone corrected, with the reason the api insists on, then shown on the record.
    await page.getByTestId('correct-contact').click();
    const correction = page.getByTestId('correct-contact-form');
    await expect(correction.getByLabel(/^Nomor HP/)).toHaveValue('+6281234567890');
    await correction.getByLabel(/^Nomor HP/).fill('0857-1111-2222');
    await checkPage(page, testInfo, 'officer-correct-contact');
    await correction.getByRole('button', { name: 'Simpan perubahan' }).click();
    await expect(correction.getByLabel(/^Alasan perubahan/)).toHaveAttribute('aria-invalid', 'true');
    await correction.getByLabel(/^Alasan perubahan/).fill('Nomor HP baru, kartu lama hilang');
    await correction.getByRole('button', { name: 'Simpan perubahan' }).click();
    await expect(page.getByTestId('corrected')).toBeVisible();
    await expect(page.getByTestId('borrower-summary')).toContainText('+6285711112222');

    // A typo at registration: the business's name, corrected from what is on file.
    await page.getByTestId('correct-business').click();
    const business = page.getByTestId('correct-business-form');
    await expect(business.getByLabel(/^Omzet per bulan/)).toHaveValue('6.000.000');
    await business.getByLabel(/^Nama usaha/).fill(`Batik Tulis ${name}`);
    await business.getByLabel(/^Alasan perubahan/).fill('Salah ketik saat pendaftaran');
    await business.getByRole('button', { name: 'Simpan perubahan' }).click();
    await expect(page.getByTestId('corrected')).toBeVisible();
    await expect(page.getByTestId('borrower-summary')).toContainText(`Batik Tulis ${name}`);

    // Outside the product's ranges: both reasons at once, nothing stored.
    await page.getByLabel(/^Jumlah/).fill('50.000.000');
    await page.getByLabel(/^Tenor/).fill('48');
    await page.getByLabel(/^Tujuan/).fill('Modal kerja: kain mori dan malam');
    await page.getByRole('button', { name: 'Ajukan' }).click();
    const ineligible = page.getByTestId('ineligible');
    await expect(ineligible).toBeVisible();
    await expect(ineligible.locator('li[data-code="AMOUNT_OUT_OF_RANGE"]')).toBeVisible();
    await expect(ineligible.locator('li[data-code="TENOR_OUT_OF_RANGE"]')).toBeVisible();

    // The schedule to show the applicant, then the application.
    await page.getByLabel(/^Jumlah/).fill('5.000.000');
    await page.getByLabel(/^Tenor/).fill('12');
    await page.getByTestId('preview-button').click();
    await expect(page.getByTestId('schedule-preview').locator('tbody tr')).toHaveCount(12);
    await expect(page.getByTestId('schedule-total')).toHaveText('Rp5.000.000');
    await expect(page.getByTestId('schedule-preview').locator('tbody tr').first()).toContainText('Rp417.000');
    await checkPage(page, testInfo, 'officer-borrower');
    await page.getByRole('button', { name: 'Ajukan' }).click();

    await expect(page).toHaveURL(/\/officer\/applications\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('application-status')).toHaveAttribute('data-status', 'SUBMITTED');
    applicationUrl = new URL(page.url()).pathname;
    applicationNumber = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace('Pengajuan ', '').trim();
    expect(applicationNumber).toMatch(/^APP-\d{4}-\d{6}$/);

    // Score it: SLIK and the field visit; every factor explains its points.
    await choose(page, /^Kolektibilitas SLIK/, '1');
    await choose(page, /^Hasil kunjungan lapangan/, '4');
    await page.getByRole('button', { name: 'Nilai pengajuan' }).click();
    await expect(page.getByTestId('application-status')).toHaveAttribute('data-status', 'SCORED');
    await expect(page.getByTestId('score-grade')).toHaveText(/^[A-E]$/);
    const factors = page.getByTestId('score-factors').locator(':scope > div');
    expect(await factors.count()).toBeGreaterThan(2);
    await expect(factors.first()).toContainText(/\d+\/\d+/);
    await expect(page.getByTestId('status-history')).toContainText('Dinilai');
    await checkPage(page, testInfo, 'officer-application');

    // My pipeline counts it among the scored, waiting since today.
    await openNav(page, /^Pipeline saya$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pipeline saya');
    await expect(page.locator(`[data-testid="pipeline-row"][data-number="${applicationNumber}"]`)).toContainText('Menunggu 0 hari');
    expect(Number(await page.getByTestId('pipeline-count-SCORED').textContent())).toBeGreaterThanOrEqual(1);
    await checkPage(page, testInfo, 'officer-pipeline');

    await openNav(page, /^Pengajuan$/);
    await expect(page.locator(`[data-testid="application-row"][data-number="${applicationNumber}"]`)).toBeVisible();
    await checkPage(page, testInfo, 'officer-applications');

    await openNav(page, /^Simulasi angsuran$/);
    await page.getByLabel(/^Jumlah/).fill('1.000.000');
    await page.getByLabel(/^Tenor/).fill('3');
    await page.getByRole('button', { name: 'Hitung' }).click();
    await expect(page.getByTestId('schedule-preview').locator('tbody td:nth-child(3)')).toHaveText(['Rp334.000', 'Rp334.000', 'Rp332.000']);
    await checkPage(page, testInfo, 'officer-simulation');
    await logout(page);
  });

  test('an approver (not the scorer) finds it in the queue and approves a smaller amount', async ({ page }, testInfo) => {
    expect(applicationUrl).not.toBe('');
    await loginAs(page, 'approver');
    await openNav(page, /^Antrean persetujuan$/);
    const row = page.locator(`[data-testid="queue-row"][data-number="${applicationNumber}"]`);
    await expect(row).toBeVisible();
    await checkPage(page, testInfo, 'approver-queue');
    await row.getByRole('link', { name: applicationNumber }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Berkas ${applicationNumber}`);
    await expect(page.getByTestId('borrower-summary')).toContainText('Kerajinan batik');
    await expect(page.getByTestId('document')).toHaveCount(1);
    await expect(page.getByTestId('score-factors')).toBeVisible();
    await expect(page.getByTestId('programme-history')).toContainText('Belum pernah');
    await expect(page.getByTestId('maker-checker')).toHaveCount(0);
    await checkPage(page, testInfo, 'approver-file');

    // The KTP photo opens in the viewer.
    await page.getByRole('button', { name: /^Lihat KTP/ }).click();
    await expect(page.getByRole('dialog').getByRole('img', { name: 'KTP' })).toBeVisible();
    await page.getByRole('button', { name: 'Tutup' }).click();

    await page.getByLabel(/^Jumlah disetujui/).fill('4.000.000');
    await page.getByRole('button', { name: 'Simpan keputusan' }).click();
    await expect(page.getByTestId('decision-done')).toContainText('Disetujui');
    await expect(page.getByTestId('application-status')).toHaveAttribute('data-status', 'APPROVED');
    await logout(page);
  });
});
