import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems, PageQuery, ProgrammesService, STAFF_ROLES } from '#platform';
import { Roles } from '../auth/auth.decorators.js';
import { CreateProgrammeRequest, ProgrammePage, ProgrammeResponse } from './programme.dto.js';

@ApiTags('programmes')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: ProgrammePage })
  @ApiProblems(400)
  list(@Query() q: PageQuery): Promise<ProgrammePage> {
    return this.programmes.list(q);
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: ProgrammeResponse })
  @ApiProblems(400, [409, 'PROGRAMME_CODE_TAKEN'])
  create(@Body() body: CreateProgrammeRequest): Promise<ProgrammeResponse> {
    return this.programmes.create(body);
  }
}
