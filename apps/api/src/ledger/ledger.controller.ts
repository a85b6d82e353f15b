import { LedgerService } from '#ledger';
import { ApiProblems } from '#platform';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { TrialBalanceQuery, TrialBalanceResponse } from './ledger.dto.js';

@ApiTags('ledger')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('ledger')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Get('trial-balance')
  @Roles('admin', 'approver', 'finance')
  @ApiOkResponse({ type: TrialBalanceResponse })
  @ApiProblems(400, 404)
  trialBalance(@Query() q: TrialBalanceQuery): Promise<unknown> {
    return this.ledger.trialBalanceFor(q.programmeId, q.asOf);
  }
}
