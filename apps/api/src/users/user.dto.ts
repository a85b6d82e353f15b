import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { ROLES, type Role } from '#platform';

export class CreateUserRequest {
  @ApiProperty({ example: 'petugas2', description: '3-64 lowercase letters, digits or ._-' })
  @IsString() @Matches(/^[a-z0-9._-]{3,64}$/, { message: 'username must be 3-64 lowercase letters, digits or ._-' })
  username: string;

  @ApiProperty({ minLength: 8, maxLength: 200 })
  @IsString() @Length(8, 200, { message: 'password must be 8 to 200 characters' })
  password: string;

  @ApiProperty({ example: 'Siti Aminah' }) @IsString() @Length(1, 200) fullName: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['loan_officer'] })
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(ROLES, { each: true, message: `each role must be one of ${ROLES.join(', ')}` })
  roles: Role[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for (and only for) the borrower role' })
  @IsOptional() @IsUUID('all')
  borrowerId?: string;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) borrowerId: string | null;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class UserPage {
  @ApiProperty({ type: [UserResponse] }) items: UserResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
