import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { UserResponse } from '../users/user.dto.js';

export class LoginRequest {
  @ApiProperty({ example: 'admin' }) @IsString() @Length(1, 64) username: string;
  @ApiProperty({ example: 'lumbung-admin' }) @IsString() @Length(1, 200) password: string;
}

export class LoginResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ example: 3600, description: 'Seconds until the token expires' }) expiresIn: number;
  @ApiProperty({ type: UserResponse }) user: UserResponse;
}
