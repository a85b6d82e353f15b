// The reminder e-mail address is personal data (UU PDP): stored only as AES-GCM ciphertext whose associated
// data names the borrower (a ciphertext copied to another row no longer decrypts), shown masked.
import type { FieldCipher } from '#platform';

export const contactEmailAad = (borrowerId: string): string => `notification_contact.email:${borrowerId}`;

export const sealContactEmail = (cipher: FieldCipher, borrowerId: string, email: string): string => cipher.encrypt(email, contactEmailAad(borrowerId));

export const openContactEmail = (cipher: FieldCipher, borrowerId: string, sealed: string | null): string | null =>
  sealed === null ? null : cipher.decrypt(sealed, contactEmailAad(borrowerId));
