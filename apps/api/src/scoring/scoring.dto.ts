import { APPLICATION_STATUSES, type ApplicationStatus } from '#intake';
import { IsMoney } from '#money';
import { PageQuery } from '#platform';
import { BANGKALAN_SCORECARD_V1, DECISIONS, type Decision, REJECTION_REASON_CODES, type RejectionReasonCode } from '#scoring';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { ScoringRunResponse } from '../applications/application.dto.js';

const NOT_BLANK = /\S/;
const SCORECARD_CODE = /^[A-Z0-9_-]{2,32}$/;

export class ScoreApplicationRequest {
  @ApiPropertyOptional({ example: 1, minimum: 1, maximum: 5, description: "The officer's SLIK (OJK) check; 3 or worse is a knock-out. Omitted: not checked" })
  @IsOptional() @IsInt() @Min(1) @Max(5)
  slikCollectibility?: number;

  @ApiPropertyOptional({ example: 5, minimum: 1, maximum: 5, description: "The officer's rating of the business visit, 5 best. Omitted: not visited yet" })
  @IsOptional() @IsInt() @Min(1) @Max(5)
  fieldVisitRating?: number;
}

export class ScoreResponse extends ScoringRunResponse {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ enum: APPLICATION_STATUSES, example: 'SCORED', description: "The application's status after scoring" }) status: ApplicationStatus;
}

export class DecideApplicationRequest {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS, { message: `decision must be one of ${DECISIONS.join(', ')}` })
  decision: Decision;

  @ApiPropertyOptional({
    example: '4500000',
    description: "APPROVE only. Defaults to the amount asked (the first approver's for the second); never above it, within the product range",
  })
  @IsOptional() @IsMoney({ positive: true })
  approvedAmount?: string;

  @ApiPropertyOptional({ example: 12, minimum: 1, maximum: 120, description: "APPROVE only. Defaults to the tenor asked (the first approver's for the second); never above it" })
  @IsOptional() @IsInt() @Min(1) @Max(120)
  approvedTenor?: number;

  @ApiPropertyOptional({ enum: REJECTION_REASON_CODES, description: 'Required to reject; REJECT only' })
  @ValidateIf((o: DecideApplicationRequest) => o.decision === 'REJECT' || o.reasonCode !== undefined)
  @IsIn(REJECTION_REASON_CODES, { message: `reasonCode is required to reject and must be one of ${REJECTION_REASON_CODES.join(', ')}` })
  reasonCode?: RejectionReasonCode;

  @ApiPropertyOptional({ example: 'Usaha baru pindah lokasi; ajukan lagi setelah 6 bulan', maxLength: 2000, description: 'Required with reasonCode OTHER' })
  @ValidateIf((o: DecideApplicationRequest) => o.reasonCode === 'OTHER' || o.note !== undefined)
  @IsString() @Length(1, 2000) @Matches(NOT_BLANK, { message: 'note must not be blank' })
  note?: string;
}

export class ScorecardListQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'BKL-UMKM' })
  @IsOptional() @Matches(SCORECARD_CODE, { message: 'code must be 2-32 uppercase letters, digits, _ or -' })
  code?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID('all')
  productId?: string;
}

export class PublishScorecardRequest {
  @ApiProperty({ example: 'BKL-UMKM', description: 'A new code starts at version 1; an existing one gets its next version' })
  @Matches(SCORECARD_CODE, { message: 'code must be 2-32 uppercase letters, digits, _ or -' })
  code: string;

  @ApiProperty({ example: 'Skor Kredit UMKM 0% Kabupaten Bangkalan', minLength: 1, maxLength: 200 })
  @IsString() @Length(1, 200) @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The product it scores; omitted: every product without its own. Fixed by a code\'s first version' })
  @IsOptional() @IsUUID('all')
  productId?: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: BANGKALAN_SCORECARD_V1,
    description:
      'installmentCapPercent; factors (REPAYMENT_CAPACITY, BUSINESS_AGE, SECTOR, FIELD_VISIT, SLIK_COLLECTIBILITY, PROGRAMME_HISTORY, ' +
      "AMOUNT_TO_BUSINESS_SIZE), their maxPoints adding up to 100, with bands [{max, points}] ascending and the last open (max null) or " +
      'points tables; knockOuts; gradeCutoffs {A, B, C, D}; recommendation rules. Every problem is a 400 naming its path under definition',
  })
  @IsObject()
  definition: object;
}

export class ScorecardResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'BKL-UMKM' }) code: string;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: the default for every product without its own' }) productId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) definition: object;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for the seeded version' }) createdBy: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ScorecardPage {
  @ApiProperty({ type: [ScorecardResponse] }) items: ScorecardResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
