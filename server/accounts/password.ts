import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** How passwords are turned into stored hashes and checked against them. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

/** A password's length: long enough to resist guessing, short enough that hashing it costs little. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 1024;

/** scrypt parameters for real accounts: N=2^15, r=8, p=1 (~32 MB, tens of ms), stored with each hash. */
export const SCRYPT_COST = 2 ** 15;
const BLOCK_SIZE = 8;
const MAX_MEMORY = 64 * 1024 * 1024;
const KEY_LENGTH = 64;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * scrypt at cost `N`: stored as `scrypt$N$r$p$salt$hash` (base64), so a hash is checked
 * with the parameters it was made with whatever the cost is now. Tests use a low cost.
 */
export function scryptHasher(N = SCRYPT_COST): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await derive(password, salt, { N, r: BLOCK_SIZE, p: 1, maxmem: MAX_MEMORY });
      return ['scrypt', N, BLOCK_SIZE, 1, salt.toString('base64'), key.toString('base64')].join('$');
    },
    async verify(password, stored) {
      const [scheme, n, r, p, salt, hash] = stored.split('$');
      if (scheme !== 'scrypt' || !salt || !hash) return false;
      const expected = Buffer.from(hash, 'base64');
      const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p), maxmem: MAX_MEMORY });
      return key.length === expected.length && timingSafeEqual(key, expected);
    },
  };
}

/** A password people can type from the console once: 4 groups of 4 unambiguous characters. */
export function oneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
