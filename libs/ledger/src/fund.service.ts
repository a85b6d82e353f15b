import { Money } from '#money';
import { AuditService, BusinessDateService, DomainError, ProgrammesService, TransactionRunner } from '#platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
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
  /** Disbursement orders not yet confirmed or cancelled: cash promised to borrowers. */
  committed: Money;
  /** cash - committed: what new disbursement orders may still take. */
  available: Money;
  /** 1200: principal the borrowers still owe. */
  outstandingLoans: Money;
  /** 5100: principal written off as lost. */
  writtenOff: Money;
}

export interface AvailableCash {
  cash: Money;
  committed: Money;
  available: Money;
}

/**
 * Cash at bank and the pending disbursement orders, read by one statement (one snapshot): two reads
 * could straddle a confirmation that moves an amount from the one to the other and count it twice.
 * The disbursement table is read by name: the ledger sits below the disbursement lib.
 */
const AVAILABLE_CASH_SQL = `
  SELECT c.cash::numeric(18,2)::text AS cash, p.committed::numeric(18,2)::text AS committed
    FROM (SELECT coalesce(sum(debit) - sum(credit), 0) AS cash FROM journal_line WHERE programme_id = $1 AND account_code = '${ACCOUNTS.CASH}') c,
         (SELECT coalesce(sum(amount), 0) AS committed FROM disbursement WHERE programme_id = $1 AND status = 'PENDING') p`;

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

  /**
   * Serialises, until the caller's transaction ends, everything that commits or releases this
   * programme's cash: an order checked against the available cash cannot race another one. An
   * advisory lock rather than the programme row, so that foreign-key checks on it never wait.
   */
  async lock(em: EntityManager, programmeId: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`fund:${programmeId}`]);
  }

  /** Cash at bank minus pending disbursement orders, all dates (the bank balance, not a value-dated one). */
  async availableCash(em: EntityManager, programmeId: string): Promise<AvailableCash> {
    const [row] = (await em.query(AVAILABLE_CASH_SQL, [programmeId])) as { cash: string; committed: string }[];
    const cash = Money.fromDb(row.cash);
    const committed = Money.fromDb(row.committed);
    return { cash, committed, available: cash.minus(committed) };
  }

  async position(programmeId?: string): Promise<FundPosition> {
    const programme = await this.programmes.resolve(programmeId);
    const asOf = await this.businessDate.current();
    const b = await this.ledger.balances(programme.id);
    const { committed } = await this.availableCash(this.tx.manager, programme.id);
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
      committed,
      available: b[ACCOUNTS.CASH].minus(committed),
      outstandingLoans: b[ACCOUNTS.LOANS_RECEIVABLE],
      writtenOff: b[ACCOUNTS.LOAN_LOSSES],
    };
  }
}
