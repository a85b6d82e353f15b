import { CHANNELS, type Channel } from '#notifications';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsEmail, IsIn, IsOptional, MaxLength, ValidateIf } from 'class-validator';

export class NotificationPreferencesRequest {
  @ApiProperty({ enum: CHANNELS, isArray: true, example: ['WHATSAPP'], description: 'Channels the borrower refuses; every other channel is allowed' })
  @IsArray()
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  optOut!: Channel[];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'siti@example.com', description: 'Where reminder e-mails go; null removes it, omitted keeps it' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEmail()
  @MaxLength(254)
  email?: string | null;
}

export class NotificationPreferencesResponse {
  @ApiProperty({ format: 'uuid' }) borrowerId!: string;
  @ApiProperty({ enum: CHANNELS, isArray: true }) optOut!: string[];
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
}
