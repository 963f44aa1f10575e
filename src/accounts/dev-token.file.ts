/**
 * Development convenience: on the embedded default (PGlite, NODE_ENV=development) the server keeps a
 * service token for service@nocturna.internal in DATA_DIR/dev-service-token (mode 0600), so a
 * developer who ran `make start` can call the API at once: `TOKEN=$(cat data/dev-service-token)`.
 * Embedded PGlite is single-process, so `nocturna token create` cannot run beside the server.
 * Never in production, never with PostgreSQL (use setup-production or `nocturna token create`).
 */
import { readFile, writeFile, chmod } from 'node:fs/promises';
import path from 'node:path';
import type { Accounts } from './accounts.module.js';

export const DEV_TOKEN_FILE = 'dev-service-token';
/** A kept token is reused while it has at least this long to live. */
const MIN_REMAINING_SECONDS = 24 * 3600;
const DEV_TOKEN_DAYS = 30;

/** Seconds until the `exp` of a JWT we issued ourselves (no verification: only to decide on reuse). */
function secondsToExpiry(token: string, nowSeconds: number): number {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp - nowSeconds : -1;
  } catch {
    return -1;
  }
}

/**
 * Makes sure DATA_DIR/dev-service-token holds a service token with ≥ 1 day left, issuing a 30-day
 * one when the file is missing, unreadable or near expiry. Returns the file path and whether a new
 * token was issued. The token is never logged. A revoked token is not detected here: delete the
 * file and restart to get a new one.
 */
export async function ensureDevServiceToken(
  accounts: Accounts,
  dataDir: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<{ file: string; issued: boolean }> {
  const file = path.join(dataDir, DEV_TOKEN_FILE);
  const kept = await readFile(file, 'utf8').then((s) => s.trim(), () => '');
  if (kept && secondsToExpiry(kept, nowSeconds) >= MIN_REMAINING_SECONDS) return { file, issued: false };
  const issued = await accounts.tokens.createServiceToken({ days: DEV_TOKEN_DAYS, name: 'development (make start)' });
  await writeFile(file, `${issued.token}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return { file, issued: true };
}
