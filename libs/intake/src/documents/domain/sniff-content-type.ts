// A document's type is what its first bytes say, never its file name or the client's Content-Type:
// a renamed executable or a GIF claiming to be a PDF is refused, a PNG sent as application/pdf is a PNG.
import type { DocumentContentType } from './document-rules.js';

const SIGNATURES: readonly [DocumentContentType, readonly number[]][] = [
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  // `%PDF-`: the header a conforming PDF starts with (ISO 32000-1, 7.5.2).
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
];

/** The allowed type whose signature `bytes` start with, or null for anything else (including empty). */
export function sniffContentType(bytes: Uint8Array): DocumentContentType | null {
  for (const [type, signature] of SIGNATURES) {
    if (bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b)) return type;
  }
  return null;
}
