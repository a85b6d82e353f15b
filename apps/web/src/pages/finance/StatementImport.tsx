import { Button, FileInput, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import type { components } from '../../api/schema';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useProblem } from '../../components/use-problem';
import { FINANCE } from './queries';

type Summary = components['schemas']['ImportSummaryResponse'];

/** Uploads a bank statement (CSV or MT940): its lines are matched, VA repayments posted, the rest to suspense. */
export function StatementImport({ onImported }: { onImported(summary: Summary): void }) {
  const { t } = useTranslation('finance');
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<'CSV' | 'MT940'>('CSV');
  const { problem, setProblem, fieldError } = useProblem();
  const upload = useMutation({
    mutationFn: (input: { file: File; format: 'CSV' | 'MT940' }) => {
      const form = new FormData();
      form.append('format', input.format);
      form.append('file', input.file);
      // multipart: the browser sets the boundary; the generated body type is the form's fields.
      return call(api.POST('/api/bank-statements', { body: form as never, bodySerializer: (b) => b as unknown as FormData }));
    },
    onSuccess: async (summary) => {
      setFile(null);
      await qc.invalidateQueries({ queryKey: [FINANCE] });
      onImported(summary);
    },
    onError: setProblem,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (file) upload.mutate({ file, format });
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert problem={problem} />
          <Text size="sm" c="dimmed">
            {t('statements.importHint')}
          </Text>
          <Group align="flex-end" gap="sm">
            <FileInput
              label={t('statements.file')}
              accept=".csv,.txt,.sta,.mt940,text/csv,text/plain"
              value={file}
              onChange={setFile}
              required
              clearable
              error={fieldError('file')}
              style={{ flex: 1, minWidth: 200 }}
              data-testid="statement-file"
            />
            <SegmentedControl
              aria-label={t('statements.format')}
              value={format}
              onChange={(v) => setFormat(v === 'MT940' ? 'MT940' : 'CSV')}
              data={[
                { value: 'CSV', label: 'CSV' },
                { value: 'MT940', label: 'MT940' },
              ]}
            />
            <Button type="submit" loading={upload.isPending} disabled={!file} data-testid="import-statement">
              {t('statements.import')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
