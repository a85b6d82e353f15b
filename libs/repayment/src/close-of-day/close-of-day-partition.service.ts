import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { TransactionRunner } from '#platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { nextDay } from '../domain/close-of-day-calendar.js';
import { collectibilitySql, daysPastDueSql } from './collectibility-sql.js';

export interface PartitionOutcome {
  day: string;
  partition: number;
  /** True when the partition was already done (a redelivered or duplicate job): nothing was applied. */
  alreadyDone: boolean;
  loansProcessed: number;
  loansUpdated: number;
  installmentsFellOverdue: number;
  /** programmeId -> late fees assessed, decimal strings. */
  lateFees: Record<string, string>;
}

interface PartitionRow {
  status: 'PENDING' | 'COMPLETED';
  borrower_from: string;
  borrower_to: string | null;
  loans_processed: number;
  loans_updated: number;
  installments_fell_overdue: number;
  late_fees: Record<string, string>;
}

// The partition's loans: active, of borrowers in [$1, $2) ($2 null: to the end). $3 is the day that opens.
const IN_RANGE = `l.status = 'ACTIVE' AND l.borrower_id >= $1::uuid AND ($2::uuid IS NULL OR l.borrower_id < $2::uuid)`;

/**
 * Closes one borrower-id range of one day, in one transaction: every write of the partition commits
 * together with its completion row, or none does. Re-running a completed partition is a no-op (its row
 * is read under a lock first). The partition's active loans are locked (in id order, like every
 * multi-loan writer) before anything is read from their installments, so a repayment posted meanwhile
 * lands wholly before this partition's work on its loan or wholly after it.
 */
@Injectable()
export class CloseOfDayPartitionService {
  /** Who committed a partition: host, process and this instance (two workers may share a process in tests). */
  private readonly worker = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

  constructor(private readonly tx: TransactionRunner) {}

  async close(day: string, partition: number): Promise<PartitionOutcome> {
    return this.tx.run(async (em) => {
      const [row] = (await em.query(
        `SELECT status, borrower_from, borrower_to, loans_processed, loans_updated, installments_fell_overdue, late_fees
           FROM close_of_day_partition WHERE day = $1 AND partition = $2 FOR UPDATE`,
        [day, partition],
      )) as PartitionRow[];
      if (!row) throw new Error(`close-of-day partition ${day}/${partition} was never planned`);
      // The statements below are cheap per row but estimated dear: compiling them (JIT) costs more than running them.
      await em.query(`SET LOCAL jit = off`);
      if (row.status === 'COMPLETED')
        return {
          day,
          partition,
          alreadyDone: true,
          loansProcessed: row.loans_processed,
          loansUpdated: row.loans_updated,
          installmentsFellOverdue: row.installments_fell_overdue,
          lateFees: row.late_fees,
        };
      // Closing `day` opens the next one: what is stored is the standing on that business date.
      const opens = nextDay(day);
      const range = [row.borrower_from, row.borrower_to, opens];
      const loansProcessed = await this.lockLoans(em, range.slice(0, 2));
      const { installments, lateFees } = await this.fallOverdue(em, range);
      const loansUpdated = await this.storeStanding(em, range);
      await em.query(
        `UPDATE close_of_day_partition
            SET status = 'COMPLETED', loans_processed = $3, loans_updated = $4, installments_fell_overdue = $5, late_fees = $6::jsonb,
                completed_by = $7, completed_at = now()
          WHERE day = $1 AND partition = $2`,
        [day, partition, loansProcessed, loansUpdated, installments, JSON.stringify(lateFees), this.worker],
      );
      return { day, partition, alreadyDone: false, loansProcessed, loansUpdated, installmentsFellOverdue: installments, lateFees };
    });
  }

  private async lockLoans(em: EntityManager, range: unknown[]): Promise<number> {
    const [{ n }] = (await em.query(
      `SELECT count(*)::int AS n FROM (SELECT l.id FROM loan l WHERE ${IN_RANGE} ORDER BY l.id FOR NO KEY UPDATE) locked`,
      range,
    )) as { n: number }[];
    return n;
  }

  /**
   * Installments due before the day that opens and still unpaid become overdue (marked once, with the
   * first day they are overdue on), and take the product's late fee then, once: the mark is what stops
   * a second assessment, whatever happens to the installment later.
   */
  private async fallOverdue(em: EntityManager, range: unknown[]): Promise<{ installments: number; lateFees: Record<string, string> }> {
    const rows = (await em.query(
      `WITH loans AS (
         SELECT l.id, l.programme_id, coalesce((l.terms_snapshot->>'lateFee')::numeric(18,2), 0) AS fee
           FROM loan l WHERE ${IN_RANGE}
       ), fell AS (
         UPDATE loan_installment i
            SET overdue_since = $3::date,
                late_fee_due = i.late_fee_due + greatest(loans.fee, 0)
           FROM loans
          WHERE i.loan_id = loans.id AND i.due_date < $3::date
            AND i.overdue_since IS NULL AND i.payment_status <> 'PAID' AND i.superseded_at IS NULL
         RETURNING loans.programme_id, greatest(loans.fee, 0) AS fee
       )
       SELECT programme_id, count(*)::int AS n, sum(fee)::numeric(18,2)::text AS fees FROM fell GROUP BY programme_id`,
      range,
    )) as { programme_id: string; n: number; fees: string }[];
    const lateFees: Record<string, string> = {};
    for (const r of rows) if (r.fees !== '0.00') lateFees[r.programme_id] = r.fees;
    return { installments: rows.reduce((s, r) => s + r.n, 0), lateFees };
  }

  /**
   * Days past due, overdue amount and grade of every loan in the range on the day that opens, then the
   * one-obligor rule: each loan takes the worst grade among its borrower's active loans (all in this
   * range). Only rows whose figures change are written.
   */
  private async storeStanding(em: EntityManager, range: unknown[]): Promise<number> {
    const [{ n }] = (await em.query(
      `WITH standing AS (
         SELECT l.id, l.borrower_id, d.dpd, l.collectibility_table,
                CASE WHEN l.oldest_unpaid_due_date < $3::date THEN (
                  SELECT coalesce(sum(i.principal_due - i.principal_paid + i.late_fee_due - i.late_fee_paid), 0)
                    FROM loan_installment i
                   WHERE i.loan_id = l.id AND i.superseded_at IS NULL AND i.payment_status <> 'PAID' AND i.due_date < $3::date
                ) ELSE 0 END AS overdue
           FROM loan l CROSS JOIN LATERAL (SELECT ${daysPastDueSql('l.oldest_unpaid_due_date', '$3::date')} AS dpd) d
          WHERE ${IN_RANGE}
       ), graded AS (
         SELECT s.*, ${collectibilitySql('s.collectibility_table', 's.dpd')} AS own FROM standing s
       ), obligor AS (
         SELECT g.*, max(g.own) OVER (PARTITION BY g.borrower_id) AS kol FROM graded g
       ), changed AS (
         UPDATE loan l
            SET days_past_due = o.dpd, overdue_amount = o.overdue, own_collectibility = o.own, collectibility = o.kol
           FROM obligor o
          WHERE l.id = o.id AND ${IN_RANGE}
            AND (l.days_past_due, l.overdue_amount, l.own_collectibility, l.collectibility) IS DISTINCT FROM (o.dpd, o.overdue, o.own, o.kol)
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM changed`,
      range,
    )) as { n: number }[];
    return n;
  }
}
