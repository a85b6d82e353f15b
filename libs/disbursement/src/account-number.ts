// The borrower's bank account number is financial data (UU PDP): AES-GCM at rest, bound to its order
// by the associated data, so a ciphertext copied onto another order no longer decrypts.
import { type FieldCipher, maskIdentifier } from '#platform';

const aad = (disbursementId: string) => `disbursement.account_number:${disbursementId}`;

export function sealAccountNumber(cipher: FieldCipher, disbursementId: string, accountNumber: string): { accountNumberEncrypted: string; accountNumberMasked: string } {
  return { accountNumberEncrypted: cipher.encrypt(accountNumber, aad(disbursementId)), accountNumberMasked: maskIdentifier(accountNumber, 0, 4) };
}

export function openAccountNumber(cipher: FieldCipher, row: { id: string; accountNumberEncrypted: string }): string {
  return cipher.decrypt(row.accountNumberEncrypted, aad(row.id));
}
