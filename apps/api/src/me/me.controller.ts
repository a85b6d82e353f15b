import { ApiProblems, type AuthenticatedUser, PageQuery } from '#platform';
import { NotificationHistoryService } from '#notifications';
import { BorrowerLoansService, BorrowerPaymentsService } from '#repayment';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { UuidParam } from '../http/uuid-param.decorator.js';
import { LoanScheduleResponse } from '../loans/loan.dto.js';
import { MyLoanPage, MyPaymentPage, MyReminderPage } from './me.dto.js';

// Borrowers only: staff read loans through /api/loans. Another borrower's loan answers 404.
@ApiTags('self-service')
@ApiBearerAuth()
@ApiProblems(401, [403, 'FORBIDDEN: only borrowers have loans of their own'])
@Controller('me')
export class MyLoansController {
  constructor(
    private readonly loans: BorrowerLoansService,
    private readonly payments: BorrowerPaymentsService,
    private readonly reminders: NotificationHistoryService,
  ) {}

  @Get('loans')
  @Roles('borrower')
  @ApiOperation({ summary: 'My loans, newest first: what I owe, when, and the virtual account to pay into' })
  @ApiOkResponse({ type: MyLoanPage })
  @ApiProblems(400)
  list(@CurrentUser() user: AuthenticatedUser, @Query() q: PageQuery): Promise<unknown> {
    return this.loans.list(user.borrowerId, q);
  }

  @Get('loans/:id/schedule')
  @Roles('borrower')
  @ApiOperation({ summary: "One of my loans' installments, with what is paid and their status on the business date" })
  @ApiOkResponse({ type: LoanScheduleResponse })
  @ApiProblems(400, [404, 'NOT_FOUND: no such loan of mine'])
  schedule(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<unknown> {
    return this.loans.schedule(user.borrowerId, id);
  }

  @Get('loans/:id/payments')
  @Roles('borrower')
  @ApiOperation({ summary: 'What I have paid on one of my loans, newest first, with the installments each payment settled' })
  @ApiOkResponse({ type: MyPaymentPage })
  @ApiProblems(400, [404, 'NOT_FOUND: no such loan of mine'])
  paymentHistory(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string, @Query() q: PageQuery): Promise<unknown> {
    return this.payments.list(user.borrowerId, id, q);
  }

  @Get('loans/:id/reminders')
  @Roles('borrower')
  @ApiOperation({ summary: 'The payment reminders sent to me about one of my loans, newest first' })
  @ApiOkResponse({ type: MyReminderPage })
  @ApiProblems(400, [404, 'NOT_FOUND: no such loan of mine'])
  async receivedReminders(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string, @Query() q: PageQuery): Promise<MyReminderPage> {
    const page = await this.reminders.receivedByBorrower(user.borrowerId, id, q);
    // Only what the borrower received: delivery internals (attempts, errors) are the staff's.
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((r) => ({ id: r.id, kind: r.kind, installmentNumber: r.installmentNumber, offsetDays: r.offsetDays, channel: r.channel, sentAt: r.sentAt ?? r.scheduledFor })),
    };
  }
}
