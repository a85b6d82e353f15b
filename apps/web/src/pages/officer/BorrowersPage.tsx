import { Anchor, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import { QueryState } from '../../components/PageState';
import { borrowerSearch } from './borrower-search';
import { ScrollTable } from './shared/ScrollTable';

/** Registered borrowers, found by words of the name, a whole NIK or a mobile number; and the way to register a new one. */
export default function BorrowersPage() {
  const { t } = useTranslation('officer');
  const [typed, setTyped] = useState('');
  const [debounced] = useDebouncedValue(typed, 300);
  const search = borrowerSearch(debounced);
  const q = useInfiniteQuery({
    queryKey: ['borrowers', 'list', search ?? {}],
    queryFn: ({ pageParam }) => call(api.GET('/api/borrowers', { params: { query: { limit: 50, cursor: pageParam, ...search } } })),
    initialPageParam: undefined as string | undefined,
    // The list stays on screen while the next search runs, rather than a spinner at every keystroke.
    placeholderData: keepPreviousData,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md" maw={900}>
      <Group justify="space-between" gap="sm">
        <Title order={1} size="h2">{t('nav.borrowers')}</Title>
        <Button component={Link} to="/officer/borrowers/new" data-testid="new-borrower">
          {t('borrower.new')}
        </Button>
      </Group>
      <Paper withBorder p="sm">
        <Title order={2} size="h5" mb="xs">{t('borrower.list')}</Title>
        <TextInput
          type="search"
          label={t('borrower.find')}
          placeholder={t('borrower.findHint')}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          maxLength={100}
          mb="sm"
          data-testid="borrower-search"
        />
        {!q.data && <QueryState query={q} />}
        {q.data && rows.length === 0 && <Text c="dimmed" size="sm">{t('common.noItems')}</Text>}
        {rows.length > 0 && (
          <ScrollTable minWidth={320} label={t('borrower.list')}>
            <Table verticalSpacing="xs" horizontalSpacing={6} fz="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('common.borrower')}</Table.Th>
                  <Table.Th>{t('common.business')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/officer/borrowers/${b.id}`} size="sm">{b.fullName}</Anchor>
                      <Text size="xs" c="dimmed">{b.address.districtName}</Text>
                    </Table.Td>
                    <Table.Td>{b.business?.name ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        {q.hasNextPage && (
          <Button variant="subtle" mt="xs" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
            {t('common.more')}
          </Button>
        )}
      </Paper>
    </Stack>
  );
}
