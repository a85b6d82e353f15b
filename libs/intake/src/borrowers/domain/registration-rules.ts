// The checks of a borrower registration, and of a correction of its details, that need neither the
// database nor the clock: the NIK, what the request says against what the NIK says, and the formats of
// the other identifiers.
import type { FieldViolation } from '#platform/errors';
import { isKk, isNib, isPostalCode, normalizePhone, PHONE_FORMAT_MESSAGE } from './identifiers.js';
import { type NikGender, type ParsedNik, parseNik } from './nik.js';

export interface RegistrationFacts {
  nik: string;
  kk?: string | null;
  gender?: NikGender;
  birthDate?: string;
  fullName: string;
  phone: string;
  postalCode: string;
  nib?: string | null;
  startedOn: string;
}

export interface RegistrationCheck {
  violations: FieldViolation[];
  /** Set when the NIK is valid. */
  nik?: ParsedNik;
  /** E.164, set when the phone is a valid mobile number. */
  phone?: string;
}

/** Every broken rule, one violation per field (the first rule a field breaks), so one 400 names them all. */
export function checkRegistration(facts: RegistrationFacts, today: string): RegistrationCheck {
  const violations: FieldViolation[] = [];
  const add = (field: string, code: string, message: string) => violations.push({ field, code, message });

  const parsed = parseNik(facts.nik, today);
  const nik = parsed.ok ? parsed : undefined;
  if (!parsed.ok) add('nik', parsed.code, parsed.message);
  if (nik && facts.birthDate !== undefined && facts.birthDate !== nik.birthDate)
    add('birthDate', 'BIRTH_DATE_CONTRADICTS_NIK', `birthDate ${facts.birthDate} contradicts the NIK, which says ${nik.birthDate}`);
  if (nik && facts.gender !== undefined && facts.gender !== nik.gender)
    add('gender', 'GENDER_CONTRADICTS_NIK', `gender ${facts.gender} contradicts the NIK, which says ${nik.gender}`);
  const details = checkDetails(facts, today, nik?.birthDate);
  return { violations: [...violations, ...details.violations], nik, phone: details.phone };
}

/** The details a registration gives and a correction (PATCH /api/borrowers/:id) may change; absent ones are not checked. */
export interface DetailFacts {
  kk?: string | null;
  fullName?: string;
  phone?: string;
  postalCode?: string;
  nib?: string | null;
  startedOn?: string;
}

/**
 * The formats and dates of the details, one violation per field. `ownerBornOn` (from the NIK) bounds the
 * business's start; unknown when the NIK itself is invalid, and then not checked against.
 */
export function checkDetails(facts: DetailFacts, today: string, ownerBornOn: string | undefined): { violations: FieldViolation[]; phone?: string } {
  const violations: FieldViolation[] = [];
  const add = (field: string, code: string, message: string) => violations.push({ field, code, message });
  if (facts.kk !== undefined && facts.kk !== null && !isKk(facts.kk)) add('kk', 'KK_FORMAT', 'kk must be exactly 16 digits');
  if (facts.fullName !== undefined && facts.fullName.trim() === '') add('fullName', 'FULL_NAME_EMPTY', 'fullName must not be blank');

  const phone = facts.phone === undefined ? undefined : (normalizePhone(facts.phone) ?? undefined);
  if (facts.phone !== undefined && !phone) add('phone', 'PHONE_FORMAT', PHONE_FORMAT_MESSAGE);
  if (facts.postalCode !== undefined && !isPostalCode(facts.postalCode))
    add('address.postalCode', 'POSTAL_CODE_FORMAT', 'address.postalCode must be 5 digits, not starting with 0');
  if (facts.nib !== undefined && facts.nib !== null && !isNib(facts.nib)) add('business.nib', 'NIB_FORMAT', 'business.nib must be exactly 13 digits');

  if (facts.startedOn !== undefined) {
    if (facts.startedOn > today) add('business.startedOn', 'STARTED_ON_IN_FUTURE', `business.startedOn ${facts.startedOn} is after the business date ${today}`);
    else if (ownerBornOn && facts.startedOn < ownerBornOn)
      add('business.startedOn', 'STARTED_ON_BEFORE_BIRTH', `business.startedOn ${facts.startedOn} is before the owner's birth date ${ownerBornOn}`);
  }
  return { violations, phone };
}
