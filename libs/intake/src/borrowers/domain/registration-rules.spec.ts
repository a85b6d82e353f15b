import { checkDetails, checkRegistration, type RegistrationFacts } from './registration-rules.js';

const TODAY = '2026-11-22';
const facts = (over: Partial<RegistrationFacts> = {}): RegistrationFacts => ({
  nik: '3526095405780003',
  fullName: 'Hj. Maimunah',
  phone: '0819-3123-4501',
  postalCode: '69156',
  startedOn: '2009-04-01',
  ...over,
});
const fields = (over: Partial<RegistrationFacts>) => checkRegistration(facts(over), TODAY).violations.map((v) => [v.field, v.code]);

describe('checkRegistration', () => {
  it('accepts a consistent registration and hands back what the NIK says and the E.164 phone', () => {
    const r = checkRegistration(facts({ gender: 'F', birthDate: '1978-05-14', kk: '3526090101150007', nib: '9120203451678' }), TODAY);
    expect(r.violations).toEqual([]);
    expect(r.nik).toMatchObject({ birthDate: '1978-05-14', gender: 'F', districtCode: '35.26.09' });
    expect(r.phone).toBe('+6281931234501');
  });

  it('names the NIK with its own code, and then checks nothing against it', () => {
    expect(fields({ nik: '3526095405780000', gender: 'M', birthDate: '2000-01-01', startedOn: '1900-01-01' })).toEqual([['nik', 'NIK_SERIAL_ZERO']]);
  });

  it('refuses a birth date or gender the NIK contradicts', () => {
    expect(fields({ birthDate: '1978-05-15' })).toEqual([['birthDate', 'BIRTH_DATE_CONTRADICTS_NIK']]);
    expect(fields({ gender: 'M' })).toEqual([['gender', 'GENDER_CONTRADICTS_NIK']]);
  });

  it('checks the formats of KK, phone, postal code and NIB, and a blank name', () => {
    expect(fields({ kk: '1', phone: '021-555-0101', postalCode: '00000', nib: '12', fullName: '  ' })).toEqual([
      ['kk', 'KK_FORMAT'],
      ['fullName', 'FULL_NAME_EMPTY'],
      ['phone', 'PHONE_FORMAT'],
      ['address.postalCode', 'POSTAL_CODE_FORMAT'],
      ['business.nib', 'NIB_FORMAT'],
    ]);
  });

  it('wants the business started on or before the business date, and not before its owner was born', () => {
    expect(fields({ startedOn: TODAY })).toEqual([]);
    expect(fields({ startedOn: '2026-11-23' })).toEqual([['business.startedOn', 'STARTED_ON_IN_FUTURE']]);
    expect(fields({ startedOn: '1978-05-14' })).toEqual([]);
    expect(fields({ startedOn: '1978-05-13' })).toEqual([['business.startedOn', 'STARTED_ON_BEFORE_BIRTH']]);
  });
});

describe('checkDetails (a correction)', () => {
  it('checks only what is sent: an empty correction breaks nothing', () => {
    expect(checkDetails({}, TODAY, '1978-05-14')).toEqual({ violations: [], phone: undefined });
  });

  it('hands back the E.164 phone of a valid number, and names each bad field it was sent', () => {
    expect(checkDetails({ phone: '+62 819 3123 4501' }, TODAY, undefined).phone).toBe('+6281931234501');
    const bad = checkDetails({ kk: '35', fullName: ' ', phone: '0319-123', postalCode: '6915', nib: 'x', startedOn: '2027-01-01' }, TODAY, '1978-05-14');
    expect(bad.violations.map((v) => [v.field, v.code])).toEqual([
      ['kk', 'KK_FORMAT'],
      ['fullName', 'FULL_NAME_EMPTY'],
      ['phone', 'PHONE_FORMAT'],
      ['address.postalCode', 'POSTAL_CODE_FORMAT'],
      ['business.nib', 'NIB_FORMAT'],
      ['business.startedOn', 'STARTED_ON_IN_FUTURE'],
    ]);
    expect(bad.phone).toBeUndefined();
  });

  it('bounds the business start by the owner\'s birth date when it is known', () => {
    expect(checkDetails({ startedOn: '1978-05-13' }, TODAY, '1978-05-14').violations.map((v) => v.code)).toEqual(['STARTED_ON_BEFORE_BIRTH']);
    expect(checkDetails({ startedOn: '1978-05-13' }, TODAY, undefined).violations).toEqual([]);
  });

  it('lets a correction clear the NIB (null), and agrees with the registration on every shared field', () => {
    expect(checkDetails({ nib: null }, TODAY, undefined).violations).toEqual([]);
    const registration = checkRegistration(facts({ kk: '1', phone: '021-555-0101', postalCode: '00000', nib: '12', fullName: '  ' }), TODAY).violations;
    const correction = checkDetails({ kk: '1', phone: '021-555-0101', postalCode: '00000', nib: '12', fullName: '  ', startedOn: '2009-04-01' }, TODAY, '1978-05-14').violations;
    expect(correction).toEqual(registration);
  });
});
