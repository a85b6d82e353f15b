import { LOAN_STATUSES, type LoanStatus } from '#repayment';
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
