import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import { Money } from '../../components/Money';
import { QueryState } from '../../components/PageState';
import { useFormat } from '../../format/use-format';

const HEADLINE = ['available', 'cash', 'committed', 'outstandingLoans'] as const;
const DETAIL = ['capital', 'cash', 'loansReceivable', 'lateFeesReceivable', 'suspense', 'borrowerCredits', 'lateFeeIncome', 'loanLosses', 'committed', 'available', 'writtenOff'] as const;

/** The fund on the business date: what new disbursements may still take, and where the money is. */
export default function FundPage() {
  const { t } = useTranslation('finance');
  const f = useFormat();
  const q = useQuery({ queryKey: ['finance', 'fund'], queryFn: () => call(api.GET('/api/fund')) });
  return (
    <Stack gap="md" maw={900}>
      <Title order={1} size="h2">
        {t('fund.title')}
      </Title>
      {!q.data ? (
        <QueryState query={q} />
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('fund.asOf', { programme: q.data.programmeCode, date: f.date(q.data.asOf) })}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            {HEADLINE.map((k) => (
              <Paper withBorder p="md" key={k} data-testid={`fund-${k}`}>
                <Text size="sm" c="dimmed">
                  {t(`fund.fields.${k}`)}
                </Text>
                <Text fw={700} size="lg">
                  <Money value={q.data[k]} />
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          <Paper withBorder p="md">
            <Table>
              <Table.Tbody>
                {DETAIL.map((k) => (
                  <Table.Tr key={k}>
                    <Table.Th scope="row" fw={400}>
                      {t(`fund.fields.${k}`)}
                      <Text size="xs" c="dimmed">
                        {t(`fund.hints.${k}`)}
                      </Text>
                    </Table.Th>
                    <Table.Td ta="right">
                      <Money value={q.data[k]} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      )}
    </Stack>
  );
}
