import { IsMoney } from '#money';
import { CURRENT_CONSENT_VERSION, SECTOR_CODES, type Sector } from '#intake';
import { IsCalendarDate, PageQuery } from '#platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsISO8601, IsObject, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';

// Identifier formats (NIK, KK, phone, postal code, NIB) and the rules that need the business date or
// reference data are the service's (libs/intake borrowers/domain): one 400 then names every such field.

export class AddressRequest {
  @ApiProperty({ example: 'Jl. Raya Tanjung Bumi No. 12, RT 02 RW 01' }) @IsString() @Length(1, 200) street: string;

  @ApiPropertyOptional({ example: 'Telaga Biru' }) @IsOptional() @IsString() @Length(1, 100) villageName?: string;

  @ApiProperty({ example: '35.26.09', description: 'Kemendagri kecamatan code; must exist in GET /api/regions at level DISTRICT' })
  @IsString() @Length(1, 20)
  districtCode: string;

  @ApiProperty({ example: '69156', pattern: '^[1-9]\\d{4}$' }) @IsString() postalCode: string;
}

export class BusinessRequest {
  @ApiProperty({ example: 'Batik Tulis Gentongan Bu Maimunah' }) @IsString() @Length(1, 200) name: string;

  @ApiPropertyOptional({ example: '9120001234567', description: 'Nomor Induk Berusaha, 13 digits', pattern: '^\\d{13}$' })
  @IsOptional() @IsString()
  nib?: string;

  @ApiProperty({ enum: SECTOR_CODES, example: 'CRAFT_BATIK' })
  @IsIn(SECTOR_CODES, { message: `sector must be one of ${SECTOR_CODES.join(', ')}` })
  sector: Sector;

  @ApiProperty({ example: '2015-06-01', description: 'YYYY-MM-DD, not after the business date' }) @IsCalendarDate() startedOn: string;

  @ApiProperty({ example: '4500000', description: 'Non-negative decimal string' }) @IsMoney({ nonNegative: true }) monthlyRevenue: string;

  @ApiProperty({ example: '2750000', description: 'Non-negative decimal string' }) @IsMoney({ nonNegative: true }) monthlyExpenses: string;
}

export class ConsentRequest {
  @ApiProperty({ example: CURRENT_CONSENT_VERSION, description: 'Version of the PDP consent text the borrower agreed to' })
  @IsString() @Length(1, 50)
  version: string;

  @ApiPropertyOptional({ example: '2026-11-22T09:15:00+07:00', description: 'When it was given (ISO 8601 with offset); defaults to now' })
  @IsOptional() @IsISO8601({ strict: true }) @Matches(/T.*(Z|[+-]\d{2}:?\d{2})$/, { message: 'consent.givenAt must be a timestamp with a time zone offset' })
  givenAt?: string;
}

export class CreateBorrowerRequest {
  @ApiProperty({ example: '3526095405780003', description: 'NIK, 16 digits: PPKKCC DDMMYY SSSS (women: day + 40)', pattern: '^\\d{16}$' })
  @IsString()
  nik: string;

  @ApiPropertyOptional({ example: '3526090101150007', description: 'Kartu Keluarga number, 16 digits', pattern: '^\\d{16}$' })
  @IsOptional() @IsString()
  kk?: string;

  @ApiProperty({ example: 'Hj. Maimunah' }) @IsString() @Length(1, 200) fullName: string;

  @ApiPropertyOptional({ enum: ['M', 'F'], description: 'Derived from the NIK; when sent, it must agree' })
  @IsOptional() @IsIn(['M', 'F'], { message: 'gender must be M or F' })
  gender?: 'M' | 'F';

  @ApiPropertyOptional({ example: '1978-05-14', description: 'Derived from the NIK; when sent, it must agree' })
  @IsOptional() @IsCalendarDate()
  birthDate?: string;

  @ApiProperty({ example: '0812-3456-7890', description: 'Indonesian mobile (08..., 628..., +628...), kept as E.164, encrypted at rest' }) @IsString() phone: string;

  @ApiProperty({ type: AddressRequest })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => AddressRequest)
  address: AddressRequest;

  @ApiProperty({ type: BusinessRequest })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => BusinessRequest)
  business: BusinessRequest;

  @ApiPropertyOptional({ type: ConsentRequest, description: `PDP consent; when absent, the current text (${CURRENT_CONSENT_VERSION}) given now` })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ConsentRequest)
  consent?: ConsentRequest;
}

/** PATCH /api/borrowers/:id: the details to correct, each optional; the NIK (and the gender and birth date it gives) never change. */
export class CorrectBorrowerRequest {
  @ApiPropertyOptional({ example: 'Hj. Maimunah Rosyidah' }) @IsOptional() @IsString() @Length(1, 200) fullName?: string;

  @ApiPropertyOptional({ example: '0857-1234-5678', description: 'The new mobile number (08..., 628..., +628...); reminders still to go out reach it' })
  @IsOptional() @IsString() @MaxLength(30, { message: 'phone must be at most 30 characters' })
  phone?: string;

  @ApiPropertyOptional({ example: '3526090101150007', description: 'Kartu Keluarga number, 16 digits: added or corrected', pattern: '^\\d{16}$' })
  @IsOptional() @IsString()
  kk?: string;

  @ApiPropertyOptional({ type: AddressRequest, description: 'The whole new address' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => AddressRequest)
  address?: AddressRequest;

  @ApiPropertyOptional({ type: BusinessRequest, description: 'The whole business as it is now (a borrower registered without one gets it)' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => BusinessRequest)
  business?: BusinessRequest;

  @ApiProperty({ example: 'Nomor HP baru (kartu lama hilang)', description: 'Why, kept in the BORROWER_CORRECTED audit row' })
  @IsString() @Length(3, 500, { message: 'reason must be 3 to 500 characters' })
  reason: string;
}

export class BorrowerQuery extends PageQuery {
  @ApiPropertyOptional({ example: '3526095405780003', description: 'Exact NIK lookup (through the blind index)' })
  @IsOptional() @IsString()
  nik?: string;

  @ApiPropertyOptional({
    example: '0812-3456-7890',
    description: 'Exact mobile number lookup (through the blind index), written any way registration accepts: 08..., 628..., +628..., with spaces or dashes',
  })
  @IsOptional() @IsString() @MaxLength(30, { message: 'phone must be at most 30 characters' })
  phone?: string;

  @ApiPropertyOptional({
    example: 'hj maimunah',
    minLength: 2,
    maxLength: 100,
    description: 'Every word of it somewhere in the name, ignoring case, dots and apostrophes ("syafii" finds "Moh. Syafi\'i")',
  })
  @IsOptional()
  @IsString()
  @Length(2, 100, { message: 'name must be 2 to 100 characters' })
  @Matches(/[\p{L}\p{N}]/u, { message: 'name must contain a letter or a digit' })
  name?: string;

  @ApiPropertyOptional({ example: '35.26.09', description: 'Only borrowers living in this kecamatan' })
  @IsOptional() @Matches(/^\d{2}\.\d{2}\.\d{2}$/, { message: 'districtCode must be a kecamatan code such as 35.26.01' })
  districtCode?: string;
}

export class AddressResponse {
  @ApiProperty() street: string;
  @ApiProperty({ nullable: true, type: String }) villageName: string | null;
  @ApiProperty({ example: '35.26.09' }) districtCode: string;
  @ApiProperty({ example: 'Tanjung Bumi', nullable: true, type: String }) districtName: string | null;
  @ApiProperty({ example: '35.26' }) regencyCode: string;
  @ApiProperty({ example: '69156' }) postalCode: string;
}

export class BusinessResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) nib: string | null;
  @ApiProperty({ enum: SECTOR_CODES }) sector: Sector;
  @ApiProperty({ example: 'Kerajinan batik', description: 'Indonesian label' }) sectorLabel: string;
  @ApiProperty({ example: '2015-06-01' }) startedOn: string;
  @ApiProperty({ example: '4500000.00' }) monthlyRevenue: string;
  @ApiProperty({ example: '2750000.00' }) monthlyExpenses: string;
}

export class ConsentResponse {
  @ApiProperty({ example: CURRENT_CONSENT_VERSION }) version: string;
  @ApiProperty({ format: 'date-time' }) givenAt: string;
}

export class BorrowerResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '3526********0003', description: 'The NIK masked; the NIK itself only from GET /api/borrowers/{id}/nik' }) nikMasked: string;
  @ApiProperty({ description: 'Whether a KK number is on file' }) kkOnFile: boolean;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ['M', 'F'] }) gender: 'M' | 'F';
  @ApiProperty({ example: '1978-05-14' }) birthDate: string;
  @ApiProperty({ example: '+6281234567890' }) phone: string;
  @ApiProperty({ type: AddressResponse }) address: AddressResponse;
  @ApiProperty({ type: BusinessResponse, nullable: true }) business: BusinessResponse | null;
  @ApiProperty({ type: ConsentResponse }) consent: ConsentResponse;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) createdBy: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class BorrowerPage {
  @ApiProperty({ type: [BorrowerResponse] }) items: BorrowerResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class BorrowerIdentityResponse {
  @ApiProperty({ example: '3526095405780003' }) nik: string;
  @ApiProperty({ example: '3526090101150007', nullable: true, type: String }) kk: string | null;
}

export class NikCheckRequest {
  @ApiProperty({ example: '3526095405780003', description: 'The NIK as typed: anything up to 32 characters is checked and answered, not refused', maxLength: 32 })
  @IsString() @MaxLength(32)
  nik: string;
}

export class NikReasonResponse {
  @ApiProperty({ enum: ['NIK_FORMAT', 'NIK_PROVINCE_UNKNOWN', 'NIK_REGION_INVALID', 'NIK_BIRTH_DATE_INVALID', 'NIK_BIRTH_DATE_IN_FUTURE', 'NIK_SERIAL_ZERO'] })
  code: string;
  @ApiProperty({ example: 'nik must be exactly 16 digits' }) message: string;
}

export class NikCheckResponse {
  @ApiProperty() valid: boolean;
  @ApiProperty({ type: [NikReasonResponse], description: 'Empty when valid; else the rule broken (the same codes POST /api/borrowers answers for field nik)' })
  reasons: NikReasonResponse[];
  @ApiProperty({ example: '1978-05-14', nullable: true, type: String, description: 'From the NIK (women: day - 40, century by the business date)' })
  birthDate: string | null;
  @ApiProperty({ enum: ['M', 'F'], nullable: true, type: String }) gender: 'M' | 'F' | null;
  @ApiProperty({ example: '35.26.09', nullable: true, type: String, description: 'Kecamatan where the NIK was first issued (not the domicile)' })
  issuedInDistrictCode: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The borrower already registered with this NIK (registering again is 409 BORROWER_NIK_EXISTS)' })
  registeredBorrowerId: string | null;
}
