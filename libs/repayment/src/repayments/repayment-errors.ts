import type { Money } from '#money';
import { DomainError } from '#platform';

export const valueDateBeforeDisbursement = (valueDate: string, disbursedOn: string) =>
  new DomainError('UNPROCESSABLE', 'VALUE_DATE_BEFORE_DISBURSEMENT', `valueDate ${valueDate} is before the loan was disbursed (${disbursedOn})`, { disbursedOn });

/** A replay cannot reach back over a reschedule: the allocations before it are on the superseded schedule. */
export const valueDateBeforeReschedule = (valueDate: string) =>
  new DomainError(
    'UNPROCESSABLE',
    'VALUE_DATE_BEFORE_RESCHEDULE',
    `valueDate ${valueDate} is before payments that were allocated to a schedule the loan's reschedule replaced; post it with a later value date`,
  );

export const rescheduledSince = (reference: string) =>
  new DomainError('CONFLICT', 'RESCHEDULED_SINCE', `Repayment ${reference} or a later one was allocated to a schedule the loan's reschedule replaced: it can no longer be reversed`);

export const creditAlreadyRefunded = (needed: Money, credit: Money) =>
  new DomainError(
    'CONFLICT',
    'CREDIT_ALREADY_REFUNDED',
    `Reversing this repayment takes back ${needed.toString()} of overpayment credit, but only ${credit.toString()} is left: the rest has been refunded`,
    { creditBalance: credit },
  );

export const noCreditBalance = () => new DomainError('UNPROCESSABLE', 'NO_CREDIT_BALANCE', 'The loan has no overpayment credit to refund');

export const refundExceedsCredit = (amount: Money, credit: Money) =>
  new DomainError('UNPROCESSABLE', 'REFUND_EXCEEDS_CREDIT', `The refund of ${amount.toString()} is more than the loan's credit of ${credit.toString()}`, {
    creditBalance: credit,
  });

export const valueDateBeforeLastRepayment = (valueDate: string, last: string) =>
  new DomainError('UNPROCESSABLE', 'VALUE_DATE_BEFORE_LAST_REPAYMENT', `valueDate ${valueDate} is before the loan's last repayment (${last}), which the credit comes from`, {
    lastRepaymentDate: last,
  });

/** The same refusal a disbursement gets: the bank account cannot pay this out. */
export const cashShort = (amount: Money, available: Money) =>
  new DomainError('UNPROCESSABLE', 'INSUFFICIENT_FUND', `The fund has ${available.toString()} available (cash at bank minus pending orders); this refund needs ${amount.toString()}`, {
    amount,
    available,
  });
