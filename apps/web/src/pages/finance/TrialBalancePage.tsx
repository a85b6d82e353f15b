import { Badge, Group, Paper, Stack, Table, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import { Money } from '../../components/Money';
import { QueryState } from '../../components/PageState';
import { WideTable } from '../../components/WideTable';
import { useFormat } from '../../format/use-format';

/** The ledger's trial balance as of a date (the business date by default): debits always equal credits. */
export default function TrialBalancePage() {
  const { t } = useTranslation('finance');
  const f = useFormat();
  const [asOf, setAsOf] = useState('');
  const q = useQuery({
    queryKey: ['finance', 'trial-balance', asOf],
    queryFn: () => call(api.GET('/api/ledger/trial-balance', { params: { query: asOf ? { asOf } : {} } })),
  });
  return (
    <Stack gap="md" maw={900}>
      <Title order={1} size="h2">
        {t('trialBalance.title')}
      </Title>
      <TextInput label={t('trialBalance.asOf')} type="date" value={asOf || q.data?.asOf || ''} onChange={(e) => setAsOf(e.currentTarget.value)} maw={220} />
      {!q.data ? (
        <QueryState query={q} />
      ) : (
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <span>{f.date(q.data.asOf)}</span>
            <Badge color={q.data.totalDebit === q.data.totalCredit ? 'indigo' : 'red'} c={q.data.totalDebit === q.data.totalCredit ? 'indigo.9' : 'red.9'} variant="light">
              {q.data.totalDebit === q.data.totalCredit ? t('trialBalance.balanced') : t('trialBalance.unbalanced')}
            </Badge>
          </Group>
          <WideTable minWidth={520} label={t('trialBalance.title')}>
            <Table data-testid="trial-balance" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('trialBalance.account')}</Table.Th>
                  <Table.Th ta="right">{t('trialBalance.debit')}</Table.Th>
                  <Table.Th ta="right">{t('trialBalance.credit')}</Table.Th>
                  <Table.Th ta="right">{t('trialBalance.balance')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.accounts.map((a) => (
                  <Table.Tr key={a.code}>
                    <Table.Td>
                      {a.code} {t(`trialBalance.accounts.${a.code}`, { defaultValue: a.name })}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money value={a.debit} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money value={a.credit} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money value={a.balance} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th>{t('trialBalance.total')}</Table.Th>
                  <Table.Th ta="right">
                    <Money value={q.data.totalDebit} />
                  </Table.Th>
                  <Table.Th ta="right">
                    <Money value={q.data.totalCredit} />
                  </Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </WideTable>
        </Paper>
      )}
    </Stack>
  );
}
