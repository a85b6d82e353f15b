import { Badge, Grid, Group, NavLink, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Money } from '../../components/Money';
import { QueryState } from '../../components/PageState';
import { useFormat } from '../../format/use-format';
import { BatchDetail } from './BatchDetail';
import { batchesQuery } from './queries';

/** Bank batches, newest first; the chosen one (?id=) with its file and its lines to settle. */
export default function BatchesPage() {
  const { t } = useTranslation('finance');
  const f = useFormat();
  const [params] = useSearchParams();
  const q = useQuery(batchesQuery);
  const selected = params.get('id') ?? q.data?.items[0]?.id ?? null;

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('batches.title')}
      </Title>
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper withBorder p="xs">
          {!q.data ? (
            <QueryState query={q} />
          ) : q.data.items.length === 0 ? (
            <Text c="dimmed" p="sm">
              {t('batches.none')}
            </Text>
          ) : (
            <nav aria-label={t('batches.title')}>
              {q.data.items.map((b) => (
                <NavLink
                  key={b.id}
                  component={Link}
                  to={`/finance/batches?id=${b.id}`}
                  styles={{ description: { color: 'inherit' } }}
                  active={b.id === selected}
                  label={
                    <Group justify="space-between" wrap="nowrap">
                      <span>{b.number}</span>
                      <Badge size="sm" variant="light" c="blue.9" styles={{ label: { overflow: 'visible', textTransform: 'none' } }}>
                        {t(`batches.status.${b.status}`)}
                      </Badge>
                    </Group>
                  }
                  description={
                    <>
                      <Money value={b.total} /> · {f.dateTime(b.createdAt)}
                    </>
                  }
                />
              ))}
            </nav>
          )}
        </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>{selected && <BatchDetail id={selected} />}</Grid.Col>
      </Grid>
    </Stack>
  );
}
