// class-validator's nested error tree flattened to one problem+json `errors[]` entry per bad field.
import { IsMoney } from '#money';
import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateNested, validateSync } from 'class-validator';
import { IsCalendarDate } from '../validation/is-calendar-date.decorator.js';
import { ValidationError } from './domain-error.js';
import { flattenValidationErrors, validationExceptionFactory } from './validation-errors.js';

class AddressDto {
  @IsString() @MaxLength(10)
  village: string;

  @IsOptional() @IsString()
  postalCode?: string;
}

class LineDto {
  @IsIn(['1100', '3100'])
  account: string;

  @IsMoney({ positive: true })
  amount: string;
}

class ApplicationDto {
  @IsMoney({ positive: true })
  amount: string;

  @IsCalendarDate()
  valueDate: string;

  // @ValidateNested alone lets a missing object through; @IsObject makes it required.
  @IsObject() @ValidateNested() @Type(() => AddressDto)
  address: AddressDto;

  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => LineDto)
  lines: LineDto[];
}

/** What the api's global ValidationPipe does: transform, then validate with whitelist + forbidNonWhitelisted. */
function validate(body: Record<string, unknown>) {
  const dto = plainToInstance(ApplicationDto, body);
  return validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
}

const valid = () => ({
  amount: '5000000',
  valueDate: '2026-03-02',
  address: { village: 'Socah', postalCode: '69161' },
  lines: [
    { account: '1100', amount: '100.50' },
    { account: '3100', amount: '100.50' },
  ],
});

describe('flattenValidationErrors', () => {
  it('has nothing to say about a valid body', () => {
    expect(flattenValidationErrors(validate(valid()))).toEqual([]);
  });

  it('names top-level fields with UPPER_SNAKE codes from the constraint names', () => {
    const violations = flattenValidationErrors(validate({ ...valid(), amount: 5000000, valueDate: '2026-02-29' }));
    expect(violations).toEqual([
      { field: 'amount', code: 'IS_MONEY', message: expect.stringMatching(/^amount must be a decimal string .*got a JSON number/) },
      { field: 'valueDate', code: 'IS_CALENDAR_DATE', message: 'valueDate must be a calendar date written YYYY-MM-DD' },
    ]);
  });

  it('gives dotted paths into nested objects and indexed paths into arrays', () => {
    const body = valid();
    body.address.village = 'A village with a long name';
    body.lines[1] = { account: '9999', amount: '-1' };
    const violations = flattenValidationErrors(validate(body));
    expect(violations.map(({ field, code }) => ({ field, code }))).toEqual([
      { field: 'address.village', code: 'MAX_LENGTH' },
      { field: 'lines[1].account', code: 'IS_IN' },
      { field: 'lines[1].amount', code: 'IS_MONEY' },
    ]);
    expect(violations.find((v) => v.field === 'lines[1].amount')?.message).toBe('amount must be greater than 0');
  });

  it('reports unknown fields at any depth as UNKNOWN_FIELD with their full path', () => {
    const body = { ...valid(), admin: true, address: { village: 'Socah', lat: '-7.0' }, lines: [{ account: '1100', amount: '1', memo: 'x' }] };
    const violations = flattenValidationErrors(validate(body));
    expect(violations).toEqual(
      expect.arrayContaining([
        { field: 'admin', code: 'UNKNOWN_FIELD', message: 'admin is not an accepted field' },
        { field: 'address.lat', code: 'UNKNOWN_FIELD', message: 'address.lat is not an accepted field' },
        { field: 'lines[0].memo', code: 'UNKNOWN_FIELD', message: 'lines[0].memo is not an accepted field' },
      ]),
    );
    expect(violations).toHaveLength(3);
  });

  it('gives one entry per bad field: the code of one broken rule, a message listing them all', () => {
    const violations = flattenValidationErrors(validate({ ...valid(), lines: 42 }));
    expect(violations).toHaveLength(1);
    const [only] = violations;
    expect(only.field).toBe('lines');
    expect(['IS_ARRAY', 'ARRAY_MIN_SIZE', 'NESTED_VALIDATION']).toContain(only.code);
    expect(only.message).toContain('lines must be an array');
    expect(only.message).toContain('lines must contain at least 1 elements');
  });

  it('reports a missing nested object under its own name', () => {
    const { address: _address, ...rest } = valid();
    const violations = flattenValidationErrors(validate(rest));
    expect(violations.map(({ field, code }) => ({ field, code }))).toEqual([{ field: 'address', code: 'IS_OBJECT' }]);
  });

  it('prefixes paths with a parent when one is given', () => {
    const violations = flattenValidationErrors(validate({ ...valid(), amount: 'x' }), 'body');
    expect(violations.map((v) => v.field)).toEqual(['body.amount']);
  });
});

describe('validationExceptionFactory', () => {
  it('builds a VALIDATION_FAILED domain error that lists each bad field once in its message', () => {
    const body = valid();
    body.lines[0].amount = '0';
    const err = validationExceptionFactory(validate({ ...body, amount: '1e6', extra: 1 }));
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.kind).toBe('VALIDATION');
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toMatch(/^Invalid fields: /);
    expect(err.message.replace('Invalid fields: ', '').split(', ').sort()).toEqual(['amount', 'extra', 'lines[0].amount']);
    expect(err.fieldErrors?.map((f) => `${f.field} ${f.code}`).sort()).toEqual(['amount IS_MONEY', 'extra UNKNOWN_FIELD', 'lines[0].amount IS_MONEY']);
  });

  it('uses the singular for one field', () => {
    expect(validationExceptionFactory(validate({ ...valid(), valueDate: 'today' })).message).toBe('Invalid field: valueDate');
  });

  it('names a field broken twice once, in the singular (ValidationError.fields, which services use too)', () => {
    const twice = [
      { field: 'phone', code: 'PHONE_FORMAT', message: 'a' },
      { field: 'phone', code: 'MAX_LENGTH', message: 'b' },
    ];
    expect(ValidationError.fields(twice).message).toBe('Invalid field: phone');
    expect(ValidationError.fields([...twice, { field: 'kk', code: 'KK_FORMAT', message: 'c' }]).message).toBe('Invalid fields: phone, kk');
    expect(ValidationError.fields(twice).fieldErrors).toEqual(twice);
  });
});
