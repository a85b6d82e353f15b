import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import type { components } from '../../api/schema';
import { Money } from '../../components/Money';
import { QueryState } from '../../components/PageState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useProblem } from '../../components/use-problem';
import { useFormat } from '../../format/use-format';
import { FINANCE, loanTransactionsQuery } from './queries';
import { useIdempotencyKey } from './shared/idempotency';

type Tx = components['schemas']['LoanTransactionResponse'];

/** The loan's repayments, reversals and refunds, newest first; a repayment can be put up for reversal. */
export function LoanTransactions({ loanId }: { loanId: string }) {
  const { t } = useTranslation('finance');
  const q = useQuery(loanTransactionsQuery(loanId));
  if (!q.data) return <QueryState query={q} />;
  if (q.data.items.length === 0) return <Text c="dimmed">{t('repayments.noTransactions')}</Text>;
  return (
    <Stack gap="xs" data-testid="loan-transactions">
      {q.data.items.map((tx) => (
        <TransactionCard key={tx.id} loanId={loanId} tx={tx} />
      ))}
    </Stack>
  );
}

function TransactionCard({ loanId, tx }: { loanId: string; tx: Tx }) {
  const { t } = useTranslation('finance');
  const f = useFormat();
  const qc = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const { problem, setProblem, fieldError } = useProblem();
  const idem = useIdempotencyKey();
  const request = useMutation({
    mutationFn: (body: { reason: string }) =>
      call(
        api.POST('/api/loans/{id}/transactions/{txId}/reversal', {
          params: { path: { id: loanId, txId: tx.id }, header: { 'Idempotency-Key': idem.keyFor(body) } },
          body,
        }),
      ),
    onSuccess: async () => {
      idem.done();
      setAsking(false);
      await qc.invalidateQueries({ queryKey: [FINANCE] });
    },
    onError: setProblem,
  });
  const pending = tx.reversalRequest?.status === 'PENDING';
  const canAsk = tx.kind === 'REPAYMENT' && tx.status === 'POSTED' && !pending;

  return (
    <Paper withBorder p="sm" data-testid="transaction" data-kind={tx.kind} data-status={tx.status}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text fw={600}>
            {t(`repayments.kinds.${tx.kind}`)} · {tx.reference}
          </Text>
          <Text size="sm" c="dimmed">
            {f.date(tx.valueDate)}
            {tx.channel ? ` · ${t(`repayments.channels.${tx.channel}`)}` : ''}
          </Text>
        </div>
        <Stack gap={4} align="flex-end">
          <Text fw={700} td={tx.status === 'REVERSED' ? 'line-through' : undefined}>
            <Money value={tx.amount} />
          </Text>
          {tx.status === 'REVERSED' && (
            <Badge color="red" c="red.9" variant="light" size="sm">
              {t('repayments.reversed')}
            </Badge>
          )}
          {pending && (
            <Badge color="grape" c="grape.9" variant="light" size="sm">
              {t('repayments.reversalPending')}
            </Badge>
          )}
        </Stack>
      </Group>
      <ProblemAlert problem={problem} />
      {canAsk && !asking && (
        <Button size="xs" variant="subtle" color="red" c="red.9" mt={4} onClick={() => setAsking(true)}>
          {t('repayments.askReversal')}
        </Button>
      )}
      {canAsk && asking && (
        <Group align="flex-end" gap="sm" mt="xs">
          <TextInput label={t('repayments.reversalReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError('reason')} style={{ flex: 1, minWidth: 200 }} />
          <Button size="xs" color="red" loading={request.isPending} disabled={!reason.trim()} onClick={() => request.mutate({ reason: reason.trim() })}>
            {t('repayments.askReversalConfirm')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => setAsking(false)}>
            {t('common.back')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
