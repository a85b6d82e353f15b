import { Money } from '#money';
import { ApiProblems, type AuthenticatedUser } from '#platform';
import { DecisionsService, ScoringService } from '#scoring';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApplicationDetailResponse } from '../applications/application.dto.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { UuidParam } from '../http/uuid-param.decorator.js';
import { DecideApplicationRequest, ScoreApplicationRequest, ScoreResponse } from './scoring.dto.js';

@ApiTags('applications')
@ApiBearerAuth()
@ApiProblems(401)
@Controller('applications')
export class ScoringController {
  constructor(
    private readonly scoring: ScoringService,
    private readonly decisions: DecisionsService,
  ) {}

  @Post(':id/score')
  @HttpCode(200)
  @Roles('loan_officer')
  @ApiOperation({ summary: 'Score the application with the scorecard in force: every factor explained, the run stored with its inputs; status SCORED' })
  @ApiOkResponse({ type: ScoreResponse })
  @ApiProblems(400, 403, 404, [409, 'INVALID_STATE: only a SUBMITTED or SCORED application is scored'], [422, 'NO_SCORECARD: no scorecard scores its product'])
  score(@UuidParam('id') id: string, @Body() body: ScoreApplicationRequest, @CurrentUser() user: AuthenticatedUser): Promise<unknown> {
    return this.scoring.score(id, body, user.id);
  }

  @Post(':id/decisions')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({
    summary:
      "Approve or reject on the latest scoring run. Above the product's committeeThreshold a first approval waits for a second, different approver (PENDING_SECOND_APPROVAL)",
  })
  @ApiOkResponse({ type: ApplicationDetailResponse })
  @ApiProblems(
    [400, 'VALIDATION_FAILED: reasonCode missing to reject (or given to approve), note missing with OTHER, approvedAmount/approvedTenor given to reject'],
    [403, 'FORBIDDEN: not an approver. MAKER_CHECKER_VIOLATION: the decider took or scored the application, or gave its first approval'],
    404,
    [409, 'INVALID_STATE: only a SCORED or PENDING_SECOND_APPROVAL application is decided (also the loser of two simultaneous decisions)'],
    [
      422,
      'APPROVED_AMOUNT_ABOVE_REQUESTED, APPROVED_TENOR_ABOVE_REQUESTED, APPROVED_AMOUNT_ABOVE_FIRST_APPROVAL, APPROVED_TENOR_ABOVE_FIRST_APPROVAL, ' +
        'AMOUNT_OUT_OF_RANGE, TENOR_OUT_OF_RANGE (the product range at submission), SCHEDULE_UNIT_TOO_LARGE',
    ],
  )
  decide(@UuidParam('id') id: string, @Body() body: DecideApplicationRequest, @CurrentUser() user: AuthenticatedUser): Promise<unknown> {
    return this.decisions.decide(id, { ...body, approvedAmount: body.approvedAmount === undefined ? undefined : Money.parse(body.approvedAmount, 'approvedAmount') }, user.id);
  }
}
