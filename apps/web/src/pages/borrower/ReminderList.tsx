import { Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/PageState';
import { useFormat } from '../../format/use-format';
import { myRemindersQuery } from './queries';

/** The reminders sent to the borrower, newest first: what about, when, and by which channel. */
export function ReminderList({ loanId }: { loanId: string }) {
  const { t } = useTranslation('portal');
  const f = useFormat();
  const q = useQuery(myRemindersQuery(loanId));
  if (!q.data) return <QueryState query={q} />;
  if (q.data.items.length === 0) return <Text c="dimmed">{t('reminders.empty')}</Text>;
  return (
    <Stack gap="xs" data-testid="reminders">
      {q.data.items.map((r) => (
        <Paper key={r.id} withBorder p="sm" radius="md" data-testid="reminder">
          <Text fw={600}>{t(`reminders.kinds.${r.kind}`)}</Text>
          <Text size="sm">{t('reminders.about', { number: r.installmentNumber })}</Text>
          <Text size="sm" c="dimmed">
            {f.dateTime(r.sentAt)} · {t(`reminders.channels.${r.channel}`, { defaultValue: r.channel })}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
