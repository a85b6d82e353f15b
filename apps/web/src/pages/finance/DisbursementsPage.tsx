import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/PageState';
import { OrderForm } from './OrderForm';
import { PendingOrders } from './PendingOrders';
import { approvedApplicationsQuery, disbursementsQuery } from './queries';

/**
 * Step 1 of a disbursement: approved applications waiting for an order (oldest first), then the orders
 * waiting for a batch. An application with a live order is listed under the orders, not twice.
 */
export default function DisbursementsPage() {
  const { t } = useTranslation('finance');
  const apps = useQuery(approvedApplicationsQuery);
  const pending = useQuery(disbursementsQuery('PENDING'));
  const ordered = new Set(pending.data?.items.map((d) => d.applicationId) ?? []);
  const waiting = apps.data?.items.filter((a) => !ordered.has(a.id)) ?? [];

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('disbursements.title')}
      </Title>
      <Title order={2} size="h4">
        {t('disbursements.approvedTitle')}
      </Title>
      {!apps.data || !pending.data ? (
        <QueryState query={apps.error ? apps : pending} />
      ) : waiting.length === 0 ? (
        <Text c="dimmed">{t('disbursements.noApproved')}</Text>
      ) : (
        <Stack gap="sm">
          {waiting.map((a) => (
            <OrderForm key={a.id} application={a} />
          ))}
        </Stack>
      )}
      <Title order={2} size="h4">
        {t('disbursements.pendingTitle')}
      </Title>
      <PendingOrders />
    </Stack>
  );
}
