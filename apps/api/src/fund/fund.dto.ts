import { IsMoney } from '#money';
import { IsCalendarDate } from '#platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class ProgrammeQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the default programme' })
  @IsOptional() @IsUUID('all')
  programmeId?: string;
}

export class AddCapitalRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the default programme' })
  @IsOptional() @IsUUID('all')
  programmeId?: string;

  @ApiProperty({ example: '500000000', description: 'Positive decimal string, at most 2 decimals' })
  @IsMoney({ positive: true })
  amount: string;

  @ApiPropertyOptional({ example: '2026-11-22', description: 'YYYY-MM-DD, not after the business date; defaults to it' })
  @IsOptional() @IsCalendarDate()
  valueDate?: string;

  @ApiProperty({ example: 'SP2D 900/123/433.302/2026', description: "The budget transfer's reference" })
  @IsString() @Length(1, 140)
  reference: string;
}

export class CapitalContributionResponse {
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty({ example: '17' }) entryNumber: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ example: '500000000.00' }) amount: string;
  @ApiProperty({ example: '2026-11-22' }) valueDate: string;
  @ApiProperty() reference: string;
}

export class FundPositionResponse {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() programmeCode: string;
  @ApiProperty({ example: '2026-11-22', description: 'The business date' }) asOf: string;
  @ApiProperty({ example: '500000000.00', description: '3100 Fund capital' }) capital: string;
  @ApiProperty({ example: '450000000.00', description: '1100 Cash at bank' }) cash: string;
  @ApiProperty({ example: '50000000.00', description: '1200 Loans receivable' }) loansReceivable: string;
  @ApiProperty({ example: '0.00', description: '1210' }) lateFeesReceivable: string;
  @ApiProperty({ example: '0.00', description: '1900' }) suspense: string;
  @ApiProperty({ example: '0.00', description: '2100' }) borrowerCredits: string;
  @ApiProperty({ example: '0.00', description: '4100' }) lateFeeIncome: string;
  @ApiProperty({ example: '0.00', description: '5100' }) loanLosses: string;
  @ApiProperty({ example: '25000000.00', description: 'Disbursement orders not yet confirmed or cancelled' }) committed: string;
  @ApiProperty({ example: '425000000.00', description: 'cash - committed: what new disbursement orders may still take' }) available: string;
  @ApiProperty({ example: '50000000.00', description: '1200 Loans receivable: principal borrowers still owe' }) outstandingLoans: string;
  @ApiProperty({ example: '0.00', description: '5100 Loan losses: principal written off' }) writtenOff: string;
}
