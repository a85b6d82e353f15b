// The borrower's mobile number is personal data (UU PDP) like the NIK and the e-mail address: stored only
// as AES-GCM ciphertext whose associated data names the borrower (a ciphertext copied to another row no
// longer decrypts), and found through an HMAC blind index of its E.164 form. It lives here, beside the
// e-mail address, because three libraries open it (intake's borrower answers, repayment's collectors'
// list, this library's reminder sender) and only this one is imported by the other two.
import type { FieldCipher } from '#platform';

export const borrowerPhoneAad = (borrowerId: string): string => `borrower.phone:${borrowerId}`;

export const sealBorrowerPhone = (cipher: FieldCipher, borrowerId: string, phone: string): string => cipher.encrypt(phone, borrowerPhoneAad(borrowerId));

export const openBorrowerPhone = (cipher: FieldCipher, borrowerId: string, sealed: string): string => cipher.decrypt(sealed, borrowerPhoneAad(borrowerId));

/** The blind index of an E.164 number (normalizePhone's output): GET /api/borrowers?phone= without the plaintext. */
export const borrowerPhoneIndex = (cipher: FieldCipher, e164: string): string => cipher.blindIndex(e164, 'borrower.phone');
