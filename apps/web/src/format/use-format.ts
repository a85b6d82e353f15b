// The formatters bound to the current language, for components: const f = useFormat(); f.money(x), f.date(d).
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, type Language } from './date';
import { formatMoney } from './money';

export function useFormat() {
  const { i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'id';
  return {
    language,
    money: (value: string | null | undefined) => formatMoney(value),
    date: (value: string | null | undefined) => formatDate(value, language),
    dateTime: (value: string | null | undefined) => formatDateTime(value, language),
  };
}
