import { Money } from '#money';
import { AuditService, BusinessDateService, DomainError, ProgrammesService, TransactionRunner } from '#platform';
import { Injectable } from '@nestjs/common';
import { ACCOUNTS } from './domain/chart-of-accounts.js';
import { LedgerService } from './ledger.service.js';

export interface AddCapitalInput {
  programmeId?: string;
  amount: Money;
  valueDate?: string;
  reference: string;
}

export interface CapitalContribution {
  entryId: string;
  entryNumber: string;
  programmeId: string;
  amount: Money;
  valueDate: string;
  reference: string;
}

export interface FundPosition {
  programmeId: string;
  programmeCode: string;
  asOf: string;
  capital: Money;
  cash: Money;
  loansReceivable: Money;
  lateFeesReceivable: Money;
  suspense: Money;
  borrowerCredits: Money;
  lateFeeIncome: Money;
  loanLosses: Money;
}

export const valueDateInFuture = (valueDate: string, businessDate: string) =>
  new DomainError('UNPROCESSABLE', 'VALUE_DATE_IN_FUTURE', `valueDate ${valueDate} is after the business date ${businessDate}`, { businessDate });

@Injectable()
export class FundService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: LedgerService,
    private readonly programmes: ProgrammesService,
    private readonly businessDate: BusinessDateService,
    private readonly audit: AuditService,
  ) {}

  /** Money put into the fund by the regency budget (APBD): Dr 1100 Cash / Cr 3100 Fund capital. */
  async addCapital(input: AddCapitalInput): Promise<CapitalContribution> {
    return this.tx.run(async (em) => {
      const programme = await this.programmes.resolve(input.programmeId, em);
      const today = await this.businessDate.current(em);
      const valueDate = input.valueDate ?? today;
      if (valueDate > today) throw valueDateInFuture(valueDate, today);
      const entry = await this.ledger.post(em, {
        programmeId: programme.id,
        valueDate,
        kind: 'FUND_CAPITAL',
        description: `Fund capital (APBD) ${input.reference}`,
        reference: input.reference,
        lines: [
          { account: ACCOUNTS.CASH, debit: input.amount },
          { account: ACCOUNTS.FUND_CAPITAL, credit: input.amount },
        ],
      });
      const result: CapitalContribution = {
        entryId: entry.id,
        entryNumber: entry.number,
        programmeId: programme.id,
        amount: input.amount,
        valueDate,
        reference: input.reference,
      };
      await this.audit.record(em, { action: 'FUND_CAPITAL_ADDED', entityType: 'journal_entry', entityId: entry.id, after: result });
      return result;
    });
  }

  async position(programmeId?: string): Promise<FundPosition> {
    const programme = await this.programmes.resolve(programmeId);
    const asOf = await this.businessDate.current();
    const b = await this.ledger.balances(programme.id);
    return {
      programmeId: programme.id,
      programmeCode: programme.code,
      asOf,
      capital: b[ACCOUNTS.FUND_CAPITAL],
      cash: b[ACCOUNTS.CASH],
      loansReceivable: b[ACCOUNTS.LOANS_RECEIVABLE],
      lateFeesReceivable: b[ACCOUNTS.LATE_FEES_RECEIVABLE],
      suspense: b[ACCOUNTS.SUSPENSE],
      borrowerCredits: b[ACCOUNTS.BORROWER_CREDITS],
      lateFeeIncome: b[ACCOUNTS.LATE_FEE_INCOME],
      loanLosses: b[ACCOUNTS.LOAN_LOSSES],
    };
  }
}
