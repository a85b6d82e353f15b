// Field encryption of personal data: AES-256-GCM with a fresh IV per value, authenticated (ciphertext,
// tag and associated data), and an HMAC blind index for exact lookups.
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { DEV_DATA_ENCRYPTION_KEY } from '../config/app-config.js';
import { FieldCipher, FieldEncryptionService, maskEmail, maskIdentifier } from './field-encryption.service.js';

const newKey = () => randomBytes(32).toString('base64');
const NIK = '3526011203900001';

/** Flips one bit of the base64 field `index` (1 iv, 2 tag, 3 ciphertext) of a `v1:...` token. */
function flipBit(token: string, index: 1 | 2 | 3, byte = 0): string {
  const parts = token.split(':');
  const raw = Buffer.from(parts[index], 'base64');
  raw[byte % raw.length] ^= 0x01;
  parts[index] = raw.toString('base64');
  return parts.join(':');
}

describe('FieldCipher', () => {
  const cipher = new FieldCipher(newKey());

  it('round-trips text, including non-ASCII and the empty string', () => {
    for (const text of [NIK, 'Siti Aminah binti H. Abdullah', 'Jl. Raya Bangkalan № 7 — ☕', '']) {
      const token = cipher.encrypt(text);
      expect(token).not.toContain(text || '\u0000');
      expect(cipher.decrypt(token)).toBe(text);
    }
  });

  it('round-trips binary data (a scanned document) byte for byte', () => {
    const scan = randomBytes(4096);
    const token = cipher.encrypt(scan, 'document:42');
    const back = cipher.decryptToBuffer(token, 'document:42');
    expect(Buffer.isBuffer(back)).toBe(true);
    expect(back.equals(scan)).toBe(true);
  });

  it('writes the versioned format v1:<iv>:<tag>:<ciphertext> with a 12-byte IV and a 16-byte tag', () => {
    const [version, iv, tag, data] = cipher.encrypt(NIK).split(':');
    expect(version).toBe('v1');
    expect(Buffer.from(iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(tag, 'base64')).toHaveLength(16);
    expect(Buffer.from(data, 'base64')).toHaveLength(Buffer.byteLength(NIK));
  });

  it('uses a fresh IV each time, so equal plaintexts give different ciphertexts', () => {
    const tokens = Array.from({ length: 20 }, () => cipher.encrypt(NIK));
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(new Set(tokens.map((t) => t.split(':')[1])).size).toBe(tokens.length);
    for (const t of tokens) expect(cipher.decrypt(t)).toBe(NIK);
  });

  describe('refuses anything it did not write', () => {
    const token = cipher.encrypt(NIK, 'borrower:7:nik');

    it.each([
      ['ciphertext', 3],
      ['authentication tag', 2],
      ['IV', 1],
    ] as const)('a flipped bit in the %s', (_label, index) => {
      expect(() => cipher.decrypt(flipBit(token, index), 'borrower:7:nik')).toThrow();
    });

    it('a flipped bit anywhere in the ciphertext', () => {
      const len = Buffer.from(token.split(':')[3], 'base64').length;
      for (let i = 0; i < len; i++) expect(() => cipher.decrypt(flipBit(token, 3, i), 'borrower:7:nik')).toThrow();
    });

    it('other associated data (a value copied onto another row or field)', () => {
      expect(cipher.decrypt(token, 'borrower:7:nik')).toBe(NIK);
      expect(() => cipher.decrypt(token, 'borrower:8:nik')).toThrow();
      expect(() => cipher.decrypt(token)).toThrow();
    });

    it('a truncated authentication tag (GCM must insist on the full 16 bytes)', () => {
      const [v, iv, tag, data] = token.split(':');
      for (const len of [4, 8, 12, 15]) {
        const short = Buffer.from(tag, 'base64').subarray(0, len).toString('base64');
        expect(() => cipher.decrypt([v, iv, short, data].join(':'), 'borrower:7:nik')).toThrow();
      }
    });

    it('another key', () => {
      expect(() => new FieldCipher(newKey()).decrypt(token, 'borrower:7:nik')).toThrow();
    });

    it.each(['', 'v1', 'v1:a:b', `v2:${token.slice(3)}`, 'not a token at all'])('a malformed token %j', (bad) => {
      expect(() => cipher.decrypt(bad)).toThrow(/Unrecognised ciphertext format/);
    });
  });

  it('refuses a master key that does not decode to 32 bytes', () => {
    expect(() => new FieldCipher(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
    expect(() => new FieldCipher('')).toThrow(/32 bytes/);
  });

  it('two instances built from the same key read each other (the api and the worker share a key)', () => {
    const key = newKey();
    expect(new FieldCipher(key).decrypt(new FieldCipher(key).encrypt(NIK))).toBe(NIK);
  });

  describe('blindIndex', () => {
    it('is deterministic for a key and purpose', () => {
      const key = newKey();
      expect(new FieldCipher(key).blindIndex(NIK, 'nik')).toBe(new FieldCipher(key).blindIndex(NIK, 'nik'));
      expect(cipher.blindIndex(NIK, 'nik')).toMatch(/^[0-9a-f]{64}$/);
    });

    it('differs between purposes, so an NIK index cannot be matched against a KK index', () => {
      expect(cipher.blindIndex(NIK, 'nik')).not.toBe(cipher.blindIndex(NIK, 'kk'));
    });

    it('does not let purpose and value run into each other', () => {
      expect(cipher.blindIndex('b', 'a')).not.toBe(cipher.blindIndex('', 'ab'));
      expect(cipher.blindIndex('bc', 'a')).not.toBe(cipher.blindIndex('c', 'ab'));
    });

    it('differs between keys, and between values', () => {
      expect(cipher.blindIndex(NIK, 'nik')).not.toBe(new FieldCipher(newKey()).blindIndex(NIK, 'nik'));
      expect(cipher.blindIndex(NIK, 'nik')).not.toBe(cipher.blindIndex('3526011203900002', 'nik'));
    });
  });

  it('round-trips any text and any bytes, with any associated data (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ maxLength: 40 }), (text, aad) => {
        const token = cipher.encrypt(text, aad);
        expect(cipher.decrypt(token, aad)).toBe(text);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        const buf = Buffer.from(bytes);
        expect(cipher.decryptToBuffer(cipher.encrypt(buf)).equals(buf)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('FieldEncryptionService', () => {
  it('takes its key from DATA_ENCRYPTION_KEY', () => {
    const service = new FieldEncryptionService({ DATA_ENCRYPTION_KEY: DEV_DATA_ENCRYPTION_KEY } as never);
    const token = service.encrypt(NIK);
    expect(new FieldCipher(DEV_DATA_ENCRYPTION_KEY).decrypt(token)).toBe(NIK);
  });
});

describe('maskIdentifier', () => {
  it('shows the first and last four digits of an NIK, as api.md does', () => {
    expect(maskIdentifier(NIK)).toBe('3526********0001');
  });

  it('keeps the length and hides everything when the value is too short to show both ends', () => {
    expect(maskIdentifier('12345678')).toBe('********');
    expect(maskIdentifier('123')).toBe('***');
    expect(maskIdentifier('')).toBe('');
    expect(maskIdentifier('123456789')).toBe('1234*6789');
  });

  it('honours other widths', () => {
    expect(maskIdentifier('1234567890', 2, 3)).toBe('12*****890');
  });

  it('keeps no end when asked for none (slice(-0) once returned the whole value)', () => {
    expect(maskIdentifier('siti@example.com', 2, 0)).toBe('si**************');
    expect(maskIdentifier('0011223344', 0, 4)).toBe('******3344');
  });
});

describe('maskEmail', () => {
  it('shows two characters of the mailbox and the domain, never the whole address', () => {
    expect(maskEmail('siti.aminah@example.com')).toBe('si*********@example.com');
    expect(maskEmail('ab@x.id')).toBe('**@x.id');
    expect(maskEmail('no-at-sign')).toBe('no********');
  });
});
