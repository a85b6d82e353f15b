import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { formatMoney } from '../../format/money';
import { useFormat } from '../../format/use-format';
import { compact, LinesChart, percent } from './charts';
import { type Column, DataSection } from './DataSection';
import { chartNumber, formatRatio } from './numbers';

type Point = components['schemas']['PortfolioTrendPointResponse'];
type Row = Point & Record<string, unknown>;

/** Tables of a trend show the latest days first; the chart and the CSV have them all. */
const SHOWN = 14;

/** The three trend blocks: money in and out over time, the outstanding, and PAR30 / NPL. */
export function TrendSections({ points, range }: { points: Point[]; range: string }) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  const [all, setAll] = useState(false);
  const rows: Row[] = points.map((p) => ({
    ...p,
    nDisbursedToDate: chartNumber(p.disbursedToDate),
    nRepaidToDate: chartNumber(p.repaidToDate),
    nOutstanding: chartNumber(p.outstanding),
    nPar30: chartNumber(p.par30),
    nNplRatio: chartNumber(p.nplRatio),
  }));
  const newestFirst = [...points].reverse();
  const shown = all ? newestFirst : newestFirst.slice(0, SHOWN);
  // The tooltip shows the exact string of the row, not the plotted number.
  const exact = (row: Row, key: string) => {
    const field = key.charAt(1).toLowerCase() + key.slice(2);
    const value = row[field] as string;
    return field === 'par30' || field === 'nplRatio' ? formatRatio(value, f.language) : formatMoney(value);
  };
  const date: Column<Point> = { key: 'date', label: t('cols.date'), kind: 'date', value: (p) => p.date };
  const more =
    points.length > SHOWN ? (
      <Button variant="subtle" size="xs" onClick={() => setAll((x) => !x)} style={{ alignSelf: 'flex-start' }}>
        {all ? t('showFewer') : t('showAll', { count: points.length })}
      </Button>
    ) : null;

  return (
    <Stack gap="md">
      <DataSection
        id="flows"
        title={t('flows.title')}
        csvName={`penyaluran-pengembalian-${range}.csv`}
        chart={
          <LinesChart
            label={t('flows.title')}
            data={rows}
            x="date"
            xFormat={f.date}
            axis={compact}
            tooltip={exact}
            series={[
              { key: 'nDisbursedToDate', label: t('flows.disbursedToDate'), color: '#1864ab' },
              { key: 'nRepaidToDate', label: t('flows.repaidToDate'), color: '#087f5b' },
            ]}
          />
        }
        rows={shown}
        csvRows={newestFirst}
        footer={more}
        columns={[
          date,
          { key: 'disbursed', label: t('cols.disbursed'), kind: 'money', value: (p) => p.disbursed },
          { key: 'repaid', label: t('cols.repaid'), kind: 'money', value: (p) => p.repaid },
          { key: 'disbursedToDate', label: t('flows.disbursedToDate'), kind: 'money', value: (p) => p.disbursedToDate },
          { key: 'repaidToDate', label: t('flows.repaidToDate'), kind: 'money', value: (p) => p.repaidToDate },
        ]}
      />
      <DataSection
        id="outstanding"
        title={t('outstanding.title')}
        csvName={`outstanding-${range}.csv`}
        chart={
          <LinesChart
            label={t('outstanding.title')}
            data={rows}
            x="date"
            xFormat={f.date}
            axis={compact}
            tooltip={exact}
            series={[{ key: 'nOutstanding', label: t('cols.outstanding'), color: '#5f3dc4' }]}
          />
        }
        rows={shown}
        csvRows={newestFirst}
        footer={more}
        columns={[
          date,
          { key: 'activeLoans', label: t('cols.activeLoans'), kind: 'int', value: (p) => p.activeLoans },
          { key: 'outstanding', label: t('cols.outstanding'), kind: 'money', value: (p) => p.outstanding },
        ]}
      />
      <DataSection
        id="risk"
        title={t('risk.title')}
        csvName={`par30-npl-${range}.csv`}
        chart={
          <LinesChart
            label={t('risk.title')}
            data={rows}
            x="date"
            xFormat={f.date}
            axis={percent}
            minTop={0.05}
            tooltip={exact}
            series={[
              { key: 'nPar30', label: 'PAR30', color: '#862e9c' },
              { key: 'nNplRatio', label: 'NPL', color: '#c92a2a' },
            ]}
          />
        }
        rows={shown}
        csvRows={newestFirst}
        footer={more}
        columns={[
          date,
          { key: 'par30', label: 'PAR30', kind: 'ratio', value: (p) => p.par30 },
          { key: 'nplRatio', label: 'NPL', kind: 'ratio', value: (p) => p.nplRatio },
        ]}
      />
    </Stack>
  );
}
