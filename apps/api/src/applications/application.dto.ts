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

  @ApiPropertyOptional({ format: 'uuid', description: "One borrower's applications: their history in the programme" })
  @IsOptional() @IsUUID('all')
  borrowerId?: string;

  @ApiPropertyOptional({ enum: ['newest', 'oldest'], default: 'newest', description: 'By submission time; an approval queue is worked oldest first' })
  @IsOptional() @IsIn(['newest', 'oldest'], { message: 'order must be newest or oldest' })
  order?: 'newest' | 'oldest';
}

export class PipelineQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the default programme' })
  @IsOptional() @IsUUID('all')
  programmeId?: string;

  @ApiPropertyOptional({ example: '35.26.01' })
  @IsOptional() @Matches(DISTRICT_CODE, { message: 'districtCode must be a kecamatan code such as 35.26.01' })
  districtCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this loan officer's applications (an officer's own pipeline)" })
  @IsOptional() @IsUUID('all')
  officerId?: string;
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

export class FactorScoreResponse {
  @ApiProperty({ example: 'REPAYMENT_CAPACITY', description: 'The factor code of the scorecard' }) name: string;
  @ApiProperty({ example: 'Kemampuan bayar' }) label: string;
  @ApiProperty({ example: 'Repayment capacity' }) labelEn: string;
  @ApiProperty({ example: 25 }) points: number;
  @ApiProperty({ example: 30 }) maxPoints: number;
  @ApiProperty({ example: 'Angsuran Rp417.000 = 16,7% dari laba bersih bulanan Rp2.500.000 (batas 30%)', description: 'Indonesian' }) reason: string;
  @ApiProperty({ example: 'Installment Rp417,000 is 16.7% of monthly net income Rp2,500,000 (cap 30%)' }) reasonEn: string;
}

export class KnockOutResponse {
  @ApiProperty({ example: 'SLIK_COLLECTIBILITY_AT_LEAST' }) rule: string;
  @ApiProperty({ example: 'Kolektibilitas SLIK 4 (Diragukan): 3 atau lebih buruk berarti ditolak' }) reason: string;
  @ApiProperty({ example: 'SLIK collectibility 4 (Doubtful): 3 or worse is a knock-out' }) reasonEn: string;
}

export class ScoringRunResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 1, description: '1, 2, ... per application: a rescore adds a run' }) runNumber: number;
  @ApiProperty({ format: 'uuid' }) scorecardId: string;
  @ApiProperty({ example: 'BKL-UMKM' }) scorecardCode: string;
  @ApiProperty({ example: 1 }) scorecardVersion: number;
  @ApiProperty({ example: 87, minimum: 0, maximum: 100, description: "The sum of the factors' points" }) score: number;
  @ApiProperty({ enum: ['A', 'B', 'C', 'D', 'E'] }) grade: string;
  @ApiProperty({ enum: ['APPROVE', 'REVIEW', 'REJECT'] }) recommendation: string;
  @ApiProperty({ example: 'Nilai A (skor 87 dari 100): disarankan disetujui' }) recommendationReason: string;
  @ApiProperty({ example: 'Grade A (score 87 of 100): recommended for approval' }) recommendationReasonEn: string;
  @ApiProperty({ example: '9000000.00', description: 'From capacity (the installment cap x tenor), rounded down to the unit, within the product range' })
  maxRecommendedAmount: string;
  @ApiProperty({ example: '417000.00', description: 'The largest installment for the amount and tenor asked' }) installment: string;
  @ApiProperty({ type: [FactorScoreResponse] }) factors: FactorScoreResponse[];
  @ApiProperty({ type: [KnockOutResponse], description: 'Any knock-out makes the recommendation REJECT' }) knockOuts: KnockOutResponse[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Every input the scorer read (money as decimal strings)' }) inputs: object;
  @ApiProperty({ example: '2026-06-15' }) businessDate: string;
  @ApiProperty({ format: 'uuid' }) scoredBy: string;
  @ApiProperty({ format: 'date-time' }) scoredAt: string;
}

export class DecisionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 1, description: "1: the first decision; 2: the credit committee's second approver" }) step: number;
  @ApiProperty({ enum: ['APPROVE', 'REJECT'] }) decision: string;
  @ApiProperty({ example: '5000000.00', nullable: true, type: String }) approvedAmount: string | null;
  @ApiProperty({ example: 12, nullable: true, type: Number }) approvedTenor: number | null;
  @ApiProperty({ nullable: true, type: String, enum: ['CAPACITY_INSUFFICIENT', 'BAD_CREDIT_HISTORY', 'INCOMPLETE_DOCUMENTS', 'NOT_ELIGIBLE', 'OTHER'] })
  reasonCode: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ format: 'uuid', description: 'The scoring run the decision was made on' }) scoringRunId: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) fromStatus: ApplicationStatus;
  @ApiProperty({ enum: APPLICATION_STATUSES }) toStatus: ApplicationStatus;
  @ApiProperty({ example: '2026-06-15' }) businessDate: string;
  @ApiProperty({ format: 'uuid' }) decidedBy: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
}

export class ApplicationDetailResponse extends ApplicationResponse {
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The product's terms at submission (productTermsSnapshot)" })
  termsSnapshot: object;

  @ApiProperty({ type: [StatusChangeResponse], description: 'Oldest first, starting with the submission' })
  statusHistory: StatusChangeResponse[];

  @ApiProperty({ type: [ScoringRunResponse], description: 'Scoring runs, oldest first' })
  scores: ScoringRunResponse[];

  @ApiProperty({ type: [DecisionResponse], description: "Approvers' decisions, in order" })
  decisions: DecisionResponse[];

  @ApiProperty({ example: '5000000.00', nullable: true, type: String, description: "The final approval's amount; null until APPROVED" })
  approvedAmount: string | null;

  @ApiProperty({ example: 12, nullable: true, type: Number, description: "The final approval's tenor; null until APPROVED" })
  approvedTenor: number | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String }) approvedAt: string | null;

  @ApiProperty({ example: '2026-06-15', nullable: true, type: String, description: 'Business date of the final approval; validityDays count from it' })
  approvedOn: string | null;
}

export class LatestScoreResponse {
  @ApiProperty({ example: 87 }) score: number;
  @ApiProperty({ enum: ['A', 'B', 'C', 'D', 'E'] }) grade: string;
  @ApiProperty({ enum: ['APPROVE', 'REVIEW', 'REJECT'] }) recommendation: string;
}

export class ApplicationListItemResponse extends ApplicationResponse {
  @ApiProperty({ example: 'Hj. Maimunah' }) borrowerName: string;
  @ApiProperty({ example: 'Batik Tulis Gentongan Bu Maimunah', nullable: true, type: String }) businessName: string | null;
  @ApiProperty({ example: 3, description: 'Business date - statusSince: days it has waited in its current status' }) daysWaiting: number;
  @ApiProperty({ type: LatestScoreResponse, nullable: true, description: 'The latest scoring run, null before scoring' })
  latestScore: LatestScoreResponse | null;
}

export class ApplicationPage {
  @ApiProperty({ type: [ApplicationListItemResponse] }) items: ApplicationListItemResponse[];
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
