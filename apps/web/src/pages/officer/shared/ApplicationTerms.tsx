import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Money } from '../../../components/Money';
import { useFormat } from '../../../format/use-format';
import type { ApplicationDetail } from './queries';
import { StatusBadge } from './StatusBadge';

/** What was asked: amount, tenor, purpose, status and since when. */
export function ApplicationTerms({ application: a, title }: { application: ApplicationDetail; title: string }) {
  const { t } = useTranslation('officer');
  const f = useFormat();
  return (
    <Paper withBorder p="md" data-testid="application-terms">
      <Title order={2} size="h4" mb="sm">{title}</Title>
      <SimpleGrid cols={{ base: 2, xl: 4 }} spacing="xs">
        <div>
          <Text size="xs" c="dimmed">{t('common.amount')}</Text>
          <Text fw={600}><Money value={a.amount} /></Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">{t('common.tenor')}</Text>
          <Text fw={600}>{t('common.tenorValue', { count: a.tenor })}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">{t('common.status')}</Text>
          <StatusBadge status={a.status} />
        </div>
        <div>
          <Text size="xs" c="dimmed">{t('common.submittedOn')}</Text>
          <Text size="sm">{f.dateTime(a.submittedAt)}</Text>
        </div>
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="sm">{t('common.purpose')}</Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{a.purpose}</Text>
    </Paper>
  );
}
