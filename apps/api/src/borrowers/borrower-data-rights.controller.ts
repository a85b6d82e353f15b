import { BorrowerDataRightsService } from '#intake';
import { ApiProblems } from '#platform';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { Idempotent } from '../http/idempotent.interceptor.js';
import { UuidParam } from '../http/uuid-param.decorator.js';
import { AnonymisationRequest, AnonymisationResponse, BorrowerExportResponse } from './borrower-data-rights.dto.js';

/** A borrower's rights over their personal data (UU PDP 27/2022): access and erasure. Admin only, audited. */
@ApiTags('borrowers')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('borrowers')
export class BorrowerDataRightsController {
  constructor(private readonly rights: BorrowerDataRightsService) {}

  @Get(':id/export')
  @Roles('admin')
  @ApiOperation({ summary: 'Everything held about a borrower, personal data in clear (an access request); writes a BORROWER_DATA_EXPORTED audit row' })
  @ApiOkResponse({ type: BorrowerExportResponse })
  @ApiProblems(400, 404)
  export(@UuidParam('id') id: string): Promise<unknown> {
    return this.rights.export(id);
  }

  // Above @Idempotent(): a later ApiProblems replaces the 409 it documents, so this one lists them all.
  @ApiProblems(
    [400, 'VALIDATION_FAILED (reason), IDEMPOTENCY_KEY_REQUIRED, IDEMPOTENCY_KEY_INVALID'],
    404,
    [
      409,
      'BORROWER_HAS_ACTIVE_LOAN, BORROWER_HAS_OPEN_APPLICATION (an application or transfer in progress), BORROWER_CREDIT_OWED, ALREADY_ANONYMISED, ' +
        'IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_KEY_IN_PROGRESS',
    ],
    [422, 'RETENTION_PERIOD_NOT_OVER: the last loan ended less than PDP_RETENTION_YEARS ago (retainUntil, lastLoanEndedOn)'],
  )
  @Post(':id/anonymisation')
  @HttpCode(200)
  @Roles('admin')
  @Idempotent()
  @ApiOperation({
    summary: "Erase a borrower's personal data once the retention period is over: tombstones replace it, document files are deleted",
    description: 'Loans, schedules, transactions and the ledger keep their amounts (the books still balance). Audited as BORROWER_ANONYMISED with the reason.',
  })
  @ApiOkResponse({ type: AnonymisationResponse })
  anonymise(@UuidParam('id') id: string, @Body() body: AnonymisationRequest): Promise<AnonymisationResponse> {
    return this.rights.anonymise(id, body.reason.trim());
  }
}
