import { Button, Group, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { call } from '../../../api/problem';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useProblem } from '../../../components/use-problem';
import { AddressFields } from './AddressFields';
import { businessBody, BusinessFields, type Sector } from './BusinessFields';
import type { Borrower } from './queries';

/** What one correction covers: a new phone or a move, or the business as it is now. */
export type CorrectionPart = 'contact' | 'business';

const initialForm = (b: Borrower) => ({
  phone: b.phone,
  street: b.address.street,
  villageName: b.address.villageName ?? '',
  districtCode: b.address.districtCode as string | null,
  postalCode: b.address.postalCode,
  businessName: b.business?.name ?? '',
  nib: b.business?.nib ?? '',
  sector: (b.business?.sector ?? null) as Sector | null,
  startedOn: b.business?.startedOn ?? '',
  monthlyRevenue: b.business?.monthlyRevenue ?? '',
  monthlyExpenses: b.business?.monthlyExpenses ?? '',
  reason: '',
});

/**
 * PATCH /api/borrowers/:id for one part of the record, with the reason the audit row keeps. The form starts
 * from what is on file; the api changes only what differs, and the reminders still to go out reach a new number.
 */
export function CorrectBorrowerForm({ borrower: b, part, onDone, onCancel }: { borrower: Borrower; part: CorrectionPart; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('officer');
  const queryClient = useQueryClient();
  const [form, setForm] = useState(() => initialForm(b));
  const { problem, setProblem, fieldError } = useProblem();
  const patch = (p: Partial<typeof form>) => setForm((f) => ({ ...f, ...p }));

  const correct = useMutation({
    mutationFn: () =>
      call(
        api.PATCH('/api/borrowers/{id}', {
          params: { path: { id: b.id } },
          body:
            part === 'contact'
              ? {
                  phone: form.phone,
                  address: { street: form.street, villageName: form.villageName.trim() || undefined, districtCode: form.districtCode ?? '', postalCode: form.postalCode },
                  reason: form.reason,
                }
              : { business: businessBody(form), reason: form.reason },
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
      <Title order={2} size="h4" mb="sm">{t(`correct.${part}.title`)}</Title>
      <form onSubmit={submit} noValidate data-testid={`correct-${part}-form`}>
        <Stack gap="sm">
          <ProblemAlert problem={problem} listFields />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {part === 'contact' ? (
              <>
                <TextInput
                  label={t('register.phone')}
                  name="phone"
                  required
                  type="tel"
                  autoComplete="tel"
                  description={t('register.phoneHint')}
                  value={form.phone}
                  onChange={(e) => patch({ phone: e.currentTarget.value })}
                  error={fieldError('phone')}
                />
                <AddressFields value={form} onChange={patch} regencyCode={b.address.regencyCode} fieldError={fieldError} />
              </>
            ) : (
              <BusinessFields value={form} onChange={patch} fieldError={fieldError} />
            )}
            <TextInput
              label={t('correct.reason')}
              name="reason"
              required
              description={t(`correct.${part}.reasonHint`)}
              value={form.reason}
              onChange={(e) => patch({ reason: e.currentTarget.value })}
              error={fieldError('reason')}
            />
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
