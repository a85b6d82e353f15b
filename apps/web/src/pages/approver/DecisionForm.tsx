import { Alert, Button, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { call, type ProblemError } from '../../api/problem';
import { useAuth } from '../../auth/AuthContext';
import { MoneyInput } from '../../components/MoneyInput';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useProblem } from '../../components/use-problem';
import { useFormat } from '../../format/use-format';
import type { ApplicationDetail } from '../officer/shared/queries';
import { decimalGreater, makerCheckerRule } from './maker-checker';

const REASONS = ['CAPACITY_INSUFFICIENT', 'BAD_CREDIT_HISTORY', 'INCOMPLETE_DOCUMENTS', 'NOT_ELIGIBLE', 'OTHER'] as const;
type ReasonCode = (typeof REASONS)[number];

/** The plain-words explanation of a maker-checker refusal, and the server's own words under it. */
function MakerCheckerAlert({ rule, problem }: { rule: ReturnType<typeof makerCheckerRule>; problem?: ProblemError | null }) {
  const { t } = useTranslation('approver');
  return (
    <Alert color="orange" title={t('makerChecker.title')} styles={{ title: { color: 'var(--mantine-color-gray-9)' } }} role="alert" data-testid="maker-checker" data-code="MAKER_CHECKER_VIOLATION">
      {rule && <Text size="sm" fw={600}>{t(`makerChecker.${rule}`)}</Text>}
      <Text size="sm">{t('makerChecker.why')}</Text>
      {problem?.detail && <Text size="xs" c="dimmed" mt={4}>{t('makerChecker.server', { detail: problem.detail })}</Text>}
    </Alert>
  );
}

/**
 * Approve (possibly a smaller amount or shorter tenor) or reject with a reason code. Whoever took or scored
 * the application is told up front that another approver must decide; if they send it anyway, the api's 403
 * is explained the same way rather than shown as a bare error.
 */
export function DecisionForm({ application: a }: { application: ApplicationDetail }) {
  const { t } = useTranslation('approver');
  const f = useFormat();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const firstApproval = a.status === 'PENDING_SECOND_APPROVAL' ? a.decisions.filter((d) => d.decision === 'APPROVE').at(-1) : undefined;
  const [decision, setDecision] = useState<'APPROVE' | 'REJECT'>('APPROVE');
  const [amount, setAmount] = useState(() => (firstApproval?.approvedAmount ?? a.amount).replace(/\.00$/, ''));
  const [tenor, setTenor] = useState(String(firstApproval?.approvedTenor ?? a.tenor));
  const [reasonCode, setReasonCode] = useState<ReasonCode | null>(null);
  const [note, setNote] = useState('');
  const { problem, setProblem, fieldError } = useProblem();
  const rule = makerCheckerRule(a, user?.id);
  const threshold = (a.termsSnapshot as { committeeThreshold?: string }).committeeThreshold;

  const decide = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/applications/{id}/decisions', {
          params: { path: { id: a.id } },
          body:
            decision === 'APPROVE'
              ? { decision, approvedAmount: amount, approvedTenor: /^\d{1,3}$/.test(tenor.trim()) ? Number.parseInt(tenor.trim(), 10) : undefined, note: note.trim() || undefined }
              : { decision, reasonCode: reasonCode ?? undefined, note: note.trim() || undefined },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['applications'] }),
    onError: setProblem,
  });

  if (decide.data) {
    return (
      <Alert color="teal" title={t('decide.title')} data-testid="decision-done">
        {t('decide.confirm', { status: t(`officer:status.${decide.data.status}`) })}
      </Alert>
    );
  }
  if (a.status !== 'SCORED' && a.status !== 'PENDING_SECOND_APPROVAL') {
    return <Text c="dimmed" size="sm">{t('decide.closed', { status: t(`officer:status.${a.status}`) })}</Text>;
  }

  const refusedByMakerChecker = problem?.code === 'MAKER_CHECKER_VIOLATION';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    decide.mutate();
  };
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">{t('decide.title')}</Title>
      <form onSubmit={submit} noValidate data-testid="decision-form">
        <Stack gap="sm">
          {(rule || refusedByMakerChecker) && <MakerCheckerAlert rule={rule} problem={refusedByMakerChecker ? problem : null} />}
          {!refusedByMakerChecker && <ProblemAlert problem={problem} listFields />}
          {firstApproval && (
            <Text size="sm">{t('file.firstApproval', { amount: f.money(firstApproval.approvedAmount), tenor: firstApproval.approvedTenor })}</Text>
          )}
          <SegmentedControl
            aria-label={t('decide.decision')}
            value={decision}
            onChange={(v) => setDecision(v as 'APPROVE' | 'REJECT')}
            data={[
              { value: 'APPROVE', label: t('decide.approve') },
              { value: 'REJECT', label: t('decide.reject') },
            ]}
            data-testid="decision-choice"
          />
          {decision === 'APPROVE' ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <MoneyInput
                label={t('decide.approvedAmount')}
                description={t('decide.approvedAmountHint', { amount: f.money(a.amount) })}
                name="approvedAmount"
                value={amount}
                onChange={setAmount}
                error={fieldError('approvedAmount')}
              />
              <TextInput label={t('decide.approvedTenor')} name="approvedTenor" inputMode="numeric" value={tenor} onChange={(e) => setTenor(e.currentTarget.value)} error={fieldError('approvedTenor')} />
            </SimpleGrid>
          ) : (
            <Select
              label={t('decide.reasonCode')}
              name="reasonCode"
              required
              data={REASONS.map((r) => ({ value: r, label: t(`decide.reasons.${r}`) }))}
              value={reasonCode}
              onChange={(v) => setReasonCode(v as ReasonCode | null)}
              error={fieldError('reasonCode')}
              data-testid="reason-select"
            />
          )}
          {decision === 'APPROVE' && a.status === 'SCORED' && threshold && amount && decimalGreater(amount, threshold) && (
            <Text size="sm" c="grape.9">{t('decide.aboveThreshold', { amount: f.money(threshold) })}</Text>
          )}
          <Textarea
            label={t('decide.note')}
            description={decision === 'REJECT' && reasonCode === 'OTHER' ? t('decide.noteRequired') : undefined}
            name="note"
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldError('note')}
          />
          <Button type="submit" loading={decide.isPending} color={decision === 'REJECT' ? 'red' : undefined} style={{ alignSelf: 'flex-start' }}>
            {t('decide.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
