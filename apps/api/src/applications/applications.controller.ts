import { ApplicationPipelineService, ApplicationsService } from '#intake';
import { Money } from '#money';
import { ApiProblems, type AuthenticatedUser, STAFF_ROLES } from '#platform';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { UuidParam } from '../http/uuid-param.decorator.js';
import {
  ApplicationDetailResponse,
  ApplicationListQuery,
  ApplicationPage,
  ApplicationResponse,
  INELIGIBLE_DESCRIPTION,
  PipelineQuery,
  PipelineResponse,
  SubmitApplicationRequest,
  WithdrawApplicationRequest,
} from './application.dto.js';

// ApplicationResponse (the plain row) stays a named schema for clients, though lists now answer the richer item.
@ApiExtraModels(ApplicationResponse)
@ApiTags('applications')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly pipelineService: ApplicationPipelineService,
  ) {}

  @Post()
  @Roles('loan_officer')
  @ApiOperation({ summary: "Take an application: every programme rule is checked, and all broken ones are reported at once" })
  @ApiCreatedResponse({ type: ApplicationDetailResponse })
  @ApiProblems(400, [404, 'NOT_FOUND: unknown borrower or product'], [422, INELIGIBLE_DESCRIPTION])
  submit(@Body() body: SubmitApplicationRequest, @CurrentUser() user: AuthenticatedUser): Promise<unknown> {
    return this.applications.submit({ ...body, amount: Money.parse(body.amount) }, user.id);
  }

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: "Applications, newest (or oldest) first, filtered by status, kecamatan, officer or borrower; each with the borrower's name, days waiting and latest score" })
  @ApiOkResponse({ type: ApplicationPage })
  @ApiProblems(400, [404, 'NOT_FOUND: unknown programme'])
  list(@Query() q: ApplicationListQuery): Promise<unknown> {
    return this.pipelineService.list(q);
  }

  // Declared before ':id' so that the path segment is never read as an id.
  @Get('pipeline')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Per status: how many applications, and the oldest and median days they have waited there' })
  @ApiOkResponse({ type: PipelineResponse })
  @ApiProblems(400, [404, 'NOT_FOUND: unknown programme'])
  pipeline(@Query() q: PipelineQuery): Promise<unknown> {
    return this.pipelineService.pipeline(q);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'One application with its terms, status history, scores and decisions' })
  @ApiOkResponse({ type: ApplicationDetailResponse })
  @ApiProblems(400, 404)
  get(@UuidParam('id') id: string): Promise<unknown> {
    return this.applications.get(id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('loan_officer')
  @ApiOperation({ summary: 'The officer takes the application back, before any decision (SUBMITTED or SCORED)' })
  @ApiOkResponse({ type: ApplicationDetailResponse })
  @ApiProblems(400, 404, [409, 'INVALID_STATE: already decided, withdrawn or otherwise closed'])
  withdraw(@UuidParam('id') id: string, @Body() body: WithdrawApplicationRequest): Promise<unknown> {
    return this.applications.withdraw(id, body.reason);
  }
}
