import { HOLIDAY_KINDS, type HolidayKind, type ListHolidaysInput } from '#intake';
import { IsCalendarDate, PageQuery } from '#platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class HolidayQuery extends PageQuery implements ListHolidaysInput {
  @ApiPropertyOptional({ example: 2026, description: 'Only holidays in this calendar year' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1900) @Max(9999)
  year?: number;

  @ApiPropertyOptional({ example: '2026-03-01', description: 'YYYY-MM-DD, inclusive' })
  @IsOptional() @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'YYYY-MM-DD, inclusive' })
  @IsOptional() @IsCalendarDate()
  to?: string;
}

export class AddHolidayRequest {
  @ApiProperty({ example: '2026-10-11', description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: 'Hari Jadi Kabupaten Bangkalan' })
  @IsString() @Length(1, 200)
  name: string;

  @ApiProperty({ enum: HOLIDAY_KINDS })
  @IsIn(HOLIDAY_KINDS, { message: `kind must be one of ${HOLIDAY_KINDS.join(', ')}` })
  kind: HolidayKind;

  @ApiPropertyOptional({ example: '35.26', description: 'Required for (and only for) REGIONAL: the region and every region under it' })
  @IsOptional() @Matches(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, { message: 'regionCode must be a Kemendagri code such as 35.26 or 35.26.01' })
  regionCode?: string;
}

export class HolidayResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-03-21' }) date: string;
  @ApiProperty({ example: 'Idul Fitri 1447 H' }) name: string;
  @ApiProperty({ enum: HOLIDAY_KINDS }) kind: HolidayKind;
  @ApiProperty({ nullable: true, type: String, example: null }) regionCode: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class HolidayPage {
  @ApiProperty({ type: [HolidayResponse] }) items: HolidayResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
