import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/PageState';
import { ApplicationRows } from '../officer/shared/ApplicationRows';
import { applicationsQuery } from '../officer/shared/queries';

/**
 * The approver's queue: scored applications oldest first (the api orders by submission), then those waiting
 * for a committee's second approval. A new approver decides from the top.
 */
export default function QueuePage() {
  const { t } = useTranslation('approver');
  const scored = useQuery(applicationsQuery({ status: 'SCORED', order: 'oldest', limit: 200 }));
  const second = useQuery(applicationsQuery({ status: 'PENDING_SECOND_APPROVAL', order: 'oldest', limit: 200 }));
  return (
    <Stack gap="md" maw={760}>
      <Title order={1} size="h2">{t('queue.title')}</Title>
      <Text c="dimmed" size="sm">{t('queue.intro')}</Text>
      <section aria-labelledby="queue-scored">
        <Title order={2} size="h4" mb="xs" id="queue-scored">{t('queue.scored')}</Title>
        {!scored.data && <QueryState query={scored} />}
        {scored.data?.items.length === 0 && <Text c="dimmed" size="sm">{t('queue.empty')}</Text>}
        {scored.data && <ApplicationRows items={scored.data.items} to={(a) => `/approver/applications/${a.id}`} testId="queue-row" />}
      </section>
      <section aria-labelledby="queue-second">
        <Title order={2} size="h4" mb="xs" id="queue-second">{t('queue.second')}</Title>
        {!second.data && <QueryState query={second} />}
        {second.data?.items.length === 0 && <Text c="dimmed" size="sm">{t('queue.empty')}</Text>}
        {second.data && <ApplicationRows items={second.data.items} to={(a) => `/approver/applications/${a.id}`} testId="queue-row" />}
      </section>
    </Stack>
  );
}
