import { cancelInstallmentReminders, planLoanReminders, reminderSettings } from '#notifications';
import { APP_CONFIG, type AppConfig } from '#platform';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Where a loan's schedule changes (booking, reschedule, moratorium) and a repayment's side effects on other areas plug in, inside the repayment's transaction, so that
 * they commit with the payment: the reminders of installments now paid are cancelled; those of
 * installments a reversal or a backdated replay reopened are planned again. #repayment calls the
 * outbox functions of #notifications, which imports nothing from #repayment.
 */
@Injectable()
export class RepaymentHooks {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onInstallmentsPaid(em: EntityManager, _loanId: string, installmentIds: readonly string[]): Promise<void> {
    await cancelInstallmentReminders(em, installmentIds);
  }

  /** A loan booked, rescheduled or moved by a moratorium: its current unpaid installments get their reminders. */
  async onScheduleChanged(em: EntityManager, loanIds: readonly string[]): Promise<void> {
    const settings = reminderSettings(this.config);
    for (const loanId of loanIds) await planLoanReminders(em, loanId, settings);
  }

  async onInstallmentsReopened(em: EntityManager, loanId: string, installmentIds: readonly string[]): Promise<void> {
    await planLoanReminders(em, loanId, reminderSettings(this.config), installmentIds);
  }
}
