import { Money } from '#money';
import { ApiProblems, PageQuery, STAFF_ROLES } from '#platform';
import { RecoveriesService, WriteOffService } from '#repayment';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { Idempotent } from '../http/idempotent.interceptor.js';
import { UuidParam } from '../http/uuid-param.decorator.js';
import { RecordedRecoveryResponse, RecordRecoveryRequest, RecoveryPage, WriteOffRequest, WriteOffResponse } from './servicing.dto.js';

const IDEMPOTENCY_CONFLICTS = 'IDEMPOTENCY_KEY_REUSED (same key, other body), IDEMPOTENCY_KEY_IN_PROGRESS';

@ApiTags('loans')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('loans')
export class WriteOffsController {
  constructor(
    private readonly writeOffs: WriteOffService,
    private readonly recoveries: RecoveriesService,
  ) {}

  // Above @Idempotent(): a later ApiProblems replaces the 409 it documents, so this one lists both.
  @ApiProblems(404, [409, `INVALID_STATE: the loan is not ACTIVE; ${IDEMPOTENCY_CONFLICTS}`], [422, 'NOTHING_TO_WRITE_OFF'])
  @Post(':id/write-off')
  @HttpCode(200)
  @Roles('approver')
  @Idempotent()
  @ApiOperation({
    summary: 'Write the loan off: Dr 5100 / Cr 1200 for the outstanding principal (and Dr 5100 / Cr 1210 for unpaid late fees); the loan becomes WRITTEN_OFF',
    description: 'The installments keep what was unpaid as the record of the claim; money collected later is a recovery (POST /api/loans/{id}/recoveries).',
  })
  @ApiOkResponse({ type: WriteOffResponse })
  writeOff(@UuidParam('id') id: string, @Body() body: WriteOffRequest): Promise<unknown> {
    return this.writeOffs.writeOff(id, body.reason.trim());
  }

  @Get(':id/write-off')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'The write-off of a loan, with what has been recovered since' })
  @ApiOkResponse({ type: WriteOffResponse })
  @ApiProblems(400, [404, 'NOT_FOUND: unknown loan, or a loan not written off'])
  getWriteOff(@UuidParam('id') id: string): Promise<unknown> {
    return this.writeOffs.get(id);
  }

  @ApiProblems(
    404,
    [409, `INVALID_STATE: the loan is not WRITTEN_OFF (repayments go to POST /api/loans/{id}/repayments); ${IDEMPOTENCY_CONFLICTS}`],
    [422, 'VALUE_DATE_IN_FUTURE, VALUE_DATE_BEFORE_WRITE_OFF, RECOVERY_EXCEEDS_WRITTEN_OFF (more than written off minus recovered)'],
  )
  @Post(':id/recoveries')
  @Roles('finance')
  @Idempotent()
  @ApiOperation({ summary: 'Money collected on a written-off loan: Dr 1100 / Cr 5100' })
  @ApiCreatedResponse({ type: RecordedRecoveryResponse })
  recover(@UuidParam('id') id: string, @Body() body: RecordRecoveryRequest): Promise<unknown> {
    return this.recoveries.record(id, { ...body, amount: Money.parse(body.amount), reference: body.reference.trim() });
  }

  @Get(':id/recoveries')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: "A written-off loan's recoveries, newest first" })
  @ApiOkResponse({ type: RecoveryPage })
  @ApiProblems(400, 404)
  listRecoveries(@UuidParam('id') id: string, @Query() q: PageQuery): Promise<unknown> {
    return this.recoveries.list(id, q);
  }
}
