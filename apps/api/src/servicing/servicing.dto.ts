import { IsMoney } from '#money';
import { IsCalendarDate } from '#platform';
import { LOAN_STATUSES, type LoanStatus, MORATORIUM_MAX_MONTHS, RECOVERY_CHANNELS, type RecoveryChannel } from '#repayment';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { InstallmentResponse, LoanResponse } from '../loans/loan.dto.js';

const NOT_BLANK = /\S/;
const DISTRICT_CODE = /^\d{2}\.\d{2}\.\d{2}$/;

export class RescheduleLoanRequest {
  @ApiProperty({ example: 6, minimum: 1, maximum: 120, description: 'Installments the outstanding principal is spread over' })
  @IsInt() @Min(1) @Max(120)
  newTenor: number;

  @ApiPropertyOptional({
    example: '2026-08-15',
    description: 'Not before the business date; later installments follow at the product frequency. Default: one period after the business date (no grace)',
  })
  @IsOptional() @IsCalendarDate()
  firstDueDate?: string;

  @ApiPropertyOptional({ example: 'Usaha terdampak banjir; omzet turun', maxLength: 500, description: 'Why, for the audit log' })
  @IsOptional() @IsString() @Length(1, 500) @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason?: string;
}

export class RescheduleResponse {
  @ApiProperty({ type: LoanResponse, description: 'The loan on the business date, after the restructure' }) loan: LoanResponse;
  @ApiProperty({ example: 2, description: 'The new schedule version (1 is the schedule booked at disbursement)' }) scheduleVersion: number;
  @ApiProperty({
    type: [InstallmentResponse],
    description: 'The current schedule: installments paid in full before the restructure, then the new ones, numbered on after them',
  })
  installments: InstallmentResponse[];
}

export class MoratoriumRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the default programme' })
  @IsOptional() @IsUUID('all')
  programmeId?: string;

  @ApiProperty({ example: ['35.26.01', '35.26.02'], description: 'Kecamatan codes; each must exist (an unknown one is named by its index)' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ArrayUnique()
  @IsString({ each: true }) @Matches(DISTRICT_CODE, { each: true, message: 'each districtCodes entry must be a kecamatan code such as 35.26.01' })
  districtCodes: string[];

  @ApiProperty({ example: '2026-03-01', description: 'Unpaid installments due on or after this date move' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: 3, minimum: 1, maximum: MORATORIUM_MAX_MONTHS, description: 'Calendar months, clamped to the month end; then off holidays when the loan terms say so' })
  @IsInt() @Min(1) @Max(MORATORIUM_MAX_MONTHS)
  months: number;
}

export class MoratoriumResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ example: ['35.26.01', '35.26.02'] }) districtCodes: string[];
  @ApiProperty({ example: '2026-03-01' }) from: string;
  @ApiProperty({ example: 3 }) months: number;
  @ApiProperty({ example: 42, description: 'ACTIVE loans with at least one installment moved' }) loansAffected: number;
  @ApiProperty({ example: 310 }) installmentsShifted: number;
}

export class WriteOffRequest {
  @ApiProperty({ example: 'Usaha tutup, peminjam pindah domisili; penagihan 12 bulan tidak berhasil', minLength: 1, maxLength: 500 })
  @IsString() @Length(1, 500) @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason: string;
}

export class WriteOffResponse {
  @ApiProperty({ format: 'uuid' }) loanId: string;
  @ApiProperty({ example: 'BKL-2026-000123' }) loanNumber: string;
  @ApiProperty({ enum: LOAN_STATUSES, example: 'WRITTEN_OFF' }) status: LoanStatus;
  @ApiProperty({ example: '2026-11-22', description: 'The business date of the write-off' }) writtenOffOn: string;
  @ApiProperty({ example: '2000000.00', description: 'Outstanding principal: Dr 5100 / Cr 1200' }) principal: string;
  @ApiProperty({ example: '0.00', description: 'Unpaid late fees: Dr 5100 / Cr 1210' }) lateFees: string;
  @ApiProperty({ example: '2000000.00', description: 'principal + lateFees, stored on the loan' }) writtenOffAmount: string;
  @ApiProperty({ example: '0.00', description: 'Total of recoveries since' }) recoveredAmount: string;
  @ApiProperty({ example: '2000000.00', description: 'writtenOffAmount - recoveredAmount: the most further recoveries may bring' }) recoverableAmount: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'uuid' }) journalEntryId: string;
}

export class RecordRecoveryRequest {
  @ApiProperty({ example: '250000', description: 'Positive decimal string, at most 2 decimals; at most what was written off and not yet recovered' })
  @IsMoney({ positive: true })
  amount: string;

  @ApiPropertyOptional({ example: '2026-11-22', description: 'YYYY-MM-DD, not after the business date nor before the write-off; defaults to the business date' })
  @IsOptional() @IsCalendarDate()
  valueDate?: string;

  @ApiProperty({ enum: RECOVERY_CHANNELS })
  @IsIn(RECOVERY_CHANNELS, { message: `channel must be one of ${RECOVERY_CHANNELS.join(', ')}` })
  channel: RecoveryChannel;

  @ApiProperty({ example: 'TLR-2026-11-22-0042', minLength: 1, maxLength: 140, description: "The teller receipt, transfer or VA credit's reference" })
  @IsString() @Length(1, 140) @Matches(NOT_BLANK, { message: 'reference must not be blank' })
  reference: string;
}

export class RecoveryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) loanId: string;
  @ApiProperty({ example: '250000.00' }) amount: string;
  @ApiProperty({ example: '2026-11-22' }) valueDate: string;
  @ApiProperty({ enum: RECOVERY_CHANNELS }) channel: RecoveryChannel;
  @ApiProperty() reference: string;
  @ApiProperty({ format: 'uuid', description: 'Dr 1100 / Cr 5100' }) journalEntryId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class RecoveryLoanTotals {
  @ApiProperty({ enum: LOAN_STATUSES, example: 'WRITTEN_OFF' }) status: LoanStatus;
  @ApiProperty({ example: '2000000.00' }) writtenOffAmount: string;
  @ApiProperty({ example: '250000.00' }) recoveredAmount: string;
  @ApiProperty({ example: '1750000.00' }) recoverableAmount: string;
}

export class RecordedRecoveryResponse extends RecoveryResponse {
  @ApiProperty({ type: RecoveryLoanTotals, description: "The loan's totals after this recovery" }) loan: RecoveryLoanTotals;
}

export class RecoveryPage {
  @ApiProperty({ type: [RecoveryResponse] }) items: RecoveryResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
