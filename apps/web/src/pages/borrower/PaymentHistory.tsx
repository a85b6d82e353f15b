import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Money } from '../../components/Money';
import { QueryState } from '../../components/PageState';
import { isZeroMoney } from '../../format/money';
import { useFormat } from '../../format/use-format';
import { myPaymentsQuery } from './queries';

/** What the borrower has paid, newest first, and which installments each payment settled. */
export function PaymentHistory({ loanId }: { loanId: string }) {
  const { t } = useTranslation('portal');
  const f = useFormat();
  const q = useQuery(myPaymentsQuery(loanId));
  if (!q.data) return <QueryState query={q} />;
  if (q.data.items.length === 0) return <Text c="dimmed">{t('payments.empty')}</Text>;
  return (
    <Stack gap="xs" data-testid="payments">
      {q.data.items.map((p) => (
        <Paper key={p.id} withBorder p="sm" radius="md" data-testid="payment">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Text fw={600}>{t(`payments.kinds.${p.kind}`)}</Text>
              <Text size="sm" c="dimmed">
                {f.date(p.valueDate)}
                {p.channel ? ` · ${t(`payments.channels.${p.channel}`)}` : ''}
              </Text>
            </div>
            <Stack gap={2} align="flex-end">
              <Text fw={700} td={p.status === 'REVERSED' ? 'line-through' : undefined}>
                <Money value={p.amount} />
              </Text>
              {p.status === 'REVERSED' && (
                <Badge color="red" c="red.9" variant="light" size="sm">
                  {t('payments.reversed')}
                </Badge>
              )}
            </Stack>
          </Group>
          {p.allocations.length > 0 && (
            <Text size="sm">{t('payments.installments', { list: p.allocations.map((a) => a.installmentNumber).join(', ') })}</Text>
          )}
          {!isZeroMoney(p.overpayment) && <Text size="sm">{t('payments.overpayment', { amount: f.money(p.overpayment) })}</Text>}
        </Paper>
      ))}
    </Stack>
  );
}
