import type { Money } from '#money';
import { bankName } from './domain/banks.js';
import type { BatchStatus, DisbursementStatus } from './domain/disbursement-status.js';
import type { DisbursementBatch } from './entities/disbursement-batch.entity.js';
import type { Disbursement } from './entities/disbursement.entity.js';

/** A disbursement order as answers show it: the account number only masked. */
export interface DisbursementView {
  id: string;
  reference: string;
  status: DisbursementStatus;
  amount: Money;
  tenor: number;
  programmeId: string;
  applicationId: string;
  borrowerId: string;
  bankCode: string;
  bankName: string | null;
  accountNumberMasked: string;
  accountName: string;
  batchId: string | null;
  orderedOn: string;
  orderedBy: string | null;
  orderedAt: string;
  valueDate: string | null;
  bankReference: string | null;
  loanId: string | null;
  confirmedAt: string | null;
  confirmedBy: string | null;
  cancelReason: string | null;
  cancelledAt: string | null;
  cancelledBy: string | null;
  version: number;
}

/** The answer to a confirmation: the order, now DISBURSED, and the loan it booked. */
export interface ConfirmationView extends DisbursementView {
  loanId: string;
  loanNumber: string;
  virtualAccount: string;
  journalEntryId: string;
}

export interface BatchMemberView {
  id: string;
  reference: string;
  amount: Money;
  status: DisbursementStatus;
}

export interface BatchView {
  id: string;
  number: string;
  programmeId: string;
  bankCode: string;
  bankName: string | null;
  layout: string;
  status: BatchStatus;
  count: number;
  total: Money;
  fileName: string;
  fileSha256: string;
  createdAt: string;
  createdBy: string | null;
  sentAt: string | null;
  sentBy: string | null;
  closedAt: string | null;
  version: number;
}

export interface BatchDetail extends BatchView {
  disbursements: BatchMemberView[];
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export const toDisbursementView = (d: Disbursement): DisbursementView => ({
  id: d.id,
  reference: d.reference,
  status: d.status,
  amount: d.amount,
  tenor: d.tenor,
  programmeId: d.programmeId,
  applicationId: d.applicationId,
  borrowerId: d.borrowerId,
  bankCode: d.bankCode,
  bankName: bankName(d.bankCode),
  accountNumberMasked: d.accountNumberMasked,
  accountName: d.accountName,
  batchId: d.batchId,
  orderedOn: d.orderedOn,
  orderedBy: d.orderedBy,
  orderedAt: d.createdAt.toISOString(),
  valueDate: d.valueDate,
  bankReference: d.bankReference,
  loanId: d.loanId,
  confirmedAt: iso(d.confirmedAt),
  confirmedBy: d.confirmedBy,
  cancelReason: d.cancelReason,
  cancelledAt: iso(d.cancelledAt),
  cancelledBy: d.cancelledBy,
  version: d.version,
});

export const batchFileName = (b: DisbursementBatch): string => `${b.number}.csv`;

export const toBatchView = (b: DisbursementBatch): BatchView => ({
  id: b.id,
  number: b.number,
  programmeId: b.programmeId,
  bankCode: b.bankCode,
  bankName: bankName(b.bankCode),
  layout: b.layout.name,
  status: b.status,
  count: b.count,
  total: b.total,
  fileName: batchFileName(b),
  fileSha256: b.fileSha256,
  createdAt: b.createdAt.toISOString(),
  createdBy: b.createdBy,
  sentAt: iso(b.sentAt),
  sentBy: b.sentBy,
  closedAt: iso(b.closedAt),
  version: b.version,
});

export const toBatchMemberView = (d: Disbursement): BatchMemberView => ({ id: d.id, reference: d.reference, amount: d.amount, status: d.status });
