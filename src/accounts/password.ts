/**
 * Password hashing with scrypt (node:crypto), a memory-hard KDF (RFC 7914). Hashes are encoded as
 * `scrypt$<log2 N>$<r>$<p>$<salt base64url>$<key base64url>` so parameters can be raised later
 * without breaking stored hashes. Verification is constant-time.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ValidationError } from '../errors.js';

export const PASSWORD_MIN_LENGTH = 12;
/** Upper bound to keep hashing bounded (scrypt cost is independent of length, but inputs are bounded everywhere). */
export const PASSWORD_MAX_LENGTH = 256;

export interface ScryptParams {
  /** log2 of the CPU/memory cost N. Default 15 (N = 32768, 32 MiB with r = 8). */
  logN: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { logN: 15, r: 8, p: 1 };
const KEY_LENGTH_BYTES = 32;
const SALT_LENGTH_BYTES = 16;

function scrypt(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.logN;
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r };
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFKC'), salt, KEY_LENGTH_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * Checks the password policy: 12 to 256 characters.
 * @throws ValidationError on `field`.
 */
export function assertPasswordPolicy(password: string, field = 'password'): void {
  if (typeof password !== 'string' || password.length < PASSWORD_MIN_LENGTH) {
    throw new ValidationError(field, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw new ValidationError(field, `Password must be at most ${PASSWORD_MAX_LENGTH} characters`);
  }
}

/** Hashes `password` (policy enforced) with a fresh 16-byte salt. */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  assertPasswordPolicy(password);
  const salt = randomBytes(SALT_LENGTH_BYTES);
  const key = await scrypt(password, salt, params);
  return ['scrypt', params.logN, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `password` matches `encoded`. Malformed hashes verify as false (never throw). */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  if (typeof password !== 'string' || password.length > PASSWORD_MAX_LENGTH) return false;
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [logN, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![logN, r, p].every(Number.isInteger) || logN < 10 || logN > 20 || r < 1 || r > 32 || p < 1 || p > 16) return false;
  const salt = Buffer.from(parts[4], 'base64url');
  const expected = Buffer.from(parts[5], 'base64url');
  if (expected.length !== KEY_LENGTH_BYTES) return false;
  const actual = await scrypt(password, salt, { logN, r, p });
  return timingSafeEqual(actual, expected);
}

let dummyHash: Promise<string> | undefined;
/**
 * Spends the time of one verification against a throw-away hash, so an unknown email takes as long
 * as a wrong password (no account enumeration by timing).
 */
export async function burnVerificationTime(password: string): Promise<void> {
  dummyHash ??= hashPassword('x'.repeat(PASSWORD_MIN_LENGTH));
  await verifyPassword(password, await dummyHash);
}
