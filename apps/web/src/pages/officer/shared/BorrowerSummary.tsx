import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Money } from '../../../components/Money';
import { useFormat } from '../../../format/use-format';
import type { Borrower } from './queries';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{children}</Text>
    </div>
  );
}

/** The borrower and their business as the officer and the approver read them (NIK masked). */
export function BorrowerSummary({ borrower: b, title, headingOrder = 2 }: { borrower: Borrower; title?: string; headingOrder?: 2 | 3 }) {
  const { t } = useTranslation('officer');
  const f = useFormat();
  const address = [b.address.street, b.address.villageName, b.address.districtName, b.address.postalCode].filter(Boolean).join(', ');
  return (
    <Paper withBorder p="md" data-testid="borrower-summary">
      <Title order={headingOrder} size="h4" mb="sm">{title ?? b.fullName}</Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
        <Field label={t('borrower.nik')}>{b.nikMasked}</Field>
        <Field label={t('borrower.born')}>{`${f.date(b.birthDate)} · ${t(`gender.${b.gender}`)}`}</Field>
        <Field label={t('borrower.phone')}>{b.phone}</Field>
        <Field label={t('borrower.address')}>{address}</Field>
      </SimpleGrid>
      {b.business ? (
        <>
          <Title order={(headingOrder + 1) as 3 | 4} size="h5" mt="md" mb="xs">{b.business.name}</Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            <Field label={t('borrower.sector')}>{t(`sector.${b.business.sector}`)}</Field>
            <Field label={t('borrower.since')}>{f.date(b.business.startedOn)}</Field>
            <Field label={t('borrower.revenue')}><Money value={b.business.monthlyRevenue} /></Field>
            <Field label={t('borrower.expenses')}><Money value={b.business.monthlyExpenses} /></Field>
            <Field label={t('borrower.nib')}>{b.business.nib ?? t('common.none')}</Field>
          </SimpleGrid>
        </>
      ) : (
        <Text size="sm" c="dimmed" mt="sm">{t('borrower.noBusiness')}</Text>
      )}
    </Paper>
  );
}
