import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../api/schema';
import { MoneyInput } from '../../../components/MoneyInput';

export type Sector = components['schemas']['BusinessRequest']['sector'];
const SECTORS: Sector[] = ['CULINARY', 'CRAFT_BATIK', 'CRAFT_WEAVING', 'CRAFT_WOODCARVING', 'CRAFT_PLAITING', 'FASHION', 'TRADE', 'AGRICULTURE', 'FISHERY', 'SERVICES', 'OTHER'];

export interface BusinessValue {
  businessName: string;
  nib: string;
  sector: Sector | null;
  startedOn: string;
  /** Decimal strings for the api ("6000000"), as MoneyInput hands them over. */
  monthlyRevenue: string;
  monthlyExpenses: string;
}

/** The borrower's business as registration and a correction take it; each field shows the api's error for `business.<field>`. */
export function BusinessFields({
  value,
  onChange,
  fieldError,
}: {
  value: BusinessValue;
  onChange: (patch: Partial<BusinessValue>) => void;
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useTranslation('officer');
  return (
    <>
      <TextInput label={t('register.businessName')} name="businessName" required value={value.businessName} onChange={(e) => onChange({ businessName: e.currentTarget.value })} error={fieldError('business.name')} />
      <TextInput label={t('register.nib')} name="nib" inputMode="numeric" maxLength={13} value={value.nib} onChange={(e) => onChange({ nib: e.currentTarget.value })} error={fieldError('business.nib')} />
      <Select
        label={t('register.sector')}
        name="sector"
        required
        data={SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))}
        value={value.sector}
        onChange={(sector) => onChange({ sector: sector as Sector | null })}
        error={fieldError('business.sector')}
        data-testid="sector-select"
      />
      <TextInput label={t('register.startedOn')} name="startedOn" required type="date" value={value.startedOn} onChange={(e) => onChange({ startedOn: e.currentTarget.value })} error={fieldError('business.startedOn')} />
      <MoneyInput label={t('register.revenue')} name="monthlyRevenue" required value={value.monthlyRevenue} onChange={(monthlyRevenue) => onChange({ monthlyRevenue })} error={fieldError('business.monthlyRevenue')} />
      <MoneyInput label={t('register.expenses')} name="monthlyExpenses" required value={value.monthlyExpenses} onChange={(monthlyExpenses) => onChange({ monthlyExpenses })} error={fieldError('business.monthlyExpenses')} />
    </>
  );
}

/** The body's business part from the form: an empty NIB is none. */
export const businessBody = (v: BusinessValue): components['schemas']['BusinessRequest'] => ({
  name: v.businessName,
  nib: v.nib.trim() || undefined,
  sector: (v.sector ?? '') as Sector,
  startedOn: v.startedOn,
  monthlyRevenue: v.monthlyRevenue,
  monthlyExpenses: v.monthlyExpenses,
});
