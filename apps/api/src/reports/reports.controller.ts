import { ApiProblems, STAFF_ROLES } from '#platform';
import { type CsvFile, OverdueReportService, PortfolioService, PortfolioTrendService } from '#repayment';
import { Controller, Get, Header, Headers, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import {
  OverdueReportPage,
  OverdueReportQuery,
  PortfolioReportQuery,
  PortfolioReportResponse,
  PortfolioTrendQuery,
  PortfolioTrendResponse,
  type ReportFormat,
} from './report.dto.js';

/** `?format=csv` wins; without it, an Accept header asking for text/csv. */
const wantsCsv = (format: ReportFormat | undefined, accept: string | undefined): boolean => format === 'csv' || (format === undefined && /\btext\/csv\b/i.test(accept ?? ''));

const attachment = (file: CsvFile): StreamableFile =>
  new StreamableFile(file.bytes, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${file.fileName}"`, length: file.bytes.length });

@ApiTags('reports')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly portfolio: PortfolioService,
    private readonly overdue: OverdueReportService,
    private readonly trend: PortfolioTrendService,
  ) {}

  @Get('portfolio/trend')
  @Roles(...STAFF_ROLES)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "The portfolio day by day over a range of closed days (the dashboard's trend lines): read from the close-of-day snapshots in one query" })
  @ApiOkResponse({ type: PortfolioTrendResponse })
  @ApiProblems([400, 'VALIDATION_FAILED: a bad date, RANGE_INVERTED (from after to) or RANGE_TOO_LONG (over 731 days)'], [404, 'NOT_FOUND: unknown programme'])
  portfolioTrend(@Query() q: PortfolioTrendQuery): Promise<unknown> {
    return this.trend.trend(q);
  }

  @Get('portfolio')
  @Roles(...STAFF_ROLES)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "The portfolio: live on the business date, or a closed day's snapshot; PAR1/30/90 on balances, NPL, grades, sectors, kecamatan" })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: PortfolioReportResponse })
  @ApiProblems(400, [404, 'NOT_FOUND: unknown programme; PORTFOLIO_SNAPSHOT_NOT_FOUND: no close-of-day snapshot for that asOf'], [422, 'AS_OF_AFTER_BUSINESS_DATE'])
  async portfolioReport(@Query() q: PortfolioReportQuery, @Headers('accept') accept?: string): Promise<unknown> {
    return wantsCsv(q.format, accept) ? attachment(await this.portfolio.csv(q)) : this.portfolio.report(q);
  }

  @Get('overdue')
  @Roles(...STAFF_ROLES)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "The collectors' list: active loans with something overdue, longest overdue first (CSV: every line, no paging)" })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: OverdueReportPage })
  @ApiProblems(400, [404, 'NOT_FOUND: unknown programme'])
  async overdueReport(@Query() q: OverdueReportQuery, @Headers('accept') accept?: string): Promise<unknown> {
    return wantsCsv(q.format, accept) ? attachment(await this.overdue.csv(q)) : this.overdue.list(q);
  }
}
