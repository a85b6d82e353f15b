import { BankStatementsService } from '#reconciliation';
import { ApiProblems } from '#platform';
import { Body, Controller, Get, HttpCode, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { UuidParam } from '../http/uuid-param.decorator.js';
import {
  AssignLineRequest,
  ImportStatementRequest,
  ImportSummaryResponse,
  ReturnLineRequest,
  StatementLinePage,
  StatementLineQuery,
  StatementLineResponse,
  StatementListQuery,
  StatementPage,
  StatementResponse,
  UPLOAD_STATEMENT_BODY_SCHEMA,
  type UploadedStatementFile,
} from './bank-statement.dto.js';
import { StatementUploadInterceptor } from './statement-upload.interceptor.js';

@ApiTags('bank-statements')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('bank-statements')
export class BankStatementsController {
  constructor(private readonly statements: BankStatementsService) {}

  @Post()
  @Roles('finance')
  @UseInterceptors(StatementUploadInterceptor)
  @ApiOperation({ summary: 'Import a bank statement: match its lines, post VA repayments, confirm disbursements, book unknown credits to suspense' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_STATEMENT_BODY_SCHEMA })
  @ApiCreatedResponse({ type: ImportSummaryResponse })
  @ApiProblems(
    [400, 'STATEMENT_INVALID (with `line`: the first bad line; nothing is stored), VALIDATION_FAILED (no `file`, a bad `format` or `profile`), MALFORMED_MULTIPART'],
    [404, 'NOT_FOUND: unknown programme'],
    [409, 'INVALID_STATE: a matched repayment or disbursement the books refuse (the whole import is refused)'],
    [413, 'the file is over 20 MB'],
  )
  import(@Body() body: ImportStatementRequest, @UploadedFile() file: UploadedStatementFile | undefined): Promise<unknown> {
    return this.statements.import({ bytes: file?.buffer, format: body.format, profile: body.profile, programmeId: body.programmeId });
  }

  @Get()
  @Roles('finance', 'admin')
  @ApiOperation({ summary: "The programme's imported statements, newest first, with their import counts" })
  @ApiOkResponse({ type: StatementPage })
  @ApiProblems(400, [404, 'NOT_FOUND: unknown programme'])
  list(@Query() q: StatementListQuery): Promise<unknown> {
    return this.statements.list(q);
  }

  @Get(':id')
  @Roles('finance', 'admin')
  @ApiOperation({ summary: "A statement's import counts and its balances against the ledger's cash, the difference explained line by line" })
  @ApiOkResponse({ type: StatementResponse })
  @ApiProblems(400, 404)
  get(@UuidParam('id') id: string): Promise<unknown> {
    return this.statements.get(id);
  }

  @Get(':id/lines')
  @Roles('finance', 'admin')
  @ApiOperation({ summary: "A statement's lines in file order, optionally only those of one matching outcome" })
  @ApiOkResponse({ type: StatementLinePage })
  @ApiProblems(400, 404)
  lines(@UuidParam('id') id: string, @Query() q: StatementLineQuery): Promise<unknown> {
    return this.statements.lines(id, q);
  }

  @Post('lines/:lineId/assign')
  @Roles('finance')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign a suspense credit to a loan: Dr 1900 / Cr 1100, then the VA repayment (Dr 1100 / Cr 1200 ...)' })
  @ApiOkResponse({ type: StatementLineResponse })
  @ApiProblems(400, [404, 'NOT_FOUND: unknown line or loan'], [409, 'INVALID_STATE: the line is not an unresolved suspense credit, or the loan takes no repayment'], [422, 'LOAN_OF_ANOTHER_PROGRAMME'])
  assign(@UuidParam('lineId') lineId: string, @Body() body: AssignLineRequest): Promise<unknown> {
    return this.statements.assign(lineId, body.loanId);
  }

  @Post('lines/:lineId/return')
  @Roles('finance')
  @HttpCode(200)
  @ApiOperation({ summary: "Return a suspense credit to its sender (not the programme's money): Dr 1900 / Cr 1100" })
  @ApiOkResponse({ type: StatementLineResponse })
  @ApiProblems(400, [404, 'NOT_FOUND: unknown line'], [409, 'INVALID_STATE: the line is not an unresolved suspense credit'])
  returnToSender(@UuidParam('lineId') lineId: string, @Body() body: ReturnLineRequest): Promise<unknown> {
    return this.statements.returnToSender(lineId, body.reason);
  }
}
