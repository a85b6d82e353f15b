import { APPLICATION_EVENTS, APPLICATION_STATUSES, type ApplicationStatus, INELIGIBILITY_CODES } from '#intake';
import { IsMoney } from '#money';
import { PageQuery } from '#platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

const DISTRICT_CODE = /^\d{2}\.\d{2}\.\d{2}$/;
const NOT_BLANK = /\S/;

export class SubmitApplicationRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  borrowerId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  productId: string;

  @ApiProperty({ example: '5000000', description: 'Positive decimal string, at most 2 decimals; must lie in the product range (else 422)' })
  @IsMoney({ positive: true })
  amount: string;

  @ApiProperty({ example: 12, minimum: 1, maximum: 120, description: 'Number of installments; must lie in the product range (else 422)' })
  @IsInt() @Min(1) @Max(120)
  tenor: number;

  @ApiProperty({ example: 'Modal kerja: bahan baku batik tulis', minLength: 1, maxLength: 500 })
  @IsString() @Length(1, 500) @Matches(NOT_BLANK, { message: 'purpose must not be blank' })
  purpose: string;
}

export class WithdrawApplicationRequest {
  @ApiProperty({ example: 'Pemohon membatalkan: sudah mendapat modal dari keluarga', minLength: 1, maxLength: 500 })
  @IsString() @Length(1, 500) @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason: string;
}

export class ApplicationListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the default programme' })
  @IsOptional() @IsUUID('all')
  programmeId?: string;

  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional() @IsIn(APPLICATION_STATUSES, { message: `status must be one of ${APPLICATION_STATUSES.join(', ')}` })
  status?: ApplicationStatus;

  @ApiPropertyOptional({ example: '35.26.01', description: "The borrower's kecamatan at submission" })
  @IsOptional() @Matches(DISTRICT_CODE, { message: 'districtCode must be a kecamatan code such as 35.26.01' })
  districtCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The loan officer who submitted it' })
  @IsOptional() @IsUUID('all')
  officerId?: string;
}

export class PipelineQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the default programme' })
  @IsOptional() @IsUUID('all')
  programmeId?: string;

  @ApiPropertyOptional({ example: '35.26.01' })
  @IsOptional() @Matches(DISTRICT_CODE, { message: 'districtCode must be a kecamatan code such as 35.26.01' })
  districtCode?: string;
}

export class ApplicationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'APP-2026-000123' }) number: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty({ format: 'uuid' }) borrowerId: string;
  @ApiProperty({ example: '35.26.01', description: "The borrower's kecamatan at submission" }) districtCode: string;
  @ApiProperty({ example: '5000000.00' }) amount: string;
  @ApiProperty({ example: 12 }) tenor: number;
  @ApiProperty() purpose: string;
  @ApiProperty({ enum: APPLICATION_STATUSES, example: 'SUBMITTED' }) status: ApplicationStatus;
  @ApiProperty({ example: '2026-06-15', description: 'The business date it entered its current status' }) statusSince: string;
  @ApiProperty({ format: 'uuid', description: 'The loan officer who took it' }) submittedBy: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ example: 1 }) version: number;
}

export class StatusChangeResponse {
  @ApiProperty({ enum: APPLICATION_STATUSES, nullable: true, type: String, description: 'null for the submission' }) fromStatus: ApplicationStatus | null;
  @ApiProperty({ enum: APPLICATION_STATUSES }) toStatus: ApplicationStatus;
  @ApiProperty({ enum: ['SUBMIT', ...APPLICATION_EVENTS] }) event: string;
  @ApiProperty({ example: '2026-06-15' }) businessDate: string;
  @ApiProperty({ format: 'date-time' }) changedAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null when the system moved it' }) changedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class ApplicationDetailResponse extends ApplicationResponse {
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The product's terms at submission (productTermsSnapshot)" })
  termsSnapshot: object;

  @ApiProperty({ type: [StatusChangeResponse], description: 'Oldest first, starting with the submission' })
  statusHistory: StatusChangeResponse[];

  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Scoring runs (filled once scoring exists)' })
  scores: unknown[];

  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Approval decisions (filled once decisions exist)' })
  decisions: unknown[];
}

export class ApplicationPage {
  @ApiProperty({ type: [ApplicationResponse] }) items: ApplicationResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class PipelineStatusResponse {
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ example: 14 }) count: number;
  @ApiProperty({ example: 23, nullable: true, type: Number, description: 'Days since the oldest one entered the status; null when count is 0' })
  oldestDaysWaiting: number | null;
  @ApiProperty({ example: 6.5, nullable: true, type: Number, description: 'Median days in the status (may be a half); null when count is 0' })
  medianDaysWaiting: number | null;
}

export class PipelineResponse {
  @ApiProperty({ example: '2026-06-15', description: 'The business date the days are counted to' }) asOf: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ nullable: true, type: String, example: null }) districtCode: string | null;
  @ApiProperty({ type: [PipelineStatusResponse], description: 'Every status, in life order, zero counts included' })
  statuses: PipelineStatusResponse[];
}

export const INELIGIBLE_DESCRIPTION =
  `APPLICATION_INELIGIBLE: the problem carries reasons: [{code, message}] listing every broken rule (codes: ${INELIGIBILITY_CODES.join(', ')}); ` +
  'nothing is stored but an APPLICATION_REFUSED audit row. PRODUCT_NOT_ACTIVE: the product takes no applications.';
