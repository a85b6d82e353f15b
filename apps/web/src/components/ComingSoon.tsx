import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A page whose area is not built yet: its title, so navigation and tests already work. */
export function ComingSoon({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Title order={1} size="h2" mb="md">
        {title}
      </Title>
      <Paper withBorder p="md">
        <Text c="dimmed">{t('comingSoon')}</Text>
      </Paper>
    </>
  );
}

/** Default-exportable placeholder page for rolePage(): `() => placeholder('officer:nav.pipeline')`. */
export function placeholder(titleKey: string) {
  function Placeholder() {
    const { t } = useTranslation();
    return <ComingSoon title={t(titleKey)} />;
  }
  return Promise.resolve({ default: Placeholder });
}
