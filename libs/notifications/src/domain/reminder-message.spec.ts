import { Money } from '#money';
import { formatLongDate, maskPhone, renderReminder } from './reminder-message.js';

describe('reminder messages', () => {
  const base = { installmentNumber: 2, amount: Money.parse('1500000.00'), dueDate: '2026-12-05', virtualAccount: '1140000100000042' };

  it('writes Bahasa Indonesia by default, with Rp1.500.000, 5 Desember 2026 and the VA', () => {
    expect(renderReminder({ ...base, kind: 'DUE_SOON' })).toBe(
      'Lumbung: Pengingat: angsuran ke-2 sebesar Rp1.500.000 jatuh tempo pada 5 Desember 2026. Silakan bayar ke nomor virtual account 1140000100000042. Abaikan pesan ini bila sudah membayar.',
    );
    expect(renderReminder({ ...base, kind: 'DUE_TODAY' })).toContain('jatuh tempo hari ini, 5 Desember 2026');
    expect(renderReminder({ ...base, kind: 'OVERDUE', amount: Money.parse('333000.50') })).toContain('Rp333.000,50 yang jatuh tempo pada 5 Desember 2026 belum kami terima');
  });

  it('writes English on request', () => {
    expect(renderReminder({ ...base, kind: 'OVERDUE' }, 'en')).toBe(
      'Lumbung: Instalment 2 of Rp1.500.000, due on 5 December 2026, has not been paid yet. Pay to virtual account 1140000100000042. Ignore this message if you have already paid.',
    );
  });

  it('formats dates and masks phones', () => {
    expect(formatLongDate('2027-01-31')).toBe('31 Januari 2027');
    expect(maskPhone('+6281234567890')).toBe('+6281******890');
  });
});
