import fc from 'fast-check';
import { DOCUMENT_CONTENT_TYPES, type DocumentContentType } from './document-rules.js';
import { sniffContentType } from './sniff-content-type.js';

const bytes = (...b: number[]) => Uint8Array.from(b);
const ascii = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));
const concat = (a: Uint8Array, b: Uint8Array) => Uint8Array.from([...a, ...b]);

const SIGNATURE_OF: Record<DocumentContentType, Uint8Array> = {
  'image/jpeg': bytes(0xff, 0xd8, 0xff),
  'image/png': bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  'application/pdf': ascii('%PDF-'),
};

describe('sniffContentType', () => {
  it.each<[string, Uint8Array, DocumentContentType]>([
    ['a JFIF JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46), 'image/jpeg'],
    ['an Exif JPEG from a phone camera', bytes(0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34, 0x45, 0x78, 0x69, 0x66), 'image/jpeg'],
    ['a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52), 'image/png'],
    ['a PDF 1.4', ascii('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj'), 'application/pdf'],
    ['a PDF 2.0', ascii('%PDF-2.0\n'), 'application/pdf'],
    ['a bare JPEG signature', bytes(0xff, 0xd8, 0xff), 'image/jpeg'],
    ['a bare PDF header', ascii('%PDF-'), 'application/pdf'],
  ])('recognises %s', (_, input, type) => {
    expect(sniffContentType(input)).toBe(type);
  });

  it.each<[string, Uint8Array]>([
    ['nothing', bytes()],
    ['a GIF89a', ascii('GIF89a\x01\x00\x01\x00')],
    ['a GIF87a', ascii('GIF87a\x01\x00\x01\x00')],
    ['a Windows executable', ascii('MZ\x90\x00\x03\x00\x00\x00')],
    ['an ELF binary', ascii('\x7fELF\x02\x01\x01')],
    ['a ZIP (or an Office document)', ascii('PK\x03\x04\x14\x00')],
    ['a WebP', ascii('RIFF\x24\x00\x00\x00WEBPVP8 ')],
    ['a BMP', ascii('BM\x3a\x00\x00\x00')],
    ['an HTML page', ascii('<!doctype html><script>alert(1)</script>')],
    ['an SVG', ascii('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['plain text', ascii('KTP Siti Aminah 3526014101900001')],
    ['a PNG cut short inside its signature', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a)],
    ['a PNG signature with a damaged line ending', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x0a, 0x0a)],
    ['two bytes of a JPEG signature', bytes(0xff, 0xd8)],
    ['%PDF without the dash', ascii('%PDF1.4')],
    ['a lowercase %pdf- header', ascii('%pdf-1.4')],
    ['a PDF header after leading whitespace', ascii(' %PDF-1.4')],
    ['a PDF header after a byte-order mark', ascii('\xef\xbb\xbf%PDF-1.4')],
  ])('refuses %s', (_, input) => {
    expect(sniffContentType(input)).toBeNull();
  });

  it('accepts a Buffer as well as a Uint8Array', () => {
    expect(sniffContentType(Buffer.from('%PDF-1.7'))).toBe('application/pdf');
  });

  it('judges by the leading signature whatever follows it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DOCUMENT_CONTENT_TYPES), fc.uint8Array({ maxLength: 256 }), (type, rest) => {
        expect(sniffContentType(concat(SIGNATURE_OF[type], rest))).toBe(type);
      }),
    );
  });

  it('refuses every input that starts with none of the three first bytes', () => {
    const firstBytes = new Set([0xff, 0x89, 0x25]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }).filter((b) => !firstBytes.has(b)),
        fc.uint8Array({ maxLength: 256 }),
        (first, rest) => {
          expect(sniffContentType(concat(bytes(first), rest))).toBeNull();
        },
      ),
    );
  });

  it('refuses a signature with any one byte changed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DOCUMENT_CONTENT_TYPES),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        fc.uint8Array({ maxLength: 64 }),
        (type, at, delta, rest) => {
          const damaged = Uint8Array.from(SIGNATURE_OF[type]);
          const i = at % damaged.length;
          damaged[i] = (damaged[i] + delta) % 256;
          const input = concat(damaged, rest);
          // A damaged signature may only ever be read as another allowed type whose signature it now starts with.
          const result = sniffContentType(input);
          expect(result).not.toBe(type);
          if (result !== null) expect(Array.from(input.slice(0, SIGNATURE_OF[result].length))).toEqual(Array.from(SIGNATURE_OF[result]));
        },
      ),
    );
  });
});
