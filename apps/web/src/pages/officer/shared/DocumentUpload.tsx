import { Button, FileButton, Group, Input, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { call } from '../../../api/problem';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useProblem } from '../../../components/use-problem';
import type { BorrowerDocument } from './queries';

const KINDS = ['KTP', 'KK', 'NIB_CERTIFICATE', 'BUSINESS_PHOTO'] as const;
type Kind = (typeof KINDS)[number];

/**
 * Uploads one document. On a phone `capture="environment"` opens the back camera straight away (a KTP
 * photographed in the field); elsewhere it is a file picker. The api judges the type by the bytes and
 * refuses more than 5 MB, and says so.
 */
export function DocumentUpload({ borrowerId }: { borrowerId: string }) {
  const { t } = useTranslation('officer');
  const queryClient = useQueryClient();
  const inputId = useId();
  const resetRef = useRef<() => void>(null);
  const [kind, setKind] = useState<Kind>('KTP');
  const [file, setFile] = useState<File | null>(null);
  const { problem, setProblem, fieldError } = useProblem();

  const upload = useMutation({
    mutationFn: (body: FormData) =>
      call(
        api.POST('/api/borrowers/{id}/documents', {
          params: { path: { id: borrowerId } },
          // openapi-fetch would JSON-encode the body: hand the FormData over as it is (the browser sets the boundary).
          body: body as never,
          bodySerializer: (b: unknown) => b as FormData,
        }),
      ) as Promise<BorrowerDocument>,
    onSuccess: async () => {
      setFile(null);
      resetRef.current?.();
      await queryClient.invalidateQueries({ queryKey: ['borrowers', borrowerId, 'documents'] });
    },
    onError: setProblem,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setProblem(null);
    const body = new FormData();
    body.append('kind', kind);
    body.append('file', file);
    upload.mutate(body);
  };

  return (
    <form onSubmit={submit} data-testid="document-upload">
      <Stack gap="xs">
        <ProblemAlert problem={problem} />
        <Select
          label={t('documents.kind')}
          name="kind"
          allowDeselect={false}
          data={KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as Kind)}
          error={fieldError('kind')}
        />
        <Input.Wrapper label={t('documents.file')} description={t('documents.fileHint')} id={inputId} error={fieldError('file')}>
          {/* The browser's own file input would say "Choose File" in its language: a button in ours instead. */}
          <Group gap="xs" mt={4} wrap="nowrap">
            <FileButton
              resetRef={resetRef}
              onChange={setFile}
              accept="image/*,application/pdf"
              capture="environment"
              name="file"
              inputProps={{ id: inputId, 'data-testid': 'document-file' } as React.ComponentProps<'input'>}
            >
              {(props) => (
                <Button {...props} variant="default" size="sm">
                  {t('documents.choose')}
                </Button>
              )}
            </FileButton>
            <Text size="sm" c="dimmed" truncate data-testid="document-file-name">
              {file ? file.name : t('documents.noFile')}
            </Text>
          </Group>
        </Input.Wrapper>
        <Group>
          <Button type="submit" disabled={!file} loading={upload.isPending} variant="light">
            {t('documents.upload')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
