import { RegionsService } from '#intake';
import { ApiProblems } from '#platform';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole } from '../auth/auth.decorators.js';
import { RegionPage, RegionQuery } from './region.dto.js';

@ApiTags('regions')
@ApiBearerAuth()
@ApiProblems(401)
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'Kemendagri regions with their time zones, in code order (any signed-in user)' })
  @ApiOkResponse({ type: RegionPage })
  @ApiProblems(400)
  list(@Query() q: RegionQuery): Promise<RegionPage> {
    return this.regions.list(q);
  }
}
