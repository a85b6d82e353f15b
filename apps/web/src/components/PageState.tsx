import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toProblem } from '../api/problem';
import { ProblemAlert } from './ProblemAlert';

/** What a page shows while its query loads or when it failed; null once there is data. */
export function QueryState({ query }: { query: { isPending: boolean; error: unknown } }) {
  if (query.error) return <ProblemAlert problem={toProblem(query.error)} />;
  if (query.isPending) return <PageLoader />;
  return null;
}

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t('loading')} />
    </Center>
  );
}
