import { Money } from '#money';
import { AuditService, BusinessDateService, InvalidStateError, TransactionRunner } from '#platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { checkRescheduleRequest, planReschedule, type RescheduleRequest, rescheduleHolidayWindow } from '../domain/reschedule.js';
import { LoanInstallment } from '../entities/loan-installment.entity.js';
import { Loan } from '../entities/loan.entity.js';
import { RepaymentHooks } from '../repayments/repayment-hooks.js';
import type { InstallmentView, LoanView } from '../loan-view.js';
import { currentInstallments, currentLoanViews, currentSchedule, lockLoan } from './current-schedule.js';
import { holidaysFor, readHolidays } from './holiday-calendar.js';

export interface RescheduleLoanInput extends RescheduleRequest {
  /** Why, for the audit log. */
  reason?: string;
}

export interface RescheduleResult {
  loan: LoanView;
  scheduleVersion: number;
  /** The whole current schedule: rows paid in full before the restructure, then the new ones. */
  installments: InstallmentView[];
}

const amountsOf = (i: Pick<LoanInstallment, 'number' | 'dueDate' | 'principalDue' | 'principalPaid' | 'lateFeeDue' | 'lateFeePaid' | 'scheduleVersion'>) => ({
  number: i.number,
  scheduleVersion: i.scheduleVersion,
  dueDate: i.dueDate,
  principalDue: i.principalDue,
  principalPaid: i.principalPaid,
  lateFeeDue: i.lateFeeDue,
  lateFeePaid: i.lateFeePaid,
});

/** Restructure: the outstanding principal spread over a new tenor as a new schedule version (domain/reschedule.ts has the rules). */
@Injectable()
export class RescheduleService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly businessDate: BusinessDateService,
    private readonly hooks: RepaymentHooks,
  ) {}

  async reschedule(loanId: string, input: RescheduleLoanInput): Promise<RescheduleResult> {
    return this.tx.run(async (em) => {
      const loan = await lockLoan(em, loanId);
      if (loan.status !== 'ACTIVE') throw new InvalidStateError(`Loan ${loan.number} is ${loan.status}: only an ACTIVE loan can be rescheduled`);
      const businessDate = await this.businessDate.current(em);
      checkRescheduleRequest(input, businessDate);
      const installments = await currentInstallments(em, [loan.id]);
      const plan = planReschedule({
        newTenor: input.newTenor,
        firstDueDate: input.firstDueDate,
        outstandingPrincipal: loan.outstandingPrincipal,
        terms: loan.termsSnapshot,
        installments,
        latestVersion: await this.latestVersion(em, loan.id),
        businessDate,
        holidays: await this.holidays(em, loan, input, businessDate),
      });

      await em.query(`UPDATE loan_installment SET superseded_at = now() WHERE id = ANY($1::uuid[])`, [plan.supersededIds]);
      await em.insert(
        LoanInstallment,
        plan.installments.map((i) => ({ loanId: loan.id, scheduleVersion: plan.scheduleVersion, ...i, principalPaid: Money.zero(), lateFeePaid: Money.zero(), paidOn: null })),
      );
      // The schedule is part of the loan: a reader holding the old version number must see it changed.
      await em.query(`UPDATE loan SET version = version + 1, updated_at = now() WHERE id = $1`, [loan.id]);
      await this.hooks.onScheduleChanged(em, [loan.id]);

      const [view] = await currentLoanViews(em, [await em.findOneByOrFail(Loan, { id: loan.id })], businessDate);
      const schedule = await currentSchedule(em, loan.id, businessDate);
      const superseded = installments.filter((i) => plan.supersededIds.includes(i.id));
      await this.audit.record(em, {
        action: 'LOAN_RESCHEDULED',
        entityType: 'loan',
        entityId: loan.id,
        before: {
          outstandingPrincipal: loan.outstandingPrincipal,
          oldestUnpaidDueDate: loan.oldestUnpaidDueDate,
          scheduleVersion: plan.scheduleVersion - 1,
          supersededInstallments: superseded.map(amountsOf),
        },
        after: {
          newTenor: input.newTenor,
          firstDueDate: input.firstDueDate ?? null,
          reason: input.reason ?? null,
          businessDate,
          scheduleVersion: plan.scheduleVersion,
          carriedLateFees: plan.carriedLateFees,
          oldestUnpaidDueDate: plan.installments[0].dueDate,
          installments: plan.installments,
        },
      });
      return { loan: view, scheduleVersion: plan.scheduleVersion, installments: schedule.installments };
    });
  }

  private async latestVersion(em: EntityManager, loanId: string): Promise<number> {
    const [{ latest }] = (await em.query(`SELECT coalesce(max(schedule_version), 1)::int AS latest FROM loan_installment WHERE loan_id = $1`, [loanId])) as { latest: number }[];
    return latest;
  }

  private async holidays(em: EntityManager, loan: Loan, input: RescheduleRequest, businessDate: string): Promise<ReadonlySet<string>> {
    if (!loan.termsSnapshot.moveDueDatesOffHolidays) return new Set();
    const window = rescheduleHolidayWindow(input, loan.termsSnapshot, businessDate);
    return holidaysFor(await readHolidays(em, window.from, window.to), loan.districtCode);
  }
}
