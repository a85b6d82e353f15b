import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { CopyText } from '../../components/CopyText';
import { Money } from '../../components/Money';
import { isZeroMoney } from '../../format/money';
import { useFormat } from '../../format/use-format';

type MyLoan = components['schemas']['MyLoanResponse'];

/** Groups a VA number in fours so it can be read out and typed into a banking app: 1140 0001 2026 0001 23. */
const groupVa = (va: string) => va.replace(/(\d{4})(?=\d)/g, '$1 ');

/** What the borrower came for: how much, by when, and where to pay it. */
export function NextPaymentCard({ loan }: { loan: MyLoan }) {
  const { t } = useTranslation('portal');
  const f = useFormat();
  const statusColor = loan.status === 'ACTIVE' ? 'lumbung' : loan.status === 'CLOSED' ? 'teal' : 'gray';
  return (
    <Paper withBorder p="md" radius="md" data-testid="next-payment">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text size="sm" c="dimmed">
              {t('loanNumber')}
            </Text>
            <Text fw={600} data-testid="loan-number">
              {loan.number}
            </Text>
          </div>
          <Badge color={statusColor} variant="light" size="lg">
            {t(`status.${loan.status}`)}
          </Badge>
        </Group>

        {loan.status === 'CLOSED' && <Alert color="teal">{t('next.closed')}</Alert>}
        {!isZeroMoney(loan.overdueAmount) && (
          <Alert color="red" role="alert" data-testid="overdue">
            {t('next.overdue', { amount: f.money(loan.overdueAmount), days: loan.daysPastDue })}
          </Alert>
        )}

        {loan.status === 'ACTIVE' && (
          <div>
            <Title order={2} size="h4">
              {t('next.title')}
            </Title>
            {loan.nextDueAmount && loan.nextDueDate ? (
              <>
                <Text fz={32} fw={700} lh={1.2} data-testid="next-amount">
                  <Money value={loan.nextDueAmount} />
                </Text>
                <Text data-testid="next-date">{t('next.due', { date: f.date(loan.nextDueDate) })}</Text>
              </>
            ) : (
              <Text>{t('next.none')}</Text>
            )}
          </div>
        )}

        {loan.status === 'ACTIVE' && (
          <Paper bg="gray.0" p="sm" radius="md">
            <Text size="sm" c="dimmed">
              {t('next.payTo')}
            </Text>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text ff="monospace" fz="lg" fw={700} data-testid="virtual-account" data-va={loan.virtualAccount}>
                {groupVa(loan.virtualAccount)}
              </Text>
              <CopyText value={loan.virtualAccount} label={t('next.copyVa')} />
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              {t('next.payHint')}
            </Text>
          </Paper>
        )}

        <Group grow>
          <div>
            <Text size="sm" c="dimmed">
              {t('next.outstanding')}
            </Text>
            <Text fw={600}>
              <Money value={loan.outstandingPrincipal} />
            </Text>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {t('next.principal')}
            </Text>
            <Text fw={600}>
              <Money value={loan.principal} />
            </Text>
          </div>
        </Group>
      </Stack>
    </Paper>
  );
}
