import { Badge, Group, List, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Money } from '../../../components/Money';
import type { ScoringRun } from './queries';

// Outlined, text in shade 9 on white: these reach 4.5:1, yellow would not.
const REC_COLORS = { APPROVE: 'teal', REVIEW: 'blue', REJECT: 'red' } as const;

/**
 * One scoring run as the officer explains it to the applicant and the approver reads it: the score, grade and
 * recommendation with its reason, then every factor with its points and reason, and any knock-out, in the
 * language of the page (the api gives both).
 */
export function ScoreView({ run }: { run: ScoringRun }) {
  const { t, i18n } = useTranslation('officer');
  const en = i18n.language === 'en';
  return (
    <Stack gap="sm" data-testid="score">
      <SimpleGrid cols={2} spacing="xs">
        <Paper withBorder p="xs">
          <Text size="xs" c="dimmed">{t('score.score')}</Text>
          <Text fw={700} size="xl" data-testid="score-value">{run.score}</Text>
          <Text size="xs" c="dimmed">{t('score.of', { score: run.score })}</Text>
        </Paper>
        <Paper withBorder p="xs">
          <Text size="xs" c="dimmed">{t('score.grade')}</Text>
          <Text fw={700} size="xl" data-testid="score-grade">{run.grade}</Text>
        </Paper>
        <Paper withBorder p="xs">
          <Text size="xs" c="dimmed">{t('score.maxAmount')}</Text>
          <Text fw={600}><Money value={run.maxRecommendedAmount} /></Text>
        </Paper>
        <Paper withBorder p="xs">
          <Text size="xs" c="dimmed">{t('score.installment')}</Text>
          <Text fw={600}><Money value={run.installment} /></Text>
        </Paper>
      </SimpleGrid>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>{t('score.recommendation')}:</Text>
        <Badge color={REC_COLORS[run.recommendation]} c={`${REC_COLORS[run.recommendation]}.9`} variant="outline" data-testid="score-recommendation" styles={{ label: { overflow: 'visible', textTransform: 'none' } }}>
          {t(`score.rec.${run.recommendation}`)}
        </Badge>
      </Group>
      <Text size="sm">{en ? run.recommendationReasonEn : run.recommendationReason}</Text>
      {run.knockOuts.length > 0 && (
        <Paper withBorder p="sm" bg="red.0">
          <Title order={4} size="h6" c="red.9">{t('score.knockOuts')}</Title>
          <List size="sm">
            {run.knockOuts.map((k) => (
              <List.Item key={k.rule}>{en ? k.reasonEn : k.reason}</List.Item>
            ))}
          </List>
        </Paper>
      )}
      <Title order={4} size="h6">{t('score.factors')}</Title>
      <Stack gap="xs" data-testid="score-factors">
        {run.factors.map((f) => (
          <Paper key={f.name} withBorder p="xs">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" fw={600}>{en ? f.labelEn : f.label}</Text>
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>{t('score.points', { points: f.points, max: f.maxPoints })}</Text>
            </Group>
            <Progress value={f.maxPoints > 0 ? (100 * f.points) / f.maxPoints : 0} size="sm" my={4} aria-hidden />
            <Text size="sm" c="dimmed">{en ? f.reasonEn : f.reason}</Text>
          </Paper>
        ))}
      </Stack>
      <Text size="xs" c="dimmed">{t('score.version', { code: run.scorecardCode, version: run.scorecardVersion, run: run.runNumber })}</Text>
    </Stack>
  );
}
