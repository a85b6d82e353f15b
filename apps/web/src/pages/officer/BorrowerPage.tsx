import { Alert, Button, Group, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { QueryState } from '../../components/PageState';
import { ApplyForm } from './shared/ApplyForm';
import { BorrowerSummary } from './shared/BorrowerSummary';
import { CorrectBorrowerForm, type CorrectionPart } from './shared/CorrectBorrowerForm';
import { DocumentList } from './shared/DocumentList';
import { DocumentUpload } from './shared/DocumentUpload';
import { borrowerQuery } from './shared/queries';

/** One borrower at the officer's desk: who they are (and a new phone or address), their documents (photographed here), and a new application. */
export default function BorrowerPage() {
  const { t } = useTranslation('officer');
  const { id = '' } = useParams();
  const location = useLocation();
  const q = useQuery(borrowerQuery(id));
  const [correcting, setCorrecting] = useState<CorrectionPart | null>(null);
  const [corrected, setCorrected] = useState(false);
  if (!q.data) return <QueryState query={q} />;
  const b = q.data;
  return (
    <Stack gap="md">
      <Title order={1} size="h2" data-testid="borrower-name">{b.fullName}</Title>
      {(location.state as { registered?: boolean } | null)?.registered && (
        <Alert color="teal" data-testid="registered">{t('register.done')}</Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="md">
          <BorrowerSummary borrower={b} title={t('borrower.title')} />
          {corrected && !correcting && <Alert color="teal" data-testid="corrected">{t('correct.done')}</Alert>}
          {correcting ? (
            <CorrectBorrowerForm
              key={correcting}
              borrower={b}
              part={correcting}
              onDone={() => {
                setCorrecting(null);
                setCorrected(true);
              }}
              onCancel={() => setCorrecting(null)}
            />
          ) : (
            <Group gap="sm">
              {(['contact', 'business'] as const).map((part) => (
                <Button key={part} variant="light" onClick={() => setCorrecting(part)} data-testid={`correct-${part}`}>
                  {t(`correct.${part}.open`)}
                </Button>
              ))}
            </Group>
          )}
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">{t('documents.title')}</Title>
            <Stack gap="md">
              <DocumentUpload borrowerId={b.id} />
              <DocumentList borrowerId={b.id} />
            </Stack>
          </Paper>
        </Stack>
        <ApplyForm borrowerId={b.id} />
      </SimpleGrid>
    </Stack>
  );
}
