// RFC 9457 problem documents: the one error shape every client of the api sees.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ProblemFieldError {
  @ApiProperty({ example: 'amount' }) field: string;
  @ApiProperty({ example: 'IS_MONEY' }) code: string;
  @ApiProperty({ example: 'amount must be a decimal string such as "150000"' }) message: string;
}

export class ProblemDetails {
  @ApiProperty({ example: 'https://lumbung.id/problems/validation-failed' }) type: string;
  @ApiProperty({ example: 'Validation failed' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ example: 'Invalid field: amount' }) detail: string;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable UPPER_SNAKE code' }) code: string;
  @ApiPropertyOptional({ type: [ProblemFieldError] }) errors?: ProblemFieldError[];
  @ApiProperty({ example: '0b8f3c1e-6a57-4d43-9d53-1c7c2f0e9b1a' }) requestId: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const problemType = (code: string): string =>
  `https://lumbung.id/problems/${code.toLowerCase().replace(/_/g, '-')}`;

export const problemTitle = (code: string): string => {
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};
