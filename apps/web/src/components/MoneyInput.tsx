import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoneyForInput, parseMoneyInput } from '../format/money';

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  /** A decimal string ("1500000"), or '' when empty or not an amount. */
  value: string;
  onChange(value: string): void;
};

/**
 * An amount in rupiah: accepts "1.500.000", "1500000" or "1.500.000,50" and hands the form a decimal
 * string for the api ("1500000", "1500000.5"), never a number. Shows the grouping once the field is left.
 */
export function MoneyInput({ value, onChange, error, onBlur, ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => (value ? formatMoneyForInput(value) : ''));

  // A value set from outside (a reset, a suggested amount) replaces what is shown; typing does not (the
  // parsed text already equals the value), so only changes of value matter here.
  useEffect(() => {
    if ((parseMoneyInput(text) ?? '') !== value) setText(value ? formatMoneyForInput(value) : '');
  }, [value]);

  const parsed = parseMoneyInput(text);
  const invalid = text.trim() !== '' && parsed === null;
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      leftSection="Rp"
      {...rest}
      value={text}
      error={error ?? (invalid ? t('money.invalid') : undefined)}
      onChange={(e) => {
        setText(e.currentTarget.value);
        onChange(parseMoneyInput(e.currentTarget.value) ?? '');
      }}
      onBlur={(e) => {
        if (parsed !== null) setText(formatMoneyForInput(parsed));
        onBlur?.(e);
      }}
    />
  );
}
