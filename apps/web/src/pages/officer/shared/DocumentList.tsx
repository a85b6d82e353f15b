import { Button, Group, Image, Modal, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { call } from '../../../api/problem';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { QueryState } from '../../../components/PageState';
import { useProblem } from '../../../components/use-problem';
import { useFormat } from '../../../format/use-format';
import { type BorrowerDocument, documentsQuery } from './queries';

const EXTENSIONS = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' } as const;

/** The decrypted file: the api serves it only with the bearer token, so it is fetched, never linked. */
async function fetchContent(doc: BorrowerDocument): Promise<Blob> {
  return call(api.GET('/api/borrowers/{id}/documents/{documentId}/content', { params: { path: { id: doc.borrowerId, documentId: doc.id } }, parseAs: 'blob' })) as Promise<Blob>;
}

/** A borrower's documents, newest first: images open in a viewer, PDFs in a new tab; each can be downloaded. */
export function DocumentList({ borrowerId }: { borrowerId: string }) {
  const { t } = useTranslation('officer');
  const f = useFormat();
  const q = useQuery(documentsQuery(borrowerId));
  const { problem, setProblem } = useProblem();
  const [viewing, setViewing] = useState<{ doc: BorrowerDocument; url: string } | null>(null);

  // Object URLs hold the decrypted bytes in memory until revoked: drop them when the viewer closes.
  useEffect(
    () => () => {
      if (viewing) URL.revokeObjectURL(viewing.url);
    },
    [viewing],
  );

  const view = async (doc: BorrowerDocument) => {
    try {
      const url = URL.createObjectURL(await fetchContent(doc));
      if (doc.contentType === 'application/pdf') {
        window.open(url, '_blank', 'noopener');
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      } else setViewing({ doc, url });
    } catch (err) {
      setProblem(err);
    }
  };
  const download = async (doc: BorrowerDocument) => {
    try {
      const url = URL.createObjectURL(await fetchContent(doc));
      const a = document.createElement('a');
      a.href = url;
      a.download = `${doc.kind.toLowerCase()}-${doc.uploadedAt.slice(0, 10)}.${EXTENSIONS[doc.contentType]}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setProblem(err);
    }
  };

  if (!q.data) return <QueryState query={q} />;
  return (
    <Stack gap="xs" data-testid="documents">
      <ProblemAlert problem={problem} />
      {q.data.items.length === 0 && <Text c="dimmed" size="sm">{t('documents.none')}</Text>}
      {q.data.items.map((d) => (
        <Paper key={d.id} withBorder p="xs" data-testid="document">
          <Group justify="space-between" gap="xs">
            <div>
              <Text size="sm" fw={600}>{t(`documents.kinds.${d.kind}`)}</Text>
              <Text size="xs" c="dimmed">
                {f.dateTime(d.uploadedAt)} · {t('documents.size', { kb: Math.max(1, Math.round(d.sizeBytes / 1024)) })}
              </Text>
            </div>
            <Group gap={6}>
              <Button size="xs" variant="light" onClick={() => void view(d)} aria-label={`${t('documents.view')} ${t(`documents.kinds.${d.kind}`)}`}>
                {t('documents.view')}
              </Button>
              <Button size="xs" variant="default" onClick={() => void download(d)} aria-label={`${t('documents.download')} ${t(`documents.kinds.${d.kind}`)}`}>
                {t('documents.download')}
              </Button>
            </Group>
          </Group>
        </Paper>
      ))}
      <Modal opened={viewing !== null} onClose={() => setViewing(null)} title={viewing ? t(`documents.kinds.${viewing.doc.kind}`) : ''} size="lg" closeButtonProps={{ 'aria-label': t('documents.close') }}>
        {viewing && <Image src={viewing.url} alt={t(`documents.kinds.${viewing.doc.kind}`)} fit="contain" />}
      </Modal>
    </Stack>
  );
}
