import { Button, Checkbox, Fieldset, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useProblem } from '../../components/use-problem';
import { NikField } from './shared/NikField';
import { AddressFields } from './shared/AddressFields';
import { businessBody, BusinessFields, type Sector } from './shared/BusinessFields';
import { productsQuery } from './shared/queries';


/** The regency whose kecamatan the form offers: the first active product's region (Bangkalan by default). */
function useRegency(): string {
  const products = useQuery(productsQuery());
  const code = products.data?.items.flatMap((p) => (p.isActive ? p.eligibility.regionCodes : [])).find((c) => /^\d{2}\.\d{2}$/.test(c));
  return code ?? '35.26';
}

const EMPTY = {
  nik: '',
  kk: '',
  fullName: '',
  phone: '',
  street: '',
  villageName: '',
  districtCode: null as string | null,
  postalCode: '',
  businessName: '',
  nib: '',
  sector: null as Sector | null,
  startedOn: '',
  monthlyRevenue: '',
  monthlyExpenses: '',
};

/** Registers a borrower with their business in one request; the api's 400 names each field it refuses. */
export default function RegisterBorrowerPage() {
  const { t } = useTranslation('officer');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const regency = useRegency();
  const [form, setForm] = useState(EMPTY);
  const [consent, setConsent] = useState(false);
  const [consentError, setConsentError] = useState(false);
  const { problem, setProblem, fieldError } = useProblem();
  const set = <K extends keyof typeof EMPTY>(key: K) => (value: (typeof EMPTY)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const text = (key: keyof typeof EMPTY) => ({
    value: form[key] ?? '',
    onChange: (e: { currentTarget: { value: string } }) => set(key)(e.currentTarget.value as never),
  });

  const register = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/borrowers', {
          body: {
            nik: form.nik.replace(/\s/g, ''),
            kk: form.kk.trim() || undefined,
            fullName: form.fullName,
            phone: form.phone,
            address: { street: form.street, villageName: form.villageName.trim() || undefined, districtCode: form.districtCode ?? '', postalCode: form.postalCode },
            business: businessBody(form),
          },
        }),
      ),
    onSuccess: async (b) => {
      await queryClient.invalidateQueries({ queryKey: ['borrowers'] });
      navigate(`/officer/borrowers/${b.id}`, { state: { registered: true } });
    },
    onError: setProblem,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!consent) return setConsentError(true);
    setProblem(null);
    register.mutate();
  };

  return (
    <Stack gap="md" maw={820}>
      <Title order={1} size="h2">{t('register.title')}</Title>
      <Text c="dimmed" size="sm">{t('register.intro')}</Text>
      <form onSubmit={submit} noValidate data-testid="register-form">
        <Stack gap="md">
          <ProblemAlert problem={problem} listFields />
          <Fieldset legend={t('register.person')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NikField value={form.nik} onChange={set('nik')} serverError={fieldError('nik')} />
              <TextInput label={t('register.kk')} name="kk" inputMode="numeric" autoComplete="off" {...text('kk')} error={fieldError('kk')} />
              <TextInput label={t('register.fullName')} name="fullName" required autoComplete="name" {...text('fullName')} error={fieldError('fullName')} />
              <TextInput label={t('register.phone')} name="phone" required type="tel" autoComplete="tel" description={t('register.phoneHint')} {...text('phone')} error={fieldError('phone')} />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t('register.address')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <AddressFields value={form} onChange={(patch) => setForm((f) => ({ ...f, ...patch }))} regencyCode={regency} fieldError={fieldError} />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t('register.business')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <BusinessFields value={form} onChange={(patch) => setForm((f) => ({ ...f, ...patch }))} fieldError={fieldError} />
            </SimpleGrid>
          </Fieldset>
          <Checkbox
            label={t('register.consent')}
            name="consent"
            checked={consent}
            onChange={(e) => {
              setConsent(e.currentTarget.checked);
              setConsentError(false);
            }}
            error={consentError ? t('register.consentRequired') : undefined}
          />
          <Button type="submit" loading={register.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('register.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
