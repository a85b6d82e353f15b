import { fieldsWithNul } from './nul-character.middleware.js';

describe('fieldsWithNul', () => {
  it('names every string value or key holding U+0000, nested ones by their path', () => {
    expect(fieldsWithNul({ username: 'a\u0000', password: 'ok', business: { name: '\u0000', tags: ['x', 'y\u0000'] }, ['k\u0000']: 1 })).toEqual([
      'business.name',
      'business.tags.1',
      'k\u0000',
      'username',
    ]);
  });

  it('finds nothing in clean input, scalars or null, and names a bare string body "body"', () => {
    expect(fieldsWithNul({ a: 'b', n: 1, z: null })).toEqual([]);
    expect(fieldsWithNul(undefined)).toEqual([]);
    expect(fieldsWithNul('\u0000')).toEqual(['body']);
  });
});
