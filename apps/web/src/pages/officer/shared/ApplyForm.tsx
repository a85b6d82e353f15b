import { Alert, Button, Group, List, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client';
import { toProblem } from '../../../api/problem';
import { MoneyInput } from '../../../components/MoneyInput';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useProblem } from '../../../components/use-problem';
import { businessDateQuery } from '../../../layout/BusinessDate';
import { parseTenor, useSchedulePreview } from './preview';
import { ProductSelect } from './ProductSelect';
import { SchedulePreviewTable } from './SchedulePreviewTable';

interface Reason {
  code: string;
  message: string;
}

/** 422 APPLICATION_INELIGIBLE carries every broken rule in `reasons`, which the generic problem drops. */
class Ineligible extends Error {
  constructor(readonly reasons: Reason[]) {
    super('APPLICATION_INELIGIBLE');
  }
}

/**
 * Takes an application for one borrower: product, amount, tenor and purpose, with the schedule preview to
 * show the applicant first. A refusal lists every reason at once, each in words and with the api's detail.
 */
export function ApplyForm({ borrowerId }: { borrowerId: string }) {
  const { t } = useTranslation('officer');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const businessDate = useQuery(businessDateQuery);
  const [productId, setProductId] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [tenor, setTenor] = useState('12');
  const [purpose, setPurpose] = useState('');
  const [reasons, setReasons] = useState<Reason[]>([]);
  const { problem, setProblem, fieldError } = useProblem();
  const preview = useSchedulePreview(setProblem);

  const submit = useMutation({
    mutationFn: async () => {
      const { data, error, response } = await api.POST('/api/applications', {
        body: { borrowerId, productId: productId ?? '', amount, tenor: parseTenor(tenor) as number, purpose },
      });
      if (response.status === 422 && error && typeof error === 'object' && 'reasons' in error) throw new Ineligible((error as { reasons: Reason[] }).reasons);
      if (error !== undefined || !data) throw toProblem(error);
      return data;
    },
    onSuccess: async (a) => {
      await queryClient.invalidateQueries({ queryKey: ['applications'] });
      navigate(`/officer/applications/${a.id}`);
    },
    onError: (err) => (err instanceof Ineligible ? setReasons(err.reasons) : setProblem(err)),
  });

  const clear = () => {
    setProblem(null);
    setReasons([]);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    clear();
    submit.mutate();
  };
  const onPreview = () => {
    if (!productId || !businessDate.data) return;
    clear();
    preview.mutate({ productId, amount, tenor: parseTenor(tenor) as number, disbursementDate: businessDate.data.date });
  };

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">{t('apply.title')}</Title>
      <form onSubmit={onSubmit} noValidate data-testid="apply-form">
        <Stack gap="sm">
          <ProblemAlert problem={problem} listFields />
          {reasons.length > 0 && (
            <Alert color="red" title={t('apply.ineligibleTitle')} role="alert" data-testid="ineligible">
              <Text size="sm">{t('apply.ineligibleIntro')}</Text>
              <List size="sm" mt={4}>
                {reasons.map((r) => (
                  <List.Item key={r.code} data-code={r.code}>
                    <strong>{t(`eligibility.${r.code}`, { defaultValue: r.code })}</strong>: {r.message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <ProductSelect value={productId} onChange={setProductId} error={fieldError('productId')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MoneyInput label={t('common.amount')} name="amount" required value={amount} onChange={setAmount} error={fieldError('amount')} />
            <TextInput label={t('common.tenor')} name="tenor" required inputMode="numeric" value={tenor} onChange={(e) => setTenor(e.currentTarget.value)} error={fieldError('tenor')} />
          </SimpleGrid>
          <Textarea label={t('common.purpose')} name="purpose" required placeholder={t('apply.purposeHint')} autosize minRows={2} value={purpose} onChange={(e) => setPurpose(e.currentTarget.value)} error={fieldError('purpose')} />
          <Group gap="xs">
            <Button variant="default" onClick={onPreview} loading={preview.isPending} data-testid="preview-button">
              {t('apply.preview')}
            </Button>
            <Button type="submit" loading={submit.isPending}>
              {t('apply.submit')}
            </Button>
          </Group>
          {preview.data && <SchedulePreviewTable preview={preview.data} />}
        </Stack>
      </form>
    </Paper>
  );
}
