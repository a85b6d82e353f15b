import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DocumentContentType, DocumentKind } from './domain/document-rules.js';

/**
 * A scanned document of a borrower (KTP, KK, NIB certificate, business photo). The row holds what is
 * safe to list; the file itself is in DocumentStorage, encrypted with this row's id as associated
 * data, so a file moved under another row fails to decrypt.
 */
@Entity('borrower_document')
export class BorrowerDocument {
  /** Chosen before the file is encrypted: it is the ciphertext's associated data. */
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'uuid' }) borrowerId: string;
  @Column({ type: 'text' }) kind: DocumentKind;
  /** Detected from the file's first bytes, never taken from the client. */
  @Column({ type: 'text' }) contentType: DocumentContentType;
  @Column({ type: 'integer' }) sizeBytes: number;
  /** Hex SHA-256 of the plaintext, checked again on every download. */
  @Column({ type: 'text' }) sha256: string;
  /** Random, unrelated to the client's file name. */
  @Column({ type: 'text' }) storageKey: string;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'uuid' }) uploadedBy: string;
  /** Millisecond precision, so the list's keyset cursor (an ISO timestamp) matches the column exactly. */
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' }) uploadedAt: Date;
  /** Set when the document is withdrawn or erased (retention, UU PDP); such rows are neither listed nor served. */
  @Column({ type: 'timestamptz', nullable: true }) deletedAt: Date | null;
}
