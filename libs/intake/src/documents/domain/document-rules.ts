// What a borrower document may be: its kind, its size and (judged by its bytes) its type.

/** KTP (identity card), KK (family card), NIB certificate (business registration), a photo of the business. */
export const DOCUMENT_KINDS = ['KTP', 'KK', 'NIB_CERTIFICATE', 'BUSINESS_PHOTO'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** 5 MiB: a phone photo of a KTP or a scanned certificate fits; larger is refused, never stored. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export const DOCUMENT_CONTENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

/** The file name extension a download is offered under. */
export const EXTENSION_OF: Record<DocumentContentType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
};
