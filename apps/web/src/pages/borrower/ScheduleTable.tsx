import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Money } from '../../components/Money';
import { QueryState } from '../../components/PageState';
import { isZeroMoney } from '../../format/money';
import { useFormat } from '../../format/use-format';
import { myScheduleQuery } from './queries';

// 'dot' badges: the status colour is the dot, the text stays the body colour, so the contrast holds on
// striped rows (Mantine's light badges put mid-shade text on a tinted ground, below WCAG AA).
const STATUS_COLORS = { PAID: 'teal', PARTIALLY_PAID: 'yellow', DUE: 'orange', OVERDUE: 'red', UPCOMING: 'gray' } as const;

/** Every installment of the current schedule with what is paid; four narrow columns that wrap to fit 360 px. */
export function ScheduleTable({ loanId }: { loanId: string }) {
  const { t } = useTranslation('portal');
  const f = useFormat();
  const q = useQuery(myScheduleQuery(loanId));
  if (!q.data) return <QueryState query={q} />;
  return (
    <Table verticalSpacing="xs" horizontalSpacing={6} fz="sm" striped data-testid="schedule">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('schedule.number')}</Table.Th>
          <Table.Th>{t('schedule.dueDate')}</Table.Th>
          <Table.Th ta="right">{t('schedule.amount')}</Table.Th>
          <Table.Th>{t('schedule.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {q.data.installments.map((i) => (
          <Table.Tr key={i.number} data-status={i.status}>
            <Table.Td>{i.number}</Table.Td>
            <Table.Td>{f.date(i.dueDate)}</Table.Td>
            <Table.Td ta="right">
              <Money value={i.principalDue} />
              {i.status === 'PARTIALLY_PAID' && (
                <Text size="xs" c="dimmed">
                  {t('schedule.paid', { amount: f.money(i.principalPaid) })}
                </Text>
              )}
              {!isZeroMoney(i.lateFeeDue) && (
                <Text size="xs" c="red.9">
                  {t('schedule.lateFee', { amount: f.money(i.lateFeeDue) })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {/* Plain text, not a Badge: a badge cuts "Mendatang" to "Mendata…" in this narrow column at 360 px. */}
              <Text size="xs" fw={700} c={`${STATUS_COLORS[i.status]}.9`}>
                {t(`schedule.statuses.${i.status}`)}
              </Text>
              {i.paidOn && (
                <Text size="xs" c="dimmed">
                  {f.date(i.paidOn)}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
