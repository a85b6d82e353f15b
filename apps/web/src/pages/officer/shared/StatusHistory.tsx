import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../format/use-format';
import type { ApplicationDetail } from './queries';

/** The application's path, oldest first: each move, its business date and its note. */
export function StatusHistory({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation('officer');
  const f = useFormat();
  return (
    <Timeline active={application.statusHistory.length - 1} bulletSize={14} lineWidth={2} data-testid="status-history">
      {application.statusHistory.map((h, i) => (
        <Timeline.Item key={i} title={t(`event.${h.event}`)}>
          <Text size="xs" c="dimmed">
            {f.date(h.businessDate)} · {t(`status.${h.toStatus}`)}
          </Text>
          {h.note && <Text size="sm">{h.note}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
