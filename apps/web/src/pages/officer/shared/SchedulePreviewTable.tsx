import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../api/schema';
import { Money } from '../../../components/Money';
import { useFormat } from '../../../format/use-format';
import { ScrollTable } from './ScrollTable';

type Preview = components['schemas']['SchedulePreviewResponse'];

/** The installments of a schedule preview with their total: three narrow columns that fit 360 px. */
export function SchedulePreviewTable({ preview }: { preview: Preview }) {
  const { t } = useTranslation('officer');
  const f = useFormat();
  return (
    <ScrollTable minWidth={260} label={t('simulation.title')}>
      <Table striped verticalSpacing={4} horizontalSpacing={6} fz="sm" data-testid="schedule-preview">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('simulation.installment')}</Table.Th>
            <Table.Th>{t('simulation.dueDate')}</Table.Th>
            <Table.Th ta="right">{t('simulation.principal')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.installments.map((i) => (
            <Table.Tr key={i.number}>
              <Table.Td>{i.number}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(i.dueDate)}</Table.Td>
              <Table.Td ta="right"><Money value={i.principal} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={2}>{t('simulation.total')}</Table.Th>
            <Table.Th ta="right" data-testid="schedule-total"><Money value={preview.total} /></Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollTable>
  );
}
