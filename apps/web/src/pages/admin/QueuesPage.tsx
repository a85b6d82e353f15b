import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useProblem } from '../../components/use-problem';
import { useFormat } from '../../format/use-format';

/**
 * The background queues' dashboard (Bull Board) lives on the api, behind an HttpOnly cookie scoped to
 * /api/admin/queues: the button asks the api for that session with the admin's bearer token, then opens
 * the board in a new tab (the browser sends the cookie there; the token never goes into a URL).
 */
export default function QueuesPage() {
  const { t } = useTranslation('admin');
  const f = useFormat();
  const { problem, setProblem } = useProblem();
  // The tab is opened before the request (a popup opened after an await is blocked), then pointed at the board.
  const open = useMutation({
    mutationFn: async (tab: Window | null) => ({ tab, session: await call(api.POST('/api/admin/queue-board/session')) }),
    onSuccess: ({ tab, session }) => {
      const url = new URL(session.url, window.location.origin).toString();
      if (tab) tab.location.href = url;
      else window.open(url, '_blank', 'noopener');
    },
    onError: (err, tab) => {
      tab?.close();
      setProblem(err);
    },
  });
  return (
    <Stack gap="md" maw={720}>
      <Title order={1} size="h2">
        {t('queues.title')}
      </Title>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text size="sm">{t('queues.intro')}</Text>
          <ProblemAlert problem={problem} />
          <Button
            onClick={() => {
              setProblem(null);
              open.mutate(window.open('about:blank', '_blank'));
            }}
            loading={open.isPending}
            style={{ alignSelf: 'flex-start' }}
            data-testid="open-queue-board"
          >
            {t('queues.open')}
          </Button>
          {open.data && (
            <Text size="sm" c="dimmed" data-testid="queue-session">
              {t('queues.opened', { until: f.dateTime(open.data.session.expiresAt) })}
            </Text>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
