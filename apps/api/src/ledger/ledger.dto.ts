import { IsCalendarDate } from '#platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { ProgrammeQuery } from '../fund/fund.dto.js';

export class TrialBalanceQuery extends ProgrammeQuery {
  @ApiPropertyOptional({ example: '2026-11-22', description: 'Inclusive; defaults to the business date' })
  @IsOptional() @IsCalendarDate()
  asOf?: string;
}

export class TrialBalanceAccount {
  @ApiProperty({ example: '1100' }) code: string;
  @ApiProperty({ example: 'Cash at bank' }) name: string;
  @ApiProperty({ example: '500000000.00' }) debit: string;
  @ApiProperty({ example: '0.00' }) credit: string;
  @ApiProperty({ example: '500000000.00', description: 'In the account’s normal direction' }) balance: string;
}

export class TrialBalanceResponse {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ example: '2026-11-22' }) asOf: string;
  @ApiProperty({ type: [TrialBalanceAccount] }) accounts: TrialBalanceAccount[];
  @ApiProperty({ example: '500000000.00' }) totalDebit: string;
  @ApiProperty({ example: '500000000.00' }) totalCredit: string;
}
