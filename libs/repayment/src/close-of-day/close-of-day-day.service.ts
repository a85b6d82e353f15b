import { ACCOUNTS, LedgerService } from '#ledger';
import { Money } from '#money';
import { AuditService, BusinessDateService, TransactionRunner } from '#platform';
import { Injectable } from '@nestjs/common';
import { nextDay } from '../domain/close-of-day-calendar.js';
import { borrowerRanges } from '../domain/close-of-day-partitions.js';
import { CloseOfDayDay } from './close-of-day-day.entity.js';
import { CloseOfDayPartition } from './close-of-day-partition.entity.js';
import { PortfolioService } from './portfolio.service.js';

/** Work of other modules that a day's close includes, run inside the transaction that completes the day. */
export interface CloseOfDayHooks {
  /** Expires the approvals past their validity on `day` (scoring's ApprovalExpiryService); returns how many. */
  expireApprovals?: (day: string) => Promise<number>;
}

export interface ClosedDay {
  day: string;
  /** The business date now. */
  businessDate: string;
  loansProcessed: number;
  /** The run is COMPLETED: this was its last day. */
  runCompleted: boolean;
}

/** The journal entry kind of a day's late fees: Dr 1210 Late fees receivable / Cr 4100 Late fee income. */
export const LATE_FEE_ENTRY_KIND = 'LATE_FEE_ASSESSMENT';

/** A day's beginning (its partitions) and end (what spans partitions, then the business date moves). */
@Injectable()
export class CloseOfDayDayService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly businessDate: BusinessDateService,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly portfolio: PortfolioService,
  ) {}

  /**
   * The day's row and its partitions, for `runId`. A day a failed run began is taken over with the
   * partitions it planned then (so those already done stay done), whatever the configured count is now.
   */
  async plan(runId: string, day: string, partitions: number): Promise<CloseOfDayPartition[]> {
    return this.tx.run(async (em) => {
      const [row] = (await em.query(
        `INSERT INTO close_of_day_day (day, run_id, status, partitions) VALUES ($1, $2, 'RUNNING', $3)
         ON CONFLICT (day) DO UPDATE SET run_id = EXCLUDED.run_id WHERE close_of_day_day.status = 'RUNNING'
         RETURNING partitions`,
        [day, runId, partitions],
      )) as { partitions: number }[];
      if (!row) throw new Error(`close-of-day: ${day} is already closed, yet the business date is still on it`);
      const ranges = borrowerRanges(row.partitions);
      await em.query(
        `INSERT INTO close_of_day_partition (day, partition, borrower_from, borrower_to, status)
         SELECT $1, p, f, t, 'PENDING' FROM unnest($2::int[], $3::uuid[], $4::uuid[]) AS r(p, f, t)
         ON CONFLICT (day, partition) DO NOTHING`,
        [day, ranges.map((r) => r.partition), ranges.map((r) => r.from), ranges.map((r) => r.to)],
      );
      return em.find(CloseOfDayPartition, { where: { day }, order: { partition: 'ASC' } });
    });
  }

  /**
   * Completes `day` once all its partitions are done, in one transaction: the late fees' journal entry
   * per programme, the approvals that expire, the portfolio snapshots, the day's row, the business
   * date (the next day) and the run's progress. Null when the day was already completed (a resumed run).
   */
  async finalize(runId: string, day: string, hooks: CloseOfDayHooks = {}): Promise<ClosedDay | null> {
    return this.tx.run(async (em) => {
      const [current] = (await em.query(`SELECT status FROM close_of_day_day WHERE day = $1 FOR UPDATE`, [day])) as { status: string }[];
      if (!current) throw new Error(`close-of-day: ${day} was never planned`);
      if (current.status === 'COMPLETED') return null;
      // The snapshot's aggregate is estimated dear: compiling it (JIT) costs more than running it.
      await em.query(`SET LOCAL jit = off`);
      const today = await this.businessDate.currentForUpdate(em);
      if (today !== day) throw new Error(`close-of-day: the business date is ${today}, not ${day}`);
      const parts = await em.find(CloseOfDayPartition, { where: { day }, order: { partition: 'ASC' } });
      const pending = parts.filter((p) => p.status !== 'COMPLETED').map((p) => p.partition);
      if (pending.length) throw new Error(`close-of-day: ${day} still has partitions to close (${pending.join(', ')})`);

      const fees = new Map<string, Money>();
      for (const p of parts) for (const [programmeId, amount] of Object.entries(p.lateFees)) fees.set(programmeId, (fees.get(programmeId) ?? Money.zero()).plus(Money.fromDb(amount)));
      for (const [programmeId, total] of [...fees].sort(([a], [b]) => a.localeCompare(b))) {
        if (!total.isPositive()) continue;
        await this.ledger.post(em, {
          programmeId,
          valueDate: day,
          kind: LATE_FEE_ENTRY_KIND,
          description: `Late fees on installments overdue after ${day}`,
          reference: `COB-${day}`,
          sourceType: 'close_of_day_day',
          sourceId: day,
          lines: [
            { account: ACCOUNTS.LATE_FEES_RECEIVABLE, debit: total },
            { account: ACCOUNTS.LATE_FEE_INCOME, credit: total },
          ],
        });
      }
      const approvalsExpired = hooks.expireApprovals ? await hooks.expireApprovals(day) : 0;
      await this.portfolio.snapshot(em, day);

      const sum = (f: (p: CloseOfDayPartition) => number) => parts.reduce((s, p) => s + f(p), 0);
      const totals = {
        loansProcessed: sum((p) => p.loansProcessed),
        loansUpdated: sum((p) => p.loansUpdated),
        installmentsFellOverdue: sum((p) => p.installmentsFellOverdue),
        lateFees: Money.sum([...fees.values()]),
        approvalsExpired,
      };
      await em.update(CloseOfDayDay, { day }, { status: 'COMPLETED', completedAt: new Date(), runId, ...totals });
      const opens = nextDay(day);
      await em.query(`UPDATE business_date SET date = $1, updated_at = now() WHERE id = 1`, [opens]);
      const [run] = (await em.query(
        `WITH moved AS (
           UPDATE close_of_day_run
              SET processed_days = processed_days + 1, loans_processed = loans_processed + $2, business_date = $3::date,
                  status = CASE WHEN $3::date > until_date THEN 'COMPLETED' ELSE status END,
                  finished_at = CASE WHEN $3::date > until_date THEN now() ELSE finished_at END
            WHERE id = $1
           RETURNING status, requested_by
         ) SELECT * FROM moved`,
        [runId, totals.loansProcessed, opens],
      )) as { status: string; requested_by: string | null }[];
      if (!run) throw new Error(`close-of-day: run ${runId} does not exist`);
      await this.audit.record(em, {
        action: 'CLOSE_OF_DAY_DAY_CLOSED',
        entityType: 'close_of_day_day',
        entityId: day,
        actorId: run.requested_by,
        before: { businessDate: day },
        after: { businessDate: opens, runId, partitions: parts.length, ...totals, lateFeesByProgramme: Object.fromEntries(fees) },
      });
      return { day, businessDate: opens, loansProcessed: totals.loansProcessed, runCompleted: run.status === 'COMPLETED' };
    });
  }
}
