import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
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
import { useAuth } from '../../auth/AuthContext';
import { useFormat } from '../../format/use-format';
import { FINANCE, pendingReversalsQuery } from './queries';

type Request = components['schemas']['ReversalRequestListItemResponse'];

/**
 * Reversals waiting for a second finance user, oldest first. The one who asked may withdraw (reject) but
 * not approve: the api refuses with MAKER_CHECKER_VIOLATION, and the page says so before anyone tries.
 */
export default function ReversalsPage() {
  const { t } = useTranslation('finance');
  const q = useQuery(pendingReversalsQuery);
  return (
    <Stack gap="md" maw={900}>
      <Title order={1} size="h2">
        {t('reversals.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('reversals.intro')}
      </Text>
      {!q.data ? (
        <QueryState query={q} />
      ) : q.data.items.length === 0 ? (
        <Text c="dimmed">{t('reversals.none')}</Text>
      ) : (
        q.data.items.map((r) => <ReversalCard key={r.id} request={r} />)
      )}
    </Stack>
  );
}

function ReversalCard({ request: r }: { request: Request }) {
  const { t } = useTranslation('finance');
  const f = useFormat();
  const qc = useQueryClient();
  const { user } = useAuth();
  const [note, setNote] = useState('');
  const { problem, setProblem } = useProblem();
  const mine = user?.id === r.requestedBy;
  const path = { id: r.loanId, txId: r.transactionId };
  const refresh = () => qc.invalidateQueries({ queryKey: [FINANCE] });
  const approve = useMutation({
    mutationFn: () => call(api.POST('/api/loans/{id}/transactions/{txId}/reversal/approve', { params: { path } })),
    onSuccess: refresh,
    onError: setProblem,
  });
  const reject = useMutation({
    mutationFn: () =>
      call(api.POST('/api/loans/{id}/transactions/{txId}/reversal/reject', { params: { path }, body: note.trim() ? { note: note.trim() } : {} })),
    onSuccess: refresh,
    onError: setProblem,
  });
  return (
    <Paper withBorder p="md" data-testid="reversal-request">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Text fw={700}>
              {r.loanNumber} · {r.transactionReference}
            </Text>
            <Text size="sm" c="dimmed">
              {f.date(r.valueDate)}
              {r.channel ? ` · ${t(`repayments.channels.${r.channel}`)}` : ''}
            </Text>
          </div>
          <Text fw={700}>
            <Money value={r.amount} />
          </Text>
        </Group>
        <Text size="sm">{t('reversals.reason', { reason: r.reason })}</Text>
        <Text size="sm" c="dimmed">
          {t('reversals.askedBy', { name: r.requestedByName ?? r.requestedBy, at: f.dateTime(r.requestedAt) })}
        </Text>
        {mine && (
          <Text size="sm" fw={600} data-testid="maker-checker-note">
            {t('reversals.yours')}
          </Text>
        )}
        <ProblemAlert problem={problem} />
        <Group align="flex-end" gap="sm">
          <TextInput label={t('reversals.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: 1, minWidth: 200 }} />
          <Button color="red" loading={approve.isPending} onClick={() => approve.mutate()} data-testid="approve-reversal">
            {t('reversals.approve')}
          </Button>
          <Button variant="light" loading={reject.isPending} onClick={() => reject.mutate()}>
            {mine ? t('reversals.withdraw') : t('reversals.reject')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
