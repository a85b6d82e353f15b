import { IsMoney } from '#money';
import { IsCalendarDate, PageQuery } from '#platform';
import { LOAN_STATUSES, LOAN_TRANSACTION_KINDS, type LoanStatus, type LoanTransactionKind, REPAYMENT_CHANNELS, REVERSAL_REQUEST_STATUSES, type RepaymentChannel, type ReversalRequestStatus } from '#repayment';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

const NOT_BLANK = /\S/;

export class RecordRepaymentRequest {
  @ApiProperty({ example: '334000', description: 'Positive decimal string, at most 2 decimals' })
  @IsMoney({ positive: true })
  amount: string;

  @ApiPropertyOptional({
    example: '2026-02-14',
    description: "YYYY-MM-DD: not after the business date, not before the loan's disbursement; defaults to the business date. Before the latest repayment posted, the later ones are replayed after it",
  })
  @IsOptional() @IsCalendarDate()
  valueDate?: string;

  @ApiProperty({ enum: REPAYMENT_CHANNELS, example: 'VA' })
  @IsIn(REPAYMENT_CHANNELS, { message: `channel must be one of ${REPAYMENT_CHANNELS.join(', ')}` })
  channel: RepaymentChannel;

  @ApiProperty({ example: 'VA-114000012026000123-0001', minLength: 1, maxLength: 140, description: "The receipt's or bank's reference" })
  @IsString() @Length(1, 140) @Matches(NOT_BLANK, { message: 'reference must not be blank' })
  reference: string;
}

export class AllocationResponse {
  @ApiProperty({ example: 1 }) installmentNumber: number;
  @ApiProperty({ example: '334000.00' }) principal: string;
  @ApiProperty({ example: '0.00' }) lateFee: string;
}

export class LoanBalancesResponse {
  @ApiProperty({ example: '666000.00' }) outstandingPrincipal: string;
  @ApiProperty({ enum: LOAN_STATUSES, example: 'ACTIVE' }) status: LoanStatus;
  @ApiProperty({ example: '0.00', description: 'Overpayments not yet refunded: what the fund owes the borrower (ledger 2100)' }) creditBalance: string;
}

export class RepaymentResponse {
  @ApiProperty({ format: 'uuid' }) transactionId: string;
  @ApiProperty({ example: '2026-02-14' }) valueDate: string;
  @ApiProperty({ description: 'Dated before the latest repayment: the later ones were replayed after this one' }) backdated: boolean;
  @ApiProperty({ type: [AllocationResponse], description: 'Oldest installment first; within one, the late fee before the principal (OLDEST_FIRST_FEE_FIRST)' })
  allocations: AllocationResponse[];
  @ApiProperty({ example: '334000.00' }) principal: string;
  @ApiProperty({ example: '0.00' }) lateFee: string;
  @ApiProperty({ example: '0.00', description: 'Beyond everything owed: the loan closes and this is credited to the borrower (2100)' }) overpayment: string;
  @ApiProperty({ type: LoanBalancesResponse }) loan: LoanBalancesResponse;
  @ApiProperty({ format: 'uuid', description: 'Dr 1100 / Cr 1200, 1210, 2100' }) journalEntryId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: "The entry moving later repayments' split when a backdated payment changed it" })
  adjustmentEntryId: string | null;
}

export class RequestReversalRequest {
  @ApiProperty({ example: 'Transfer ditolak bank (dana tidak masuk)', minLength: 1, maxLength: 500 })
  @IsString() @Length(1, 500) @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason: string;
}

export class RejectReversalRequest {
  @ApiPropertyOptional({ example: 'Dana sudah masuk, cek rekening koran 14/02', minLength: 1, maxLength: 500 })
  @IsOptional() @IsString() @Length(1, 500)
  note?: string;
}

export class ReversalRequestResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) loanId: string;
  @ApiProperty({ format: 'uuid', description: 'The repayment to reverse' }) transactionId: string;
  @ApiProperty({ enum: REVERSAL_REQUEST_STATUSES, example: 'PENDING' }) status: ReversalRequestStatus;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'uuid' }) requestedBy: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) decidedBy: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionNote: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The REVERSAL transaction, once approved' }) reversalTransactionId: string | null;
}

export class AppliedReversalResponse extends ReversalRequestResponse {
  @ApiProperty({ type: LoanBalancesResponse }) loan: LoanBalancesResponse;
  @ApiProperty({ format: 'uuid', description: 'The mirror of the repayment as it stood: Dr 1200 / 1210 / 2100, Cr 1100' }) journalEntryId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: "The entry moving later repayments' split, when taking this one out changed it" })
  adjustmentEntryId: string | null;
}

export class RefundRequest {
  @ApiPropertyOptional({ example: '50000', description: "Defaults to the loan's whole credit balance" })
  @IsOptional() @IsMoney({ positive: true })
  amount?: string;

  @ApiPropertyOptional({ example: '2026-03-01', description: "Not after the business date, not before the loan's last repayment; defaults to the business date" })
  @IsOptional() @IsCalendarDate()
  valueDate?: string;

  @ApiProperty({ example: 'TRF-REFUND-0001', minLength: 1, maxLength: 140, description: "The transfer's reference" })
  @IsString() @Length(1, 140) @Matches(NOT_BLANK, { message: 'reference must not be blank' })
  reference: string;
}

export class RefundResponse {
  @ApiProperty({ format: 'uuid' }) transactionId: string;
  @ApiProperty({ example: '50000.00' }) amount: string;
  @ApiProperty({ example: '2026-03-01' }) valueDate: string;
  @ApiProperty() reference: string;
  @ApiProperty({ type: LoanBalancesResponse }) loan: LoanBalancesResponse;
  @ApiProperty({ format: 'uuid', description: 'Dr 2100 / Cr 1100' }) journalEntryId: string;
}

export class LoanTransactionQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LOAN_TRANSACTION_KINDS })
  @IsOptional() @IsIn(LOAN_TRANSACTION_KINDS, { message: `kind must be one of ${LOAN_TRANSACTION_KINDS.join(', ')}` })
  kind?: LoanTransactionKind;
}

export class LoanTransactionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: LOAN_TRANSACTION_KINDS, example: 'REPAYMENT' }) kind: LoanTransactionKind;
  @ApiProperty({ enum: ['POSTED', 'REVERSED'], description: 'REVERSED once a reversal of this repayment was approved' }) status: 'POSTED' | 'REVERSED';
  @ApiProperty({ example: '334000.00' }) amount: string;
  @ApiProperty({ example: '2026-02-14' }) valueDate: string;
  @ApiProperty({ enum: REPAYMENT_CHANNELS, nullable: true, type: String, description: 'Repayments only' }) channel: RepaymentChannel | null;
  @ApiProperty() reference: string;
  @ApiProperty({ example: '334000.00', description: 'A repayment: principal it pays now. A reversal: what it undid' }) principal: string;
  @ApiProperty({ example: '0.00' }) lateFee: string;
  @ApiProperty({ example: '0.00' }) overpayment: string;
  @ApiProperty({ type: [AllocationResponse], description: 'A reversal shows the allocations of the repayment it undid; a refund none' }) allocations: AllocationResponse[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'On a REVERSAL: the repayment it undid' }) reversesTransactionId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'On a reversed REPAYMENT: its REVERSAL' }) reversalTransactionId: string | null;
  @ApiProperty({ type: ReversalRequestResponse, nullable: true, description: "A repayment's latest reversal request" }) reversalRequest: ReversalRequestResponse | null;
  @ApiProperty({ format: 'uuid' }) journalEntryId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) postedBy: string | null;
  @ApiProperty({ format: 'date-time' }) postedAt: string;
}

export class LoanTransactionPage {
  @ApiProperty({ type: [LoanTransactionResponse] }) items: LoanTransactionResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
