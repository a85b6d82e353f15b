// Money arrives from the api as decimal strings ("1500000.00") and is shown as Rp1.500.000 in both
// languages. Everything here is string work: a JS number would lose rupiah above 2^53 and sen anywhere.

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Groups a string of digits by thousands with dots: "1500000" -> "1.500.000". */
export function groupThousands(digits: string): string {
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  let out = '';
  for (let i = trimmed.length; i > 0; i -= 3) {
    const part = trimmed.slice(Math.max(0, i - 3), i);
    out = out ? `${part}.${out}` : part;
  }
  return out;
}

/**
 * "1500000.00" -> "Rp1.500.000", "-2500.5" -> "-Rp2.500,50", "0.75" -> "Rp0,75". Sen are shown (always two
 * digits, comma-separated) only when they are not zero. Anything that is not a decimal string is returned
 * as it came, so that a surprise is visible rather than hidden.
 */
export function formatMoney(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const m = DECIMAL.exec(value.trim());
  if (!m) return value;
  const [, minus, whole, fraction = ''] = m;
  const sen = fraction.replace(/0+$/, '');
  const body = `Rp${groupThousands(whole)}${sen ? `,${sen.padEnd(2, '0')}` : ''}`;
  const isZero = /^0*$/.test(whole) && sen === '';
  return minus && !isZero ? `-${body}` : body;
}

/**
 * What someone typed as an amount, as a decimal string for the api, or null when it is not one.
 * Accepts "1.500.000", "1500000", "Rp 1.500.000", "1.500.000,50" and "1500000.5": a comma is the decimal
 * separator (dots then group thousands); without a comma, dots followed by groups of exactly three digits
 * group thousands, and a single dot followed by one or two digits is the decimal point.
 */
export function parseMoneyInput(text: string): string | null {
  const s = text.replace(/^\s*-?\s*rp\.?/i, '').replace(/[\s\u00a0]/g, '');
  if (s === '' || /^-/.test(text.trim())) return null;
  let whole: string;
  let fraction = '';
  if (s.includes(',')) {
    const m = /^(\d{1,3}(?:\.\d{3})+|\d+),(\d{1,2})$/.exec(s);
    if (!m) return null;
    whole = m[1].replaceAll('.', '');
    fraction = m[2];
  } else if (/^\d{1,3}(?:\.\d{3})+$/.test(s)) {
    whole = s.replaceAll('.', '');
  } else {
    const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
    if (!m) return null;
    whole = m[1];
    fraction = m[2] ?? '';
  }
  whole = whole.replace(/^0+(?=\d)/, '');
  fraction = fraction.replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/**
 * A decimal string as it is shown inside a money input while editing: "1500000.5" -> "1.500.000,5". The
 * api's amounts come with two decimals; the zeros at the end are dropped ("6000000.00" -> "6.000.000"), as
 * parseMoneyInput drops them.
 */
export function formatMoneyForInput(value: string): string {
  const m = DECIMAL.exec(value);
  if (!m) return value;
  const [, , whole, fraction = ''] = m;
  const significant = fraction.replace(/0+$/, '');
  return significant ? `${groupThousands(whole)},${significant}` : groupThousands(whole);
}

/** Whether a decimal string is zero ("0", "0.00", "-0"): a check the UI needs without doing arithmetic. */
export function isZeroMoney(value: string | null | undefined): boolean {
  return !value || /^-?0*(\.0*)?$/.test(value.trim());
}
