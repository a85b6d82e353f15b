import { ApiProblems, PageQuery, STAFF_ROLES } from '#platform';
import { CloseOfDayRunsService } from '#repayment';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { UuidParam } from '../http/uuid-param.decorator.js';
import { CloseOfDayRunAccepted, CloseOfDayRunPage, CloseOfDayRunRequest, CloseOfDayRunResponse } from './close-of-day.dto.js';

@ApiTags('close-of-day')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('close-of-day/runs')
export class CloseOfDayController {
  constructor(private readonly runs: CloseOfDayRunsService) {}

  @Post()
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({
    summary:
      'Close every day from the business date through `until` (arrears, late fees, collectibility, expired approvals, portfolio snapshot) on the workers; poll the run',
  })
  @ApiAcceptedResponse({ type: CloseOfDayRunAccepted })
  @ApiProblems(
    [400, 'VALIDATION_FAILED: until is not a date, or CLOSE_OF_DAY_RANGE_TOO_LONG (more than 366 days)'],
    [409, 'DAY_ALREADY_CLOSED: until is before the business date; CLOSE_OF_DAY_IN_PROGRESS: another run is queued or running (runId)'],
  )
  request(@Body() body: CloseOfDayRunRequest): Promise<unknown> {
    return this.runs.request(body.until);
  }

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Runs, newest first (manual and automatic), with their status and progress' })
  @ApiOkResponse({ type: CloseOfDayRunPage })
  @ApiProblems(400)
  list(@Query() q: PageQuery): Promise<unknown> {
    return this.runs.list(q);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'A run and how far it has got' })
  @ApiOkResponse({ type: CloseOfDayRunResponse })
  @ApiProblems(400, 404)
  get(@UuidParam('id') id: string): Promise<unknown> {
    return this.runs.get(id);
  }
}
