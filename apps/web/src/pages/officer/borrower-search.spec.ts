import { describe, expect, it } from '@jest/globals';
import { borrowerSearch } from './borrower-search';

describe('borrowerSearch', () => {
  it.each([
    ['3526095405780003', { nik: '3526095405780003' }],
    ['3526 0954 0578 0003', { nik: '3526095405780003' }],
    ['0812-3456-7890', { phone: '081234567890' }],
    ['+62 812 3456 7890', { phone: '+6281234567890' }],
    ['6281234567890', { phone: '6281234567890' }],
    ['(0857) 1234.5678', { phone: '085712345678' }],
    ['hj maimunah', { name: 'hj maimunah' }],
    ['  Syafi\'i  ', { name: "Syafi'i" }],
    // Not yet a whole number: searched as a name (nobody is called that, so the list is empty).
    ['0812-34', { name: '0812-34' }],
    // Not a mobile (a landline, 031 is Surabaya) and not 16 digits.
    ['031-3456789', { name: '031-3456789' }],
    ['35260954057800031', { name: '35260954057800031' }],
  ] as const)('%j -> %j', (typed, expected) => {
    expect(borrowerSearch(typed)).toEqual(expected);
  });

  it.each(['', ' ', 'a', '..', "-'"])('%j asks for nothing: the whole list', (typed) => {
    expect(borrowerSearch(typed)).toBeUndefined();
  });

  it('keeps a name to the 100 characters the api accepts', () => {
    expect(borrowerSearch('a'.repeat(150))).toEqual({ name: 'a'.repeat(100) });
  });
});
