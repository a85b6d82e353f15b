import { Button, Group, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { call } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { useProblem } from '../../../components/use-problem';

export type Loan = components['schemas']['LoanResponse'];

/** Finds a loan by the number on the borrower's card or receipt (BKL-2026-000123), any case. */
export function LoanLookup({ onFound, label }: { onFound(loan: Loan): void; label?: string }) {
  const { t } = useTranslation('finance');
  const [number, setNumber] = useState('');
  const [notFound, setNotFound] = useState(false);
  const { setProblem, fieldError } = useProblem();
  const find = useMutation({
    mutationFn: (n: string) => call(api.GET('/api/loans', { params: { query: { number: n, limit: 1 } } })),
    onSuccess: (page) => {
      const loan = page.items[0];
      setNotFound(!loan);
      if (loan) onFound(loan);
    },
    onError: setProblem,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setNotFound(false);
    find.mutate(number.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="sm">
        <TextInput
          label={label ?? t('loanLookup.label')}
          placeholder="BKL-2026-000123"
          name="loanNumber"
          autoComplete="off"
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          error={fieldError('number') ?? (notFound ? t('loanLookup.notFound') : undefined)}
          style={{ flex: 1, minWidth: 200 }}
        />
        <Button type="submit" mt={25} loading={find.isPending} disabled={!number.trim()} data-testid="find-loan">
          {t('loanLookup.find')}
        </Button>
      </Group>
    </form>
  );
}
