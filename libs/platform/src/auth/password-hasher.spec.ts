// Password storage: salted scrypt, compared in constant time; a stored value that is not one of ours
// never lets anyone in and never crashes a login.
import { hashPassword, verifyPassword } from './password-hasher.js';

describe('password hasher', () => {
  it('verifies the password it hashed and refuses another one', async () => {
    const stored = await hashPassword('correct horse battery staple');
    await expect(verifyPassword('correct horse battery staple', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapl', stored)).resolves.toBe(false);
    await expect(verifyPassword('Correct horse battery staple', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('handles non-ASCII passwords', async () => {
    const stored = await hashPassword('kata-sandi-rahasia-ñ-☕');
    await expect(verifyPassword('kata-sandi-rahasia-ñ-☕', stored)).resolves.toBe(true);
    await expect(verifyPassword('kata-sandi-rahasia-n-☕', stored)).resolves.toBe(false);
  });

  it('writes scrypt$N$r$p$salt$hash with a 16-byte salt and a 32-byte key', async () => {
    const [scheme, n, r, p, salt, hash, extra] = (await hashPassword('pw')).split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '16384', '8', '1']);
    expect(Buffer.from(salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(hash, 'base64')).toHaveLength(32);
    expect(extra).toBeUndefined();
  });

  it('salts: two hashes of one password differ, and both verify', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    await expect(verifyPassword('same password', a)).resolves.toBe(true);
    await expect(verifyPassword('same password', b)).resolves.toBe(true);
  });

  it('refuses a hash whose key was altered', async () => {
    const stored = await hashPassword('pw');
    const parts = stored.split('$');
    const key = Buffer.from(parts[5], 'base64');
    key[31] ^= 0x80;
    parts[5] = key.toString('base64');
    await expect(verifyPassword('pw', parts.join('$'))).resolves.toBe(false);
  });

  describe('a malformed stored hash answers false (never true, never a thrown error)', () => {
    let good: string[];
    beforeAll(async () => {
      good = (await hashPassword('pw')).split('$');
    });
    const withPart = (i: number, value: string) => good.map((p, j) => (j === i ? value : p)).join('$');

    it.each([
      ['an empty string', () => ''],
      ['a bcrypt hash', () => '$2b$10$abcdefghijklmnopqrstuuJ0bV3z1i8f8yJmJqQ1Q8w6f2mV8Qe2'],
      ['the plain password', () => 'pw'],
      ['another scheme name', () => withPart(0, 'argon2id')],
      ['no salt', () => withPart(4, '')],
      ['no key', () => withPart(5, '')],
      ['too few parts', () => good.slice(0, 4).join('$')],
    ])('%s', async (_label, stored) => {
      await expect(verifyPassword('pw', stored())).resolves.toBe(false);
    });

    it.each([
      ['a non-numeric N', 0, 'abc'],
      ['an N that is not a power of two', 0, '1000'],
      ['an N too large for the memory limit', 0, '1073741824'],
      ['a non-numeric r', 1, 'x'],
      ['a non-numeric p', 2, ''],
    ])('%s', async (_label, offset, value) => {
      await expect(verifyPassword('pw', withPart(1 + offset, value))).resolves.toBe(false);
    });

    it('a key that decodes to zero bytes (an empty comparison must not count as a match)', async () => {
      for (const key of ['!!!', '====', '*']) {
        await expect(verifyPassword('pw', withPart(5, key))).resolves.toBe(false);
        await expect(verifyPassword('anything else', withPart(5, key))).resolves.toBe(false);
      }
    });

    it('a truncated key', async () => {
      const short = Buffer.from(good[5], 'base64').subarray(0, 8).toString('base64');
      await expect(verifyPassword('pw', withPart(5, short))).resolves.toBe(false);
    });
  });
});
