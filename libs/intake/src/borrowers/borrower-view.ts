import type { Money } from '#money';
import type { Borrower, Gender } from './borrower.entity.js';
import type { Business } from './business.entity.js';
import { SECTORS, type Sector } from './sectors.js';

export interface BusinessView {
  id: string;
  name: string;
  nib: string | null;
  sector: Sector;
  /** The Indonesian label the UI shows. */
  sectorLabel: string;
  startedOn: string;
  monthlyRevenue: Money;
  monthlyExpenses: Money;
}

/** What an answer about a borrower may show: the masked NIK, never the NIK, the KK, their ciphertexts or hashes. */
export interface BorrowerView {
  id: string;
  nikMasked: string;
  /** Whether a KK number is on file (its value only through the audited reveal). */
  kkOnFile: boolean;
  fullName: string;
  gender: Gender;
  birthDate: string;
  phone: string;
  address: {
    street: string;
    villageName: string | null;
    districtCode: string;
    districtName: string | null;
    regencyCode: string;
    postalCode: string;
  };
  business: BusinessView | null;
  consent: { version: string; givenAt: string };
  createdBy: string | null;
  createdAt: string;
}

export const toBusinessView = (b: Business): BusinessView => ({
  id: b.id,
  name: b.name,
  nib: b.nib,
  sector: b.sector,
  sectorLabel: SECTORS[b.sector].id,
  startedOn: b.startedOn,
  monthlyRevenue: b.monthlyRevenue,
  monthlyExpenses: b.monthlyExpenses,
});

/** `phone` is the opened phoneEncrypted (openBorrowerPhone): the view never sees the cipher. */
export const toBorrowerView = (b: Borrower, districtName: string | null, phone: string): BorrowerView => ({
  id: b.id,
  nikMasked: b.nikMasked,
  kkOnFile: b.kkEncrypted !== null,
  fullName: b.fullName,
  gender: b.gender,
  birthDate: b.birthDate,
  phone,
  address: {
    street: b.addressStreet,
    villageName: b.addressVillageName,
    districtCode: b.districtCode,
    districtName,
    regencyCode: b.districtCode.split('.').slice(0, 2).join('.'),
    postalCode: b.postalCode,
  },
  business: b.business ? toBusinessView(b.business) : null,
  consent: { version: b.consentVersion, givenAt: b.consentGivenAt.toISOString() },
  createdBy: b.createdBy,
  createdAt: b.createdAt.toISOString(),
});
