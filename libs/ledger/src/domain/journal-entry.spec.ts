// What makes a journal entry postable, checked without a database: every refusal by its code, and the
// double-entry invariants over generated entries (fast-check).
import { Money } from '#money';
import { DomainError } from '#platform/errors';
import fc from 'fast-check';
import { ACCOUNTS, type AccountCode, CHART } from './chart-of-accounts.js';
import { checkEntry, type LineDraft, normalBalanceOf, type PostableLine, reversingLines } from './journal-entry.js';

const m = (s: string) => Money.of(s);
const CODES = Object.keys(CHART) as AccountCode[];

function refusalOf(lines: LineDraft[]): DomainError {
  try {
    checkEntry(lines);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return err as DomainError;
  }
  throw new Error('the entry was accepted');
}

/** Sum per account of debit - credit over any number of line lists. */
function netByAccount(...lists: PostableLine[][]): Map<AccountCode, Money> {
  const net = new Map<AccountCode, Money>();
  for (const l of lists.flat()) net.set(l.account, (net.get(l.account) ?? Money.zero()).plus(l.debit).minus(l.credit));
  return net;
}

// A balanced entry: 1-4 debit and 1-4 credit lines of random sen amounts on random accounts, plus one
// line on the short side that makes them balance; in random order.
const sen = fc.bigInt({ min: 1n, max: 10_000_000_000n });
const account = fc.constantFrom(...CODES);
const side = fc.array(fc.tuple(account, sen), { minLength: 1, maxLength: 4 });
const balancedEntry: fc.Arbitrary<LineDraft[]> = fc
  .record({ debits: side, credits: side, balancer: account })
  .chain(({ debits, credits, balancer }) => {
    const total = (xs: [AccountCode, bigint][]) => xs.reduce((a, [, s]) => a + s, 0n);
    const gap = total(debits) - total(credits);
    const lines: LineDraft[] = [
      ...debits.map(([a, s]): LineDraft => ({ account: a, debit: Money.fromSen(s) })),
      ...credits.map(([a, s]): LineDraft => ({ account: a, credit: Money.fromSen(s) })),
    ];
    if (gap > 0n) lines.push({ account: balancer, credit: Money.fromSen(gap) });
    if (gap < 0n) lines.push({ account: balancer, debit: Money.fromSen(-gap) });
    return fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length });
  });

describe('checkEntry', () => {
  it('accepts a balanced entry and normalises the missing side to zero', () => {
    const lines = checkEntry([
      { account: ACCOUNTS.CASH, debit: m('150000.50') },
      { account: ACCOUNTS.FUND_CAPITAL, credit: m('150000.50') },
    ]);
    expect(lines.map((l) => [l.account, l.debit.toString(), l.credit.toString()])).toEqual([
      ['1100', '150000.50', '0.00'],
      ['3100', '0.00', '150000.50'],
    ]);
  });

  it('accepts a multi-line entry (a repayment split over principal and a late fee)', () => {
    const lines = checkEntry([
      { account: ACCOUNTS.CASH, debit: m('1025000') },
      { account: ACCOUNTS.LOANS_RECEIVABLE, credit: m('1000000') },
      { account: ACCOUNTS.LATE_FEES_RECEIVABLE, credit: m('25000') },
    ]);
    expect(lines).toHaveLength(3);
  });

  it.each([[[]], [[{ account: ACCOUNTS.CASH, debit: m('1') }]]])('refuses fewer than two lines: LEDGER_ENTRY_TOO_FEW_LINES', (lines: LineDraft[]) => {
    const err = refusalOf(lines);
    expect(err.code).toBe('LEDGER_ENTRY_TOO_FEW_LINES');
    expect(err.kind).toBe('UNPROCESSABLE');
  });

  it('refuses an account outside the chart: LEDGER_UNKNOWN_ACCOUNT, naming the line and account', () => {
    const err = refusalOf([
      { account: ACCOUNTS.CASH, debit: m('10') },
      { account: '9999' as AccountCode, credit: m('10') },
    ]);
    expect(err.code).toBe('LEDGER_UNKNOWN_ACCOUNT');
    expect(err.message).toBe('Line 2: unknown account 9999');
  });

  it('refuses inherited property names as accounts', () => {
    expect(refusalOf([{ account: 'toString' as AccountCode, debit: m('1') }, { account: ACCOUNTS.CASH, credit: m('1') }]).code).toBe('LEDGER_UNKNOWN_ACCOUNT');
  });

  it.each([
    ['a negative debit', { debit: m('-5') }],
    ['a negative credit', { credit: m('-5') }],
    ['a negative credit beside a positive debit', { debit: m('5'), credit: m('-5') }],
  ])('refuses %s: LEDGER_NEGATIVE_AMOUNT', (_label, amounts) => {
    const err = refusalOf([{ account: ACCOUNTS.CASH, ...amounts }, { account: ACCOUNTS.FUND_CAPITAL, credit: m('5') }]);
    expect(err.code).toBe('LEDGER_NEGATIVE_AMOUNT');
    expect(err.message).toMatch(/^Line 1:/);
  });

  it.each([
    ['both sides', { debit: m('5'), credit: m('5') }],
    ['neither side', {}],
    ['zero on one side', { debit: Money.zero() }],
    ['zero on both sides', { debit: Money.zero(), credit: Money.zero() }],
  ])('refuses a line with %s: LEDGER_LINE_ONE_SIDE', (_label, amounts) => {
    const err = refusalOf([{ account: ACCOUNTS.CASH, debit: m('5') }, { account: ACCOUNTS.FUND_CAPITAL, ...amounts }]);
    expect(err.code).toBe('LEDGER_LINE_ONE_SIDE');
    expect(err.message).toMatch(/^Line 2:/);
  });

  it('refuses an unbalanced entry: LEDGER_ENTRY_UNBALANCED, with both totals in the message', () => {
    const err = refusalOf([
      { account: ACCOUNTS.CASH, debit: m('100.00') },
      { account: ACCOUNTS.LOANS_RECEIVABLE, debit: m('0.01') },
      { account: ACCOUNTS.FUND_CAPITAL, credit: m('100.00') },
    ]);
    expect(err.code).toBe('LEDGER_ENTRY_UNBALANCED');
    expect(err.message).toBe('Debits 100.01 do not equal credits 100.00');
  });

  it('refuses a one-sided entry (all debits) as unbalanced', () => {
    expect(refusalOf([{ account: ACCOUNTS.CASH, debit: m('1') }, { account: ACCOUNTS.SUSPENSE, debit: m('1') }]).code).toBe('LEDGER_ENTRY_UNBALANCED');
  });

  describe('properties', () => {
    it('accepts every balanced entry, keeping its lines, and its reversal nets every account to zero', () => {
      fc.assert(
        fc.property(balancedEntry, (drafts) => {
          const lines = checkEntry(drafts);
          expect(lines.map((l) => l.account)).toEqual(drafts.map((d) => d.account));
          expect(Money.sum(lines.map((l) => l.debit)).eq(Money.sum(lines.map((l) => l.credit)))).toBe(true);
          const reversal = checkEntry(reversingLines(lines));
          for (const [, net] of netByAccount(lines, reversal)) expect(net.isZero()).toBe(true);
          // The reversal is itself postable and swaps each line's sides.
          reversal.forEach((r, i) => {
            expect(r.debit.eq(lines[i].credit) && r.credit.eq(lines[i].debit)).toBe(true);
          });
        }),
        { numRuns: 500 },
      );
    });

    it('refuses a balanced entry once any one amount moves by 0.01', () => {
      const cent = m('0.01');
      fc.assert(
        fc.property(balancedEntry, fc.nat(), fc.boolean(), (drafts, pick, up) => {
          const i = pick % drafts.length;
          const line = drafts[i];
          const side = line.debit ? 'debit' : 'credit';
          const amount = line[side]!;
          // Moving a one-sen line down makes it zero: that is refused too, as a one-sided line.
          const moved = up ? amount.plus(cent) : amount.minus(cent);
          const perturbed = drafts.map((d, j) => (j === i ? { ...d, [side]: moved } : d));
          const err = refusalOf(perturbed);
          expect(err.code).toBe(moved.isZero() ? 'LEDGER_LINE_ONE_SIDE' : 'LEDGER_ENTRY_UNBALANCED');
        }),
        { numRuns: 500 },
      );
    });

    it('a balanced entry plus its reversal leaves every normal balance at zero', () => {
      fc.assert(
        fc.property(balancedEntry, (drafts) => {
          const lines = checkEntry(drafts);
          const all = [...lines, ...reversingLines(lines)];
          for (const code of CODES) {
            const mine = all.filter((l) => l.account === code);
            const balance = normalBalanceOf(code, Money.sum(mine.map((l) => l.debit)), Money.sum(mine.map((l) => l.credit)));
            expect(balance.isZero()).toBe(true);
          }
        }),
        { numRuns: 200 },
      );
    });
  });
});

describe('reversingLines', () => {
  it('swaps debit and credit on every line, keeping accounts and order', () => {
    const lines = checkEntry([
      { account: ACCOUNTS.LOANS_RECEIVABLE, debit: m('5000000') },
      { account: ACCOUNTS.CASH, credit: m('5000000') },
    ]);
    expect(reversingLines(lines).map((l) => [l.account, l.debit.toString(), l.credit.toString()])).toEqual([
      ['1200', '0.00', '5000000.00'],
      ['1100', '5000000.00', '0.00'],
    ]);
  });
});

describe('normalBalanceOf', () => {
  const debit = m('700.00');
  const credit = m('200.00');

  it.each(['1100', '1200', '1210', '1900', '5100'] as const)('reads asset/expense account %s as debit - credit', (code) => {
    expect(CHART[code].normalBalance).toBe('DEBIT');
    expect(normalBalanceOf(code, debit, credit).toString()).toBe('500.00');
    expect(normalBalanceOf(code, credit, debit).toString()).toBe('-500.00');
  });

  it.each(['2100', '3100', '4100'] as const)('reads liability/equity/income account %s as credit - debit', (code) => {
    expect(CHART[code].normalBalance).toBe('CREDIT');
    expect(normalBalanceOf(code, debit, credit).toString()).toBe('-500.00');
    expect(normalBalanceOf(code, credit, debit).toString()).toBe('500.00');
  });

  it('gives a fund capital contribution a positive balance on both sides of the entry', () => {
    const amount = m('1000000000');
    const [cash, capital] = checkEntry([
      { account: ACCOUNTS.CASH, debit: amount },
      { account: ACCOUNTS.FUND_CAPITAL, credit: amount },
    ]);
    expect(normalBalanceOf(cash.account, cash.debit, cash.credit).eq(amount)).toBe(true);
    expect(normalBalanceOf(capital.account, capital.debit, capital.credit).eq(amount)).toBe(true);
  });
});
