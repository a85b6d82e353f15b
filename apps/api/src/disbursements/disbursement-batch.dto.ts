import { BANK_CODES, BATCH_STATUSES, type BatchStatus, DISBURSEMENT_STATUSES, type DisbursementStatus } from '#disbursement';
import { PageQuery } from '#platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';

export class CreateBatchRequest {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 500, description: 'PENDING disbursements of one programme, none in a batch yet' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each disbursementIds entry must be a UUID' })
  disbursementIds: string[];

  @ApiPropertyOptional({ enum: BANK_CODES, example: '114', description: 'The bank that receives the file, which decides its layout; defaults to FUND_BANK_CODE' })
  @IsOptional() @IsIn(BANK_CODES, { message: `bankCode must be one of ${BANK_CODES.join(', ')}` })
  bankCode?: string;
}

export class BatchListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the default programme' })
  @IsOptional() @IsUUID('all')
  programmeId?: string;

  @ApiPropertyOptional({ enum: BATCH_STATUSES })
  @IsOptional() @IsIn(BATCH_STATUSES, { message: `status must be one of ${BATCH_STATUSES.join(', ')}` })
  status?: BatchStatus;
}

export class BatchResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'BAT-2026-000012' }) number: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ example: '114' }) bankCode: string;
  @ApiProperty({ example: 'Bank Jatim', nullable: true, type: String }) bankName: string | null;
  @ApiProperty({ example: 'BANK_JATIM_V1', description: 'The file layout, kept with the batch' }) layout: string;
  @ApiProperty({ enum: BATCH_STATUSES, example: 'OPEN' }) status: BatchStatus;
  @ApiProperty({ example: 20 }) count: number;
  @ApiProperty({ example: '100000000.00' }) total: string;
  @ApiProperty({ example: 'BAT-2026-000012.csv' }) fileName: string;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', description: 'SHA-256 (hex) of the file' }) fileSha256: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) createdBy: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) sentBy: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the last order was confirmed or cancelled' }) closedAt: string | null;
  @ApiProperty({ example: 1 }) version: number;
}

export class BatchMemberResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'DSB-2026-000123' }) reference: string;
  @ApiProperty({ example: '5000000.00' }) amount: string;
  @ApiProperty({ enum: DISBURSEMENT_STATUSES }) status: DisbursementStatus;
}

export class BatchDetailResponse extends BatchResponse {
  @ApiProperty({ type: [BatchMemberResponse] }) disbursements: BatchMemberResponse[];
}

export class BatchPage {
  @ApiProperty({ type: [BatchResponse] }) items: BatchResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
