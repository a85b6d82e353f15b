import { ApiProblems, STAFF_ROLES } from '#platform';
import { LoansService } from '#repayment';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { UuidParam } from '../http/uuid-param.decorator.js';
import { LoanListQuery, LoanPage, LoanResponse, LoanScheduleResponse } from './loan.dto.js';

// Staff only: borrowers read their own loans through /api/me/loans.
@ApiTags('loans')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('loans')
export class LoansController {
  constructor(private readonly loans: LoansService) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Loans, newest first, by status, collectibility on the business date, or kecamatan' })
  @ApiOkResponse({ type: LoanPage })
  @ApiProblems(400, [404, 'NOT_FOUND: unknown programme'])
  list(@Query() q: LoanListQuery): Promise<unknown> {
    return this.loans.list(q);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'A loan and where it stands on the business date' })
  @ApiOkResponse({ type: LoanResponse })
  @ApiProblems(400, 404)
  get(@UuidParam('id') id: string): Promise<unknown> {
    return this.loans.get(id);
  }

  @Get(':id/schedule')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: "The loan's installments with what is paid and their status on the business date" })
  @ApiOkResponse({ type: LoanScheduleResponse })
  @ApiProblems(400, 404)
  schedule(@UuidParam('id') id: string): Promise<unknown> {
    return this.loans.schedule(id);
  }
}
