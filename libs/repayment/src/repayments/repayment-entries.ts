// The journal lines of each money movement on a loan (api.md chart of accounts). A repayment's amount
// is Dr 1100 Cash and is credited to what it paid: 1200 principal, 1210 late fees, 2100 the borrower's
// credit for an overpayment. Zero lines are left out: the ledger refuses them.
import { type AccountCode, ACCOUNTS, type LineDraft } from '#ledger';
import type { Money } from '#money';
import type { Split } from './loan-book.js';

const credits = (s: Split): { account: AccountCode; credit: Money }[] =>
  [
    { account: ACCOUNTS.LOANS_RECEIVABLE, credit: s.principal },
    { account: ACCOUNTS.LATE_FEES_RECEIVABLE, credit: s.lateFee },
    { account: ACCOUNTS.BORROWER_CREDITS, credit: s.overpayment },
  ].filter((l) => l.credit.isPositive());

/** Dr 1100 amount / Cr 1200 principal / Cr 1210 late fees / Cr 2100 overpayment. */
export const repaymentLines = (amount: Money, split: Split): LineDraft[] => [{ account: ACCOUNTS.CASH, debit: amount }, ...credits(split)];

/** The mirror of a repayment as it stands: the money did not arrive after all. */
export const reversalLines = (amount: Money, split: Split): LineDraft[] => [
  ...credits(split).map((l) => ({ account: l.account, debit: l.credit })),
  { account: ACCOUNTS.CASH, credit: amount },
];

/**
 * A replay moved money between what repayments paid, never the cash: the differences of the
 * principal, late fee and overpayment totals net to zero. More paid on an account is a credit to it,
 * less a debit. No lines when nothing moved.
 */
export function adjustmentLines(delta: Split): LineDraft[] {
  const lines: LineDraft[] = [];
  const add = (account: AccountCode, d: Money) => {
    if (d.isPositive()) lines.push({ account, credit: d });
    else if (d.isNegative()) lines.push({ account, debit: d.negated() });
  };
  add(ACCOUNTS.LOANS_RECEIVABLE, delta.principal);
  add(ACCOUNTS.LATE_FEES_RECEIVABLE, delta.lateFee);
  add(ACCOUNTS.BORROWER_CREDITS, delta.overpayment);
  return lines;
}

/** Dr 2100 / Cr 1100: the fund pays the borrower's credit back. */
export const refundLines = (amount: Money): LineDraft[] => [
  { account: ACCOUNTS.BORROWER_CREDITS, debit: amount },
  { account: ACCOUNTS.CASH, credit: amount },
];
