import { Button, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../components/MoneyInput';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useProblem } from '../../components/use-problem';
import { businessDateQuery } from '../../layout/BusinessDate';
import { parseTenor, useSchedulePreview } from './shared/preview';
import { ProductSelect } from './shared/ProductSelect';
import { SchedulePreviewTable } from './shared/SchedulePreviewTable';

/** A repayment schedule to show an applicant before anything is taken: product, amount, tenor, date. */
export default function SimulationPage() {
  const { t } = useTranslation('officer');
  const businessDate = useQuery(businessDateQuery);
  const [productId, setProductId] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [tenor, setTenor] = useState('12');
  const [date, setDate] = useState('');
  const { problem, setProblem, fieldError } = useProblem();
  const preview = useSchedulePreview(setProblem);

  useEffect(() => {
    if (!date && businessDate.data) setDate(businessDate.data.date);
  }, [businessDate.data, date]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!productId) return;
    setProblem(null);
    preview.mutate({ productId, amount, tenor: parseTenor(tenor) as number, disbursementDate: date });
  };

  return (
    <Stack gap="md" maw={720}>
      <Title order={1} size="h2">{t('simulation.title')}</Title>
      <Text c="dimmed" size="sm">{t('simulation.intro')}</Text>
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate data-testid="simulation-form">
          <Stack gap="sm">
            <ProblemAlert problem={problem} />
            <ProductSelect value={productId} onChange={setProductId} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <MoneyInput label={t('common.amount')} name="amount" required value={amount} onChange={setAmount} error={fieldError('amount')} />
              <TextInput label={t('common.tenor')} name="tenor" required inputMode="numeric" value={tenor} onChange={(e) => setTenor(e.currentTarget.value)} error={fieldError('tenor')} />
              <TextInput label={t('simulation.disbursementDate')} name="disbursementDate" type="date" required value={date} onChange={(e) => setDate(e.currentTarget.value)} error={fieldError('disbursementDate')} />
            </SimpleGrid>
            <Button type="submit" loading={preview.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('simulation.calculate')}
            </Button>
          </Stack>
        </form>
      </Paper>
      {preview.data && <SchedulePreviewTable preview={preview.data} />}
    </Stack>
  );
}
