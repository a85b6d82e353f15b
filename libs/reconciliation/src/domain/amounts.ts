// Amounts on statements are read from their text, never through a JS number: Rp amounts of a
// revolving fund run to hundreds of billions, and sen must not drift.
import { Money } from '#money';

export interface AmountStyle {
  /** The thousands separator the bank prints, if any. */
  thousands: '' | '.' | ',';
  decimal: '.' | ',';
}

/** "1.234.567,89" (decimal ',') or "1,234,567.89" (decimal '.') to Money; null when it is not an amount. */
export function parseAmountText(text: string, style: AmountStyle): Money | null {
  let s = text.trim();
  if (!s) return null;
  let negative = false;
  if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  } else if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1);
  }
  const t = style.thousands ? `\\${style.thousands}` : '';
  const d = `\\${style.decimal}`;
  const shape = t ? new RegExp(`^(\\d{1,3}(${t}\\d{3})*|\\d+)(${d}\\d{1,2})?$`) : new RegExp(`^\\d+(${d}\\d{1,2})?$`);
  if (!shape.test(s)) return null;
  const [whole, frac = ''] = (style.thousands ? s.split(style.thousands).join('') : s).split(style.decimal);
  const money = Money.of(`${whole}.${frac.padEnd(2, '0')}`);
  return negative ? money.negated() : money;
}

/**
 * The amount of an MT940 :61: or balance field: digits with a ',' decimal mark, as SWIFT writes it
 * ("334000,00", "334000,", "334000"). mt940js yields JS numbers, so the text is read here instead.
 */
export function parseSwiftAmount(text: string): Money | null {
  if (!/^\d+(,\d{0,2})?$/.test(text)) return null;
  const [whole, frac = ''] = text.split(',');
  return Money.of(`${whole}.${frac.padEnd(2, '0')}`);
}
