import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import { useAuth } from '../../auth/AuthContext';
import { QueryState } from '../../components/PageState';
import { useFormat } from '../../format/use-format';
import { ApplicationRows } from './shared/ApplicationRows';
import type { ApplicationStatus } from './shared/queries';
import { ScrollTable } from './shared/ScrollTable';

/** Statuses still moving: where the officer's applications wait for someone. */
const OPEN: ApplicationStatus[] = ['SUBMITTED', 'SCORED', 'PENDING_SECOND_APPROVAL', 'APPROVED'];

/** "My pipeline": per status how many of my applications, the oldest and median days waiting; then the open ones, longest waiting first. */
export default function PipelinePage() {
  const { t } = useTranslation('officer');
  const f = useFormat();
  const { user } = useAuth();
  const officerId = user?.id;
  const pipeline = useQuery({
    queryKey: ['applications', 'pipeline', officerId],
    queryFn: () => call(api.GET('/api/applications/pipeline', { params: { query: { officerId } } })),
    enabled: Boolean(officerId),
  });
  const open = useQuery({
    queryKey: ['applications', 'list', 'open', officerId],
    queryFn: async () => {
      const pages = await Promise.all(OPEN.map((status) => call(api.GET('/api/applications', { params: { query: { officerId, status, order: 'oldest', limit: 100 } } }))));
      return pages.flatMap((p) => p.items).sort((a, b) => b.daysWaiting - a.daysWaiting);
    },
    enabled: Boolean(officerId),
  });

  return (
    <Stack gap="md" maw={760}>
      <Title order={1} size="h2">{t('pipeline.title')}</Title>
      {pipeline.data && <Text c="dimmed" size="sm">{t('pipeline.intro', { date: f.date(pipeline.data.asOf) })}</Text>}
      {!pipeline.data && <QueryState query={pipeline} />}
      {pipeline.data && (
        <Paper withBorder p="sm">
          <ScrollTable minWidth={300} label={t('pipeline.title')}>
            <Table verticalSpacing={6} horizontalSpacing={6} fz="sm" striped data-testid="pipeline">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th ta="right">{t('pipeline.count')}</Table.Th>
                  <Table.Th ta="right">{t('pipeline.oldest')}</Table.Th>
                  <Table.Th ta="right">{t('pipeline.median')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pipeline.data.statuses.map((s) => (
                  <Table.Tr key={s.status} data-status={s.status}>
                    <Table.Td>{t(`status.${s.status}`)}</Table.Td>
                    <Table.Td ta="right" data-testid={`pipeline-count-${s.status}`}>{s.count}</Table.Td>
                    <Table.Td ta="right">{s.oldestDaysWaiting === null ? '—' : t('common.days', { count: s.oldestDaysWaiting })}</Table.Td>
                    <Table.Td ta="right">{s.medianDaysWaiting === null ? '—' : t('common.days', { count: s.medianDaysWaiting })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Paper>
      )}
      <Title order={2} size="h4">{t('pipeline.open')}</Title>
      {!open.data && <QueryState query={open} />}
      {open.data && open.data.length === 0 && <Text c="dimmed" size="sm">{t('applications.empty')}</Text>}
      {open.data && <ApplicationRows items={open.data} to={(a) => `/officer/applications/${a.id}`} testId="pipeline-row" />}
    </Stack>
  );
}
