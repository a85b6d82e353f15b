// What a correction of a borrower's details (BorrowersService.correct) changes: only the fields whose
// value differs from what is on file, so that sending the record as it stands changes nothing.
import type { Money } from '#money';
import type { Borrower } from './borrower.entity.js';
import type { BorrowerView } from './borrower-view.js';
import type { Sector } from './sectors.js';

export interface AddressInput {
  street: string;
  villageName?: string | null;
  districtCode: string;
  postalCode: string;
}

export interface BusinessInput {
  name: string;
  nib?: string | null;
  sector: Sector;
  startedOn: string;
  monthlyRevenue: Money;
  monthlyExpenses: Money;
}

export interface CorrectBorrowerInput {
  fullName?: string;
  phone?: string;
  kk?: string;
  /** The whole address: a move changes its parts together. */
  address?: AddressInput;
  /** The whole business; a borrower registered without one gets it. */
  business?: BusinessInput;
  /** Why (a new SIM card, a move, a typo on the form): kept in the audit row. */
  reason: string;
}

/** The address columns that differ from `before`, trimmed as registration stores them. */
export function addressChanges(before: BorrowerView, address: AddressInput): Partial<Borrower> {
  const next = {
    addressStreet: address.street.trim(),
    addressVillageName: address.villageName?.trim() || null,
    districtCode: address.districtCode,
    postalCode: address.postalCode,
  };
  const current = {
    addressStreet: before.address.street,
    addressVillageName: before.address.villageName,
    districtCode: before.address.districtCode,
    postalCode: before.address.postalCode,
  };
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => current[key as keyof typeof current] !== value));
}

/** Whether `business` says anything other than what is on file (amounts compared as amounts, not strings). */
export function businessDiffers(before: BorrowerView['business'], business: BusinessInput): boolean {
  if (!before) return true;
  return (
    before.name !== business.name.trim() ||
    before.nib !== (business.nib ?? null) ||
    before.sector !== business.sector ||
    before.startedOn !== business.startedOn ||
    !before.monthlyRevenue.eq(business.monthlyRevenue) ||
    !before.monthlyExpenses.eq(business.monthlyExpenses)
  );
}
