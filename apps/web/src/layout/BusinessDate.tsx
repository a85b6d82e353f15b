import { Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { call } from '../api/problem';
import { useFormat } from '../format/use-format';

export const businessDateQuery = {
  queryKey: ['business-date'],
  queryFn: () => call(api.GET('/api/business-date')),
  staleTime: 60_000,
};

/** The day the books are on (moved only by close-of-day), which can differ from the calendar. */
export function BusinessDate() {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useQuery(businessDateQuery);
  if (!q.data) return null;
  return (
    <Tooltip label={t('shell.businessDateHint')}>
      <Text size="sm" c="dimmed" data-testid="business-date" style={{ whiteSpace: 'nowrap' }}>
        <Text span visibleFrom="xs" inherit>
          {t('shell.businessDate')}:{' '}
        </Text>
        {f.date(q.data.date)}
      </Text>
    </Tooltip>
  );
}
