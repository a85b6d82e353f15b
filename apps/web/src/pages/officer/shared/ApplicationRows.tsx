import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Money } from '../../../components/Money';
import { useFormat } from '../../../format/use-format';
import type { ApplicationListItem } from './queries';
import { StatusBadge } from './StatusBadge';

/**
 * Applications as cards (a table of six columns does not fit 360 px): number and borrower, amount and tenor,
 * status, days waiting in it, and the latest grade. `to` gives each card's link.
 */
export function ApplicationRows({ items, to, testId = 'application-row' }: { items: ApplicationListItem[]; to(a: ApplicationListItem): string; testId?: string }) {
  const { t } = useTranslation('officer');
  const f = useFormat();
  return (
    <Stack gap="xs">
      {items.map((a) => (
        <Paper key={a.id} withBorder p="sm" data-testid={testId} data-number={a.number}>
          <Group justify="space-between" align="flex-start" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Anchor component={Link} to={to(a)} fw={600}>
                {a.number}
              </Anchor>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {a.borrowerName}
                {a.businessName ? ` · ${a.businessName}` : ''}
              </Text>
              <Text size="sm">
                <Money value={a.amount} /> · {t('common.tenorValue', { count: a.tenor })}
              </Text>
            </div>
            <Stack gap={4} align="flex-end">
              <StatusBadge status={a.status} />
              {a.latestScore && (
                <Badge variant="outline" color="gray" c="gray.9" styles={{ label: { overflow: 'visible', textTransform: 'none' } }}>
                  {`${a.latestScore.grade} · ${a.latestScore.score}`}
                </Badge>
              )}
            </Stack>
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            {t('pipeline.waiting', { count: a.daysWaiting })} · {t('common.submittedOn')} {f.date(a.submittedAt.slice(0, 10))}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
