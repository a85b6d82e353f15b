// Reminder texts. Only what the borrower needs to pay: no name, NIK, address or balance of other
// loans, because a phone can be read by someone else in the household (POJK 22/2023: never to a third
// party, no threats or shaming).
import type { Money } from '#money';
import type { ReminderKind } from './reminder-policy.js';

export type ReminderLanguage = 'id' | 'en';

export interface ReminderMessageInput {
  kind: ReminderKind;
  installmentNumber: number;
  /** What is still owed on the installment. */
  amount: Money;
  /** YYYY-MM-DD. */
  dueDate: string;
  virtualAccount: string;
}

const MONTHS: Record<ReminderLanguage, string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** '2026-12-05' -> '5 Desember 2026' (or '5 December 2026'). */
export function formatLongDate(date: string, language: ReminderLanguage = 'id'): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[language][m! - 1]} ${y}`;
}

export function renderReminder(input: ReminderMessageInput, language: ReminderLanguage = 'id'): string {
  const amount = input.amount.format();
  const date = formatLongDate(input.dueDate, language);
  const n = input.installmentNumber;
  const va = input.virtualAccount;
  if (language === 'en') {
    const lead =
      input.kind === 'DUE_SOON'
        ? `Reminder: instalment ${n} of ${amount} is due on ${date}.`
        : input.kind === 'DUE_TODAY'
          ? `Instalment ${n} of ${amount} is due today, ${date}.`
          : `Instalment ${n} of ${amount}, due on ${date}, has not been paid yet.`;
    return `Lumbung: ${lead} Pay to virtual account ${va}. Ignore this message if you have already paid.`;
  }
  const lead =
    input.kind === 'DUE_SOON'
      ? `Pengingat: angsuran ke-${n} sebesar ${amount} jatuh tempo pada ${date}.`
      : input.kind === 'DUE_TODAY'
        ? `Angsuran ke-${n} sebesar ${amount} jatuh tempo hari ini, ${date}.`
        : `Angsuran ke-${n} sebesar ${amount} yang jatuh tempo pada ${date} belum kami terima.`;
  return `Lumbung: ${lead} Silakan bayar ke nomor virtual account ${va}. Abaikan pesan ini bila sudah membayar.`;
}

/** '+6281234567890' -> '+62812******890': enough to tell numbers apart in a log, not to call one. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 5)}${'*'.repeat(phone.length - 8)}${phone.slice(-3)}`;
}
