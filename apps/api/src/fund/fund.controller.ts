import { Money } from '#money';
import { FundService } from '#ledger';
import { ApiProblems } from '#platform';
import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { Idempotent } from '../http/idempotent.interceptor.js';
import { AddCapitalRequest, CapitalContributionResponse, FundPositionResponse, ProgrammeQuery } from './fund.dto.js';

@ApiTags('fund')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('fund')
export class FundController {
  constructor(private readonly fund: FundService) {}

  @Post('capital')
  @Roles('admin')
  @Idempotent()
  @ApiOperation({ summary: 'Record money put into the fund by the regency budget (APBD): Dr 1100 / Cr 3100' })
  @ApiCreatedResponse({ type: CapitalContributionResponse })
  @ApiProblems(404, [422, 'VALUE_DATE_IN_FUTURE'])
  addCapital(@Body() body: AddCapitalRequest): Promise<unknown> {
    return this.fund.addCapital({ ...body, amount: Money.parse(body.amount) });
  }

  @Get()
  @Roles('admin', 'approver', 'finance')
  @ApiOperation({ summary: "The fund's position from its ledger" })
  @ApiOkResponse({ type: FundPositionResponse })
  @ApiProblems(400, 404)
  position(@Query() q: ProgrammeQuery): Promise<unknown> {
    return this.fund.position(q.programmeId);
  }
}
