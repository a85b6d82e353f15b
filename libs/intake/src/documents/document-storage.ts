// Where document files live. Local disk by default; an object store (S3, MinIO) is another
// implementation of the same three calls, bound to the same token.

/** Stores opaque bytes (here: ciphertext) under a key the caller chose. */
export interface DocumentStorage {
  /** Stores `bytes` under `key` all at once: a reader never sees a half-written file. */
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes under `key`, or null when nothing is stored there. */
  get(key: string): Promise<Buffer | null>;
  /** Removes what is under `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

export const DOCUMENT_STORAGE = Symbol('DOCUMENT_STORAGE');
