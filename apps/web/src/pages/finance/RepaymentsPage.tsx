import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import { Money } from '../../components/Money';
import { QueryState } from '../../components/PageState';
import { useFormat } from '../../format/use-format';
import { LoanTransactions } from './LoanTransactions';
import { RepaymentForm } from './RepaymentForm';
import { LoanLookup } from './shared/LoanLookup';

/** The teller: find the loan by its number, post the payment, see it in the loan's transactions (?loan=). */
export default function RepaymentsPage() {
  const { t } = useTranslation('finance');
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const loanId = params.get('loan');
  const loan = useQuery({
    queryKey: ['loans', loanId],
    queryFn: () => call(api.GET('/api/loans/{id}', { params: { path: { id: loanId as string } } })),
    enabled: !!loanId,
  });

  return (
    <Stack gap="md" maw={900}>
      <Title order={1} size="h2">
        {t('repayments.title')}
      </Title>
      <Paper withBorder p="md">
        <LoanLookup onFound={(l) => setParams({ loan: l.id })} />
      </Paper>
      {loanId && !loan.data && <QueryState query={loan} />}
      {loan.data && (
        <>
          <Paper withBorder p="md" data-testid="loan-card">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4">
                {loan.data.number}
              </Title>
              <Text size="sm">{t(`loanStatus.${loan.data.status}`)}</Text>
            </Group>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <Figure label={t('repayments.outstanding')} value={<Money value={loan.data.outstandingPrincipal} />} />
              <Figure label={t('repayments.overdue')} value={<Money value={loan.data.overdueAmount} />} />
              <Figure label={t('repayments.nextDue')} value={loan.data.nextDueDate ? f.date(loan.data.nextDueDate) : '—'} />
              <Figure label={t('repayments.nextAmount')} value={<Money value={loan.data.nextDueAmount} />} />
            </SimpleGrid>
          </Paper>
          {loan.data.status === 'ACTIVE' && <RepaymentForm key={loan.data.id} loan={loan.data} />}
          <Title order={2} size="h4">
            {t('repayments.transactions')}
          </Title>
          <LoanTransactions loanId={loan.data.id} />
        </>
      )}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}
