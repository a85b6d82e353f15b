import { formatMoney } from '../format/money';

/** An amount as text (Rp1.500.000), with tabular digits so columns of amounts line up. */
export function Money({ value }: { value: string | null | undefined }) {
  return <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{formatMoney(value)}</span>;
}
