import { ApiProblems, PageQuery } from '#platform';
import { REVERSAL_REQUEST_STATUSES, type ReversalRequestStatus, ReversalRequestsService } from '#repayment';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Roles } from '../auth/auth.decorators.js';

export class ReversalRequestListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REVERSAL_REQUEST_STATUSES, description: 'PENDING: the ones waiting for a second finance user' })
  @IsOptional() @IsIn(REVERSAL_REQUEST_STATUSES, { message: `status must be one of ${REVERSAL_REQUEST_STATUSES.join(', ')}` })
  status?: ReversalRequestStatus;
}

export class ReversalRequestListItemResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REVERSAL_REQUEST_STATUSES }) status: ReversalRequestStatus;
  @ApiProperty({ example: 'Setoran tercatat dua kali' }) reason: string;
  @ApiProperty({ format: 'uuid' }) loanId: string;
  @ApiProperty({ example: 'BKL-2026-000123' }) loanNumber: string;
  @ApiProperty({ format: 'uuid', description: 'The repayment to reverse' }) transactionId: string;
  @ApiProperty({ example: 'KW-001' }) transactionReference: string;
  @ApiProperty({ example: '334000.00' }) amount: string;
  @ApiProperty({ example: '2026-02-10' }) valueDate: string;
  @ApiProperty({ enum: ['TELLER', 'TRANSFER', 'VA'], nullable: true, type: String }) channel: string | null;
  @ApiProperty({ format: 'uuid' }) requestedBy: string;
  @ApiProperty({ nullable: true, type: String, example: 'Bendahara Satu' }) requestedByName: string | null;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) decidedBy: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionNote: string | null;
}

export class ReversalRequestPage {
  @ApiProperty({ type: [ReversalRequestListItemResponse] }) items: ReversalRequestListItemResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

// The finance desk's list of reversal requests across loans; deciding one stays on the loan's routes
// (POST /api/loans/:id/transactions/:txId/reversal/approve | reject).
@ApiTags('loans')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('reversals')
export class ReversalRequestsController {
  constructor(private readonly requests: ReversalRequestsService) {}

  @Get()
  @Roles('finance', 'admin')
  @ApiOperation({ summary: 'Reversal requests across loans, oldest first (status=PENDING: those a second finance user must approve or reject)' })
  @ApiOkResponse({ type: ReversalRequestPage })
  @ApiProblems(400)
  list(@Query() q: ReversalRequestListQuery): Promise<unknown> {
    return this.requests.list(q);
  }
}
