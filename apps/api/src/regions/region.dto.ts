import { REGION_LEVELS, type RegionLevel } from '#intake';
import { PageQuery } from '#platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

export const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

export class RegionQuery extends PageQuery {
  @ApiPropertyOptional({ example: '35.26', description: "The parent's Kemendagri code: a province's regencies, a regency's kecamatan" })
  @IsOptional() @Matches(REGION_CODE, { message: 'parentCode must be a Kemendagri code such as 35, 35.26 or 35.26.01' })
  parentCode?: string;

  @ApiPropertyOptional({ enum: REGION_LEVELS })
  @IsOptional() @IsIn(REGION_LEVELS, { message: `level must be one of ${REGION_LEVELS.join(', ')}` })
  level?: RegionLevel;
}

export class RegionResponse {
  @ApiProperty({ example: '35.26.09' }) code: string;
  @ApiProperty({ example: 'Tanjung Bumi' }) name: string;
  @ApiProperty({ enum: REGION_LEVELS, example: 'DISTRICT' }) level: RegionLevel;
  @ApiProperty({ example: '35.26', nullable: true, type: String }) parentCode: string | null;
  @ApiProperty({ example: 'Asia/Jakarta', description: 'IANA zone: Asia/Jakarta and Asia/Pontianak are WIB, Asia/Makassar WITA, Asia/Jayapura WIT' })
  timeZone: string;
}

export class RegionPage {
  @ApiProperty({ type: [RegionResponse] }) items: RegionResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
