import { BusinessDateService } from '#platform';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '#platform';
import { AnyRole } from '../auth/auth.decorators.js';

class BusinessDateResponse {
  @ApiProperty({ example: '2026-11-22', description: 'The day the books are on (YYYY-MM-DD)' }) date: string;
}

@ApiTags('business-date')
@ApiBearerAuth()
@ApiProblems(401)
@Controller('business-date')
export class BusinessDateController {
  constructor(private readonly businessDate: BusinessDateService) {}

  @Get()
  @AnyRole()
  @ApiOkResponse({ type: BusinessDateResponse })
  async get(): Promise<BusinessDateResponse> {
    return { date: await this.businessDate.current() };
  }
}
