// Personal data (NIK, KK, scans) is encrypted at rest with AES-256-GCM (UU PDP 27/2022); exact
// lookups use an HMAC blind index, so the database never needs the plaintext to find a row.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

const VERSION = 'v1';

export class FieldCipher {
  private readonly encKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(masterKeyBase64: string) {
    const master = Buffer.from(masterKeyBase64, 'base64');
    if (master.length !== 32) throw new Error('DATA_ENCRYPTION_KEY must decode to 32 bytes');
    // Separate keys for secrecy and for the index, so one never weakens the other.
    this.encKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'lumbung:field-encryption', 32));
    this.indexKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'lumbung:blind-index', 32));
  }

  /** `v1:<iv>:<tag>:<ciphertext>` in base64; a fresh IV per value, so equal plaintexts differ. */
  encrypt(plaintext: string | Buffer, associatedData = ''): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    cipher.setAAD(Buffer.from(associatedData));
    const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
  }

  decrypt(token: string, associatedData = ''): string {
    return this.decryptToBuffer(token, associatedData).toString('utf8');
  }

  decryptToBuffer(token: string, associatedData = ''): Buffer {
    const [version, iv, tag, data] = token.split(':');
    if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('Unrecognised ciphertext format');
    // Without authTagLength, Node accepts a tag cut down to 4 bytes: a forgery would need 2^32 tries, not 2^128.
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, Buffer.from(iv, 'base64'), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]);
  }

  /** Deterministic keyed hash for equality lookups (e.g. find a borrower by NIK). */
  blindIndex(value: string, purpose: string): string {
    return createHmac('sha256', this.indexKey).update(`${purpose}\u0000${value}`).digest('hex');
  }
}

@Injectable()
export class FieldEncryptionService extends FieldCipher {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(config.DATA_ENCRYPTION_KEY);
  }
}

/** `3526********0001`: the first 4 and last 4 digits, as api.md shows a NIK. */
export function maskIdentifier(value: string, keepStart = 4, keepEnd = 4): string {
  if (value.length <= keepStart + keepEnd) return '*'.repeat(value.length);
  // slice(-0) is the whole string: keepEnd = 0 once printed an e-mail address in full into the log.
  return value.slice(0, keepStart) + '*'.repeat(value.length - keepStart - keepEnd) + (keepEnd > 0 ? value.slice(-keepEnd) : '');
}

/** `si**@example.com`: the first two characters of the mailbox and the domain, as answers and logs show an e-mail address. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return maskIdentifier(email, 2, 0);
  return `${maskIdentifier(email.slice(0, at), 2, 0)}${email.slice(at)}`;
}
