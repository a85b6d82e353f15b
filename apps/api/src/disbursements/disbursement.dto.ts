import { BANK_CODES, BANKS, DISBURSEMENT_STATUSES, type DisbursementStatus } from '#disbursement';
import { IsCalendarDate, PageQuery } from '#platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

const NOT_BLANK = /\S/;
/**
 * Printable ASCII a bank's bulk file takes, starting with a letter or digit: no line breaks, and no
 * leading = + - @ that a spreadsheet opening the file would run as a formula.
 */
const ACCOUNT_NAME = /^[A-Za-z0-9][A-Za-z0-9 .,'&()/-]*$/;
const BANK_LIST = BANK_CODES.map((c) => `${c} ${BANKS[c]}`).join(', ');

export class OrderDisbursementRequest {
  @ApiProperty({ format: 'uuid', description: 'An APPROVED application' })
  @IsUUID('all')
  applicationId: string;

  @ApiProperty({ enum: BANK_CODES, example: '114', description: `The borrower's bank: ${BANK_LIST}` })
  @IsIn(BANK_CODES, { message: `bankCode must be one of ${BANK_CODES.join(', ')}` })
  bankCode: string;

  @ApiProperty({ example: '0011223344', description: 'Digits only, 6-20; stored encrypted, answered masked' })
  @IsString() @Matches(/^\d{6,20}$/, { message: 'accountNumber must be 6 to 20 digits' })
  accountNumber: string;

  @ApiProperty({ example: 'Siti Aminah', minLength: 1, maxLength: 100, description: "The account holder's name as the bank has it" })
  @IsString() @Length(1, 100)
  @Matches(ACCOUNT_NAME, { message: "accountName must start with a letter or digit and hold only letters, digits, spaces and . , ' & ( ) / -" })
  accountName: string;
}

export class ConfirmDisbursementRequest {
  @ApiProperty({ example: '2026-06-15', description: 'The date the bank moved the money: not after the business date, not before the order' })
  @IsCalendarDate()
  valueDate: string;

  @ApiProperty({ example: 'JTM2606150001234', minLength: 1, maxLength: 100, description: "The bank's reference for the transfer" })
  @IsString() @Length(1, 100) @Matches(NOT_BLANK, { message: 'bankReference must not be blank' })
  bankReference: string;
}

export class CancelDisbursementRequest {
  @ApiProperty({ example: 'Rekening tujuan tidak ditemukan (bank menolak transfer)', minLength: 1, maxLength: 500 })
  @IsString() @Length(1, 500) @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason: string;
}

export class DisbursementListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the default programme' })
  @IsOptional() @IsUUID('all')
  programmeId?: string;

  @ApiPropertyOptional({ enum: DISBURSEMENT_STATUSES })
  @IsOptional() @IsIn(DISBURSEMENT_STATUSES, { message: `status must be one of ${DISBURSEMENT_STATUSES.join(', ')}` })
  status?: DisbursementStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID('all')
  applicationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID('all')
  batchId?: string;
}

export class DisbursementResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'DSB-2026-000123', description: 'Sent in the bank file; the bank statement carries it back' }) reference: string;
  @ApiProperty({ enum: DISBURSEMENT_STATUSES, example: 'PENDING' }) status: DisbursementStatus;
  @ApiProperty({ example: '5000000.00', description: 'The approved amount' }) amount: string;
  @ApiProperty({ example: 12, description: 'The approved tenor' }) tenor: number;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) borrowerId: string;
  @ApiProperty({ example: '114' }) bankCode: string;
  @ApiProperty({ example: 'Bank Jatim', nullable: true, type: String }) bankName: string | null;
  @ApiProperty({ example: '******3344' }) accountNumberMasked: string;
  @ApiProperty({ example: 'Siti Aminah' }) accountName: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) batchId: string | null;
  @ApiProperty({ example: '2026-06-15', description: 'The business date of the order' }) orderedOn: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) orderedBy: string | null;
  @ApiProperty({ format: 'date-time' }) orderedAt: string;
  @ApiProperty({ example: '2026-06-16', nullable: true, type: String }) valueDate: string | null;
  @ApiProperty({ nullable: true, type: String }) bankReference: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) loanId: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) confirmedAt: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) confirmedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) cancelledAt: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) cancelledBy: string | null;
  @ApiProperty({ example: 1 }) version: number;
}

export class ConfirmationResponse extends DisbursementResponse {
  @ApiProperty({ enum: ['DISBURSED'], example: 'DISBURSED' }) declare status: DisbursementStatus;
  @ApiProperty({ format: 'uuid' }) declare loanId: string;
  @ApiProperty({ example: 'BKL-2026-000123' }) loanNumber: string;
  @ApiProperty({ example: '114000012026000123', description: "The bank's 8-digit prefix and the loan number's digits" }) virtualAccount: string;
  @ApiProperty({ format: 'uuid', description: 'Dr 1200 Loans receivable / Cr 1100 Cash at bank' }) journalEntryId: string;
}

export class DisbursementPage {
  @ApiProperty({ type: [DisbursementResponse] }) items: DisbursementResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
