// How a borrower's NIK and KK are kept (UU PDP): AES-GCM ciphertext whose associated data names the
// field and the borrower, so a ciphertext copied to another row or column no longer decrypts; an HMAC
// blind index per field for exact lookups; the masked NIK for display.
import { type FieldCipher, maskIdentifier } from '#platform';

const NIK_INDEX = 'borrower.nik';
const KK_INDEX = 'borrower.kk';

const aad = (field: 'nik' | 'kk', borrowerId: string) => `borrower.${field}:${borrowerId}`;

export interface SealedIdentity {
  nikEncrypted: string;
  nikHash: string;
  nikMasked: string;
  kkEncrypted: string | null;
  kkHash: string | null;
}

export function sealIdentity(cipher: FieldCipher, borrowerId: string, nik: string, kk?: string | null): SealedIdentity {
  return {
    nikEncrypted: cipher.encrypt(nik, aad('nik', borrowerId)),
    nikHash: nikBlindIndex(cipher, nik),
    nikMasked: maskIdentifier(nik),
    ...(kk ? sealKk(cipher, borrowerId, kk) : { kkEncrypted: null, kkHash: null }),
  };
}

/** The KK alone: registration, and a correction that adds or fixes it. */
export const sealKk = (cipher: FieldCipher, borrowerId: string, kk: string): { kkEncrypted: string; kkHash: string } => ({
  kkEncrypted: cipher.encrypt(kk, aad('kk', borrowerId)),
  kkHash: kkBlindIndex(cipher, kk),
});

export const nikBlindIndex = (cipher: FieldCipher, nik: string): string => cipher.blindIndex(nik, NIK_INDEX);

export const kkBlindIndex = (cipher: FieldCipher, kk: string): string => cipher.blindIndex(kk, KK_INDEX);

export function openIdentity(
  cipher: FieldCipher,
  row: { id: string; nikEncrypted: string; kkEncrypted: string | null },
): { nik: string; kk: string | null } {
  return {
    nik: cipher.decrypt(row.nikEncrypted, aad('nik', row.id)),
    kk: row.kkEncrypted ? cipher.decrypt(row.kkEncrypted, aad('kk', row.id)) : null,
  };
}
