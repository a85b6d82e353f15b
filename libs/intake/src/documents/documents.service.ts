import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  AuditService,
  decodeCursor,
  FieldEncryptionService,
  NotFoundError,
  type Page,
  pageLimit,
  type PageQuery,
  toPage,
  TransactionRunner,
  ValidationError,
} from '#platform';
import { IsNull } from 'typeorm';
import { Borrower } from '../borrowers/borrower.entity.js';
import { BorrowerDocument } from './borrower-document.entity.js';
import { DocumentIntegrityError, DocumentTooLargeError, DocumentTypeNotAllowedError } from './document-errors.js';
import { DOCUMENT_STORAGE, type DocumentStorage } from './document-storage.js';
import { type DocumentContentType, type DocumentKind, EXTENSION_OF, MAX_DOCUMENT_BYTES } from './domain/document-rules.js';
import { sniffContentType } from './domain/sniff-content-type.js';

export interface UploadDocumentInput {
  borrowerId: string;
  kind: DocumentKind;
  /** The file's bytes; undefined when the request carried no file. */
  bytes: Buffer | undefined;
  note?: string;
  uploadedBy: string;
}

/** What may be listed about a document: never its storage key or its content. */
export interface DocumentView {
  id: string;
  borrowerId: string;
  kind: DocumentKind;
  contentType: DocumentContentType;
  sizeBytes: number;
  sha256: string;
  note: string | null;
  uploadedAt: string;
  uploadedBy: string;
}

export interface DocumentContent {
  bytes: Buffer;
  contentType: DocumentContentType;
  /** `ktp-<id>.jpg`: says what it is without the borrower's name. */
  fileName: string;
}

export type DocumentListFilter = PageQuery & { kind?: DocumentKind };

const toView = (d: BorrowerDocument): DocumentView => ({
  id: d.id,
  borrowerId: d.borrowerId,
  kind: d.kind,
  contentType: d.contentType,
  sizeBytes: d.sizeBytes,
  sha256: d.sha256,
  note: d.note,
  uploadedAt: d.uploadedAt.toISOString(),
  uploadedBy: d.uploadedBy,
});

const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

@Injectable()
export class DocumentsService {
  private readonly logger = new Logger(DocumentsService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly cipher: FieldEncryptionService,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  /**
   * Checks the file (size, type by its bytes) and the borrower before anything is stored, then stores
   * the encrypted file and commits its row with the audit row. A failed commit removes the file again.
   */
  async upload(input: UploadDocumentInput): Promise<DocumentView> {
    const { bytes } = input;
    if (!bytes) throw ValidationError.field('file', 'FILE_REQUIRED', 'file is required: send the document in the multipart field "file"');
    if (bytes.length > MAX_DOCUMENT_BYTES) throw new DocumentTooLargeError();
    const contentType = sniffContentType(bytes);
    if (!contentType) throw new DocumentTypeNotAllowedError();
    await this.assertBorrowerExists(input.borrowerId);

    const id = randomUUID();
    const storageKey = randomBytes(16).toString('hex');
    const ciphertext = Buffer.from(this.cipher.encrypt(bytes, id), 'utf8');
    // The file goes first, outside the transaction, so no connection waits on the disk; the row that
    // points at it only commits once it is complete.
    await this.storage.put(storageKey, ciphertext);
    try {
      return await this.tx.run(async (em) => {
        const doc = em.create(BorrowerDocument, {
          id,
          borrowerId: input.borrowerId,
          kind: input.kind,
          contentType,
          sizeBytes: bytes.length,
          sha256: sha256Hex(bytes),
          storageKey,
          note: input.note?.trim() || null,
          uploadedBy: input.uploadedBy,
          deletedAt: null,
        });
        // insert, not save: no look-up of the new id first; RETURNING fills uploadedAt from the database clock.
        await em.insert(BorrowerDocument, doc);
        const view = toView(doc);
        await this.audit.record(em, { action: 'BORROWER_DOCUMENT_UPLOADED', entityType: 'borrower_document', entityId: id, after: view });
        return view;
      });
    } catch (err) {
      await this.storage.delete(storageKey).catch((cleanup: unknown) =>
        this.logger.error({ err: cleanup, storageKey }, 'could not remove the file of a document whose row was not written'),
      );
      throw err;
    }
  }

  /** Newest first; metadata only. */
  async list(borrowerId: string, q: DocumentListFilter): Promise<Page<DocumentView>> {
    await this.assertBorrowerExists(borrowerId);
    const limit = pageLimit(q);
    const after = decodeCursor(q.cursor, 'timestamp');
    const qb = this.tx.manager
      .createQueryBuilder(BorrowerDocument, 'd')
      .where('d.borrowerId = :borrowerId AND d.deletedAt IS NULL', { borrowerId })
      .orderBy('d.uploadedAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .take(limit + 1);
    if (q.kind) qb.andWhere('d.kind = :kind', { kind: q.kind });
    if (after) qb.andWhere('(d.uploadedAt, d.id) < (CAST(:k AS timestamptz), CAST(:id AS uuid))', { k: after.k, id: after.id });
    const rows = await qb.getMany();
    return toPage(rows.map(toView), limit, (d) => ({ k: d.uploadedAt, id: d.id }));
  }

  /**
   * The decrypted file, after checking it against the SHA-256 recorded at upload. Every read is
   * audited, and the audit row commits before a byte is handed out.
   */
  async readContent(borrowerId: string, documentId: string): Promise<DocumentContent> {
    const doc = await this.tx.manager.findOneBy(BorrowerDocument, { id: documentId, borrowerId, deletedAt: IsNull() });
    if (!doc) throw new NotFoundError('Document', documentId);
    const bytes = await this.verifiedPlaintext(doc);
    await this.tx.run((em) =>
      this.audit.record(em, {
        action: 'BORROWER_DOCUMENT_READ',
        entityType: 'borrower_document',
        entityId: doc.id,
        after: { borrowerId: doc.borrowerId, kind: doc.kind, sha256: doc.sha256 },
      }),
    );
    return { bytes, contentType: doc.contentType, fileName: `${doc.kind.toLowerCase().replace(/_/g, '-')}-${doc.id}.${EXTENSION_OF[doc.contentType]}` };
  }

  private async verifiedPlaintext(doc: BorrowerDocument): Promise<Buffer> {
    const stored = await this.storage.get(doc.storageKey);
    if (!stored) return this.integrityAlarm(doc, 'the stored file is missing');
    let plaintext: Buffer;
    try {
      plaintext = this.cipher.decryptToBuffer(stored.toString('utf8'), doc.id);
    } catch {
      return this.integrityAlarm(doc, 'the stored file does not decrypt (altered, truncated or moved from another document)');
    }
    const actual = sha256Hex(plaintext);
    if (actual !== doc.sha256 || plaintext.length !== doc.sizeBytes)
      return this.integrityAlarm(doc, `the SHA-256 ${actual} (${plaintext.length} bytes) differs from the recorded ${doc.sha256} (${doc.sizeBytes} bytes)`);
    return plaintext;
  }

  /** Logs and audits the failure (in its own transaction: the read fails, the alarm must stay). */
  private async integrityAlarm(doc: BorrowerDocument, reason: string): Promise<never> {
    this.logger.error({ documentId: doc.id, borrowerId: doc.borrowerId, storageKey: doc.storageKey, reason }, 'document integrity alarm');
    await this.tx
      .run((em) =>
        this.audit.record(em, {
          action: 'BORROWER_DOCUMENT_INTEGRITY_FAILED',
          entityType: 'borrower_document',
          entityId: doc.id,
          after: { borrowerId: doc.borrowerId, reason },
        }),
      )
      .catch((err: unknown) => this.logger.error({ err, documentId: doc.id }, 'could not audit a document integrity alarm'));
    throw new DocumentIntegrityError(doc.id, reason);
  }

  private async assertBorrowerExists(borrowerId: string): Promise<void> {
    if (!(await this.tx.manager.existsBy(Borrower, { id: borrowerId }))) throw new NotFoundError('Borrower', borrowerId);
  }
}
