import { DOCUMENT_CONTENT_TYPES, DOCUMENT_KINDS, type DocumentContentType, type DocumentKind, MAX_DOCUMENT_BYTES } from '#intake';
import { PageQuery } from '#platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

const KIND_MESSAGE = `kind must be one of ${DOCUMENT_KINDS.join(', ')}`;

/** The text fields of the multipart upload; the file itself arrives as `file`. */
export class UploadDocumentRequest {
  @ApiProperty({ enum: DOCUMENT_KINDS, example: 'KTP' })
  @IsIn(DOCUMENT_KINDS, { message: KIND_MESSAGE })
  kind: DocumentKind;

  @ApiPropertyOptional({ maxLength: 500, example: 'KTP difoto saat kunjungan lapangan' })
  @IsOptional() @IsString() @MaxLength(500)
  note?: string;
}

/** The multipart body as OpenAPI shows it (the DTO above holds only its text fields). */
export const UPLOAD_DOCUMENT_BODY_SCHEMA = {
  type: 'object',
  required: ['file', 'kind'],
  properties: {
    file: {
      type: 'string',
      format: 'binary',
      description: `JPEG, PNG or PDF, judged by the file's first bytes (not its name or Content-Type); at most ${MAX_DOCUMENT_BYTES} bytes (5 MB)`,
    },
    kind: { type: 'string', enum: [...DOCUMENT_KINDS] },
    note: { type: 'string', maxLength: 500 },
  },
};

export class DocumentListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DOCUMENT_KINDS })
  @IsOptional() @IsIn(DOCUMENT_KINDS, { message: KIND_MESSAGE })
  kind?: DocumentKind;
}

export class DocumentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) borrowerId: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: DocumentKind;
  @ApiProperty({ enum: DOCUMENT_CONTENT_TYPES, description: "Detected from the file's bytes" }) contentType: DocumentContentType;
  @ApiProperty({ example: 184233 }) sizeBytes: number;
  @ApiProperty({ example: 'a3f1c2...', description: 'Hex SHA-256 of the file as uploaded' }) sha256: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
  @ApiProperty({ format: 'uuid', description: 'The user who uploaded it' }) uploadedBy: string;
}

export class DocumentPage {
  @ApiProperty({ type: [DocumentResponse] }) items: DocumentResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

/** What multer's memory storage hands the route (only what the route reads). */
export interface UploadedDocumentFile {
  buffer: Buffer;
}
