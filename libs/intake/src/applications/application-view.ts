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

/** One application with everything known about it. */
export interface ApplicationDetail extends ApplicationView {
  termsSnapshot: ProductTerms;
  statusHistory: StatusChangeView[];
  /** Filled by the scoring issue: scoring runs, newest last. */
  scores: unknown[];
  /** Filled by the scoring issue: approvers' decisions, in order. */
  decisions: unknown[];
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
