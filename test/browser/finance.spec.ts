import { readFileSync } from 'node:fs';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { checkPage, DEMO, loginAs } from './support.js';

// The finance desk: an application approved through the api in this file's setup (a new borrower per run
// and project) is ordered, batched, its bank file downloaded, confirmed, and the loan gets its first
// repayment at the teller; then the other finance pages (statements, reversals, fund, trial balance).

test.describe.configure({ mode: 'serial' });

async function token(request: APIRequestContext, who: keyof typeof DEMO): Promise<string> {
  const res = await request.post('/api/auth/login', { data: DEMO[who] });
  expect(res.ok(), await res.text()).toBeTruthy();
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** A valid NIK issued in Kecamatan Bangkalan (35.26.01) for a woman born 1988-07-<day>, serial from the clock. */
function nikOf(serial: number, day: number): string {
  return `352601${String(day + 40).padStart(2, '0')}0788${String(serial % 10000).padStart(4, '0')}`;
}

/** A new borrower with an eligible business, an application scored and approved: returns its number and id. */
async function approvedApplication(request: APIRequestContext, name: string): Promise<{ id: string; number: string; fullName: string }> {
  const officer = await token(request, 'loan_officer');
  const approver = await token(request, 'approver');
  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });
  const fullName = `Ibu ${name}`;
  let borrowerId = '';
  for (let attempt = 0; attempt < 5 && !borrowerId; attempt += 1) {
    const serial = (Date.now() + attempt * 7919) % 10000;
    const res = await request.post('/api/borrowers', {
      headers: auth(officer),
      data: {
        nik: nikOf(serial, 1 + (serial % 28)),
        fullName,
        gender: 'F',
        phone: `0819${String(Date.now()).slice(-8)}`,
        address: { street: 'Jl. Trunojoyo No. 5', districtCode: '35.26.01', postalCode: '69112' },
        business: { name: `Warung ${name}`, nib: `91202${String(Date.now()).slice(-8)}`, sector: 'CULINARY', startedOn: '2015-03-01', monthlyRevenue: '9000000', monthlyExpenses: '5000000' },
      },
    });
    if (res.status() === 201) borrowerId = ((await res.json()) as { id: string }).id;
    else expect([409, 400], await res.text()).toContain(res.status());
  }
  expect(borrowerId).not.toBe('');
  const products = (await (await request.get('/api/products', { headers: auth(officer) })).json()) as { items: { id: string }[] };
  const created = await request.post('/api/applications', {
    headers: auth(officer),
    data: { borrowerId, productId: products.items[0].id, amount: '2500000', tenor: 6, purpose: 'Modal kerja warung makan' },
  });
  expect(created.status(), await created.text()).toBe(201);
  const app = (await created.json()) as { id: string; number: string };
  const scored = await request.post(`/api/applications/${app.id}/score`, { headers: auth(officer), data: { slikCollectibility: 1, fieldVisitRating: 4 } });
  expect(scored.ok(), await scored.text()).toBeTruthy();
  const approved = await request.post(`/api/applications/${app.id}/decisions`, { headers: auth(approver), data: { decision: 'APPROVE' } });
  expect(approved.ok(), await approved.text()).toBeTruthy();
  expect(((await approved.json()) as { status: string }).status).toBe('APPROVED');
  return { ...app, fullName };
}

let application: { id: string; number: string; fullName: string };
let loanNumber = '';
let wrongReference = '';

test.beforeAll(async ({ request }, testInfo) => {
  application = await approvedApplication(request, `Keuangan ${testInfo.project.name} ${Date.now() % 100000}`);
});

test('finance orders the transfer, builds the batch, downloads the bank file and confirms: the loan exists', async ({ page }, testInfo) => {
  await loginAs(page, 'finance');
  await page.goto('/finance/disbursements');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pencairan');
  const card = page.locator(`[data-testid="approved-application"][data-number="${application.number}"]`);
  await expect(card).toContainText('Rp2.500.000');
  await expect(card.getByLabel('Nama pemilik rekening')).toHaveValue(application.fullName);
  await checkPage(page, testInfo, 'finance-disbursements');

  // A wrong account number: the api's problem names the field, and the form keeps what was typed.
  await card.getByLabel('Nomor rekening').fill('12AB');
  await card.getByTestId('order-disbursement').click();
  await expect(card.getByText('accountNumber must be 6 to 20 digits')).toBeVisible();
  await card.getByLabel('Nomor rekening').fill('0011223344');
  await card.getByTestId('order-disbursement').click();
  await expect(card).toHaveCount(0);

  const row = page.locator(`[data-testid="pending-order"][data-application="${application.id}"]`);
  await expect(row).toContainText('Rp2.500.000');
  await row.getByRole('checkbox').check();
  await page.getByTestId('build-batch').click();
  await expect(page).toHaveURL(/\/finance\/batches\?id=/);
  const detail = page.getByTestId('batch-detail');
  await expect(detail).toHaveAttribute('data-status', 'OPEN');
  await checkPage(page, testInfo, 'finance-batch-open');

  const downloading = page.waitForEvent('download');
  await detail.getByTestId('download-bank-file').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^BAT-\d{4}-\d{6}\.csv$/);
  const file = readFileSync(await download.path(), 'utf8');
  expect(file).toContain('2500000');
  await testInfo.attach('bank-file.csv', { body: file, contentType: 'text/csv' });
  // The first download marks the batch SENT: its lines can now be settled.
  await expect(detail).toHaveAttribute('data-status', 'SENT');

  const line = detail.getByTestId('batch-line').first();
  await line.getByLabel('Referensi bank').fill(`JTM-${Date.now()}`);
  await line.getByTestId('confirm-line').click();
  const booked = detail.getByTestId('loan-number');
  await expect(booked).toContainText(/Pinjaman BKL-\d{4}-\d{6} dibukukan/);
  loanNumber = /BKL-\d{4}-\d{6}/.exec((await booked.textContent()) ?? '')?.[0] ?? '';
  expect(loanNumber).not.toBe('');
  await checkPage(page, testInfo, 'finance-batch-confirmed');
});

test('finance posts a teller repayment on the new loan and sees it in its transactions', async ({ page }, testInfo) => {
  expect(loanNumber).not.toBe('');
  await loginAs(page, 'finance');
  await page.goto('/finance/repayments');
  await page.getByLabel('Nomor pinjaman').fill(loanNumber.toLowerCase());
  await page.getByTestId('find-loan').click();
  const loan = page.getByTestId('loan-card');
  await expect(loan).toContainText(loanNumber);
  await expect(loan).toContainText('Rp2.500.000');
  // The amount is prefilled with the next installment (Rp2.500.000 over 6: Rp417.000 rounded up).
  const amount = page.getByLabel('Jumlah');
  await expect(amount).not.toHaveValue('');
  const reference = `KWT-${testInfo.project.name}-${Date.now() % 100000}`;
  await page.getByLabel('Nomor kuitansi / referensi').fill(reference);
  await page.getByTestId('post-repayment').click();
  await expect(page.getByTestId('repayment-result')).toContainText('Angsuran ke-1');
  const tx = page.getByTestId('transaction').filter({ hasText: reference });
  await expect(tx).toHaveCount(1);
  await expect(tx).toContainText('Tunai di kantor');
  await checkPage(page, testInfo, 'finance-repayment');

  // A second payment keyed in by mistake: its reversal is asked for here, and approved by another user below.
  wrongReference = `KWT-SALAH-${testInfo.project.name}-${Date.now() % 100000}`;
  await amount.fill('1000');
  await page.getByLabel('Nomor kuitansi / referensi').fill(wrongReference);
  await page.getByTestId('post-repayment').click();
  const wrong = page.getByTestId('transaction').filter({ hasText: wrongReference });
  await expect(wrong).toHaveCount(1);
  await wrong.getByRole('button', { name: 'Ajukan pembatalan' }).click();
  await wrong.getByLabel('Alasan pembatalan').fill('Salah ketik jumlah di teller');
  await wrong.getByRole('button', { name: 'Ajukan', exact: true }).click();
  await expect(wrong).toContainText('Pembatalan menunggu persetujuan');
});

test('finance imports a bank statement and works on the unmatched credit', async ({ page }, testInfo) => {
  await loginAs(page, 'finance');
  await page.goto('/finance/bank-statements');
  const today = ((await (await page.request.get('/api/business-date', { headers: { Authorization: `Bearer ${await token(page.request, 'finance')}` } })).json()) as { date: string }).date;
  const ref = `UNK-${testInfo.project.name}-${Date.now()}`;
  const csv = ['date,description,reference,debit,credit,balance', `${today},TRANSFER DARI HAMBA ALLAH,${ref},,75000.00,`].join('\n');
  await page.locator('input[type="file"]').setInputFiles({ name: 'mutasi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('import-statement').click();
  await expect(page).toHaveURL(/\/finance\/bank-statements\?id=/);
  const line = page.getByTestId('statement-line').filter({ hasText: ref });
  await expect(line).toHaveAttribute('data-status', 'UNMATCHED');
  await expect(line).toContainText('Rp75.000');
  await checkPage(page, testInfo, 'finance-statement');
  await line.getByRole('button', { name: 'Kembalikan ke pengirim' }).click();
  await line.getByLabel('Alasan pengembalian').fill('Salah transfer: bukan peminjam program');
  await line.getByRole('button', { name: 'Kembalikan', exact: true }).click();
  await expect(page.getByTestId('statement-line').filter({ hasText: ref })).toContainText('Sudah dikembalikan ke pengirim');
});

test('a second finance user approves the reversal; the fund position and the trial balance', async ({ page }, testInfo) => {
  await loginAs(page, 'finance2');
  await page.goto('/finance/reversals');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pembatalan menunggu persetujuan');
  const request = page.getByTestId('reversal-request').filter({ hasText: wrongReference });
  await expect(request).toContainText(loanNumber);
  await expect(request).toContainText('Rp1.000');
  await expect(request).toContainText('Salah ketik jumlah di teller');
  // Asked by the other finance user: this one may approve (no maker-checker note).
  await expect(request.getByTestId('maker-checker-note')).toHaveCount(0);
  await checkPage(page, testInfo, 'finance-reversals');
  await request.getByTestId('approve-reversal').click();
  await expect(page.getByTestId('reversal-request').filter({ hasText: wrongReference })).toHaveCount(0);
  await page.goto('/finance/fund');
  await expect(page.getByTestId('fund-available')).toContainText('Rp');
  await checkPage(page, testInfo, 'finance-fund');
  await page.goto('/finance/trial-balance');
  const table = page.getByTestId('trial-balance');
  await expect(table).toContainText('1100 Kas di bank');
  await expect(page.getByText('Seimbang', { exact: true })).toBeVisible();
  await checkPage(page, testInfo, 'finance-trial-balance');
});
