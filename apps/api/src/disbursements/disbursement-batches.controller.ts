import { type BankFile, DisbursementBatchesService } from '#disbursement';
import { ApiProblems } from '#platform';
import { Body, Controller, Get, Header, HttpCode, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { UuidParam } from '../http/uuid-param.decorator.js';
import { BatchDetailResponse, BatchListQuery, BatchPage, CreateBatchRequest } from './disbursement-batch.dto.js';

const csvAttachment = (file: BankFile): StreamableFile =>
  new StreamableFile(file.bytes, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${file.fileName}"`, length: file.bytes.length });

@ApiTags('disbursements')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('disbursement-batches')
export class DisbursementBatchesController {
  constructor(private readonly batches: DisbursementBatchesService) {}

  @Post()
  @Roles('finance')
  @ApiOperation({ summary: 'Put PENDING disbursements of one programme into a bank batch; its file is made now and its SHA-256 kept' })
  @ApiCreatedResponse({ type: BatchDetailResponse })
  @ApiProblems(
    400,
    [404, 'NOT_FOUND: an unknown disbursement (the problem lists disbursementIds)'],
    [409, 'DISBURSEMENT_NOT_PENDING: confirmed or cancelled; DISBURSEMENT_ALREADY_BATCHED: already in a batch (disbursementIds, batchIds)'],
    [422, 'BATCH_MIXES_PROGRAMMES; BANK_FILE_AMOUNT_NOT_WHOLE: the bank layout takes whole rupiah and an amount has sen'],
  )
  create(@Body() body: CreateBatchRequest): Promise<unknown> {
    return this.batches.create(body);
  }

  @Get()
  @Roles('finance', 'admin')
  @ApiOperation({ summary: 'Bank batches, newest first' })
  @ApiOkResponse({ type: BatchPage })
  @ApiProblems(400, [404, 'NOT_FOUND: unknown programme'])
  list(@Query() q: BatchListQuery): Promise<unknown> {
    return this.batches.list(q);
  }

  @Get(':id')
  @Roles('finance', 'admin')
  @ApiOkResponse({ type: BatchDetailResponse })
  @ApiProblems(400, 404)
  get(@UuidParam('id') id: string): Promise<unknown> {
    return this.batches.get(id);
  }

  @Get(':id/file')
  @Roles('finance')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The bulk-transfer CSV in the layout of the batch bank; the first download marks an OPEN batch SENT; every download is audited' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The file, as an attachment', schema: { type: 'string', format: 'binary' } })
  @ApiProblems(400, 404)
  async file(@UuidParam('id') id: string): Promise<StreamableFile> {
    return csvAttachment(await this.batches.file(id));
  }

  @Post(':id/sent')
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({ summary: 'Record that the file went to the bank (OPEN -> SENT; a SENT batch answers unchanged)' })
  @ApiOkResponse({ type: BatchDetailResponse })
  @ApiProblems(400, 404, [409, 'INVALID_STATE: the batch is already settled'])
  markSent(@UuidParam('id') id: string): Promise<unknown> {
    return this.batches.markSent(id);
  }
}
