import { Paper, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/PageState';
import { NextPaymentCard } from './NextPaymentCard';
import { PaymentHistory } from './PaymentHistory';
import { myLoansQuery } from './queries';
import { ReminderList } from './ReminderList';
import { ScheduleTable } from './ScheduleTable';

/**
 * The borrower portal, phone-first: the next payment and where to pay it on top, then the schedule,
 * the payments made and the reminders received. Nothing else.
 */
export default function PortalPage() {
  const { t } = useTranslation('portal');
  const loans = useQuery(myLoansQuery());
  const [chosen, setChosen] = useState<string | null>(null);

  const items = loans.data?.items ?? [];
  // The loan to show: the one chosen, else the newest active one, else the newest.
  const loan = items.find((l) => l.id === chosen) ?? items.find((l) => l.status === 'ACTIVE') ?? items[0];

  return (
    <Stack gap="md" maw={720}>
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      {!loans.data && <QueryState query={loans} />}
      {loans.data && !loan && (
        <Paper withBorder p="md" data-testid="no-loan">
          <Text fw={600}>{t('noLoan')}</Text>
          <Text size="sm" c="dimmed">
            {t('noLoanHint')}
          </Text>
        </Paper>
      )}
      {loan && (
        <>
          {items.length > 1 && (
            <Select
              label={t('chooseLoan')}
              value={loan.id}
              onChange={(v) => setChosen(v)}
              allowDeselect={false}
              data={items.map((l) => ({ value: l.id, label: `${l.number} · ${t(`status.${l.status}`)}` }))}
            />
          )}
          <NextPaymentCard loan={loan} />
          <Tabs defaultValue="schedule" keepMounted={false}>
            <Tabs.List grow>
              <Tabs.Tab value="schedule">{t('tabs.schedule')}</Tabs.Tab>
              <Tabs.Tab value="payments">{t('tabs.payments')}</Tabs.Tab>
              <Tabs.Tab value="reminders">{t('tabs.reminders')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="schedule" pt="sm">
              <ScheduleTable loanId={loan.id} />
            </Tabs.Panel>
            <Tabs.Panel value="payments" pt="sm">
              <PaymentHistory loanId={loan.id} />
            </Tabs.Panel>
            <Tabs.Panel value="reminders" pt="sm">
              <ReminderList loanId={loan.id} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  );
}
