import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import type { components } from '../../api/schema';
import { Money } from '../../components/Money';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useProblem } from '../../components/use-problem';
import { BANK_OPTIONS, isBankCode } from './shared/banks';
import { useIdempotencyKey } from './shared/idempotency';
import { FINANCE } from './queries';

type Application = components['schemas']['ApplicationListItemResponse'];

/**
 * One approved application and the order of its transfer: the borrower's bank account (the name is
 * prefilled from the borrower record, as the bank usually has it). The order reserves the cash.
 */
export function OrderForm({ application }: { application: Application }) {
  const { t } = useTranslation('finance');
  const qc = useQueryClient();
  // The approved amount and tenor (possibly less than asked) are on the application's file, not the list.
  const detail = useQuery({
    queryKey: ['applications', application.id],
    queryFn: () => call(api.GET('/api/applications/{id}', { params: { path: { id: application.id } } })),
  });
  const [bankCode, setBankCode] = useState<string | null>('114');
  const [accountNumber, setAccountNumber] = useState('');
  const [accountName, setAccountName] = useState('');
  const { problem, setProblem, fieldError } = useProblem();
  const idem = useIdempotencyKey();

  // The bank file takes plain ASCII names: the borrower's name without titles' punctuation is the usual start.
  useEffect(() => {
    setAccountName(application.borrowerName.replace(/[^A-Za-z0-9 .,'&()/-]/g, '').replace(/^[^A-Za-z0-9]+/, '').trim());
  }, [application.borrowerName]);

  const order = useMutation({
    mutationFn: (body: components['schemas']['OrderDisbursementRequest']) =>
      call(api.POST('/api/disbursements', { params: { header: { 'Idempotency-Key': idem.keyFor(body) } }, body })),
    onSuccess: async () => {
      idem.done();
      await qc.invalidateQueries({ queryKey: [FINANCE] });
    },
    onError: setProblem,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (!bankCode || !isBankCode(bankCode)) return;
    order.mutate({ applicationId: application.id, bankCode, accountNumber: accountNumber.trim(), accountName: accountName.trim() });
  };

  return (
    <Paper withBorder p="md" data-testid="approved-application" data-number={application.number}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Text fw={700}>{application.number}</Text>
          <Text size="sm" c="dimmed">
            {application.borrowerName} · {t('disbursements.tenor', { count: detail.data?.approvedTenor ?? application.tenor })}
          </Text>
        </div>
        <Text fw={700} size="lg">
          <Money value={detail.data?.approvedAmount ?? application.amount} />
        </Text>
      </Group>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert problem={problem} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('disbursements.bank')}
              data={BANK_OPTIONS}
              value={bankCode}
              onChange={setBankCode}
              allowDeselect={false}
              required
              error={fieldError('bankCode')}
            />
            <TextInput
              label={t('disbursements.accountNumber')}
              name="accountNumber"
              inputMode="numeric"
              autoComplete="off"
              required
              value={accountNumber}
              onChange={(e) => setAccountNumber(e.currentTarget.value)}
              error={fieldError('accountNumber')}
            />
            <TextInput
              label={t('disbursements.accountName')}
              name="accountName"
              required
              value={accountName}
              onChange={(e) => setAccountName(e.currentTarget.value)}
              error={fieldError('accountName')}
            />
          </SimpleGrid>
          <Button type="submit" loading={order.isPending} style={{ alignSelf: 'flex-start' }} data-testid="order-disbursement">
            {t('disbursements.order')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
