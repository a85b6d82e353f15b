import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class AnonymisationRequest {
  @ApiProperty({ example: 'Permintaan penghapusan data oleh subjek data, surat 12/PDP/2036', description: 'Why (kept in the audit log), 3-500 characters' })
  @IsString() @Length(3, 500) @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}

export class AnonymisationResponse {
  @ApiProperty({ format: 'uuid' }) borrowerId: string;
  @ApiProperty({ example: '2036-05-02T03:04:05.000Z' }) anonymisedAt: string;
  @ApiProperty({ example: '2036-03-15', nullable: true, type: String, description: 'When the retention period ended; null when the borrower never had a loan' })
  retentionEndedOn: string | null;
  @ApiProperty({ example: 2, description: 'Document files deleted from storage' }) documentsDeleted: number;
}

/** The access-request document: every section of what is held about the borrower. */
export class BorrowerExportResponse {
  @ApiProperty() exportedAt: string;
  @ApiProperty({ example: '2026-11-22' }) businessDate: string;
  @ApiProperty({ description: 'Profile with the NIK, KK, phone and address in clear (null NIK/KK once anonymised)' }) borrower: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: Object }) business: Record<string, unknown> | null;
  @ApiProperty({ description: 'Opted-out channels and the reminder e-mail address in clear' }) notificationPreferences: Record<string, unknown>;
  @ApiProperty({ type: [Object] }) applications: Record<string, unknown>[];
  @ApiProperty({ type: [Object], description: 'Each loan with its schedule and transactions' }) loans: Record<string, unknown>[];
  @ApiProperty({ type: [Object] }) disbursements: Record<string, unknown>[];
  @ApiProperty({ type: [Object] }) notifications: Record<string, unknown>[];
  @ApiProperty({ type: [Object], description: "Documents' metadata (never their content)" }) documents: Record<string, unknown>[];
  @ApiProperty({ type: [Object], description: 'Sign-in accounts linked to the borrower' }) users: Record<string, unknown>[];
}
