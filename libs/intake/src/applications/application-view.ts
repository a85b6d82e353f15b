import type { Money } from '#money';
import type { ApplicationStatusChange } from './application-status-change.entity.js';
import type { Application } from './application.entity.js';
import type { ApplicationEvent, ApplicationStatus } from './domain/application-status.js';
import type { ProductTerms } from '../products/product-terms.js';

/** An application as lists show it. */
export interface ApplicationView {
  id: string;
  number: string;
  programmeId: string;
  productId: string;
  borrowerId: string;
  districtCode: string;
  amount: Money;
  tenor: number;
  purpose: string;
  status: ApplicationStatus;
  statusSince: string;
  submittedBy: string;
  submittedAt: string;
  updatedAt: string;
  version: number;
}

export interface StatusChangeView {
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus;
  event: ApplicationEvent | 'SUBMIT';
  businessDate: string;
  changedAt: string;
  changedBy: string | null;
  note: string | null;
}

// The shapes below are the scoring lib's rows (scoring_run, application_decision) as the application's
// answer shows them. Intake reads those tables by SQL: scoring depends on intake, never the reverse.

export interface FactorScoreView {
  name: string;
  label: string;
  labelEn: string;
  points: number;
  maxPoints: number;
  /** Indonesian, as the officer explains it to the applicant. */
  reason: string;
  reasonEn: string;
}

export interface KnockOutView {
  rule: string;
  reason: string;
  reasonEn: string;
}

/** One scoring run: the scorecard version, what it read, and the explained result. */
export interface ScoringRunView {
  id: string;
  runNumber: number;
  scorecardId: string;
  scorecardCode: string;
  scorecardVersion: number;
  score: number;
  grade: 'A' | 'B' | 'C' | 'D' | 'E';
  recommendation: 'APPROVE' | 'REVIEW' | 'REJECT';
  recommendationReason: string;
  recommendationReasonEn: string;
  maxRecommendedAmount: Money;
  /** The largest installment for the amount and tenor asked. */
  installment: Money;
  factors: FactorScoreView[];
  knockOuts: KnockOutView[];
  /** Every input the scorer read (money as decimal strings). */
  inputs: Record<string, unknown>;
  businessDate: string;
  scoredBy: string;
  scoredAt: string;
}

/** One approver's decision, on the run they saw. */
export interface DecisionView {
  id: string;
  /** 1: the first decision; 2: the credit committee's second approver. */
  step: number;
  decision: 'APPROVE' | 'REJECT';
  approvedAmount: Money | null;
  approvedTenor: number | null;
  reasonCode: string | null;
  note: string | null;
  scoringRunId: string;
  fromStatus: ApplicationStatus;
  toStatus: ApplicationStatus;
  businessDate: string;
  decidedBy: string;
  decidedAt: string;
}

/** The final approval's terms: null until the application is APPROVED (kept once it is disbursed or expires). */
export interface ApprovedTerms {
  approvedAmount: Money | null;
  approvedTenor: number | null;
  approvedAt: string | null;
  /** The business date of the final approval: the product's validityDays count from it. */
  approvedOn: string | null;
}

/** One application with everything known about it. */
export interface ApplicationDetail extends ApplicationView, ApprovedTerms {
  termsSnapshot: ProductTerms;
  statusHistory: StatusChangeView[];
  /** Scoring runs, oldest first. */
  scores: ScoringRunView[];
  /** Approvers' decisions, in order. */
  decisions: DecisionView[];
}

export const toApplicationView = (a: Application): ApplicationView => ({
  id: a.id,
  number: a.number,
  programmeId: a.programmeId,
  productId: a.productId,
  borrowerId: a.borrowerId,
  districtCode: a.districtCode,
  amount: a.amount,
  tenor: a.tenor,
  purpose: a.purpose,
  status: a.status,
  statusSince: a.statusSince,
  submittedBy: a.submittedBy,
  submittedAt: a.submittedAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
  version: a.version,
});

export const toStatusChangeView = (c: ApplicationStatusChange): StatusChangeView => ({
  fromStatus: c.fromStatus,
  toStatus: c.toStatus,
  event: c.event,
  businessDate: c.businessDate,
  changedAt: c.changedAt.toISOString(),
  changedBy: c.changedBy,
  note: c.note,
});
