import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Bahasa Indonesia / English; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('shell.language')}
      data-testid="language-switch"
      value={i18n.language === 'en' ? 'en' : 'id'}
      onChange={(lng) => void i18n.changeLanguage(lng)}
      data={[
        { value: 'id', label: 'ID' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
