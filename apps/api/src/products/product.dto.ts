import { type CreateProductInput, type ProductListQuery, REMINDER_OFFSET_MAX, REMINDER_OFFSET_MIN, ROUNDING_UNITS, type SchedulePreviewInput, type UpdateProductInput } from '#intake';
import { IsMoney, Money } from '#money';
import { IsCalendarDate, IsOmittable, PageQuery } from '#platform';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;
const FREQUENCIES = ['MONTHLY', 'BIWEEKLY', 'WEEKLY'] as const;
const ROUNDING_MODES = ['UP', 'HALF_UP'] as const;
const PLACEMENTS = ['LAST', 'FIRST'] as const;
const TABLES = ['BANK', 'BPR'] as const;
const oneOf = (field: string, values: readonly string[]) => ({ message: `${field} must be one of ${values.join(', ')}` });

export class EligibilityRulesDto {
  @ApiProperty({ example: 21, minimum: 17, maximum: 100 }) @IsInt() @Min(17) @Max(100) minAge: number;

  @ApiProperty({ example: 60, description: 'Above minAge: the age the borrower may reach by the last installment' })
  @IsInt() @Min(18) @Max(120)
  maxAgeAtMaturity: number;

  @ApiProperty({ example: ['35.26'], description: 'Kemendagri codes (regency or kecamatan) whose residents may apply; each must exist' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ArrayUnique()
  @Matches(REGION_CODE, { each: true, message: 'each regionCodes entry must be a Kemendagri code such as 35.26 or 35.26.01' })
  regionCodes: string[];

  @ApiProperty({ example: 6 }) @IsInt() @Min(0) @Max(600) minBusinessAgeMonths: number;
  @ApiProperty({ example: true }) @IsBoolean() requireNib: boolean;
  @ApiProperty({ example: 1, minimum: 1 }) @IsInt() @Min(1) @Max(20) maxActiveLoans: number;
}

export class CreateProductRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the default programme' })
  @IsOmittable() @IsUUID('all')
  programmeId?: string;

  @ApiProperty({ example: 'BKL-MODAL-0', description: '2-32 uppercase letters, digits, _ or -; unique within the programme' })
  @Matches(/^[A-Z0-9_-]{2,32}$/, { message: 'code must be 2-32 uppercase letters, digits, _ or -' })
  code: string;

  @ApiProperty({ example: 'Pinjaman Modal Usaha 0% Kabupaten Bangkalan' }) @IsString() @Length(1, 200) name: string;

  @ApiProperty({ example: '1000000' }) @IsMoney({ positive: true }) minAmount: string;
  @ApiProperty({ example: '10000000', description: 'At least minAmount' }) @IsMoney({ positive: true }) maxAmount: string;
  @ApiProperty({ example: 3, minimum: 1, maximum: 120 }) @IsInt() @Min(1) @Max(120) minTenor: number;
  @ApiProperty({ example: 24, minimum: 1, maximum: 120, description: 'At least minTenor' }) @IsInt() @Min(1) @Max(120) maxTenor: number;

  @ApiProperty({ enum: FREQUENCIES }) @IsIn(FREQUENCIES, oneOf('frequency', FREQUENCIES)) frequency: (typeof FREQUENCIES)[number];

  @ApiProperty({ enum: ROUNDING_UNITS, example: '1000' })
  @IsMoney({ positive: true })
  roundingUnit: string;

  @ApiProperty({ enum: ROUNDING_MODES, description: 'UP = ceiling (domain.md), HALF_UP = nearest (Fineract)' })
  @IsIn(ROUNDING_MODES, oneOf('roundingMode', ROUNDING_MODES))
  roundingMode: (typeof ROUNDING_MODES)[number];

  @ApiProperty({ enum: PLACEMENTS, description: 'Which installment takes the odd amount' })
  @IsIn(PLACEMENTS, oneOf('remainderPlacement', PLACEMENTS))
  remainderPlacement: (typeof PLACEMENTS)[number];

  @ApiPropertyOptional({ example: 0, default: 0, description: 'Periods before the first installment (ignored with a firstDueDate)' })
  @IsOmittable() @IsInt() @Min(0) @Max(24)
  principalGracePeriods?: number;

  @ApiProperty({ description: 'Move a due date on a Saturday, Sunday or calendar holiday to the next working day' })
  @IsBoolean()
  moveDueDatesOffHolidays: boolean;

  @ApiProperty({ enum: TABLES, description: 'Collectibility table: BANK (POJK 40/2019) or BPR (POJK 33/2018)' })
  @IsIn(TABLES, oneOf('collectibilityTable', TABLES))
  collectibilityTable: (typeof TABLES)[number];

  @ApiPropertyOptional({ example: '0', default: '0', description: 'Fixed fee per late installment' })
  @IsOmittable() @IsMoney({ nonNegative: true })
  lateFee?: string;

  @ApiPropertyOptional({
    example: [-3, 0, 1, 7],
    default: [-3, 0, 1, 7],
    description: `Reminder days relative to each due date, ascending and unique, each ${REMINDER_OFFSET_MIN} to ${REMINDER_OFFSET_MAX}`,
  })
  @IsOmittable() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10)
  @IsInt({ each: true }) @Min(REMINDER_OFFSET_MIN, { each: true }) @Max(REMINDER_OFFSET_MAX, { each: true })
  reminderOffsetsDays?: number[];

  @ApiProperty({ example: '5000000', description: 'Approved amounts above it need a second approver; within [minAmount, maxAmount]' })
  @IsMoney({ positive: true })
  committeeThreshold: string;

  @ApiProperty({ type: EligibilityRulesDto })
  @IsObject() @ValidateNested() @Type(() => EligibilityRulesDto)
  eligibility: EligibilityRulesDto;

  @ApiPropertyOptional({ example: 30, default: 30, description: 'Days an approval stays valid before an undisbursed application EXPIRES' })
  @IsOmittable() @IsInt() @Min(1) @Max(365)
  validityDays?: number;
}

// skipNullProperties: false -- an absent field keeps its value, but `null` is validated (and refused) like any
// other value instead of slipping past @IsOptional into a NOT NULL column.
export class UpdateProductRequest extends PartialType(OmitType(CreateProductRequest, ['programmeId', 'code'] as const), { skipNullProperties: false }) {
  @ApiPropertyOptional({ description: 'false retires the product: no new applications' })
  @IsOptional() @IsBoolean()
  isActive?: boolean;
}

const money = (s: string | undefined, field: string) => (s === undefined ? undefined : Money.parse(s, field));

export function toCreateProductInput(body: CreateProductRequest): CreateProductInput {
  return {
    ...body,
    minAmount: Money.parse(body.minAmount, 'minAmount'),
    maxAmount: Money.parse(body.maxAmount, 'maxAmount'),
    roundingUnit: Money.parse(body.roundingUnit, 'roundingUnit'),
    committeeThreshold: Money.parse(body.committeeThreshold, 'committeeThreshold'),
    lateFee: money(body.lateFee, 'lateFee'),
    eligibility: { ...body.eligibility },
  };
}

export function toUpdateProductInput(body: UpdateProductRequest): UpdateProductInput {
  return {
    ...body,
    minAmount: money(body.minAmount, 'minAmount'),
    maxAmount: money(body.maxAmount, 'maxAmount'),
    roundingUnit: money(body.roundingUnit, 'roundingUnit'),
    committeeThreshold: money(body.committeeThreshold, 'committeeThreshold'),
    lateFee: money(body.lateFee, 'lateFee'),
    eligibility: body.eligibility && { ...body.eligibility },
  };
}

export class ProductQuery extends PageQuery implements ProductListQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this programme' })
  @IsOptional() @IsUUID('all')
  programmeId?: string;
}

export class EligibilityRulesResponse {
  @ApiProperty() minAge: number;
  @ApiProperty() maxAgeAtMaturity: number;
  @ApiProperty({ type: [String] }) regionCodes: string[];
  @ApiProperty() minBusinessAgeMonths: number;
  @ApiProperty() requireNib: boolean;
  @ApiProperty() maxActiveLoans: number;
}

export class ProductResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ example: 'BKL-MODAL-0' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '1000000.00' }) minAmount: string;
  @ApiProperty({ example: '10000000.00' }) maxAmount: string;
  @ApiProperty({ example: 3 }) minTenor: number;
  @ApiProperty({ example: 24 }) maxTenor: number;
  @ApiProperty({ enum: FREQUENCIES }) frequency: string;
  @ApiProperty({ example: '1000.00' }) roundingUnit: string;
  @ApiProperty({ enum: ROUNDING_MODES }) roundingMode: string;
  @ApiProperty({ enum: PLACEMENTS }) remainderPlacement: string;
  @ApiProperty() principalGracePeriods: number;
  @ApiProperty() moveDueDatesOffHolidays: boolean;
  @ApiProperty({ enum: TABLES }) collectibilityTable: string;
  @ApiProperty({ example: '0.00' }) lateFee: string;
  @ApiProperty({ example: [-3, 0, 1, 7], type: [Number] }) reminderOffsetsDays: number[];
  @ApiProperty({ example: '5000000.00' }) committeeThreshold: string;
  @ApiProperty({ type: EligibilityRulesResponse }) eligibility: EligibilityRulesResponse;
  @ApiProperty({ example: 30 }) validityDays: number;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ example: 1, description: 'Goes up with each edit; loans keep the terms of the version they were approved under' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ProductPage {
  @ApiProperty({ type: [ProductResponse] }) items: ProductResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class SchedulePreviewRequest {
  @ApiProperty({ example: '1000000' }) @IsMoney({ positive: true }) amount: string;
  @ApiProperty({ example: 12, description: 'Number of installments' }) @IsInt() @Min(1) tenor: number;
  @ApiProperty({ example: '2026-01-15', description: 'YYYY-MM-DD' }) @IsCalendarDate() disbursementDate: string;

  @ApiPropertyOptional({ example: '2026-02-28', description: 'YYYY-MM-DD, after disbursementDate; later installments follow it period by period' })
  @IsOptional() @IsCalendarDate()
  firstDueDate?: string;

  @ApiPropertyOptional({ example: '35.26.01', description: "The borrower's district, for its regional holidays; defaults to the programme's region" })
  @IsOptional() @Matches(REGION_CODE, { message: 'regionCode must be a Kemendagri code such as 35.26 or 35.26.01' })
  regionCode?: string;
}

export const toSchedulePreviewInput = (body: SchedulePreviewRequest): SchedulePreviewInput => ({ ...body, amount: Money.parse(body.amount, 'amount') });

export class PreviewInstallment {
  @ApiProperty({ example: 1 }) number: number;
  @ApiProperty({ example: '2026-02-16' }) dueDate: string;
  @ApiProperty({ example: '85000.00' }) principal: string;
}

export class SchedulePreviewResponse {
  @ApiProperty({ type: [PreviewInstallment] }) installments: PreviewInstallment[];
  @ApiProperty({ example: '1000000.00', description: 'Always equal to the amount' }) total: string;
}
