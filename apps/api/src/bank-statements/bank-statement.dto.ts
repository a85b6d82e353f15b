import { CSV_PROFILE_NAMES, type CsvProfileName, MATCH_STATUSES, type MatchStatus, STATEMENT_FORMATS, type StatementFormat } from '#reconciliation';
import { PageQuery } from '#platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

export const UPLOAD_STATEMENT_BODY_SCHEMA = {
  type: 'object',
  required: ['file', 'format'],
  properties: {
    file: { type: 'string', format: 'binary', description: 'CSV (date,description,reference,debit,credit,balance, or a bank profile) or SWIFT MT940' },
    format: { type: 'string', enum: [...STATEMENT_FORMATS] },
    profile: { type: 'string', enum: [...CSV_PROFILE_NAMES], description: 'CSV column profile; GENERIC by default' },
    programmeId: { type: 'string', format: 'uuid', description: 'Defaults to the default programme' },
  },
};

export class ImportStatementRequest {
  @IsIn(STATEMENT_FORMATS, { message: `format must be one of ${STATEMENT_FORMATS.join(', ')}` })
  format: StatementFormat;

  @IsOptional() @IsIn(CSV_PROFILE_NAMES, { message: `profile must be one of ${CSV_PROFILE_NAMES.join(', ')}` })
  profile?: CsvProfileName;

  @IsOptional() @IsUUID('all')
  programmeId?: string;
}

export interface UploadedStatementFile {
  buffer: Buffer;
}

export class ImportSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Lines in the file' }) lines: number;
  @ApiProperty() matched: number;
  @ApiProperty() unmatched: number;
  @ApiProperty() mismatched: number;
  @ApiProperty() repaymentsPosted: number;
  @ApiProperty({ description: 'Lines already imported (same fingerprint): nothing posted for them' }) duplicates: number;
}

export class StatementLineResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) statementId: string;
  @ApiProperty() lineNo: number;
  @ApiProperty({ example: '2026-03-05' }) valueDate: string;
  @ApiProperty({ enum: ['CREDIT', 'DEBIT'] }) direction: string;
  @ApiProperty({ example: '334000.00' }) amount: string;
  @ApiProperty() reference: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: MATCH_STATUSES }) status: string;
  @ApiProperty({ nullable: true, example: 'NO_MATCH', description: 'NO_MATCH, AMOUNT_DIFFERS, LOAN_CLOSED, DISBURSEMENT_CANCELLED, or the refusal code of a recovery on a written-off loan (e.g. RECOVERY_EXCEEDS_WRITTEN_OFF)' }) reason: string | null;
  @ApiProperty({ nullable: true, format: 'uuid' }) loanId: string | null;
  @ApiProperty({ nullable: true, format: 'uuid' }) disbursementId: string | null;
  @ApiProperty({ nullable: true, format: 'uuid' }) loanTransactionId: string | null;
  @ApiProperty({ nullable: true, format: 'uuid', description: 'A credit to a WRITTEN_OFF loan, recorded as a recovery' }) loanRecoveryId: string | null;
  @ApiProperty({ nullable: true, format: 'uuid', description: 'Dr 1100 / Cr 1900 for an unmatched credit' }) suspenseEntryId: string | null;
  @ApiProperty({ nullable: true, enum: ['ASSIGNED', 'RETURNED'] }) resolution: string | null;
}

export class StatementLinePage {
  @ApiProperty({ type: [StatementLineResponse] }) items: StatementLineResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

class DifferenceItemResponse {
  @ApiProperty({ format: 'uuid' }) lineId: string;
  @ApiProperty() lineNo: number;
  @ApiProperty({ example: '-1000000.00', description: 'Signed: negative is money out' }) amount: string;
  @ApiProperty({ enum: MATCH_STATUSES }) status: string;
  @ApiProperty({ nullable: true }) reason: string | null;
}

class BalanceCheckResponse {
  @ApiProperty({ nullable: true, example: '500000000.00' }) openingBalance: string | null;
  @ApiProperty({ nullable: true, example: '499384000.00' }) closingBalance: string | null;
  @ApiProperty({ example: '-616000.00' }) linesNet: string;
  @ApiProperty({ nullable: true, type: Boolean }) fileConsistent: boolean | null;
  @ApiProperty({ description: '1100 Cash in the ledger on the last date of the statement' }) ledgerCash: string;
  @ApiProperty({ nullable: true, description: 'closingBalance - ledgerCash' }) difference: string | null;
  @ApiProperty({ type: [DifferenceItemResponse], description: 'Lines whose movement the ledger does not hold' }) explainedBy: DifferenceItemResponse[];
  @ApiProperty({ nullable: true, description: 'difference minus the explained lines' }) unexplained: string | null;
}

export class StatementSummaryResponse extends ImportSummaryResponse {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ enum: STATEMENT_FORMATS }) format: string;
  @ApiProperty({ nullable: true }) profile: string | null;
  @ApiProperty() account: string;
  @ApiProperty() firstDate: string;
  @ApiProperty() lastDate: string;
  @ApiProperty() importedAt: string;
}

export class StatementResponse extends StatementSummaryResponse {
  @ApiProperty({ type: BalanceCheckResponse }) balanceCheck: BalanceCheckResponse;
}

export class StatementPage {
  @ApiProperty({ type: [StatementSummaryResponse] }) items: StatementSummaryResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class StatementListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the default programme' })
  @IsOptional() @IsUUID('all')
  programmeId?: string;
}

export class StatementLineQuery extends PageQuery {
  @ApiPropertyOptional({ enum: MATCH_STATUSES })
  @IsOptional() @IsIn(MATCH_STATUSES, { message: `status must be one of ${MATCH_STATUSES.join(', ')}` })
  status?: MatchStatus;
}

export class AssignLineRequest {
  @ApiProperty({ format: 'uuid', description: 'The loan the suspense credit was meant for' })
  @IsUUID('all')
  loanId: string;
}

export class ReturnLineRequest {
  @ApiProperty({ example: 'Salah transfer: bukan peminjam program', minLength: 1, maxLength: 500 })
  @IsString() @Length(1, 500) @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}
