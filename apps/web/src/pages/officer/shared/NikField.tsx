import { Anchor, Loader, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { call } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { useFormat } from '../../../format/use-format';

export type NikCheck = components['schemas']['NikCheckResponse'];

/**
 * The NIK checked as typed by the api's own rules (POST /api/borrowers/nik-check, one way to check a NIK):
 * 400 ms after the last keystroke, the reason when it is wrong, what it says when it is right, and a link to
 * the borrower already registered with it. `serverError` (the registration's 400) wins over the live check.
 */
export function NikField({ value, onChange, serverError }: { value: string; onChange(v: string): void; serverError?: string }) {
  const { t } = useTranslation('officer');
  const f = useFormat();
  const [typed] = useDebouncedValue(value.replace(/\s/g, ''), 400);
  const check = useQuery({
    queryKey: ['nik-check', typed],
    queryFn: () => call(api.POST('/api/borrowers/nik-check', { body: { nik: typed } })),
    enabled: typed.length > 0,
    staleTime: 60_000,
  });
  const result = typed === value.replace(/\s/g, '') ? check.data : undefined;
  const reason = result && !result.valid ? result.reasons.map((r) => t(`nikReason.${r.code}`, { defaultValue: r.message })).join(' ') : undefined;

  return (
    <div>
      <TextInput
        label={t('register.nik')}
        name="nik"
        required
        inputMode="numeric"
        autoComplete="off"
        maxLength={20}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={serverError ?? reason}
        rightSection={check.isFetching ? <Loader size="xs" aria-label={t('register.nikChecking')} /> : null}
        data-testid="nik-input"
      />
      {result?.valid && (
        <Text size="sm" c="teal.9" mt={4} data-testid="nik-valid" aria-live="polite">
          {t('register.nikValid', { gender: t(`gender.${result.gender}`), birthDate: f.date(result.birthDate) })}
        </Text>
      )}
      {result?.registeredBorrowerId && (
        <Text size="sm" c="red.9" mt={4} data-testid="nik-registered">
          {t('register.nikRegistered')}{' '}
          <Anchor component={Link} to={`/officer/borrowers/${result.registeredBorrowerId}`}>
            {t('register.openRegistered')}
          </Anchor>
        </Text>
      )}
    </div>
  );
}
