import { DisbursementsService } from '#disbursement';
import { ApiProblems } from '#platform';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { Idempotent } from '../http/idempotent.interceptor.js';
import { UuidParam } from '../http/uuid-param.decorator.js';
import {
  CancelDisbursementRequest,
  ConfirmationResponse,
  ConfirmDisbursementRequest,
  DisbursementListQuery,
  DisbursementPage,
  DisbursementResponse,
  OrderDisbursementRequest,
} from './disbursement.dto.js';

const IDEMPOTENCY_CONFLICTS = 'IDEMPOTENCY_KEY_REUSED (same key, other body), IDEMPOTENCY_KEY_IN_PROGRESS';

@ApiTags('disbursements')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('disbursements')
export class DisbursementsController {
  constructor(private readonly disbursements: DisbursementsService) {}

  // Above @Idempotent(): a later ApiProblems replaces the 409 it documents, so this one lists both.
  @ApiProblems(
    [404, 'NOT_FOUND: unknown application'],
    [409, `ALREADY_DISBURSED: the application already has an order that is not cancelled; INVALID_STATE: the application is not APPROVED; ${IDEMPOTENCY_CONFLICTS}`],
    [422, 'INSUFFICIENT_FUND: the available cash (cash at bank minus pending orders) is less than the amount; SCHEDULE_UNIT_TOO_LARGE'],
  )
  @Post()
  @Roles('finance')
  @Idempotent()
  @ApiOperation({ summary: "Order the transfer of an approved application's amount to the borrower's bank account" })
  @ApiCreatedResponse({ type: DisbursementResponse })
  order(@Body() body: OrderDisbursementRequest): Promise<unknown> {
    return this.disbursements.order(body);
  }

  @Get()
  @Roles('finance', 'admin')
  @ApiOperation({ summary: 'Disbursement orders, newest first' })
  @ApiOkResponse({ type: DisbursementPage })
  @ApiProblems(400, [404, 'NOT_FOUND: unknown programme'])
  list(@Query() q: DisbursementListQuery): Promise<unknown> {
    return this.disbursements.list(q);
  }

  @Get(':id')
  @Roles('finance', 'admin')
  @ApiOkResponse({ type: DisbursementResponse })
  @ApiProblems(400, 404)
  get(@UuidParam('id') id: string): Promise<unknown> {
    return this.disbursements.get(id);
  }

  @ApiProblems(
    404,
    [409, `INVALID_STATE: the order is not PENDING, or its application is no longer APPROVED; ${IDEMPOTENCY_CONFLICTS}`],
    [422, 'VALUE_DATE_IN_FUTURE, VALUE_DATE_BEFORE_ORDER, INSUFFICIENT_FUND (the cash at bank is less than the amount)'],
  )
  @Post(':id/confirm')
  @HttpCode(200)
  @Roles('finance')
  @Idempotent()
  @ApiOperation({ summary: 'The bank has paid: book the loan (account, schedule from valueDate, virtual account, Dr 1200 / Cr 1100) in one transaction' })
  @ApiOkResponse({ type: ConfirmationResponse })
  confirm(@UuidParam('id') id: string, @Body() body: ConfirmDisbursementRequest): Promise<unknown> {
    return this.disbursements.confirm(id, body);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({ summary: 'The transfer failed or will not be made: no loan, the cash is released, the application stays APPROVED' })
  @ApiOkResponse({ type: DisbursementResponse })
  @ApiProblems(400, 404, [409, 'INVALID_STATE: the order is not PENDING'])
  cancel(@UuidParam('id') id: string, @Body() body: CancelDisbursementRequest): Promise<unknown> {
    return this.disbursements.cancel(id, body.reason);
  }
}
