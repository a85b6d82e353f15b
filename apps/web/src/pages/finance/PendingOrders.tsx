import { Button, Checkbox, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import { Money } from '../../components/Money';
import { QueryState } from '../../components/PageState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useProblem } from '../../components/use-problem';
import { WideTable } from '../../components/WideTable';
import { useFormat } from '../../format/use-format';
import { disbursementsQuery, FINANCE } from './queries';

/** Orders placed and not yet in a batch: pick them and build the bank's bulk-transfer batch. */
export function PendingOrders() {
  const { t } = useTranslation('finance');
  const f = useFormat();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const q = useQuery(disbursementsQuery('PENDING'));
  const [picked, setPicked] = useState<string[]>([]);
  const { problem, setProblem } = useProblem();
  const build = useMutation({
    mutationFn: (disbursementIds: string[]) => call(api.POST('/api/disbursement-batches', { body: { disbursementIds } })),
    onSuccess: async (batch) => {
      setPicked([]);
      await qc.invalidateQueries({ queryKey: [FINANCE] });
      await navigate(`/finance/batches?id=${batch.id}`);
    },
    onError: setProblem,
  });

  if (!q.data) return <QueryState query={q} />;
  const unbatched = q.data.items.filter((d) => !d.batchId);
  const inBatch = q.data.items.length - unbatched.length;
  const toggle = (id: string, on: boolean) => setPicked((p) => (on ? [...p, id] : p.filter((x) => x !== id)));

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <ProblemAlert problem={problem} />
        {unbatched.length === 0 ? (
          <Text c="dimmed">{t('disbursements.noPending')}</Text>
        ) : (
          <WideTable minWidth={560} label={t('disbursements.pendingTitle')}>
            <Table data-testid="pending-orders">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>
                    <Checkbox
                      aria-label={t('disbursements.pickAll')}
                      checked={picked.length === unbatched.length}
                      indeterminate={picked.length > 0 && picked.length < unbatched.length}
                      onChange={(e) => setPicked(e.currentTarget.checked ? unbatched.map((d) => d.id) : [])}
                    />
                  </Table.Th>
                  <Table.Th>{t('disbursements.reference')}</Table.Th>
                  <Table.Th>{t('disbursements.account')}</Table.Th>
                  <Table.Th>{t('disbursements.orderedOn')}</Table.Th>
                  <Table.Th ta="right">{t('common.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {unbatched.map((d) => (
                  <Table.Tr key={d.id} data-testid="pending-order" data-application={d.applicationId}>
                    <Table.Td>
                      <Checkbox aria-label={t('disbursements.pick', { reference: d.reference })} checked={picked.includes(d.id)} onChange={(e) => toggle(d.id, e.currentTarget.checked)} />
                    </Table.Td>
                    <Table.Td>{d.reference}</Table.Td>
                    <Table.Td>
                      {d.accountName}
                      <Text size="xs" c="dimmed">
                        {d.bankName ?? d.bankCode} {d.accountNumberMasked}
                      </Text>
                    </Table.Td>
                    <Table.Td>{f.date(d.orderedOn)}</Table.Td>
                    <Table.Td ta="right">
                      <Money value={d.amount} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </WideTable>
        )}
        <Group justify="space-between">
          {inBatch > 0 ? <Text size="sm" c="dimmed">{t('disbursements.inBatch', { count: inBatch })}</Text> : <span />}
          <Button disabled={picked.length === 0} loading={build.isPending} onClick={() => build.mutate(picked)} data-testid="build-batch">
            {t('disbursements.buildBatch', { count: picked.length })}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
