// What makes a journal entry postable, and how balances are read; pure, so it is tested without a database.
import { Money } from '#money';
import { DomainError } from '#platform/errors';
import { type AccountCode, CHART, isAccountCode } from './chart-of-accounts.js';

export interface LineDraft {
  account: AccountCode;
  debit?: Money;
  credit?: Money;
}

export interface PostableLine {
  account: AccountCode;
  debit: Money;
  credit: Money;
}

const refuse = (code: string, message: string) => new DomainError('UNPROCESSABLE', code, message);

/** Normalises the lines and refuses an entry that would not balance or has meaningless lines. */
export function checkEntry(lines: LineDraft[]): PostableLine[] {
  if (lines.length < 2) throw refuse('LEDGER_ENTRY_TOO_FEW_LINES', 'A journal entry needs at least two lines');
  const out = lines.map((l, i): PostableLine => {
    if (!isAccountCode(l.account)) throw refuse('LEDGER_UNKNOWN_ACCOUNT', `Line ${i + 1}: unknown account ${String(l.account)}`);
    const debit = l.debit ?? Money.zero();
    const credit = l.credit ?? Money.zero();
    if (debit.isNegative() || credit.isNegative()) throw refuse('LEDGER_NEGATIVE_AMOUNT', `Line ${i + 1}: amounts must not be negative`);
    if (debit.isZero() === credit.isZero())
      throw refuse('LEDGER_LINE_ONE_SIDE', `Line ${i + 1}: exactly one of debit and credit must be positive`);
    return { account: l.account, debit, credit };
  });
  const debits = Money.sum(out.map((l) => l.debit));
  const credits = Money.sum(out.map((l) => l.credit));
  if (!debits.eq(credits))
    throw refuse('LEDGER_ENTRY_UNBALANCED', `Debits ${debits.toString()} do not equal credits ${credits.toString()}`);
  return out;
}

/** The lines of the entry that cancels `lines`: every debit becomes a credit and vice versa. */
export function reversingLines(lines: PostableLine[]): PostableLine[] {
  return lines.map((l) => ({ account: l.account, debit: l.credit, credit: l.debit }));
}

/** Balance in the account's normal direction (assets and expenses: debit - credit). */
export function normalBalanceOf(account: AccountCode, debit: Money, credit: Money): Money {
  return CHART[account].normalBalance === 'DEBIT' ? debit.minus(credit) : credit.minus(debit);
}
