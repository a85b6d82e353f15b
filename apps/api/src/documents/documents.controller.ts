import { type DocumentContent, DocumentsService } from '#intake';
import { ApiProblems, type AuthenticatedUser } from '#platform';
import { Body, Controller, Get, Header, Post, Query, StreamableFile, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { UuidParam } from '../http/uuid-param.decorator.js';
import { DocumentProblemFilter } from './document-problem.filter.js';
import { DocumentUploadInterceptor } from './document-upload.interceptor.js';
import { DocumentListQuery, DocumentPage, DocumentResponse, UPLOAD_DOCUMENT_BODY_SCHEMA, type UploadedDocumentFile, UploadDocumentRequest } from './document.dto.js';

/** A download is an attachment the browser must not render or guess the type of, nor keep. */
const attachment = (doc: DocumentContent): StreamableFile =>
  new StreamableFile(doc.bytes, { type: doc.contentType, disposition: `attachment; filename="${doc.fileName}"`, length: doc.bytes.length });

@ApiTags('documents')
@ApiBearerAuth()
@ApiProblems(401, 403)
@UseFilters(DocumentProblemFilter)
@Controller('borrowers/:id/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @Roles('loan_officer', 'admin')
  @UseInterceptors(DocumentUploadInterceptor)
  @ApiOperation({ summary: "Upload a borrower's document (KTP, KK, NIB certificate, business photo); stored encrypted" })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_DOCUMENT_BODY_SCHEMA })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiProblems(
    [400, 'VALIDATION_FAILED (a missing `file`, a bad `kind`, an id that is not a UUID), DOCUMENT_TYPE_NOT_ALLOWED (not JPEG, PNG or PDF by its bytes), MALFORMED_MULTIPART'],
    404,
    [413, 'DOCUMENT_TOO_LARGE: the file is over 5 MB; nothing is stored'],
    [415, 'UNSUPPORTED_MEDIA_TYPE: a multipart body that is not multipart/form-data'],
  )
  upload(
    @UuidParam('id') id: string,
    @Body() body: UploadDocumentRequest,
    @UploadedFile() file: UploadedDocumentFile | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DocumentResponse> {
    return this.documents.upload({ borrowerId: id, kind: body.kind, note: body.note, bytes: file?.buffer, uploadedBy: user.id });
  }

  @Get()
  @Roles('admin', 'loan_officer', 'approver', 'finance')
  @ApiOperation({ summary: "A borrower's documents, newest first (metadata only)" })
  @ApiOkResponse({ type: DocumentPage })
  @ApiProblems(400, 404)
  list(@UuidParam('id') id: string, @Query() q: DocumentListQuery): Promise<DocumentPage> {
    return this.documents.list(id, q);
  }

  @Get(':documentId/content')
  @Roles('admin', 'loan_officer', 'approver', 'finance')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Download the document (decrypted, its SHA-256 checked); every download is audited' })
  @ApiProduces('image/jpeg', 'image/png', 'application/pdf')
  @ApiOkResponse({ description: 'The file, as an attachment', schema: { type: 'string', format: 'binary' } })
  @ApiProblems(400, [404, 'NOT_FOUND: no such document of this borrower'], [500, 'DOCUMENT_INTEGRITY_FAILED: the stored file is damaged or altered; not served'])
  async content(@UuidParam('id') id: string, @UuidParam('documentId') documentId: string): Promise<StreamableFile> {
    return attachment(await this.documents.readContent(id, documentId));
  }
}
