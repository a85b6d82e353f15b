import { Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Money } from '../../components/Money';
import { QueryState } from '../../components/PageState';
import { useFormat } from '../../format/use-format';
import { businessDateQuery } from '../../layout/BusinessDate';
import { formatRatio } from './numbers';
import { PortfolioSections } from './PortfolioSections';
import { addDays, pipelineQuery, portfolioQuery, trendQuery } from './queries';
import { TrendSections } from './TrendSections';

const RANGES = ['30', '90', '365'] as const;

/**
 * The programme dashboard (admin and approvers): today's portfolio (live), its trend over closed days
 * (close-of-day snapshots, one request for the whole range) and the application pipeline. Every chart
 * has its table and a CSV export.
 */
export default function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  const [range, setRange] = useState<(typeof RANGES)[number]>('90');
  const today = useQuery(businessDateQuery);
  const portfolio = useQuery(portfolioQuery);
  const pipeline = useQuery(pipelineQuery);
  const from = today.data ? addDays(today.data.date, -Number.parseInt(range, 10)) : null;
  const trend = useQuery({ ...trendQuery(from), enabled: !!from });
  const p = portfolio.data;

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      {!p ? (
        <QueryState query={portfolio} />
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('asOf', { date: f.date(p.asOf) })}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} data-testid="kpis">
            <Kpi label={t('kpi.outstanding')} value={<Money value={p.outstandingPrincipal} />} />
            <Kpi label={t('kpi.activeLoans')} value={p.activeLoans} />
            <Kpi label="PAR30" value={formatRatio(p.par['30'], f.language)} />
            <Kpi label="NPL" value={formatRatio(p.nplRatio, f.language)} />
            <Kpi label={t('kpi.disbursed')} value={<Money value={p.disbursed.amount} />} />
            <Kpi label={t('kpi.repaid')} value={<Money value={p.repaid.amount} />} />
          </SimpleGrid>
        </>
      )}
      <Group justify="space-between" align="center">
        <Title order={2} size="h3">
          {t('trendTitle')}
        </Title>
        <SegmentedControl
          aria-label={t('range')}
          value={range}
          onChange={(v) => setRange(v as (typeof RANGES)[number])}
          data={RANGES.map((r) => ({ value: r, label: t('rangeDays', { count: Number.parseInt(r, 10) }) }))}
        />
      </Group>
      {!trend.data ? <QueryState query={trend} /> : <TrendSections points={trend.data.points} range={`${trend.data.from}_${trend.data.to}`} />}
      <Title order={2} size="h3">
        {t('nowTitle')}
      </Title>
      {p && pipeline.data ? <PortfolioSections portfolio={p} pipeline={pipeline.data} /> : <QueryState query={pipeline.error ? pipeline : portfolio} />}
    </Stack>
  );
}

function Kpi({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  );
}
