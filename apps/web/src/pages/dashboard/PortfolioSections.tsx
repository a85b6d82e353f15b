import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { formatMoney } from '../../format/money';
import { BarsChart, compact } from './charts';
import { DataSection } from './DataSection';
import { chartNumber } from './numbers';

type Portfolio = components['schemas']['PortfolioReportResponse'];
type Pipeline = components['schemas']['PipelineResponse'];

const GRADES = ['1', '2', '3', '4', '5'] as const;

/** Today's breakdowns: kolektibilitas, where applications wait, and the portfolio per kecamatan and sector. */
export function PortfolioSections({ portfolio: p, pipeline }: { portfolio: Portfolio; pipeline: Pipeline }) {
  const { t } = useTranslation('dashboard');
  const grades = GRADES.map((g) => ({ grade: g, name: t(`grades.${g}`), count: p.collectibility[g].count, outstanding: p.collectibility[g].outstanding, n: chartNumber(p.collectibility[g].outstanding) }));
  const stages = pipeline.statuses.map((s) => ({ ...s, label: t(`officer:status.${s.status}`, { defaultValue: s.status }) }));
  const districts = p.byDistrict.map((d) => ({ ...d, n: chartNumber(d.outstandingPrincipal) }));
  const sectors = p.bySector.map((s) => ({ ...s, label: t(`officer:sector.${s.sector}`, { defaultValue: s.sector }), n: chartNumber(s.outstandingPrincipal) }));
  const asOf = p.asOf;

  return (
    <Stack gap="md">
      <DataSection
        id="collectibility"
        title={t('collectibility.title')}
        csvName={`kolektibilitas-${asOf}.csv`}
        chart={
          <BarsChart
            label={t('collectibility.title')}
            data={grades}
            x="grade"
            axis={compact}
            tooltip={(r) => formatMoney(r.outstanding)}
            series={[{ key: 'n', label: t('cols.outstanding'), color: '#1864ab' }]}
          />
        }
        rows={grades}
        columns={[
          { key: 'grade', label: t('cols.grade'), kind: 'text', value: (r) => r.grade },
          { key: 'name', label: t('cols.name'), kind: 'text', value: (r) => r.name },
          { key: 'loans', label: t('cols.loans'), kind: 'int', value: (r) => r.count },
          { key: 'outstanding', label: t('cols.outstanding'), kind: 'money', value: (r) => r.outstanding },
        ]}
      />
      <DataSection
        id="pipeline"
        title={t('pipeline.title')}
        csvName={`pipeline-${pipeline.asOf}.csv`}
        chart={
          <BarsChart
            label={t('pipeline.title')}
            data={stages}
            x="label"
            axis={(v) => String(v)}
            tooltip={(r) => String(r.count)}
            series={[{ key: 'count', label: t('cols.applications'), color: '#5f3dc4' }]}
          />
        }
        rows={stages}
        columns={[
          { key: 'status', label: t('cols.status'), kind: 'text', value: (r) => r.label },
          { key: 'count', label: t('cols.applications'), kind: 'int', value: (r) => r.count },
          { key: 'oldestDaysWaiting', label: t('cols.oldest'), kind: 'days', value: (r) => r.oldestDaysWaiting },
          { key: 'medianDaysWaiting', label: t('cols.median'), kind: 'days', value: (r) => r.medianDaysWaiting },
        ]}
      />
      <DataSection
        id="district"
        title={t('district.title')}
        csvName={`kecamatan-${asOf}.csv`}
        chart={
          <BarsChart
            label={t('district.title')}
            data={districts}
            x="districtName"
            axis={compact}
            tooltip={(r) => formatMoney(r.outstandingPrincipal)}
            series={[{ key: 'n', label: t('cols.outstanding'), color: '#087f5b' }]}
          />
        }
        rows={districts}
        columns={[
          { key: 'districtCode', label: t('cols.code'), kind: 'text', value: (r) => r.districtCode },
          { key: 'districtName', label: t('cols.district'), kind: 'text', value: (r) => r.districtName },
          { key: 'activeLoans', label: t('cols.loans'), kind: 'int', value: (r) => r.activeLoans },
          { key: 'outstanding', label: t('cols.outstanding'), kind: 'money', value: (r) => r.outstandingPrincipal },
          { key: 'par30', label: 'PAR30', kind: 'ratio', value: (r) => r.par['30'] },
          { key: 'nplRatio', label: 'NPL', kind: 'ratio', value: (r) => r.nplRatio },
        ]}
      />
      <DataSection
        id="sector"
        title={t('sector.title')}
        csvName={`sektor-${asOf}.csv`}
        chart={
          <BarsChart
            label={t('sector.title')}
            data={sectors}
            x="label"
            axis={compact}
            tooltip={(r) => formatMoney(r.outstandingPrincipal)}
            series={[{ key: 'n', label: t('cols.outstanding'), color: '#0b7285' }]}
          />
        }
        rows={sectors}
        columns={[
          { key: 'sector', label: t('cols.sector'), kind: 'text', value: (r) => r.label },
          { key: 'activeLoans', label: t('cols.loans'), kind: 'int', value: (r) => r.activeLoans },
          { key: 'outstanding', label: t('cols.outstanding'), kind: 'money', value: (r) => r.outstandingPrincipal },
          { key: 'par30', label: 'PAR30', kind: 'ratio', value: (r) => r.par['30'] },
          { key: 'nplRatio', label: 'NPL', kind: 'ratio', value: (r) => r.nplRatio },
        ]}
      />
    </Stack>
  );
}
