import { Button, Select, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import { useAuth } from '../../auth/AuthContext';
import { QueryState } from '../../components/PageState';
import { ApplicationRows } from './shared/ApplicationRows';
import type { ApplicationStatus } from './shared/queries';

const STATUSES: ApplicationStatus[] = ['SUBMITTED', 'SCORED', 'PENDING_SECOND_APPROVAL', 'APPROVED', 'REJECTED', 'DISBURSED', 'WITHDRAWN', 'EXPIRED'];

/** The officer's own applications, newest first, by status. */
export default function ApplicationsPage() {
  const { t } = useTranslation('officer');
  const { user } = useAuth();
  const [status, setStatus] = useState<ApplicationStatus | null>(null);
  const q = useInfiniteQuery({
    queryKey: ['applications', 'list', 'mine', user?.id, status],
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/applications', { params: { query: { officerId: user?.id, status: status ?? undefined, limit: 50, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(user),
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md" maw={760}>
      <Title order={1} size="h2">{t('applications.title')}</Title>
      <Text c="dimmed" size="sm">{t('applications.intro')}</Text>
      <Select
        label={t('applications.filter')}
        placeholder={t('applications.allStatuses')}
        clearable
        data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        value={status}
        onChange={(v) => setStatus(v as ApplicationStatus | null)}
        maw={320}
      />
      {!q.data && <QueryState query={q} />}
      {q.data && items.length === 0 && <Text c="dimmed">{t('applications.empty')}</Text>}
      <ApplicationRows items={items} to={(a) => `/officer/applications/${a.id}`} />
      {q.hasNextPage && (
        <Button variant="subtle" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          {t('common.more')}
        </Button>
      )}
    </Stack>
  );
}
