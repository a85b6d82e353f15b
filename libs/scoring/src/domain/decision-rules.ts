// An approver's decision (issue 4 item 4): who may decide (maker-checker), what may be approved, and
// whether the credit committee's second approval is needed.
import type { Money } from '#money';
import { DomainError, type FieldViolation } from '#platform/errors';

export const DECISIONS = ['APPROVE', 'REJECT'] as const;
export type Decision = (typeof DECISIONS)[number];

export const REJECTION_REASON_CODES = ['CAPACITY_INSUFFICIENT', 'BAD_CREDIT_HISTORY', 'INCOMPLETE_DOCUMENTS', 'NOT_ELIGIBLE', 'OTHER'] as const;
export type RejectionReasonCode = (typeof REJECTION_REASON_CODES)[number];

export interface DecisionRequest {
  decision: Decision;
  approvedAmount?: Money;
  approvedTenor?: number;
  reasonCode?: RejectionReasonCode;
  note?: string;
}

/** Fields that belong to the other decision, and what a rejection must carry. One entry per field. */
export function decisionRequestViolations(r: DecisionRequest): FieldViolation[] {
  const out: FieldViolation[] = [];
  if (r.decision === 'REJECT') {
    if (r.approvedAmount !== undefined) out.push({ field: 'approvedAmount', code: 'NOT_ALLOWED_ON_REJECT', message: 'approvedAmount is only for APPROVE' });
    if (r.approvedTenor !== undefined) out.push({ field: 'approvedTenor', code: 'NOT_ALLOWED_ON_REJECT', message: 'approvedTenor is only for APPROVE' });
    if (r.reasonCode === undefined)
      out.push({ field: 'reasonCode', code: 'REASON_CODE_REQUIRED', message: `reasonCode is required to reject: one of ${REJECTION_REASON_CODES.join(', ')}` });
  } else if (r.reasonCode !== undefined) {
    out.push({ field: 'reasonCode', code: 'NOT_ALLOWED_ON_APPROVE', message: 'reasonCode is only for REJECT' });
  }
  if (r.reasonCode === 'OTHER' && !r.note?.trim()) out.push({ field: 'note', code: 'NOTE_REQUIRED', message: 'note is required when reasonCode is OTHER' });
  return out;
}

export interface FirstApproval {
  decidedBy: string;
  approvedAmount: Money;
  approvedTenor: number;
}

export interface DeciderContext {
  deciderId: string;
  submittedBy: string;
  /** Everyone who ran a score on the application. */
  scorerIds: readonly string[];
  /** The committee's first approval, while the application waits for a second one. */
  firstApproval: FirstApproval | null;
}

const makerChecker = (message: string) => new DomainError('FORBIDDEN', 'MAKER_CHECKER_VIOLATION', message);

/** 403 MAKER_CHECKER_VIOLATION unless the decider is a fresh pair of eyes, whatever roles they hold. */
export function assertMayDecide(c: DeciderContext): void {
  if (c.deciderId === c.submittedBy) throw makerChecker('You took this application: another approver must decide it');
  if (c.scorerIds.includes(c.deciderId)) throw makerChecker('You scored this application: another approver must decide it');
  if (c.firstApproval?.decidedBy === c.deciderId)
    throw makerChecker('You gave the first approval: the credit committee needs a second, different approver');
}

/** The application's side of an approval: what was asked, and the product's terms at submission. */
export interface ApprovalBounds {
  amount: Money;
  tenor: number;
  minAmount: Money;
  maxAmount: Money;
  minTenor: number;
  maxTenor: number;
  committeeThreshold: Money;
}

export interface DecisionOutcome {
  event: 'APPROVE' | 'APPROVE_FIRST' | 'REJECT';
  /** 1: the first decision; 2: the committee's second approver. */
  step: 1 | 2;
  approvedAmount: Money | null;
  approvedTenor: number | null;
}

const refused = (code: string, message: string, extensions: Record<string, unknown>) => new DomainError('UNPROCESSABLE', code, message, extensions);

/**
 * What the decision does. An approval defaults to the amount and tenor asked (the first approver's, for
 * the second), may lower either but never raise it, and stays within the product's range. Above the
 * committee threshold a first approval only moves the application to PENDING_SECOND_APPROVAL.
 */
export function decisionOutcome(r: DecisionRequest, b: ApprovalBounds, first: FirstApproval | null): DecisionOutcome {
  const step = first ? 2 : 1;
  if (r.decision === 'REJECT') return { event: 'REJECT', step, approvedAmount: null, approvedTenor: null };
  const amount = r.approvedAmount ?? first?.approvedAmount ?? b.amount;
  const tenor = r.approvedTenor ?? first?.approvedTenor ?? b.tenor;
  if (amount.gt(b.amount))
    throw refused('APPROVED_AMOUNT_ABOVE_REQUESTED', `approvedAmount ${amount} is above the ${b.amount} asked`, { requestedAmount: b.amount.toString() });
  if (first && amount.gt(first.approvedAmount))
    throw refused('APPROVED_AMOUNT_ABOVE_FIRST_APPROVAL', `approvedAmount ${amount} is above the first approver's ${first.approvedAmount}`, {
      firstApprovedAmount: first.approvedAmount.toString(),
    });
  if (tenor > b.tenor) throw refused('APPROVED_TENOR_ABOVE_REQUESTED', `approvedTenor ${tenor} is longer than the ${b.tenor} installments asked`, { requestedTenor: b.tenor });
  if (first && tenor > first.approvedTenor)
    throw refused('APPROVED_TENOR_ABOVE_FIRST_APPROVAL', `approvedTenor ${tenor} is longer than the first approver's ${first.approvedTenor}`, {
      firstApprovedTenor: first.approvedTenor,
    });
  if (amount.lt(b.minAmount) || amount.gt(b.maxAmount))
    throw refused('AMOUNT_OUT_OF_RANGE', `approvedAmount must be between ${b.minAmount} and ${b.maxAmount} for this product`, {
      minAmount: b.minAmount.toString(),
      maxAmount: b.maxAmount.toString(),
    });
  if (tenor < b.minTenor || tenor > b.maxTenor)
    throw refused('TENOR_OUT_OF_RANGE', `approvedTenor must be between ${b.minTenor} and ${b.maxTenor} for this product`, { minTenor: b.minTenor, maxTenor: b.maxTenor });
  const event = step === 1 && amount.gt(b.committeeThreshold) ? 'APPROVE_FIRST' : 'APPROVE';
  return { event, step, approvedAmount: amount, approvedTenor: tenor };
}
