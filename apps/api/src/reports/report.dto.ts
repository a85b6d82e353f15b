import { IsCalendarDate, PageQuery } from '#platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

const FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof FORMATS)[number];
const FORMAT_DOC = { enum: FORMATS, description: 'csv: the report as a CSV attachment (so does `Accept: text/csv`)' };

export class PortfolioReportQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the default programme' })
  @IsOptional() @IsUUID('all')
  programmeId?: string;

  @ApiPropertyOptional({ example: '2026-10-31', description: "Omitted or the business date: live. Earlier: that day's close-of-day snapshot" })
  @IsOptional() @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional(FORMAT_DOC)
  @IsOptional() @IsIn(FORMATS, { message: 'format must be json or csv' })
  format?: ReportFormat;
}

export class OverdueReportQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the default programme' })
  @IsOptional() @IsUUID('all')
  programmeId?: string;

  @ApiPropertyOptional({ example: '35.26.01', description: "The loan's kecamatan" })
  @IsOptional() @Matches(/^\d{2}\.\d{2}\.\d{2}$/, { message: 'districtCode must be a kecamatan code such as 35.26.01' })
  districtCode?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1, description: 'Only loans at least this many days past due' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000)
  minDaysPastDue?: number;

  @ApiPropertyOptional(FORMAT_DOC)
  @IsOptional() @IsIn(FORMATS, { message: 'format must be json or csv' })
  format?: ReportFormat;
}

class ParRatios {
  @ApiProperty({ example: '0.0812', description: 'Outstanding of loans more than 1 day past due / total outstanding' }) '1': string;
  @ApiProperty({ example: '0.0450' }) '30': string;
  @ApiProperty({ example: '0.0120' }) '90': string;
}

class ParBalances {
  @ApiProperty({ example: '40600000.00' }) '1': string;
  @ApiProperty({ example: '22500000.00' }) '30': string;
  @ApiProperty({ example: '6000000.00' }) '90': string;
}

class GradeFigures {
  @ApiProperty({ example: 91 }) count: number;
  @ApiProperty({ example: '455000000.00' }) outstanding: string;
}

class Grades {
  @ApiProperty({ description: 'Lancar' }) '1': GradeFigures;
  @ApiProperty({ description: 'Dalam Perhatian Khusus' }) '2': GradeFigures;
  @ApiProperty({ description: 'Kurang Lancar' }) '3': GradeFigures;
  @ApiProperty({ description: 'Diragukan' }) '4': GradeFigures;
  @ApiProperty({ description: 'Macet' }) '5': GradeFigures;
}

class Disbursed {
  @ApiProperty({ example: 120 }) count: number;
  @ApiProperty({ example: '600000000.00' }) amount: string;
}

class Repaid {
  @ApiProperty({ example: '100000000.00', description: 'Principal and late fees repaid, net of reversals, plus recoveries after write-off' }) amount: string;
}

class OnDay {
  @ApiProperty({ type: Disbursed }) disbursed: Disbursed;
  @ApiProperty({ type: Repaid }) repaid: Repaid;
}

class Slice {
  @ApiProperty({ example: 40 }) activeLoans: number;
  @ApiProperty({ example: '200000000.00' }) outstandingPrincipal: string;
  @ApiProperty({ type: ParRatios }) par: ParRatios;
  @ApiProperty({ example: '0.0100' }) nplRatio: string;
}

class SectorSlice extends Slice {
  @ApiProperty({ example: 'CULINARY', description: "The borrower's business sector (UNKNOWN without a business)" }) sector: string;
}

class DistrictSlice extends Slice {
  @ApiProperty({ example: '35.26.01' }) districtCode: string;
  @ApiProperty({ example: 'Bangkalan' }) districtName: string;
}

export class PortfolioReportResponse {
  @ApiProperty({ example: '2026-10-31' }) asOf: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ enum: ['LIVE', 'SNAPSHOT'] }) source: string;
  @ApiProperty({ example: 100 }) activeLoans: number;
  @ApiProperty({ example: '500000000.00' }) outstandingPrincipal: string;
  @ApiProperty({ type: ParRatios, description: 'PAR on balances, decimal strings 0-1 with 4 places' }) par: ParRatios;
  @ApiProperty({ type: ParBalances }) parOutstanding: ParBalances;
  @ApiProperty({ example: '0.0120', description: 'Outstanding of Kol 3-5 / total outstanding' }) nplRatio: string;
  @ApiProperty({ example: '6000000.00' }) nplOutstanding: string;
  @ApiProperty({ type: Grades, description: 'Per kolektibilitas, with the one-obligor rule' }) collectibility: Grades;
  @ApiProperty({ type: Disbursed, description: 'Loans disbursed from the start of the programme through asOf' }) disbursed: Disbursed;
  @ApiProperty({ type: Repaid, description: 'Repaid from the start through asOf' }) repaid: Repaid;
  @ApiProperty({ type: OnDay, description: 'On asOf itself' }) onDay: OnDay;
  @ApiProperty({ type: [SectorSlice] }) bySector: SectorSlice[];
  @ApiProperty({ type: [DistrictSlice] }) byDistrict: DistrictSlice[];
}

export class OverdueLoanResponse {
  @ApiProperty({ format: 'uuid' }) loanId: string;
  @ApiProperty({ example: 'BKL-2026-000123' }) loanNumber: string;
  @ApiProperty({ format: 'uuid' }) borrowerId: string;
  @ApiProperty({ example: 'Siti Aminah' }) borrowerName: string;
  @ApiProperty({ example: '+6281234567890' }) phone: string;
  @ApiProperty({ example: '35.26.01' }) districtCode: string;
  @ApiProperty({ example: 'Bangkalan' }) districtName: string;
  @ApiProperty({ example: 40 }) daysPastDue: number;
  @ApiProperty({ example: '334000.00', description: 'Unpaid principal and late fees of installments due before the business date' }) overdueAmount: string;
  @ApiProperty({ example: '1000000.00' }) outstandingPrincipal: string;
  @ApiProperty({ example: 2, enum: [1, 2, 3, 4, 5] }) collectibility: number;
  @ApiProperty({ example: '2026-02-15' }) oldestUnpaidDueDate: string;
  @ApiProperty({ example: '2026-01-30', nullable: true, type: String, description: 'Value date of the latest repayment not reversed' }) lastPaymentOn: string | null;
  @ApiProperty({ example: '100000.00', nullable: true, type: String }) lastPaymentAmount: string | null;
}

export class OverdueReportPage {
  @ApiProperty({ example: '2026-03-27', description: 'The business date the list is of' }) asOf: string;
  @ApiProperty({ type: [OverdueLoanResponse] }) items: OverdueLoanResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class PortfolioTrendQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the default programme' })
  @IsOptional() @IsUUID('all')
  programmeId?: string;

  @ApiPropertyOptional({ example: '2026-08-01', description: 'First day (inclusive); defaults to 89 days before `to`' })
  @IsOptional() @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-10-29', description: 'Last day (inclusive, at most 731 days after `from`); defaults to the last closed day (the business date - 1)' })
  @IsOptional() @IsCalendarDate()
  to?: string;
}

export class PortfolioTrendPointResponse {
  @ApiProperty({ example: '2026-10-29', description: 'A closed day' }) date: string;
  @ApiProperty({ example: 100 }) activeLoans: number;
  @ApiProperty({ example: '500000000.00', description: 'Outstanding principal at the end of the day' }) outstanding: string;
  @ApiProperty({ example: '0.0450', description: 'PAR30 on balances, 0-1' }) par30: string;
  @ApiProperty({ example: '0.0120', description: 'Kol 3-5 outstanding / outstanding, 0-1' }) nplRatio: string;
  @ApiProperty({ example: '25000000.00', description: 'Disbursed on the day' }) disbursed: string;
  @ApiProperty({ example: '4000000.00', description: 'Repaid on the day (principal and late fees, net of reversals, plus recoveries)' }) repaid: string;
  @ApiProperty({ example: '600000000.00' }) disbursedToDate: string;
  @ApiProperty({ example: '100000000.00' }) repaidToDate: string;
}

export class PortfolioTrendResponse {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ example: '2026-08-01' }) from: string;
  @ApiProperty({ example: '2026-10-29' }) to: string;
  @ApiProperty({ type: [PortfolioTrendPointResponse], description: 'One point per closed day in the range, oldest first; days never closed have none' })
  points: PortfolioTrendPointResponse[];
}
