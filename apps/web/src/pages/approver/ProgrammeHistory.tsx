import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import { Money } from '../../components/Money';
import { QueryState } from '../../components/PageState';
import { useFormat } from '../../format/use-format';
import { applicationsQuery } from '../officer/shared/queries';
import { StatusBadge } from '../officer/shared/StatusBadge';

/** The borrower's other applications and their loans in the programme: what the committee weighs. */
export function ProgrammeHistory({ borrowerId, applicationId }: { borrowerId: string; applicationId: string }) {
  const { t } = useTranslation('approver');
  const f = useFormat();
  const apps = useQuery(applicationsQuery({ borrowerId, limit: 100 }));
  const loans = useQuery({
    queryKey: ['loans', 'borrower', borrowerId],
    queryFn: () => call(api.GET('/api/loans', { params: { query: { borrowerId, limit: 100 } } })),
  });
  const others = apps.data?.items.filter((a) => a.id !== applicationId) ?? [];
  const loanItems = loans.data?.items ?? [];
  return (
    <Paper withBorder p="md" data-testid="programme-history">
      <Title order={2} size="h4" mb="sm">{t('file.history')}</Title>
      {(!apps.data || !loans.data) && (
        <>
          <QueryState query={apps} />
          <QueryState query={loans} />
        </>
      )}
      {apps.data && loans.data && others.length === 0 && loanItems.length === 0 && <Text size="sm" c="dimmed">{t('file.noHistory')}</Text>}
      <Stack gap="sm">
        {others.length > 0 && (
          <div>
            <Title order={3} size="h6">{t('file.otherApplications')}</Title>
            <List size="sm" spacing={4}>
              {others.map((a) => (
                <List.Item key={a.id}>
                  <strong>{a.number}</strong> · <Money value={a.amount} /> · <StatusBadge status={a.status} />
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {loanItems.length > 0 && (
          <div>
            <Title order={3} size="h6">{t('file.loans')}</Title>
            <List size="sm" spacing={4}>
              {loanItems.map((l) => (
                <List.Item key={l.id}>{t('file.loanRow', { number: l.number, outstanding: f.money(l.outstandingPrincipal), kol: l.collectibility })}</List.Item>
              ))}
            </List>
          </div>
        )}
      </Stack>
    </Paper>
  );
}
