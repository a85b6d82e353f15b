// The dashboard's charts (recharts). Series colours are shade 9 of Mantine's palette, 4.5:1 or more on white. Each is an image to assistive technology, labelled with its title:
// the table under it carries the same figures for screen readers.
import { Box, Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

export interface Series {
  key: string;
  label: string;
  color: string;
}

/** Tooltip lines in the text colour: the series colour is the swatch, not the text (axe color-contrast). */
const TOOLTIP_TEXT = { color: '#212529' };

const COMPACT = { id: new Intl.NumberFormat('id-ID', { notation: 'compact', maximumFractionDigits: 1 }), en: new Intl.NumberFormat('en-GB', { notation: 'compact', maximumFractionDigits: 1 }) };

function ChartBox({ label, empty, children }: { label: string; empty: boolean; children: ReactElement }) {
  const { t } = useTranslation('dashboard');
  if (empty)
    return (
      <Text c="dimmed" size="sm">
        {t('noData')}
      </Text>
    );
  return (
    <Box role="img" aria-label={label} h={260} style={{ minWidth: 0 }}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </Box>
  );
}

/**
 * Lines over a category axis (dates, names). `format` turns a plotted value into text for the axis and
 * the tooltip (money compact on the axis; the tooltip shows the row's exact text when `textKey` maps it).
 */
export function LinesChart<Row extends Record<string, unknown>>(props: {
  label: string;
  data: Row[];
  x: string;
  series: Series[];
  axis(value: number, language: 'id' | 'en'): string;
  tooltip(row: Row, key: string): string;
  xFormat?(value: string): string;
  /** The y axis reaches at least this (ratios: 0.05 = 5%), so an all-zero line is not drawn on a 0-400% scale. */
  minTop?: number;
}) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <ChartBox label={props.label} empty={props.data.length === 0}>
      <LineChart data={props.data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey={props.x} tickFormatter={props.xFormat} minTickGap={24} fontSize={12} />
        <YAxis tickFormatter={(v: number) => props.axis(v, lang)} width={64} fontSize={12} domain={[0, (top: number) => Math.max(top, props.minTop ?? 0)]} />
        <Tooltip itemStyle={TOOLTIP_TEXT} formatter={(_v, name, item) => [props.tooltip(item.payload as Row, String(item.dataKey)), name]} labelFormatter={(l) => (props.xFormat ? props.xFormat(String(l)) : String(l))} />
        <Legend />
        {props.series.map((s) => (
          <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} dot={false} strokeWidth={2} isAnimationActive={false} />
        ))}
      </LineChart>
    </ChartBox>
  );
}

export function BarsChart<Row extends Record<string, unknown>>(props: {
  label: string;
  data: Row[];
  x: string;
  series: Series[];
  axis(value: number, language: 'id' | 'en'): string;
  tooltip(row: Row, key: string): string;
}) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <ChartBox label={props.label} empty={props.data.length === 0}>
      <BarChart data={props.data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey={props.x} fontSize={12} interval={0} tick={{ fontSize: 11 }} />
        <YAxis tickFormatter={(v: number) => props.axis(v, lang)} width={64} fontSize={12} />
        <Tooltip itemStyle={TOOLTIP_TEXT} formatter={(_v, name, item) => [props.tooltip(item.payload as Row, String(item.dataKey)), name]} />
        {props.series.length > 1 && <Legend />}
        {props.series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartBox>
  );
}

/** Compact axis labels: 1,5 jt / 1.5M. */
export const compact = (value: number, language: 'id' | 'en'): string => COMPACT[language].format(value);
/** Percent axis labels from a 0-1 ratio. */
export const percent = (value: number, language: 'id' | 'en'): string => `${COMPACT[language].format(value * 100)}%`;
