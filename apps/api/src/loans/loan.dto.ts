import { COLLECTIBILITIES, type Collectibility, INSTALLMENT_STATUSES, type InstallmentStatus, LOAN_STATUSES, type LoanStatus } from '#repayment';
import { PageQuery } from '#platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export class LoanListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the default programme' })
  @IsOptional() @IsUUID('all')
  programmeId?: string;

  @ApiPropertyOptional({ enum: LOAN_STATUSES })
  @IsOptional() @IsIn(LOAN_STATUSES, { message: `status must be one of ${LOAN_STATUSES.join(', ')}` })
  status?: LoanStatus;

  @ApiPropertyOptional({ enum: COLLECTIBILITIES, description: "Kolektibilitas 1-5 on the business date, by each loan's own table (BANK or BPR)" })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(5)
  collectibility?: Collectibility;

  @ApiPropertyOptional({ example: '35.26.01', description: "The borrower's kecamatan when the application was taken" })
  @IsOptional() @Matches(/^\d{2}\.\d{2}\.\d{2}$/, { message: 'districtCode must be a kecamatan code such as 35.26.01' })
  districtCode?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID('all')
  borrowerId?: string;

  @ApiPropertyOptional({ example: 'BKL-2026-000123', description: "The loan's number, exactly (case-insensitive): the teller's lookup" })
  @IsOptional() @Matches(/^[A-Za-z0-9_]{1,32}-\d{4}-\d{6,}$/, { message: 'number must be a loan number such as BKL-2026-000123' })
  number?: string;
}

export class LoanResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'BKL-2026-000123' }) number: string;
  @ApiProperty({ format: 'uuid' }) borrowerId: string;
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty({ enum: LOAN_STATUSES, example: 'ACTIVE' }) status: LoanStatus;
  @ApiProperty({ example: '5000000.00' }) principal: string;
  @ApiProperty({ example: '5000000.00' }) outstandingPrincipal: string;
  @ApiProperty({ example: '0.00', description: 'Unpaid principal and late fees of installments due before the business date' }) overdueAmount: string;
  @ApiProperty({ example: 0, description: 'Business date - due date of the oldest installment not fully paid, when positive, else 0' }) daysPastDue: number;
  @ApiProperty({ enum: COLLECTIBILITIES, example: 1, description: "Kolektibilitas by the product's table (BANK: POJK 40/2019, BPR: POJK 33/2018)" }) collectibility: Collectibility;
  @ApiProperty({ example: '2026-07-15', nullable: true, type: String, description: 'The first unpaid installment due on or after the business date' }) nextDueDate: string | null;
  @ApiProperty({ example: '417000.00', nullable: true, type: String }) nextDueAmount: string | null;
  @ApiProperty({ example: '114000012026000123' }) virtualAccount: string;
  @ApiProperty({ example: '2026-06-15' }) disbursedOn: string;
  @ApiPropertyOptional({ example: '25000.00', description: 'Overpayment owed back to the borrower (ledger 2100); present only while positive' }) creditBalance?: string;
}

export class LoanPage {
  @ApiProperty({ type: [LoanResponse] }) items: LoanResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class InstallmentResponse {
  @ApiProperty({ example: 1 }) number: number;
  @ApiProperty({ example: '2026-07-15' }) dueDate: string;
  @ApiProperty({ example: '417000.00' }) principalDue: string;
  @ApiProperty({ example: '0.00' }) principalPaid: string;
  @ApiProperty({ example: '0.00' }) lateFeeDue: string;
  @ApiProperty({ example: '0.00' }) lateFeePaid: string;
  @ApiProperty({ enum: INSTALLMENT_STATUSES, description: 'PAID when paid in full; else OVERDUE / DUE / PARTIALLY_PAID / UPCOMING by the business date' })
  status: InstallmentStatus;
  @ApiPropertyOptional({ example: '2026-07-14', description: 'Present once paid in full' }) paidOn?: string;
}

export class LoanScheduleResponse {
  @ApiProperty({ type: [InstallmentResponse] }) installments: InstallmentResponse[];
}
