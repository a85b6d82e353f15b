import { HolidaysService } from '#intake';
import { ApiProblems } from '#platform';
import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, Roles } from '../auth/auth.decorators.js';
import { UuidParam } from '../http/uuid-param.decorator.js';
import { AddHolidayRequest, HolidayPage, HolidayQuery, HolidayResponse } from './holiday.dto.js';

@ApiTags('holidays')
@ApiBearerAuth()
@ApiProblems(401)
@Controller('holidays')
export class HolidaysController {
  constructor(private readonly holidays: HolidaysService) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'The holiday calendar (national, cuti bersama, regional), in date order' })
  @ApiOkResponse({ type: HolidayPage })
  @ApiProblems(400)
  list(@Query() q: HolidayQuery): Promise<HolidayPage> {
    return this.holidays.list(q);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a holiday (official lists change during the year)' })
  @ApiCreatedResponse({ type: HolidayResponse })
  @ApiProblems(400, 403, [409, 'HOLIDAY_EXISTS: a holiday of the same scope (national, or that region) on that date'])
  add(@Body() body: AddHolidayRequest): Promise<HolidayResponse> {
    return this.holidays.add(body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a holiday; schedules already booked keep their dates' })
  @ApiNoContentResponse()
  @ApiProblems(400, 403, 404)
  remove(@UuidParam('id') id: string): Promise<void> {
    return this.holidays.remove(id);
  }
}
