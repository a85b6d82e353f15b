// Types of scripts/demo-loan.mjs for the TypeScript that calls it (test/e2e/demo-loan.e2e.spec.ts).
export interface DemoLoan {
  loanId: string;
  number: string;
  virtualAccount: string;
  /** The installment paid at the teller; absent when the loan was booked before. */
  firstInstallment?: string;
  /** True when the borrower already had a loan and nothing was booked. */
  alreadyBooked: boolean;
}

export function bookDemoLoan(baseUrl: string, databaseUrl: string, options?: { firstReminderSent?: boolean }): Promise<DemoLoan>;
