/**
 * SECRET_KEY policy: production refuses a missing, short or placeholder key; development and test
 * without one generate a random key once and keep it in DATA_DIR so tokens survive restarts.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync, chmodSync } from 'node:fs';
import { join } from 'node:path';

export const MIN_SECRET_KEY_LENGTH = 32;

/** Placeholders from the deployment guide, `.env.example` files and tutorials. Lower-case. */
const PLACEHOLDERS = [
  'your_jwt_secret_key',
  'your_generated_32_char_secret_key',
  'your-secret-key',
  'your_secret_key',
  'changeme',
  'change-me',
  'change_me',
  'secret',
  'development-secret',
  'dev-secret',
];

/** True when the key is (or contains) a documented placeholder, or is one repeated character. */
export function isPlaceholderSecret(key: string): boolean {
  const lower = key.toLowerCase();
  if (PLACEHOLDERS.some((p) => lower === p || lower.includes(p))) return true;
  if (/^(.)\1*$/.test(key)) return true;
  return lower.includes('your_') || lower.includes('replace') || lower.includes('example');
}

/** Problems with a production SECRET_KEY, empty when acceptable. */
export function secretKeyProblems(key: string | undefined): string[] {
  if (key === undefined) return ['required in production (generate one with `openssl rand -hex 32`)'];
  const problems: string[] = [];
  if (key.length < MIN_SECRET_KEY_LENGTH) problems.push(`must be at least ${MIN_SECRET_KEY_LENGTH} characters`);
  if (isPlaceholderSecret(key)) problems.push('is a documented placeholder; generate one with `openssl rand -hex 32`');
  return problems;
}

/** File name of the generated development secret inside DATA_DIR. */
export const DEV_SECRET_FILE = 'dev-secret-key';

/**
 * Returns the development secret stored in `dataDir`, generating (64 hex chars) and saving it on
 * first use with mode 0600.
 */
export function loadOrCreateDevSecret(dataDir: string): string {
  const file = join(dataDir, DEV_SECRET_FILE);
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= MIN_SECRET_KEY_LENGTH) return stored;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}
