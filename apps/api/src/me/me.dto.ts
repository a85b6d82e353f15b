import { LOAN_STATUSES, LOAN_TRANSACTION_KINDS, type LoanStatus, type LoanTransactionKind, REPAYMENT_CHANNELS, type RepaymentChannel } from '#repayment';
import { ApiProperty } from '@nestjs/swagger';

export class MyLoanResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'BKL-2026-000123' }) number: string;
  @ApiProperty({ enum: LOAN_STATUSES, example: 'ACTIVE' }) status: LoanStatus;
  @ApiProperty({ example: '5000000.00' }) principal: string;
  @ApiProperty({ example: '4166000.00' }) outstandingPrincipal: string;
  @ApiProperty({ example: '2026-07-15', nullable: true, type: String, description: 'The first unpaid installment due on or after the business date' }) nextDueDate: string | null;
  @ApiProperty({ example: '417000.00', nullable: true, type: String }) nextDueAmount: string | null;
  @ApiProperty({ example: '114000012026000123', description: 'The virtual account to pay into' }) virtualAccount: string;
  @ApiProperty({ example: '0.00', description: 'Unpaid on installments due before the business date' }) overdueAmount: string;
  @ApiProperty({ example: 0 }) daysPastDue: number;
  @ApiProperty({ example: '2026-06-15' }) disbursedOn: string;
}

export class MyLoanPage {
  @ApiProperty({ type: [MyLoanResponse] }) items: MyLoanResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class MyPaymentAllocation {
  @ApiProperty({ example: 1 }) installmentNumber: number;
  @ApiProperty({ example: '334000.00' }) principal: string;
  @ApiProperty({ example: '0.00' }) lateFee: string;
}

export class MyPaymentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: LOAN_TRANSACTION_KINDS, description: 'REPAYMENT; REVERSAL (a repayment undone); REFUND (an overpayment paid back)' }) kind: LoanTransactionKind;
  @ApiProperty({ enum: ['POSTED', 'REVERSED'], description: 'REVERSED: this repayment was undone' }) status: 'POSTED' | 'REVERSED';
  @ApiProperty({ example: '334000.00' }) amount: string;
  @ApiProperty({ example: '2026-02-14' }) valueDate: string;
  @ApiProperty({ enum: REPAYMENT_CHANNELS, nullable: true, type: String }) channel: RepaymentChannel | null;
  @ApiProperty({ example: '334000.00' }) principal: string;
  @ApiProperty({ example: '0.00' }) lateFee: string;
  @ApiProperty({ example: '0.00', description: 'Paid beyond what was owed: credited back to me' }) overpayment: string;
  @ApiProperty({ type: [MyPaymentAllocation], description: 'The installments it settled' }) allocations: MyPaymentAllocation[];
}

export class MyPaymentPage {
  @ApiProperty({ type: [MyPaymentResponse] }) items: MyPaymentResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class MyReminderResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['DUE_SOON', 'DUE_TODAY', 'OVERDUE'] }) kind: string;
  @ApiProperty({ example: 1 }) installmentNumber: number;
  @ApiProperty({ example: -3, description: 'Days from the due date' }) offsetDays: number;
  @ApiProperty({ enum: ['LOG', 'WHATSAPP', 'SMS', 'EMAIL'], description: 'The channel that carried it' }) channel: string;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
}

export class MyReminderPage {
  @ApiProperty({ type: [MyReminderResponse] }) items: MyReminderResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
