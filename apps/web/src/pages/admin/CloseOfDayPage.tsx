import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import { QueryState } from '../../components/PageState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useProblem } from '../../components/use-problem';
import { WideTable } from '../../components/WideTable';
import { useFormat } from '../../format/use-format';
import { businessDateQuery } from '../../layout/BusinessDate';

const LIVE = new Set(['QUEUED', 'RUNNING']);
const COLORS: Record<string, string> = { QUEUED: 'gray', RUNNING: 'blue', COMPLETED: 'indigo', FAILED: 'red' };

/**
 * Close-of-day: the business date, the latest run and its progress (polled while it is queued or running),
 * earlier runs, and a form to close every day up to a date (the day before the calendar's today, usually).
 */
export default function CloseOfDayPage() {
  const { t } = useTranslation('admin');
  const f = useFormat();
  const qc = useQueryClient();
  const today = useQuery(businessDateQuery);
  const runs = useQuery({
    queryKey: ['admin', 'close-of-day-runs'],
    queryFn: () => call(api.GET('/api/close-of-day/runs', { params: { query: { limit: 20 } } })),
    // Poll while a run is under way; stop once nothing is live.
    refetchInterval: (q) => (q.state.data?.items.some((r) => LIVE.has(r.status)) ? 2000 : false),
  });
  const latest = runs.data?.items[0];
  const live = !!latest && LIVE.has(latest.status);
  const [until, setUntil] = useState('');
  const { problem, setProblem, fieldError } = useProblem();

  useEffect(() => {
    if (!until && today.data) setUntil(today.data.date);
  }, [today.data, until]);
  // When a run finishes, the business date has moved: read it again (the header shows it too).
  useEffect(() => {
    if (latest && !LIVE.has(latest.status)) void qc.invalidateQueries({ queryKey: businessDateQuery.queryKey });
  }, [latest?.id, latest?.status]);

  const start = useMutation({
    mutationFn: (u: string) => call(api.POST('/api/close-of-day/runs', { body: { until: u } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'close-of-day-runs'] }),
    onError: setProblem,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    start.mutate(until);
  };

  return (
    <Stack gap="md" maw={960}>
      <Title order={1} size="h2">
        {t('closeOfDay.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            {t('closeOfDay.businessDate')}
          </Text>
          <Text fw={700} size="xl" data-testid="admin-business-date">
            {today.data ? f.date(today.data.date) : '…'}
          </Text>
          <Text size="xs" c="dimmed">
            {t('closeOfDay.businessDateHint')}
          </Text>
        </Paper>
        <Paper withBorder p="md" data-testid="latest-run" data-status={latest?.status ?? 'NONE'}>
          <Text size="sm" c="dimmed">
            {t('closeOfDay.latest')}
          </Text>
          {!latest ? (
            <Text>{t('closeOfDay.noRuns')}</Text>
          ) : (
            <Stack gap={2}>
              <Group gap="xs">
                <Badge color={COLORS[latest.status]} variant="light" c={`${COLORS[latest.status]}.9`}>
                  {t(`closeOfDay.status.${latest.status}`)}
                </Badge>
                <Text size="sm">{t('closeOfDay.range', { from: f.date(latest.from), until: f.date(latest.until) })}</Text>
              </Group>
              <Text size="sm">{t('closeOfDay.progress', { days: latest.processedDays, loans: latest.loansProcessed })}</Text>
              {latest.error && (
                <Text size="sm" c="red.9">
                  {latest.error}
                </Text>
              )}
            </Stack>
          )}
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <ProblemAlert problem={problem} />
            <Text size="sm">{t('closeOfDay.formHint')}</Text>
            <Group align="flex-end" gap="sm">
              <TextInput label={t('closeOfDay.until')} type="date" required value={until} onChange={(e) => setUntil(e.currentTarget.value)} error={fieldError('until')} />
              <Button type="submit" loading={start.isPending} disabled={live || !until} data-testid="start-close-of-day">
                {t('closeOfDay.start')}
              </Button>
            </Group>
            {live && <Text size="sm">{t('closeOfDay.oneAtATime')}</Text>}
          </Stack>
        </form>
      </Paper>
      <Title order={2} size="h4">
        {t('closeOfDay.history')}
      </Title>
      {!runs.data ? (
        <QueryState query={runs} />
      ) : (
        <WideTable minWidth={640} label={t('closeOfDay.history')}>
          <Table striped data-testid="runs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('closeOfDay.cols.requestedAt')}</Table.Th>
                <Table.Th>{t('closeOfDay.cols.days')}</Table.Th>
                <Table.Th>{t('closeOfDay.cols.status')}</Table.Th>
                <Table.Th>{t('closeOfDay.cols.trigger')}</Table.Th>
                <Table.Th ta="right">{t('closeOfDay.cols.loans')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{f.dateTime(r.requestedAt)}</Table.Td>
                  <Table.Td>{t('closeOfDay.range', { from: f.date(r.from), until: f.date(r.until) })}</Table.Td>
                  <Table.Td>{t(`closeOfDay.status.${r.status}`)}</Table.Td>
                  <Table.Td>{t(`closeOfDay.trigger.${r.trigger}`, { defaultValue: r.trigger })}</Table.Td>
                  <Table.Td ta="right">{r.loansProcessed}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </WideTable>
      )}
    </Stack>
  );
}
