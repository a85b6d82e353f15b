import { Alert, Button, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import type { components } from '../../api/schema';
import { MoneyInput } from '../../components/MoneyInput';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useProblem } from '../../components/use-problem';
import { isZeroMoney } from '../../format/money';
import { useFormat } from '../../format/use-format';
import { businessDateQuery } from '../../layout/BusinessDate';
import { FINANCE } from './queries';
import { useIdempotencyKey } from './shared/idempotency';
import type { Loan } from './shared/LoanLookup';

type Body = components['schemas']['RecordRepaymentRequest'];
const CHANNELS = ['TELLER', 'TRANSFER', 'VA'] as const;

/**
 * Cash at the teller (or a transfer seen outside a statement): one Idempotency-Key per submission, kept
 * when the same submission is retried after a failure, so a lost answer never posts the payment twice.
 */
export function RepaymentForm({ loan }: { loan: Loan }) {
  const { t } = useTranslation('finance');
  const f = useFormat();
  const qc = useQueryClient();
  const today = useQuery(businessDateQuery);
  const [amount, setAmount] = useState(loan.nextDueAmount ?? '');
  const [valueDate, setValueDate] = useState('');
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('TELLER');
  const [reference, setReference] = useState('');
  const { problem, setProblem, fieldError } = useProblem();
  const idem = useIdempotencyKey();

  useEffect(() => {
    if (!valueDate && today.data) setValueDate(today.data.date);
  }, [today.data, valueDate]);

  const post = useMutation({
    mutationFn: (body: Body) =>
      call(api.POST('/api/loans/{id}/repayments', { params: { path: { id: loan.id }, header: { 'Idempotency-Key': idem.keyFor(body) } }, body })),
    onSuccess: async () => {
      idem.done();
      setReference('');
      await qc.invalidateQueries({ queryKey: [FINANCE] });
      await qc.invalidateQueries({ queryKey: ['loans', loan.id] });
    },
    onError: setProblem,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    post.reset();
    post.mutate({ amount, valueDate, channel, reference: reference.trim() });
  };
  const r = post.data;

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate data-testid="repayment-form">
        <Stack gap="sm">
          <ProblemAlert problem={problem} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MoneyInput label={t('common.amount')} name="amount" required value={amount} onChange={setAmount} error={fieldError('amount')} />
            <TextInput label={t('repayments.valueDate')} name="valueDate" type="date" required value={valueDate} onChange={(e) => setValueDate(e.currentTarget.value)} error={fieldError('valueDate')} />
            <Select
              label={t('repayments.channel')}
              data={CHANNELS.map((c) => ({ value: c, label: t(`repayments.channels.${c}`) }))}
              value={channel}
              onChange={(v) => v && setChannel(v as (typeof CHANNELS)[number])}
              allowDeselect={false}
              error={fieldError('channel')}
            />
            <TextInput
              label={t('repayments.reference')}
              description={t('repayments.referenceHint')}
              name="reference"
              required
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              error={fieldError('reference')}
            />
          </SimpleGrid>
          <Button type="submit" loading={post.isPending} disabled={!amount || !reference.trim()} style={{ alignSelf: 'flex-start' }} data-testid="post-repayment">
            {t('repayments.post')}
          </Button>
          {r && (
            <Alert color="blue" title={t('repayments.posted')} data-testid="repayment-result">
              <Stack gap={2}>
                {r.allocations.map((a) => (
                  <Text size="sm" key={a.installmentNumber}>
                    {t('repayments.allocation', { number: a.installmentNumber, principal: f.money(a.principal), lateFee: f.money(a.lateFee) })}
                  </Text>
                ))}
                {!isZeroMoney(r.overpayment) && <Text size="sm">{t('repayments.overpayment', { amount: f.money(r.overpayment) })}</Text>}
                <Text size="sm" fw={600}>
                  {t('repayments.outstandingNow', { amount: f.money(r.loan.outstandingPrincipal), status: t(`loanStatus.${r.loan.status}`) })}
                </Text>
              </Stack>
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
