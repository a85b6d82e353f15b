// The fund's chart of accounts (api.md). The migration seeds the same rows; a spec keeps them equal.
export const ACCOUNTS = {
  CASH: '1100',
  LOANS_RECEIVABLE: '1200',
  LATE_FEES_RECEIVABLE: '1210',
  SUSPENSE: '1900',
  BORROWER_CREDITS: '2100',
  FUND_CAPITAL: '3100',
  LATE_FEE_INCOME: '4100',
  LOAN_LOSSES: '5100',
} as const;

export type AccountCode = (typeof ACCOUNTS)[keyof typeof ACCOUNTS];
export type NormalBalance = 'DEBIT' | 'CREDIT';

export const CHART: Record<AccountCode, { name: string; normalBalance: NormalBalance }> = {
  '1100': { name: 'Cash at bank', normalBalance: 'DEBIT' },
  '1200': { name: 'Loans receivable', normalBalance: 'DEBIT' },
  '1210': { name: 'Late fees receivable', normalBalance: 'DEBIT' },
  '1900': { name: 'Suspense', normalBalance: 'DEBIT' },
  '2100': { name: 'Borrower credit balances', normalBalance: 'CREDIT' },
  '3100': { name: 'Fund capital', normalBalance: 'CREDIT' },
  '4100': { name: 'Late fee income', normalBalance: 'CREDIT' },
  '5100': { name: 'Loan losses', normalBalance: 'DEBIT' },
};

export const isAccountCode = (code: string): code is AccountCode => Object.prototype.hasOwnProperty.call(CHART, code);
