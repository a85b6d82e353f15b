// The demo's one loan: Hj. Maimunah (demo login `peminjam`) borrows Rp3.000.000 over 6 months through the
// real api, the way the staff journeys do it in the browser (officer submits and scores, approver approves,
// finance orders and confirms the transfer), then pays her first installment at the teller. `npm start`
// books it after seeding the demo data, so every role's first screen has a loan to show; the browser run
// (test/browser/server.mjs) books it on its throwaway database. With `firstReminderSent` (the browser run)
// one reminder is marked as delivered first: reminders go out days before a due date, which a test run
// cannot wait for. Booking nothing when she already has a loan makes a second `SEED_DEMO=true` start safe.
import pg from 'pg';

/**
 * @param {string} baseUrl e.g. http://127.0.0.1:3987
 * @param {string} databaseUrl the api's database
 * @param {{ firstReminderSent?: boolean }} [options]
 */
export async function bookDemoLoan(baseUrl, databaseUrl, { firstReminderSent = false } = {}) {
  const call = async (method, path, token, body, headers = {}) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const login = async (username, password) => (await call('POST', '/api/auth/login', undefined, { username, password })).accessToken;
  const borrower = await login('peminjam', 'peminjam-demo');
  const [booked] = (await call('GET', '/api/me/loans', borrower)).items;
  if (booked) return { ...summary(booked), alreadyBooked: true };

  const officer = await login('petugas', 'petugas-demo');
  const approver = await login('penyetuju', 'penyetuju-demo');
  const finance = await login('bendahara', 'bendahara-demo');

  const { borrowerId } = await call('GET', '/api/users/me', borrower);
  const { date: today } = await call('GET', '/api/business-date', officer);
  const products = await call('GET', '/api/products', officer);
  const product = products.items[0];
  const application = await call('POST', '/api/applications', officer, {
    borrowerId,
    productId: product.id,
    amount: '3000000',
    tenor: 6,
    purpose: 'Modal kerja: kain dan pewarna batik tulis',
  });
  await call('POST', `/api/applications/${application.id}/score`, officer, { slikCollectibility: 1, fieldVisitRating: 4 });
  await call('POST', `/api/applications/${application.id}/decisions`, approver, { decision: 'APPROVE' });
  const order = await call(
    'POST',
    '/api/disbursements',
    finance,
    { applicationId: application.id, bankCode: '114', accountNumber: '0011223344', accountName: 'Hj Maimunah' },
    { 'Idempotency-Key': `browser-demo-order-${application.id}` },
  );
  await call('POST', `/api/disbursements/${order.id}/confirm`, finance, { valueDate: today, bankReference: 'JTM-BROWSER-0001' }, { 'Idempotency-Key': `browser-demo-confirm-${order.id}` });
  const [loan] = (await call('GET', '/api/me/loans', borrower)).items;

  if (firstReminderSent) await markFirstReminderSent(databaseUrl, loan.id);
  await call(
    'POST',
    `/api/loans/${loan.id}/repayments`,
    finance,
    { amount: loan.nextDueAmount, valueDate: today, channel: 'TELLER', reference: 'KWT-BROWSER-0001' },
    { 'Idempotency-Key': `browser-demo-repay-${loan.id}` },
  );
  return { ...summary(loan), firstInstallment: loan.nextDueAmount, alreadyBooked: false };
}

const summary = (loan) => ({ loanId: loan.id, number: loan.number, virtualAccount: loan.virtualAccount });

async function markFirstReminderSent(databaseUrl, loanId) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(
      `UPDATE notification SET status = 'SENT', channel = 'WHATSAPP', sent_at = now(), attempts = 1
        WHERE id = (SELECT id FROM notification WHERE loan_id = $1 ORDER BY scheduled_for, id LIMIT 1)`,
      [loanId],
    );
  } finally {
    await db.end();
  }
}
