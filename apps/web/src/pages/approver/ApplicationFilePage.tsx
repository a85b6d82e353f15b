import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QueryState } from '../../components/PageState';
import { ApplicationTerms } from '../officer/shared/ApplicationTerms';
import { BorrowerSummary } from '../officer/shared/BorrowerSummary';
import { DocumentList } from '../officer/shared/DocumentList';
import { applicationQuery, borrowerQuery } from '../officer/shared/queries';
import { ScoreView } from '../officer/shared/ScoreView';
import { StatusHistory } from '../officer/shared/StatusHistory';
import { DecisionForm } from './DecisionForm';
import { ProgrammeHistory } from './ProgrammeHistory';

/**
 * The application's file for the approver: what is asked, the borrower and business, the documents, the
 * score with its reasons, the borrower's history in the programme, and the decision.
 */
export default function ApplicationFilePage() {
  const { t } = useTranslation('approver');
  const { id = '' } = useParams();
  const q = useQuery(applicationQuery(id));
  const borrower = useQuery({ ...borrowerQuery(q.data?.borrowerId ?? ''), enabled: Boolean(q.data) });
  if (!q.data) return <QueryState query={q} />;
  const a = q.data;
  const latest = a.scores.at(-1);
  return (
    <Stack gap="md" maw={1100}>
      <Title order={1} size="h2">{t('file.title', { number: a.number })}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="md">
          <ApplicationTerms application={a} title={t('file.requested')} />
          {borrower.data ? <BorrowerSummary borrower={borrower.data} title={t('file.borrower')} /> : <QueryState query={borrower} />}
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">{t('file.documents')}</Title>
            <DocumentList borrowerId={a.borrowerId} />
          </Paper>
          <ProgrammeHistory borrowerId={a.borrowerId} applicationId={a.id} />
        </Stack>
        <Stack gap="md">
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">{t('file.score')}</Title>
            {latest ? <ScoreView run={latest} /> : <Text c="dimmed" size="sm">{t('officer:application.notScored')}</Text>}
          </Paper>
          <DecisionForm application={a} />
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">{t('file.timeline')}</Title>
            <StatusHistory application={a} />
          </Paper>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
