/**
 * The embedded default: the same migrations and services on PGlite in a temporary directory
 * (memory shared store and quotas, no Redis).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAccounts, type Accounts } from '../../../src/accounts/accounts.module.js';
import { createJwtVerifier } from '../../../src/auth/jwt.verifier.js';
import { openDatabase } from '../../../src/persistence/database.js';
import { createPgliteTestDatabase, type TestDatabase } from '../../helpers/db.js';

const SECRET = 'pglite-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
let tdb: TestDatabase;
let accounts: Accounts;

beforeAll(async () => {
  tdb = await createPgliteTestDatabase();
  accounts = createAccounts({
    prisma: tdb.db.prisma,
    secret: SECRET,
    issuer: 'nocturna',
    audience: 'nocturna-api',
    accessTokenTtlSeconds: 900,
    refreshTokenTtlSeconds: 3600,
    registration: { allow: true, requiresApproval: false, maxUsers: 10 },
    rateLimit: { defaultPerHour: 2, premiumPerHour: 5 },
    scrypt: { logN: 10, r: 8, p: 1 },
  });
});
afterAll(() => tdb.drop());

it('migrations are idempotent on PGlite', async () => {
  expect(tdb.db.kind).toBe('pglite');
  expect(await tdb.db.migrate()).toEqual([]);
});

it('users, login, service tokens with revocation, quotas and saved charts work on PGlite', async () => {
  const verifier = createJwtVerifier({ secret: SECRET, issuer: 'nocturna', audience: 'nocturna-api', isRevoked: accounts.state.isRevoked });
  const user = await accounts.users.register({ email: 'lite@example.com', password: 'a long enough password' }, accounts.registration);
  const login = await accounts.tokens.login('lite@example.com', 'a long enough password', '127.0.0.1');
  expect((await verifier.verify(login.accessToken)).subject).toBe(user.id);
  const rotated = await accounts.tokens.refresh(login.refreshToken);
  expect(rotated.refreshToken).not.toBe(login.refreshToken);

  const service = await accounts.tokens.createServiceToken({ days: 1 });
  expect((await verifier.verify(service.token)).kind).toBe('service');
  await accounts.tokens.revokeServiceToken(service.id);
  await expect(verifier.verify(service.token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

  await accounts.quota.consume(user.id, 'DEFAULT');
  await accounts.quota.consume(user.id, 'DEFAULT');
  await expect(accounts.quota.consume(user.id, 'DEFAULT')).rejects.toMatchObject({ code: 'RATE_LIMITED' });

  const saved = await accounts.charts.save(user.id, { name: 'lite', chart: { moment: { utc: '2024-03-20T03:06:00Z' } } });
  expect((await accounts.charts.list(user.id)).items.map((c) => c.id)).toEqual([saved.id]);
});

it('data persists on disk across a reopen', async () => {
  await tdb.db.close();
  const reopened = await openDatabase({ dataDir: tdb.url });
  try {
    expect(await reopened.prisma.user.count({ where: { email: 'lite@example.com' } })).toBe(1);
    expect(await reopened.migrate()).toEqual([]);
  } finally {
    await reopened.close();
  }
  tdb = { ...tdb, db: { ...tdb.db, close: async () => undefined } };
});
