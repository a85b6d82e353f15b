import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Where a repayment's side effects on other areas plug in, inside the repayment's transaction. Today it
 * does nothing: there is no reminder outbox yet. The notifications issue fills these in (cancel the
 * SCHEDULED reminders of installments now paid; plan them again for installments a reversal or a
 * backdated replay reopened), so that the cancellation commits with the payment.
 */
@Injectable()
export class RepaymentHooks {
  async onInstallmentsPaid(_em: EntityManager, _loanId: string, _installmentIds: readonly string[]): Promise<void> {}

  async onInstallmentsReopened(_em: EntityManager, _loanId: string, _installmentIds: readonly string[]): Promise<void> {}
}
