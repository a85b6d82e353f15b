import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from './queries';

// Outlined, text in shade 9 on white: each of these reaches 4.5:1 (axe color-contrast); orange, yellow and green do not.
const COLORS: Record<ApplicationStatus, string> = {
  SUBMITTED: 'blue',
  SCORED: 'violet',
  PENDING_SECOND_APPROVAL: 'grape',
  APPROVED: 'teal',
  REJECTED: 'red',
  DISBURSED: 'cyan',
  WITHDRAWN: 'gray',
  EXPIRED: 'gray',
};

/** An application's status in words (the colour only repeats them). */
export function StatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation('officer');
  return (
    <Badge color={COLORS[status]} c={`${COLORS[status]}.9`} variant="outline" data-testid="application-status" data-status={status} styles={{ root: { height: 'auto', maxWidth: '100%' }, label: { whiteSpace: 'normal', overflow: 'visible', textTransform: 'none' } }}>
      {t(`status.${status}`)}
    </Badge>
  );
}
