import { Grid, NavLink, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { QueryState } from '../../components/PageState';
import { useFormat } from '../../format/use-format';
import { statementsQuery } from './queries';
import { StatementImport } from './StatementImport';
import { StatementLines } from './StatementLines';

/** Import a bank statement, then work through the lines nobody could match (chosen statement: ?id=). */
export default function BankStatementsPage() {
  const { t } = useTranslation('finance');
  const f = useFormat();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const q = useQuery(statementsQuery);
  const selected = params.get('id') ?? q.data?.items[0]?.id ?? null;
  const current = q.data?.items.find((s) => s.id === selected);

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('statements.title')}
      </Title>
      <StatementImport onImported={(s) => void navigate(`/finance/bank-statements?id=${s.id}`)} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="xs">
            <Title order={2} size="h5" p="xs">
              {t('statements.imported')}
            </Title>
            {!q.data ? (
              <QueryState query={q} />
            ) : q.data.items.length === 0 ? (
              <Text c="dimmed" p="sm">
                {t('statements.none')}
              </Text>
            ) : (
              <nav aria-label={t('statements.imported')}>
                {q.data.items.map((s) => (
                  <NavLink
                    key={s.id}
                    component={Link}
                    to={`/finance/bank-statements?id=${s.id}`}
                    // The description keeps the label's colour: dimmed grey on the active row's tint is under 4.5:1.
                    styles={{ description: { color: 'inherit' } }}
                    active={s.id === selected}
                    label={`${f.date(s.firstDate)} – ${f.date(s.lastDate)}`}
                    description={t('statements.counts', { lines: s.lines, matched: s.matched, unmatched: s.unmatched, mismatched: s.mismatched })}
                  />
                ))}
              </nav>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {current && (
            <Stack gap="xs" data-testid="statement-summary">
              <Text size="sm">
                {t('statements.summary', {
                  account: current.account || '—',
                  lines: current.lines,
                  matched: current.matched,
                  posted: current.repaymentsPosted,
                  unmatched: current.unmatched,
                  mismatched: current.mismatched,
                  duplicates: current.duplicates,
                })}
              </Text>
              <StatementLines statementId={current.id} />
            </Stack>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
