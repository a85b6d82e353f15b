import { Badge, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import type { components } from '../../api/schema';
import { QueryState } from '../../components/PageState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useProblem } from '../../components/use-problem';
import { useFormat } from '../../format/use-format';
import { FINANCE, statementLinesQuery } from './queries';
import { type Loan, LoanLookup } from './shared/LoanLookup';

type Line = components['schemas']['StatementLineResponse'];
type Filter = 'UNMATCHED' | 'MISMATCHED' | 'MATCHED' | 'ALL';

/** A statement's lines, unmatched first: each unresolved suspense credit is assigned to a loan or returned. */
export function StatementLines({ statementId }: { statementId: string }) {
  const { t } = useTranslation('finance');
  const [filter, setFilter] = useState<Filter>('UNMATCHED');
  const q = useQuery(statementLinesQuery(statementId, filter === 'ALL' ? null : filter));
  return (
    <Stack gap="sm">
      <Select
        label={t('statements.filter')}
        value={filter}
        onChange={(v) => v && setFilter(v as Filter)}
        allowDeselect={false}
        data={(['UNMATCHED', 'MISMATCHED', 'MATCHED', 'ALL'] as const).map((v) => ({ value: v, label: t(`statements.filters.${v}`) }))}
        maw={260}
      />
      {!q.data ? (
        <QueryState query={q} />
      ) : q.data.items.length === 0 ? (
        <Text c="dimmed">{t('statements.noLines')}</Text>
      ) : (
        q.data.items.map((l) => <LineCard key={l.id} line={l} />)
      )}
    </Stack>
  );
}

function LineCard({ line }: { line: Line }) {
  const { t } = useTranslation('finance');
  const f = useFormat();
  const qc = useQueryClient();
  const [mode, setMode] = useState<'none' | 'assign' | 'return'>('none');
  const [loan, setLoan] = useState<Loan | null>(null);
  const [reason, setReason] = useState('');
  const { problem, setProblem, fieldError } = useProblem();
  const done = async () => {
    setMode('none');
    await qc.invalidateQueries({ queryKey: [FINANCE] });
  };
  const assign = useMutation({
    mutationFn: (loanId: string) => call(api.POST('/api/bank-statements/lines/{lineId}/assign', { params: { path: { lineId: line.id } }, body: { loanId } })),
    onSuccess: done,
    onError: setProblem,
  });
  const giveBack = useMutation({
    mutationFn: () => call(api.POST('/api/bank-statements/lines/{lineId}/return', { params: { path: { lineId: line.id } }, body: { reason: reason.trim() } })),
    onSuccess: done,
    onError: setProblem,
  });
  // Only a credit booked to suspense and not yet resolved can be worked on here.
  const open = line.suspenseEntryId !== null && line.resolution === null;
  const signed = line.direction === 'DEBIT' ? `-${f.money(line.amount)}` : f.money(line.amount);

  return (
    <Paper withBorder p="sm" data-testid="statement-line" data-status={line.status}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {line.description || line.reference}
            </Text>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              #{line.lineNo} · {f.date(line.valueDate)} · {line.reference}
            </Text>
          </div>
          <Stack gap={4} align="flex-end">
            <Text fw={700} c={line.direction === 'DEBIT' ? 'red.9' : undefined} style={{ whiteSpace: 'nowrap' }}>
              {signed}
            </Text>
            <Badge variant="light" size="sm" c="blue.9" styles={{ label: { overflow: 'visible', textTransform: 'none' } }}>
              {t(`statements.status.${line.status}`)}
            </Badge>
          </Stack>
        </Group>
        {line.reason && <Text size="sm">{t(`statements.reasons.${line.reason}`, { defaultValue: line.reason })}</Text>}
        {line.resolution && (
          <Text size="sm" c="teal.9">
            {t(`statements.resolution.${line.resolution}`)}
          </Text>
        )}
        <ProblemAlert problem={problem} />
        {open && mode === 'none' && (
          <Group gap="sm">
            <Button size="xs" onClick={() => setMode('assign')} data-testid="assign-line">
              {t('statements.assign')}
            </Button>
            <Button size="xs" variant="light" onClick={() => setMode('return')}>
              {t('statements.return')}
            </Button>
          </Group>
        )}
        {open && mode === 'assign' && (
          <Stack gap="xs">
            <LoanLookup onFound={setLoan} />
            {loan && (
              <Group gap="sm">
                <Text size="sm">{t('statements.assignTo', { number: loan.number, outstanding: f.money(loan.outstandingPrincipal) })}</Text>
                <Button size="xs" loading={assign.isPending} onClick={() => assign.mutate(loan.id)}>
                  {t('statements.assignConfirm')}
                </Button>
              </Group>
            )}
            <Button size="xs" variant="subtle" onClick={() => setMode('none')} style={{ alignSelf: 'flex-start' }}>
              {t('common.back')}
            </Button>
          </Stack>
        )}
        {open && mode === 'return' && (
          <Group align="flex-end" gap="sm">
            <TextInput label={t('statements.returnReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError('reason')} style={{ flex: 1, minWidth: 200 }} />
            <Button size="xs" loading={giveBack.isPending} disabled={!reason.trim()} onClick={() => giveBack.mutate()}>
              {t('statements.returnConfirm')}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setMode('none')}>
              {t('common.back')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
