import { Money } from '#money';
import { ApiProblems, type AuthenticatedUser, STAFF_ROLES } from '#platform';
import { LoanTransactionsService, RefundsService, RepaymentsService, ReversalsService } from '#repayment';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { Idempotent } from '../http/idempotent.interceptor.js';
import { UuidParam } from '../http/uuid-param.decorator.js';
import {
  AppliedReversalResponse,
  LoanTransactionPage,
  LoanTransactionQuery,
  RecordRepaymentRequest,
  RefundRequest,
  RefundResponse,
  RejectReversalRequest,
  RepaymentResponse,
  RequestReversalRequest,
  ReversalRequestResponse,
} from './repayment.dto.js';

const IDEMPOTENCY_CONFLICTS = 'IDEMPOTENCY_KEY_REUSED (same key, other body), IDEMPOTENCY_KEY_IN_PROGRESS';

// Money on a loan after disbursement: repayments, their reversal (four eyes) and refunds of overpayments.
@ApiTags('loans')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('loans')
export class RepaymentsController {
  constructor(
    private readonly repayments: RepaymentsService,
    private readonly reversals: ReversalsService,
    private readonly refunds: RefundsService,
    private readonly transactions: LoanTransactionsService,
  ) {}

  // Above @Idempotent(): a later ApiProblems replaces the 409 it documents, so these list both.
  @ApiProblems(
    404,
    [409, `INVALID_STATE: the loan is CLOSED or WRITTEN_OFF (recoveries after write-off have their own endpoint); ${IDEMPOTENCY_CONFLICTS}`],
    [
      422,
      'VALUE_DATE_IN_FUTURE (after the business date), VALUE_DATE_BEFORE_DISBURSEMENT, ' +
        'VALUE_DATE_BEFORE_RESCHEDULE (backdated over payments allocated to a schedule a reschedule replaced)',
    ],
  )
  @Post(':id/repayments')
  @Roles('finance')
  @Idempotent()
  @ApiOperation({
    summary:
      'Post a repayment: oldest installment first, late fee before principal (the loan terms\' strategy, OLDEST_FIRST_FEE_FIRST by default); ' +
      'beyond everything owed the loan closes and the rest is the borrower\'s credit. Dated before the latest repayment, the later ones are replayed after it',
  })
  @ApiCreatedResponse({ type: RepaymentResponse })
  post(@UuidParam('id') id: string, @Body() body: RecordRepaymentRequest): Promise<unknown> {
    return this.repayments.post(id, { ...body, amount: Money.parse(body.amount) });
  }

  @Get(':id/transactions')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: "The loan's repayments, reversals and refunds with their allocations, newest posted first" })
  @ApiOkResponse({ type: LoanTransactionPage })
  @ApiProblems(400, 404)
  list(@UuidParam('id') id: string, @Query() q: LoanTransactionQuery): Promise<unknown> {
    return this.transactions.list(id, q);
  }

  @ApiProblems(
    [404, 'NOT_FOUND: unknown loan, or a transaction of another loan'],
    [
      409,
      'ALREADY_REVERSED, REVERSAL_ALREADY_REQUESTED (one is waiting for approval), INVALID_STATE (not a repayment, or the loan is WRITTEN_OFF); ' +
        IDEMPOTENCY_CONFLICTS,
    ],
  )
  @Post(':id/transactions/:txId/reversal')
  @HttpCode(202)
  @Roles('finance')
  @Idempotent()
  @ApiOperation({ summary: 'Ask for the reversal of a repayment: 202 with a PENDING request, applied once a different finance user approves it' })
  @ApiAcceptedResponse({ type: ReversalRequestResponse })
  requestReversal(@UuidParam('id') id: string, @UuidParam('txId') txId: string, @Body() body: RequestReversalRequest, @CurrentUser() user: AuthenticatedUser): Promise<unknown> {
    return this.reversals.request(id, txId, body.reason, user.id);
  }

  @Post(':id/transactions/:txId/reversal/approve')
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({
    summary:
      'Approve and apply a pending reversal (a different finance user): the mirror entry is posted, the repayment comes out and the later ones are replayed; a CLOSED loan can reopen',
  })
  @ApiOkResponse({ type: AppliedReversalResponse })
  @ApiProblems(
    400,
    [403, 'FORBIDDEN: not finance. MAKER_CHECKER_VIOLATION: the user who asked for the reversal'],
    [404, 'NOT_FOUND: unknown loan or transaction, or no reversal was asked for'],
    [
      409,
      'INVALID_STATE: the request is not PENDING (already approved or rejected), or the loan is WRITTEN_OFF; ' +
        'CREDIT_ALREADY_REFUNDED: the overpayment this would take back has been refunded; RESCHEDULED_SINCE: allocated to a schedule a reschedule replaced',
    ],
  )
  approveReversal(@UuidParam('id') id: string, @UuidParam('txId') txId: string, @CurrentUser() user: AuthenticatedUser): Promise<unknown> {
    return this.reversals.approve(id, txId, user.id);
  }

  @Post(':id/transactions/:txId/reversal/reject')
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({ summary: 'Turn down (or, by the requester, withdraw) a pending reversal request; nothing is posted' })
  @ApiOkResponse({ type: ReversalRequestResponse })
  @ApiProblems(400, [404, 'NOT_FOUND: unknown loan or transaction, or no reversal was asked for'], [409, 'INVALID_STATE: the request is not PENDING'])
  rejectReversal(@UuidParam('id') id: string, @UuidParam('txId') txId: string, @Body() body: RejectReversalRequest, @CurrentUser() user: AuthenticatedUser): Promise<unknown> {
    return this.reversals.reject(id, txId, user.id, body.note);
  }

  @ApiProblems(
    404,
    [409, IDEMPOTENCY_CONFLICTS],
    [
      422,
      'NO_CREDIT_BALANCE, REFUND_EXCEEDS_CREDIT (more than the credit), VALUE_DATE_IN_FUTURE, VALUE_DATE_BEFORE_LAST_REPAYMENT, ' +
        'INSUFFICIENT_FUND (the available cash, cash at bank minus pending orders, is less than the refund)',
    ],
  )
  @Post(':id/refunds')
  @Roles('finance')
  @Idempotent()
  @ApiOperation({ summary: "Pay back the borrower's overpayment credit (all of it unless an amount is given): Dr 2100 / Cr 1100" })
  @ApiCreatedResponse({ type: RefundResponse })
  refund(@UuidParam('id') id: string, @Body() body: RefundRequest): Promise<unknown> {
    return this.refunds.refund(id, { ...body, amount: body.amount === undefined ? undefined : Money.parse(body.amount) });
  }
}
