import { ApiProblems, type AuthenticatedUser, STAFF_ROLES } from '#platform';
import { ScorecardsService } from '#scoring';
import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { UuidParam } from '../http/uuid-param.decorator.js';
import { PublishScorecardRequest, ScorecardListQuery, ScorecardPage, ScorecardResponse } from './scoring.dto.js';

@ApiTags('scorecards')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('scorecards')
export class ScorecardsController {
  constructor(private readonly scorecards: ScorecardsService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: "Publish a scorecard's next version (version 1 for a new code); scores already given keep their version" })
  @ApiCreatedResponse({ type: ScorecardResponse })
  @ApiProblems(400, [404, 'NOT_FOUND: unknown product'], [422, 'SCORECARD_PRODUCT_MISMATCH: a new version must score what the code scores'])
  publish(@Body() body: PublishScorecardRequest, @CurrentUser() user: AuthenticatedUser): Promise<unknown> {
    return this.scorecards.publish(body, user.id);
  }

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Scorecard versions, newest first' })
  @ApiOkResponse({ type: ScorecardPage })
  @ApiProblems(400)
  list(@Query() q: ScorecardListQuery): Promise<unknown> {
    return this.scorecards.list(q);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'One scorecard version with its definition' })
  @ApiOkResponse({ type: ScorecardResponse })
  @ApiProblems(400, 404)
  get(@UuidParam('id') id: string): Promise<unknown> {
    return this.scorecards.get(id);
  }
}
