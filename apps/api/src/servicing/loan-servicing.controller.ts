import { ApiProblems } from '#platform';
import { MoratoriumService, RescheduleService } from '#repayment';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { UuidParam } from '../http/uuid-param.decorator.js';
import { MoratoriumRequest, MoratoriumResponse, RescheduleLoanRequest, RescheduleResponse } from './servicing.dto.js';

@ApiTags('loans')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('loans')
export class LoanServicingController {
  constructor(
    private readonly reschedules: RescheduleService,
    private readonly moratoria: MoratoriumService,
  ) {}

  @Post(':id/reschedule')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({
    summary: 'Restructure: spread the outstanding principal over a new tenor with the loan rounding; the old schedule is kept as history',
    description:
      'Every installment not fully paid is superseded (a partly paid one keeps its paid part as history) and overdue ones are folded in, so days past due restart from the new first due date. Unpaid late fees move onto the first new installment.',
  })
  @ApiOkResponse({ type: RescheduleResponse })
  @ApiProblems(
    400,
    404,
    [409, 'INVALID_STATE: the loan is not ACTIVE'],
    [422, 'FIRST_DUE_DATE_IN_PAST: firstDueDate is before the business date; SCHEDULE_UNIT_TOO_LARGE: the rounding unit leaves an installment at zero; NOTHING_TO_RESCHEDULE'],
  )
  reschedule(@UuidParam('id') id: string, @Body() body: RescheduleLoanRequest): Promise<unknown> {
    return this.reschedules.reschedule(id, body);
  }

  @Post('moratorium')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({
    summary: "Area moratorium: move every ACTIVE loan's unpaid installments due on or after `from` in these kecamatan by `months` months, in one step",
    description: 'Calendar month shift clamped to the month end, then off weekends and holidays when the loan terms say so. Paid installments never move.',
  })
  @ApiOkResponse({ type: MoratoriumResponse })
  @ApiProblems([400, 'VALIDATION_FAILED; REGION_UNKNOWN on districtCodes[i] for a kecamatan that does not exist'], [404, 'NOT_FOUND: unknown programme'])
  moratorium(@Body() body: MoratoriumRequest): Promise<unknown> {
    return this.moratoria.apply(body);
  }
}
