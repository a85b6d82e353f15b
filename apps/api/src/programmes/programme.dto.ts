import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

export class CreateProgrammeRequest {
  @ApiProperty({ example: 'BKL-KOP', description: '2-32 uppercase letters, digits, _ or -' })
  @Matches(/^[A-Z0-9_-]{2,32}$/, { message: 'code must be 2-32 uppercase letters, digits, _ or -' })
  code: string;

  @ApiProperty({ example: 'Dana Bergulir Koperasi Kabupaten Bangkalan' }) @IsString() @Length(1, 200) name: string;

  @ApiPropertyOptional({ example: '35.26' })
  @IsOptional() @Matches(/^\d{2}(\.\d{2})?$/, { message: 'regionCode must be a Kemendagri code such as 35 or 35.26' })
  regionCode?: string;

  @ApiPropertyOptional({ enum: ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'], default: 'Asia/Jakarta' })
  @IsOptional() @Matches(/^Asia\/(Jakarta|Pontianak|Makassar|Jayapura)$/, { message: 'timeZone must be an Indonesian zone (Asia/Jakarta, Asia/Pontianak, Asia/Makassar or Asia/Jayapura)' })
  timeZone?: string;
}

export class ProgrammeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) regionCode: string | null;
  @ApiProperty() timeZone: string;
  @ApiProperty() isDefault: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class ProgrammePage {
  @ApiProperty({ type: [ProgrammeResponse] }) items: ProgrammeResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
