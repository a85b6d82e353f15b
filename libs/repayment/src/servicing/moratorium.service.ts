import { LocalDate } from '@js-joda/core';
import { AuditService, BusinessDateService, ProgrammesService, requestContext, TransactionRunner, ValidationError } from '#platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RepaymentHooks } from '../repayments/repayment-hooks.js';
import { type DueDateShift, type MoratoriumCandidate, shiftLoanInstallments } from '../domain/moratorium.js';
import { LoanMoratorium } from './loan-moratorium.entity.js';
import { type HolidayRow, holidaysFor, readHolidays } from './holiday-calendar.js';

export interface MoratoriumInput {
  /** Defaults to the default programme. */
  programmeId?: string;
  districtCodes: string[];
  /** Installments due on or after this date move. */
  from: string;
  months: number;
}

export interface MoratoriumResult {
  id: string;
  programmeId: string;
  districtCodes: string[];
  from: string;
  months: number;
  loansAffected: number;
  installmentsShifted: number;
}

interface LockedLoan {
  id: string;
  districtCode: string;
  moveDueDatesOffHolidays: boolean;
}

/** How far past the last shifted date holidays are read: beyond any run of days off and collision moves. */
const HOLIDAY_MARGIN_DAYS = 366;

/**
 * Area moratorium: one transaction locks every ACTIVE loan of the programme in the named kecamatan
 * (in id order, loan rows before installments, as every other writer of a loan does), reads their
 * unpaid installments due on or after `from`, computes the new dates with the pure calendar rule
 * (domain/moratorium.ts), and moves them all with one UPDATE that also records each move.
 */
@Injectable()
export class MoratoriumService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly businessDate: BusinessDateService,
    private readonly programmes: ProgrammesService,
    private readonly hooks: RepaymentHooks,
  ) {}

  async apply(input: MoratoriumInput): Promise<MoratoriumResult> {
    return this.tx.run(async (em) => {
      const programme = await this.programmes.resolve(input.programmeId, em);
      await this.checkDistricts(em, input.districtCodes);
      const businessDate = await this.businessDate.current(em);

      const loans: LockedLoan[] = await em.query(
        `SELECT id, district_code AS "districtCode", coalesce((terms_snapshot ->> 'moveDueDatesOffHolidays')::boolean, false) AS "moveDueDatesOffHolidays"
           FROM loan WHERE programme_id = $1 AND status = 'ACTIVE' AND district_code = ANY($2::text[])
          ORDER BY id FOR UPDATE`,
        [programme.id, input.districtCodes],
      );
      const candidates: MoratoriumCandidate[] = loans.length
        ? await em.query(
            `SELECT i.id, i.loan_id AS "loanId", i.due_date::text AS "dueDate"
               FROM loan_installment i
              WHERE i.loan_id = ANY($1::uuid[]) AND i.superseded_at IS NULL AND i.payment_status <> 'PAID' AND i.due_date >= $2::date
              ORDER BY i.loan_id, i.due_date
              FOR UPDATE`,
            [loans.map((l) => l.id), input.from],
          )
        : [];
      const shifts = await this.plan(em, loans, candidates, input.months);
      const affected = [...new Set(shifts.map((s) => s.loanId))];

      const inserted = await em.insert(LoanMoratorium, {
        programmeId: programme.id,
        districtCodes: input.districtCodes,
        fromDate: input.from,
        months: input.months,
        businessDate,
        loansAffected: affected.length,
        installmentsShifted: shifts.length,
        createdBy: requestContext.current()?.userId ?? null,
      });
      const id = (inserted.identifiers[0] as { id: string }).id;
      if (shifts.length) {
        await em.query(
          `WITH s AS (SELECT * FROM unnest($2::uuid[], $3::uuid[], $4::date[], $5::date[]) AS s(installment_id, loan_id, due_date_before, due_date_after)),
                moved AS (UPDATE loan_installment i SET due_date = s.due_date_after FROM s WHERE i.id = s.installment_id RETURNING i.id)
           INSERT INTO loan_moratorium_installment (moratorium_id, installment_id, loan_id, due_date_before, due_date_after)
           SELECT $1, s.installment_id, s.loan_id, s.due_date_before, s.due_date_after FROM s JOIN moved ON moved.id = s.installment_id`,
          [id, shifts.map((s) => s.id), shifts.map((s) => s.loanId), shifts.map((s) => s.from), shifts.map((s) => s.to)],
        );
        await em.query(`UPDATE loan SET version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`, [affected]);
        await this.hooks.onScheduleChanged(em, affected);
      }
      const result: MoratoriumResult = {
        id,
        programmeId: programme.id,
        districtCodes: input.districtCodes,
        from: input.from,
        months: input.months,
        loansAffected: affected.length,
        installmentsShifted: shifts.length,
      };
      // One summary row for the whole step; each moved date is in loan_moratorium_installment.
      await this.audit.record(em, { action: 'LOAN_MORATORIUM_APPLIED', entityType: 'loan_moratorium', entityId: id, after: { ...result, businessDate, loanIds: affected } });
      return result;
    });
  }

  /** Unknown kecamatan: 400 naming each bad entry by its index. */
  private async checkDistricts(em: EntityManager, codes: string[]): Promise<void> {
    const rows: { code: string }[] = await em.query(`SELECT code FROM region WHERE code = ANY($1::text[]) AND level = 'DISTRICT'`, [codes]);
    const known = new Set(rows.map((r) => r.code));
    const errors = codes.flatMap((code, i) =>
      known.has(code) ? [] : [{ field: `districtCodes[${i}]`, code: 'REGION_UNKNOWN', message: `districtCodes[${i}] ${code} is not a known kecamatan` }],
    );
    if (errors.length) throw new ValidationError(errors, `Unknown kecamatan: ${errors.map((e) => e.field).join(', ')}`);
  }

  private async plan(em: EntityManager, loans: LockedLoan[], candidates: MoratoriumCandidate[], months: number): Promise<DueDateShift[]> {
    if (!candidates.length) return [];
    const byLoan = new Map<string, MoratoriumCandidate[]>();
    for (const c of candidates) {
      const list = byLoan.get(c.loanId);
      if (list) list.push(c);
      else byLoan.set(c.loanId, [c]);
    }
    let holidays: HolidayRow[] = [];
    if (loans.some((l) => l.moveDueDatesOffHolidays)) {
      const dates = candidates.map((c) => c.dueDate).sort();
      const from = LocalDate.parse(dates[0]).plusMonths(months).toString();
      const to = LocalDate.parse(dates[dates.length - 1]).plusMonths(months).plusDays(HOLIDAY_MARGIN_DAYS).toString();
      holidays = await readHolidays(em, from, to);
    }
    return loans.flatMap((l) =>
      shiftLoanInstallments(byLoan.get(l.id) ?? [], {
        months,
        moveDueDatesOffHolidays: l.moveDueDatesOffHolidays,
        holidays: l.moveDueDatesOffHolidays ? holidaysFor(holidays, l.districtCode) : new Set(),
      }),
    );
  }
}
