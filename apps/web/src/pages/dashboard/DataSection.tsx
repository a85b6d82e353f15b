import { Button, Group, Paper, Stack, Table, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Money } from '../../components/Money';
import { WideTable } from '../../components/WideTable';
import { useFormat } from '../../format/use-format';
import { downloadCsv } from './csv';
import { formatRatio } from './numbers';

export type ColumnKind = 'text' | 'int' | 'money' | 'ratio' | 'date' | 'days';
export interface Column<Row> {
  key: string;
  label: string;
  kind: ColumnKind;
  /** The exact value (a decimal string for money and ratios): the table formats it, the CSV keeps it. */
  value(row: Row): string | number | null;
}

/**
 * One dashboard block: its title, a chart, and the same figures as a table (for screen readers, for
 * reading exact amounts, and for the CSV export, which writes the unformatted values).
 */
export function DataSection<Row>({
  id,
  title,
  chart,
  columns,
  rows,
  csvRows = rows,
  csvName,
  footer,
}: {
  id: string;
  title: string;
  chart?: ReactNode;
  columns: Column<Row>[];
  rows: Row[];
  /** What the CSV holds when the table shows only part of it (a long trend); the rows by default. */
  csvRows?: Row[];
  csvName: string;
  footer?: ReactNode;
}) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  const show = (c: Column<Row>, row: Row): ReactNode => {
    const v = c.value(row);
    if (v === null || v === undefined) return '—';
    switch (c.kind) {
      case 'money':
        return <Money value={String(v)} />;
      case 'ratio':
        return formatRatio(String(v), f.language);
      case 'date':
        return f.date(String(v));
      case 'days':
        return t('days', { count: +v });
      default:
        return v;
    }
  };
  const numeric = (k: ColumnKind) => k !== 'text' && k !== 'date';
  return (
    <Paper withBorder p="md" data-testid={`section-${id}`} component="section" aria-labelledby={`${id}-title`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id={`${id}-title`}>
            {title}
          </Title>
          <Button
            size="xs"
            variant="light"
            disabled={csvRows.length === 0}
            onClick={() => downloadCsv(csvName, columns.map((c) => c.key), csvRows.map((r) => columns.map((c) => c.value(r))))}
            data-testid={`csv-${id}`}
            aria-label={t('csvOf', { title })}
          >
            {t('csv')}
          </Button>
        </Group>
        {chart}
        {rows.length === 0 ? null : (
          <WideTable minWidth={Math.max(320, columns.length * 110)} label={title}>
            <Table striped stickyHeader data-testid={`table-${id}`}>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((c) => (
                    <Table.Th key={c.key} ta={numeric(c.kind) ? 'right' : undefined}>
                      {c.label}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r, i) => (
                  <Table.Tr key={i}>
                    {columns.map((c) => (
                      <Table.Td key={c.key} ta={numeric(c.kind) ? 'right' : undefined}>
                        {show(c, r)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </WideTable>
        )}
        {footer}
      </Stack>
    </Paper>
  );
}
