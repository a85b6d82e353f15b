import { Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { districtsQuery } from './queries';

export interface AddressValue {
  street: string;
  villageName: string;
  districtCode: string | null;
  postalCode: string;
}

/**
 * A borrower's address as registration and a correction take it: street, village, one of the regency's
 * kecamatan, postal code. Each field shows the api's error for `address.<field>`. Laid out by the caller's grid.
 */
export function AddressFields({
  value,
  onChange,
  regencyCode,
  fieldError,
}: {
  value: AddressValue;
  onChange: (patch: Partial<AddressValue>) => void;
  regencyCode: string;
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useTranslation('officer');
  const districts = useQuery(districtsQuery(regencyCode));
  return (
    <>
      <TextInput label={t('register.street')} name="street" required autoComplete="street-address" value={value.street} onChange={(e) => onChange({ street: e.currentTarget.value })} error={fieldError('address.street')} />
      <TextInput label={t('register.village')} name="villageName" value={value.villageName} onChange={(e) => onChange({ villageName: e.currentTarget.value })} error={fieldError('address.villageName')} />
      <Select
        label={t('register.district')}
        name="districtCode"
        required
        searchable
        data={(districts.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
        value={value.districtCode}
        onChange={(districtCode) => onChange({ districtCode })}
        error={fieldError('address.districtCode')}
        data-testid="district-select"
      />
      <TextInput
        label={t('register.postalCode')}
        name="postalCode"
        required
        inputMode="numeric"
        autoComplete="postal-code"
        maxLength={5}
        value={value.postalCode}
        onChange={(e) => onChange({ postalCode: e.currentTarget.value })}
        error={fieldError('address.postalCode')}
      />
    </>
  );
}
