// The checks of a borrower registration that need neither the database nor the clock: the NIK,
// what the request says against what the NIK says, and the formats of the other identifiers.
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
  if (facts.kk !== undefined && facts.kk !== null && !isKk(facts.kk)) add('kk', 'KK_FORMAT', 'kk must be exactly 16 digits');
  if (facts.fullName.trim() === '') add('fullName', 'FULL_NAME_EMPTY', 'fullName must not be blank');

  const phone = normalizePhone(facts.phone) ?? undefined;
  if (!phone) add('phone', 'PHONE_FORMAT', PHONE_FORMAT_MESSAGE);
  if (!isPostalCode(facts.postalCode)) add('address.postalCode', 'POSTAL_CODE_FORMAT', 'address.postalCode must be 5 digits, not starting with 0');
  if (facts.nib !== undefined && facts.nib !== null && !isNib(facts.nib)) add('business.nib', 'NIB_FORMAT', 'business.nib must be exactly 13 digits');

  if (facts.startedOn > today) add('business.startedOn', 'STARTED_ON_IN_FUTURE', `business.startedOn ${facts.startedOn} is after the business date ${today}`);
  else if (nik && facts.startedOn < nik.birthDate)
    add('business.startedOn', 'STARTED_ON_BEFORE_BIRTH', `business.startedOn ${facts.startedOn} is before the owner's birth date ${nik.birthDate}`);

  return { violations, nik, phone };
}
