import { Select, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../format/use-format';
import { type Product, productsQuery } from './queries';

/** The active products; picks the first when only one is on offer (the usual case), and shows its ranges. */
export function ProductSelect({ value, onChange, error }: { value: string | null; onChange(id: string | null): void; error?: string }) {
  const { t } = useTranslation('officer');
  const f = useFormat();
  const q = useQuery(productsQuery());
  const active = (q.data?.items ?? []).filter((p) => p.isActive);
  useEffect(() => {
    if (!value && active.length > 0) onChange(active[0].id);
  }, [value, active.length]);
  const chosen: Product | undefined = active.find((p) => p.id === value);
  return (
    <div>
      <Select
        label={t('common.product')}
        name="productId"
        required
        allowDeselect={false}
        data={active.map((p) => ({ value: p.id, label: p.name }))}
        value={value}
        onChange={onChange}
        error={error}
        data-testid="product-select"
      />
      {chosen && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('simulation.range', { min: f.money(chosen.minAmount), max: f.money(chosen.maxAmount), minTenor: chosen.minTenor, maxTenor: chosen.maxTenor })}
        </Text>
      )}
    </div>
  );
}

export function useProduct(id: string | null): Product | undefined {
  const q = useQuery(productsQuery());
  return q.data?.items.find((p) => p.id === id);
}
