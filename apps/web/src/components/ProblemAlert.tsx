import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProblemError } from '../api/problem';

/**
 * The error of a failed request: its title and detail, and (listFields) every field error, for forms whose
 * fields do not show them all. Renders nothing without a problem.
 */
export function ProblemAlert({ problem, listFields = false }: { problem: ProblemError | null | undefined; listFields?: boolean }) {
  const { t } = useTranslation();
  if (!problem) return null;
  const title = problem.status === 0 ? t('errors.network') : problem.title;
  return (
    <Alert color="red" title={title} role="alert" data-testid="problem" data-code={problem.code}>
      {problem.detail && problem.detail !== problem.title ? problem.detail : null}
      {listFields && problem.errors.length > 0 && (
        <List size="sm" mt={problem.detail ? 'xs' : 0}>
          {problem.errors.map((e, i) => (
            <List.Item key={`${e.field}-${i}`}>
              <strong>{e.field}</strong>: {e.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
