import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['DUE_SOON', 'DUE_TODAY', 'OVERDUE'] }) kind!: string;
  @ApiProperty({ example: 1 }) installmentNumber!: number;
  @ApiProperty({ example: -3, description: 'Days from the due date' }) offsetDays!: number;
  @ApiProperty({ enum: ['LOG', 'WHATSAPP', 'SMS', 'EMAIL'], description: 'Planned channel; after a send, the one that carried it' }) channel!: string;
  @ApiProperty({ enum: ['SCHEDULED', 'SENT', 'FAILED', 'CANCELLED'] }) status!: string;
  @ApiProperty({ format: 'date-time', description: 'The lawful moment it is (or was) due to go out' }) scheduledFor!: string;
  @ApiPropertyOptional({ format: 'date-time' }) sentAt?: string;
  @ApiProperty() attempts!: number;
  @ApiPropertyOptional({ description: 'Why the last attempt failed' }) lastError?: string;
}

export class NotificationPage {
  @ApiProperty({ type: [NotificationResponse] }) items!: NotificationResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
