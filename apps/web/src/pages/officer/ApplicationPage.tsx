import { Anchor, Button, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import { QueryState } from '../../components/PageState';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useProblem } from '../../components/use-problem';
import { ApplicationTerms } from './shared/ApplicationTerms';
import { applicationQuery, borrowerQuery } from './shared/queries';
import { ScoreView } from './shared/ScoreView';
import { StatusHistory } from './shared/StatusHistory';

const RATINGS = ['1', '2', '3', '4', '5'];

/** One application for the officer: what was asked, scoring it (again), the factor reasons, its path. */
export default function ApplicationPage() {
  const { t } = useTranslation('officer');
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const q = useQuery(applicationQuery(id));
  const borrower = useQuery({ ...borrowerQuery(q.data?.borrowerId ?? ''), enabled: Boolean(q.data) });
  const [slik, setSlik] = useState<string | null>(null);
  const [visit, setVisit] = useState<string | null>(null);
  const { problem, setProblem, fieldError } = useProblem();

  const score = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/applications/{id}/score', {
          params: { path: { id } },
          body: { slikCollectibility: slik ? Number.parseInt(slik, 10) : undefined, fieldVisitRating: visit ? Number.parseInt(visit, 10) : undefined },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['applications'] }),
    onError: setProblem,
  });

  if (!q.data) return <QueryState query={q} />;
  const a = q.data;
  const latest = a.scores.at(-1);
  const scorable = a.status === 'SUBMITTED' || a.status === 'SCORED';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    score.mutate();
  };

  return (
    <Stack gap="md" maw={900}>
      <Title order={1} size="h2">{t('application.title', { number: a.number })}</Title>
      {borrower.data && (
        <Text>
          <Anchor component={Link} to={`/officer/borrowers/${a.borrowerId}`}>{borrower.data.fullName}</Anchor>
          {borrower.data.business ? ` · ${borrower.data.business.name}` : ''}
        </Text>
      )}
      <ApplicationTerms application={a} title={t('application.terms')} />
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">{t('application.score')}</Title>
        <Stack gap="md">
          {scorable && (
            <form onSubmit={submit} noValidate data-testid="score-form">
              <Stack gap="sm">
                <ProblemAlert problem={problem} listFields />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select label={t('application.slik')} description={t('application.slikHint')} name="slikCollectibility" clearable data={RATINGS} value={slik} onChange={setSlik} error={fieldError('slikCollectibility')} data-testid="slik-select" />
                  <Select label={t('application.fieldVisit')} description={t('application.fieldVisitHint')} name="fieldVisitRating" clearable data={RATINGS} value={visit} onChange={setVisit} error={fieldError('fieldVisitRating')} data-testid="visit-select" />
                </SimpleGrid>
                <Button type="submit" loading={score.isPending} style={{ alignSelf: 'flex-start' }}>
                  {latest ? t('application.rescore') : t('application.scoreNow')}
                </Button>
              </Stack>
            </form>
          )}
          {latest ? <ScoreView run={latest} /> : <Text c="dimmed" size="sm">{t('application.notScored')}</Text>}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">{t('application.history')}</Title>
        <StatusHistory application={a} />
      </Paper>
    </Stack>
  );
}
