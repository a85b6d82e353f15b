import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import type { components } from '../../api/schema';
import { Money } from '../../components/Money';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useProblem } from '../../components/use-problem';
import { businessDateQuery } from '../../layout/BusinessDate';
import { useIdempotencyKey } from './shared/idempotency';
import { FINANCE } from './queries';

type Member = components['schemas']['BatchMemberResponse'];

// Shade 9 on its light background reaches 4.5:1 (axe color-contrast); green and teal do not (4.3:1), indigo does.
const LINE_COLORS: Record<Member['status'], string> = { PENDING: 'blue', DISBURSED: 'indigo', CANCELLED: 'red' };

/**
 * One line of a sent batch: the bank paid it (confirm: the loan is booked from the value date) or it
 * failed (cancel with the bank's reason: the cash is released, the application stays approved).
 */
export function ConfirmOrder({ member }: { member: Member }) {
  const { t } = useTranslation('finance');
  const qc = useQueryClient();
  const today = useQuery(businessDateQuery);
  const [valueDate, setValueDate] = useState('');
  const [bankReference, setBankReference] = useState('');
  const [failing, setFailing] = useState(false);
  const [reason, setReason] = useState('');
  const { problem, setProblem, fieldError } = useProblem();
  const idem = useIdempotencyKey();

  useEffect(() => {
    if (!valueDate && today.data) setValueDate(today.data.date);
  }, [today.data, valueDate]);

  const refresh = () => qc.invalidateQueries({ queryKey: [FINANCE] });
  const confirm = useMutation({
    mutationFn: (body: components['schemas']['ConfirmDisbursementRequest']) =>
      call(api.POST('/api/disbursements/{id}/confirm', { params: { path: { id: member.id }, header: { 'Idempotency-Key': idem.keyFor(body) } }, body })),
    onSuccess: async () => {
      idem.done();
      await refresh();
    },
    onError: setProblem,
  });
  const cancel = useMutation({
    mutationFn: () => call(api.POST('/api/disbursements/{id}/cancel', { params: { path: { id: member.id } }, body: { reason: reason.trim() } })),
    onSuccess: refresh,
    onError: setProblem,
  });

  const head = (
    <Group justify="space-between" wrap="nowrap">
      <Text fw={600}>{member.reference}</Text>
      <Group gap="xs" wrap="nowrap">
        <Money value={member.amount} />
        <Badge variant="light" color={LINE_COLORS[member.status]} c={`${LINE_COLORS[member.status]}.9`}>
          {t(`disbursements.status.${member.status}`)}
        </Badge>
      </Group>
    </Group>
  );
  if (confirm.data)
    return (
      <Stack gap={4} data-testid="batch-line" data-status="DISBURSED">
        {head}
        <Text size="sm" data-testid="loan-number">
          {t('batches.loanBooked', { number: confirm.data.loanNumber, va: confirm.data.virtualAccount })}
        </Text>
      </Stack>
    );
  if (member.status !== 'PENDING')
    return (
      <Stack gap={4} data-testid="batch-line" data-status={member.status}>
        {head}
      </Stack>
    );

  const submitConfirm = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    confirm.mutate({ valueDate, bankReference: bankReference.trim() });
  };
  return (
    <Stack gap="xs" data-testid="batch-line" data-status="PENDING">
      {head}
      <ProblemAlert problem={problem} />
      {!failing ? (
        <form onSubmit={submitConfirm} noValidate>
          <Group align="flex-end" gap="sm">
            <TextInput label={t('batches.valueDate')} type="date" required value={valueDate} onChange={(e) => setValueDate(e.currentTarget.value)} error={fieldError('valueDate')} />
            <TextInput
              label={t('batches.bankReference')}
              required
              value={bankReference}
              onChange={(e) => setBankReference(e.currentTarget.value)}
              error={fieldError('bankReference')}
              name="bankReference"
            />
            <Button type="submit" loading={confirm.isPending} data-testid="confirm-line">
              {t('batches.confirm')}
            </Button>
            <Button variant="subtle" color="red" c="red.9" onClick={() => setFailing(true)}>
              {t('batches.fail')}
            </Button>
          </Group>
        </form>
      ) : (
        <Group align="flex-end" gap="sm">
          <TextInput label={t('batches.failReason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError('reason')} style={{ flex: 1, minWidth: 200 }} />
          <Button color="red" loading={cancel.isPending} disabled={!reason.trim()} onClick={() => cancel.mutate()}>
            {t('batches.failConfirm')}
          </Button>
          <Button variant="subtle" onClick={() => setFailing(false)}>
            {t('common.back')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
