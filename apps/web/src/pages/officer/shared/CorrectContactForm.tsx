import { Button, Group, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { call } from '../../../api/problem';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useProblem } from '../../../components/use-problem';
import { AddressFields } from './AddressFields';
import type { Borrower } from './queries';

/**
 * A new phone number or a move (PATCH /api/borrowers/:id with a reason, which the audit row keeps). The
 * form starts from what is on file; the api changes only what differs, and the reminders still to go out
 * reach the new number.
 */
export function CorrectContactForm({ borrower: b, onDone, onCancel }: { borrower: Borrower; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('officer');
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    phone: b.phone,
    street: b.address.street,
    villageName: b.address.villageName ?? '',
    districtCode: b.address.districtCode as string | null,
    postalCode: b.address.postalCode,
    reason: '',
  });
  const { problem, setProblem, fieldError } = useProblem();
  const text = (key: 'phone' | 'reason') => ({
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) => setForm((f) => ({ ...f, [key]: e.currentTarget.value })),
  });

  const correct = useMutation({
    mutationFn: () =>
      call(
        api.PATCH('/api/borrowers/{id}', {
          params: { path: { id: b.id } },
          body: {
            phone: form.phone,
            address: { street: form.street, villageName: form.villageName.trim() || undefined, districtCode: form.districtCode ?? '', postalCode: form.postalCode },
            reason: form.reason,
          },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['borrowers'] });
      onDone();
    },
    onError: setProblem,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    correct.mutate();
  };

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">{t('correct.title')}</Title>
      <form onSubmit={submit} noValidate data-testid="correct-contact-form">
        <Stack gap="sm">
          <ProblemAlert problem={problem} listFields />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('register.phone')} name="phone" required type="tel" autoComplete="tel" description={t('register.phoneHint')} {...text('phone')} error={fieldError('phone')} />
            <AddressFields value={form} onChange={(patch) => setForm((f) => ({ ...f, ...patch }))} regencyCode={b.address.regencyCode} fieldError={fieldError} />
            <TextInput label={t('correct.reason')} name="reason" required description={t('correct.reasonHint')} {...text('reason')} error={fieldError('reason')} />
          </SimpleGrid>
          <Group gap="sm">
            <Button type="submit" loading={correct.isPending}>{t('correct.submit')}</Button>
            <Button variant="subtle" onClick={onCancel}>{t('correct.cancel')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
