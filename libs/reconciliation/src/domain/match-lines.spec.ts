import fc from 'fast-check';
import { Money } from '#money';
import { type LineToMatch, matchLines, type OpenDisbursement, type OpenLoan, tokensOf } from './match-lines.js';

const loan = (id: string, status: OpenLoan['status'] = 'ACTIVE'): OpenLoan => ({ id, number: `BKL-2026-00000${id}`, virtualAccount: `880800000000000${id}`, status });
const dsb = (id: string, over: Partial<OpenDisbursement> = {}): OpenDisbursement => ({
  id,
  reference: `DSB-2026-00000${id}`,
  bankReference: null,
  amount: Money.of('1000000'),
  status: 'PENDING',
  orderedOn: '2026-01-10',
  ...over,
});
const credit = (reference: string, description = '', amount = '334000'): LineToMatch => ({ direction: 'CREDIT', amount: Money.of(amount), valueDate: '2026-02-14', reference, description });
const debit = (reference: string, amount = '1000000', valueDate = '2026-01-15', description = ''): LineToMatch => ({ direction: 'DEBIT', amount: Money.of(amount), valueDate, reference, description });

describe('matchLines (golden)', () => {
  const loans = [loan('1'), loan('2', 'CLOSED'), loan('3', 'WRITTEN_OFF')];
  const disbursements = [dsb('1', { status: 'DISBURSED', bankReference: 'JTM1' }), dsb('2'), dsb('3', { amount: Money.of('2000000'), orderedOn: '2026-01-01' })];

  it.each([
    ['credit by VA in the description', credit('TRF1', 'SETORAN VA 8808000000000001'), { status: 'MATCHED', loanId: '1', recovery: false }],
    ['credit by VA in the reference', credit('8808000000000001'), { status: 'MATCHED', loanId: '1' }],
    ['credit by loan number', credit('ANGSURAN BKL-2026-000001'), { status: 'MATCHED', loanId: '1' }],
    ['credit of any amount to an active loan', credit('8808000000000001', '', '1'), { status: 'MATCHED', loanId: '1' }],
    ['credit to a closed loan', credit('8808000000000002'), { status: 'UNMATCHED', reason: 'LOAN_CLOSED', loanId: '2' }],
    ['credit to a written-off loan', credit('8808000000000003'), { status: 'MATCHED', reason: null, loanId: '3', recovery: true }],
    ['unknown credit', credit('TRF-X', 'HAMBA ALLAH'), { status: 'UNMATCHED', reason: 'NO_MATCH', loanId: null }],
    ['debit by bank reference', debit('JTM1'), { status: 'MATCHED', disbursementId: '1' }],
    ['debit by order reference', debit('X', '1000000', '2026-01-15', 'Pencairan DSB-2026-000002'), { status: 'MATCHED', disbursementId: '2' }],
    ['debit named but of another amount', debit('JTM1', '999000'), { status: 'MISMATCHED', reason: 'AMOUNT_DIFFERS', disbursementId: '1' }],
    ['debit by amount within the window', debit('X', '1000000', '2026-01-17'), { status: 'MATCHED', disbursementId: '2' }],
    ['debit by amount after the window', debit('X', '2000000', '2026-01-09'), { status: 'UNMATCHED', reason: 'NO_MATCH' }],
    ['debit by amount before the order', debit('X', '1000000', '2026-01-09'), { status: 'UNMATCHED', reason: 'NO_MATCH' }],
  ] as const)('%s', (_what, line, expected) => {
    expect(matchLines([line], disbursements, loans)[0]).toMatchObject(expected);
  });

  it('matches a disbursement at most once', () => {
    const r = matchLines([debit('JTM1'), debit('JTM1')], disbursements, loans);
    expect(r.map((m) => m.status)).toEqual(['MATCHED', 'UNMATCHED']);
  });

  it('tokens: words and hyphenated references, upper-cased', () => {
    expect(tokensOf('Setoran VA 8808-01, ref: bkl-2026-000001.')).toEqual(['SETORAN', 'VA', '8808-01', 'REF', 'BKL-2026-000001']);
  });
});

describe('matchLines (properties)', () => {
  const lineArb = fc.record({
    direction: fc.constantFrom('CREDIT' as const, 'DEBIT' as const),
    amount: fc.integer({ min: 1, max: 5 }).map((n) => Money.of(String(n * 1000))),
    valueDate: fc.constantFrom('2026-01-10', '2026-01-12', '2026-01-20'),
    reference: fc.constantFrom('JTM1', 'X', '8808000000000001', 'DSB-2026-000002', 'BKL-2026-000003'),
    description: fc.constantFrom('', 'VA 8808000000000002'),
  });

  it('gives exactly one outcome per line, in order, and never matches an item twice', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 40 }), (lines) => {
        const ds = [dsb('1', { amount: Money.of('1000'), bankReference: 'JTM1' }), dsb('2', { amount: Money.of('2000') }), dsb('4', { amount: Money.of('3000') })];
        const r = matchLines(lines, ds, [loan('1'), loan('2'), loan('3')]);
        expect(r).toHaveLength(lines.length);
        const used = r.filter((m, i) => lines[i].direction === 'DEBIT' && m.status !== 'UNMATCHED').map((m) => m.disbursementId);
        expect(new Set(used).size).toBe(used.length);
        r.forEach((m, i) => {
          expect(['MATCHED', 'MISMATCHED', 'UNMATCHED']).toContain(m.status);
          if (lines[i].direction === 'CREDIT') expect(m.status).not.toBe('MISMATCHED');
          if (m.status === 'MATCHED' && lines[i].direction === 'DEBIT') expect(ds.find((d) => d.id === m.disbursementId)?.amount.eq(lines[i].amount)).toBe(true);
        });
      }),
    );
  });

  it('is linear: 50,000 lines against 50,000 items well within a second per 10,000', () => {
    const n = 50_000;
    const loans = Array.from({ length: n }, (_, i) => ({ id: `l${i}`, number: `BKL-2026-${i}`, virtualAccount: `8808${i}`, status: 'ACTIVE' as const }));
    const ds = Array.from({ length: n }, (_, i) => dsb(`d${i}`, { reference: `DSB-${i}`, amount: Money.of(String(1000 + (i % 100))) }));
    const lines = Array.from({ length: n }, (_, i) => (i % 2 ? credit(`8808${i}`) : debit(`R${i}`, String(1000 + (i % 100)), '2026-01-12')));
    const start = performance.now();
    const r = matchLines(lines, ds, loans);
    expect(r.filter((m) => m.status === 'MATCHED')).toHaveLength(n);
    expect(performance.now() - start).toBeLessThan(5000);
  });
});
