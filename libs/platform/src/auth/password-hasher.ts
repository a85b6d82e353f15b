// scrypt from node:crypto (memory-hard, no native add-on to build on a fresh machine).
import { randomBytes, scrypt as scryptCb, type ScryptOptions, timingSafeEqual } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))));

const PARAMS = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEYLEN = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  // A key that decodes short (or to nothing: timingSafeEqual of two empty buffers is true) is not ours.
  if (expected.length !== KEYLEN) return false;
  let key: Buffer;
  try {
    key = await scrypt(password, Buffer.from(salt, 'base64'), KEYLEN, {
      N: parseInt(n, 10),
      r: parseInt(r, 10),
      p: parseInt(p, 10),
      maxmem: PARAMS.maxmem,
    });
  } catch {
    return false; // unusable parameters in the stored value: a failed sign-in, not a 500
  }
  return timingSafeEqual(key, expected);
}

/** Hashed once, compared against when the username is unknown, so timing does not reveal which usernames exist. */
export const DUMMY_HASH_PROMISE = hashPassword('lumbung-timing-equaliser');
