import { Badge, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import { Money } from '../../components/Money';
import { QueryState } from '../../components/PageState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useProblem } from '../../components/use-problem';
import { useFormat } from '../../format/use-format';
import { ConfirmOrder } from './ConfirmOrder';
import { saveBlob } from './shared/download';
import { batchQuery, FINANCE } from './queries';

/** A batch: download its bank file (the first download marks it SENT), mark it sent, settle each line. */
export function BatchDetail({ id }: { id: string }) {
  const { t } = useTranslation('finance');
  const f = useFormat();
  const qc = useQueryClient();
  const q = useQuery(batchQuery(id));
  const { problem, setProblem } = useProblem();
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: [FINANCE] });
  const download = useMutation({
    mutationFn: async () => {
      const blob = await call(api.GET('/api/disbursement-batches/{id}/file', { params: { path: { id } }, parseAs: 'blob' }));
      return blob as unknown as Blob;
    },
    onSuccess: async (blob) => {
      const name = q.data?.fileName ?? `${id}.csv`;
      saveBlob(blob, name);
      setDownloaded(name);
      await refresh();
    },
    onError: setProblem,
  });
  const sent = useMutation({
    mutationFn: () => call(api.POST('/api/disbursement-batches/{id}/sent', { params: { path: { id } } })),
    onSuccess: refresh,
    onError: setProblem,
  });

  if (!q.data) return <QueryState query={q} />;
  const b = q.data;
  return (
    <Paper withBorder p="md" data-testid="batch-detail" data-status={b.status}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4">
              {b.number}
            </Title>
            <Text size="sm" c="dimmed">
              {b.bankName ?? b.bankCode} · {t('batches.count', { count: b.count })} · {f.dateTime(b.createdAt)}
            </Text>
          </div>
          <Stack gap={4} align="flex-end">
            <Text fw={700}>
              <Money value={b.total} />
            </Text>
            <Badge variant="light" c="blue.9">
              {t(`batches.status.${b.status}`)}
            </Badge>
          </Stack>
        </Group>
        <ProblemAlert problem={problem} />
        <Group gap="sm">
          <Button onClick={() => download.mutate()} loading={download.isPending} data-testid="download-bank-file">
            {t('batches.download')}
          </Button>
          {b.status === 'OPEN' && (
            <Button variant="light" onClick={() => sent.mutate()} loading={sent.isPending} data-testid="mark-sent">
              {t('batches.markSent')}
            </Button>
          )}
        </Group>
        {downloaded && (
          <Text size="sm" data-testid="downloaded">
            {t('batches.downloaded', { name: downloaded })}
          </Text>
        )}
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          SHA-256 {b.fileSha256}
        </Text>
        <Divider />
        {b.status === 'OPEN' && <Text size="sm">{t('batches.sendFirst')}</Text>}
        <Stack gap="md">
          {b.disbursements.map((m) => (b.status === 'OPEN' ? <ConfirmOrderReadOnly key={m.id} reference={m.reference} amount={m.amount} /> : <ConfirmOrder key={m.id} member={m} />))}
        </Stack>
      </Stack>
    </Paper>
  );
}

/** A line of a batch not sent yet: nothing to settle until the bank has the file. */
function ConfirmOrderReadOnly({ reference, amount }: { reference: string; amount: string }) {
  return (
    <Group justify="space-between" wrap="nowrap" data-testid="batch-line" data-status="PENDING">
      <Text fw={600}>{reference}</Text>
      <Money value={amount} />
    </Group>
  );
}
