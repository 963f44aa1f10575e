/**
 * Accounts service layer against the real PostgreSQL (fresh database) and Redis (unique prefix):
 * passwords, registration rules, login with attempt limiting, refresh rotation and reuse detection,
 * logout, service tokens and their revocation across two "replicas", quotas, saved charts, bootstrap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createAccounts, type Accounts, type AccountsOptions } from '../../../src/accounts/accounts.module.js';
import { hashPassword, verifyPassword } from '../../../src/accounts/password.js';
import { QuotaExceededError, createQuotaService } from '../../../src/quota/quota.service.js';
import { createPostgresTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from '../../helpers/db.js';
import { TEST_JWT, TEST_PASSWORD, testAccountsOptions, verifierFor } from '../../helpers/accounts.js';


let tdb: TestDatabase;
let redis: Redis;
let prefix: string;
let accounts: Accounts;
let replicaB: Accounts;

const options = (over: Partial<AccountsOptions> = {}) => testAccountsOptions({ prisma: tdb.db.prisma, redis, redisKeyPrefix: prefix }, over);

beforeAll(async () => {
  tdb = await createPostgresTestDatabase();
  redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  prefix = uniqueRedisPrefix('accounts-services');
  accounts = createAccounts(options());
  const other = await tdb.openAnother();
  replicaB = createAccounts({ ...options(), prisma: other.prisma });
});

afterAll(async () => {
  await deleteRedisPrefix(redis, prefix);
  redis.disconnect();
  await tdb.drop();
});

describe('migrations', () => {
  it('are idempotent: a second run applies nothing', async () => {
    expect(await tdb.db.migrate()).toEqual([]);
    const rows = await tdb.db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
    expect(Number(rows[0].n)).toBeGreaterThanOrEqual(1);
  });

  it('leave no advisory lock held, so the next migrate on this database does not wait for it', async () => {
    // The schema engine locks with pg_advisory_lock and never unlocks; only closing its connection
    // releases the lock. While it was held, a second migrate within the pool's 10 s idle timeout
    // waited ~9 s of its 10 s lock timeout.
    const locks = await tdb.db.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
      WHERE l.locktype = 'advisory' AND d.datname = current_database()`;
    expect(Number(locks[0].n)).toBe(0);
  });
});

describe('passwords', () => {
  it('hash with scrypt (default cost), verify, refuse short ones', async () => {
    const hash = await hashPassword(TEST_PASSWORD);
    expect(hash).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword(TEST_PASSWORD, hash)).toBe(true);
    expect(await verifyPassword(`${TEST_PASSWORD}!`, hash)).toBe(false);
    expect(await hashPassword(TEST_PASSWORD)).not.toBe(hash);
    await expect(hashPassword('short-pw-11')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('are never stored in clear and never selected', async () => {
    const user = await accounts.users.create({ email: 'Clear@Example.com', password: TEST_PASSWORD });
    expect(user.email).toBe('clear@example.com');
    expect(Object.keys(user)).not.toContain('passwordHash');
    const raw = await tdb.db.prisma.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
    expect(raw!.passwordHash.startsWith('scrypt$')).toBe(true);
    expect(raw!.passwordHash).not.toContain(TEST_PASSWORD);
  });
});

describe('registration', () => {
  it('is refused when disabled', async () => {
    await expect(
      accounts.users.register({ email: 'no@example.com', password: TEST_PASSWORD }, { allow: false, requiresApproval: false, maxUsers: 100 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('ALLOW_USER_REGISTRATION') });
    expect(await tdb.db.prisma.user.count({ where: { email: 'no@example.com' } })).toBe(0);
  });

  it('creates PENDING users when approval is required, ACTIVE otherwise', async () => {
    const pending = await accounts.users.register({ email: 'pending@example.com', password: TEST_PASSWORD }, { allow: true, requiresApproval: true, maxUsers: 100 });
    expect(pending.status).toBe('PENDING');
    expect(pending.role).toBe('USER');
    const active = await accounts.users.register({ email: 'active@example.com', password: TEST_PASSWORD }, { allow: true, requiresApproval: false, maxUsers: 100 });
    expect(active.status).toBe('ACTIVE');
  });

  it('is refused past MAX_USERS_LIMIT with a clear error', async () => {
    const count = await tdb.db.prisma.user.count({ where: { role: { not: 'SERVICE' } } });
    await expect(
      accounts.users.register({ email: 'over@example.com', password: TEST_PASSWORD }, { allow: true, requiresApproval: false, maxUsers: count }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining(`MAX_USERS_LIMIT=${count}`) });
  });

  it('refuses a duplicate email on the email field', async () => {
    await expect(accounts.users.create({ email: 'active@example.com', password: TEST_PASSWORD })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'email',
    });
  });
});

describe('login, refresh, logout', () => {
  it('refuses a malformed email on the email field, before any credential check', async () => {
    await expect(accounts.tokens.login('not-an-email', TEST_PASSWORD, '10.0.0.99')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'email',
    });
  });

  it('logs in an active user with a verifiable access token and a refresh token', async () => {
    const tokens = await accounts.tokens.login('active@example.com', TEST_PASSWORD, '10.0.0.1');
    expect(tokens.expiresIn).toBe(900);
    expect(tokens.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const principal = await verifierFor(accounts).verify(tokens.accessToken);
    expect(principal.subject).toBe(tokens.user.id);
    expect(principal.kind).toBe('access');
    expect(principal.role).toBe('user');
    const stored = await tdb.db.prisma.token.findMany({ where: { userId: tokens.user.id, kind: 'REFRESH' }, select: { id: true } });
    expect(stored).toHaveLength(1);
    expect(stored[0].id).not.toBe(tokens.refreshToken); // stored hashed
    expect(stored[0].id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a wrong password and a pending account', async () => {
    await expect(accounts.tokens.login('active@example.com', 'wrong password!!', '10.0.0.2')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(accounts.tokens.login('pending@example.com', TEST_PASSWORD, '10.0.0.2')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('limits failed attempts per (account, IP) and per IP; an attacker elsewhere only slows the owner down', async () => {
    const limited = createAccounts(options({ loginAttempts: { perAccountAndIp: 3, perIp: 5, slowDownAfter: 2, maxDelayMs: 100 } }));
    await limited.users.create({ email: 'victim@example.com', password: TEST_PASSWORD });
    // An attacker guessing from one address is stopped there, the right password included.
    for (let i = 0; i < 3; i += 1) {
      await expect(limited.tokens.login('victim@example.com', 'bad password ' + i, '10.1.0.1')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    const refused = await limited.tokens.login('victim@example.com', TEST_PASSWORD, '10.1.0.1').catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED' });
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    // More guesses from other addresses: the account slows down (250 ms doubling, capped) ...
    for (let i = 0; i < 4; i += 1) {
      await expect(limited.tokens.login('victim@example.com', 'bad password x', `10.1.1.${i}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    expect(await limited.loginLimiter.accountDelayMs('victim@example.com')).toBe(100);
    // ... but the owner, from their own address, still logs in; that clears the slow-down.
    await expect(limited.tokens.login('victim@example.com', TEST_PASSWORD, '10.9.9.9')).resolves.toMatchObject({ tokenType: 'Bearer' });
    expect(await limited.loginLimiter.accountDelayMs('victim@example.com')).toBe(0);
    // per IP: 5 failures over different accounts from one IP block that IP
    for (let i = 0; i < 5; i += 1) {
      await limited.tokens.login(`nobody${i}@example.com`, 'bad password xx', '10.2.0.1').catch(() => undefined);
    }
    await expect(limited.tokens.login('active@example.com', TEST_PASSWORD, '10.2.0.1')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(limited.tokens.login('active@example.com', TEST_PASSWORD, '10.2.0.2')).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('rotates refresh tokens and revokes the whole family when a rotated one is reused', async () => {
    const first = await accounts.tokens.login('active@example.com', TEST_PASSWORD, '10.0.0.3');
    const second = await accounts.tokens.refresh(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const third = await accounts.tokens.refresh(second.refreshToken);
    // reuse of the first (rotated) token
    await expect(accounts.tokens.refresh(first.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('reuse') });
    // the latest token of the family is now revoked too
    await expect(accounts.tokens.refresh(third.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const family = await tdb.db.prisma.token.findMany({ where: { userId: first.user.id, kind: 'REFRESH', revokedAt: null, rotatedAt: null }, select: { id: true, familyId: true } });
    const familyIds = new Set(family.map((f) => f.familyId));
    const firstFamily = await tdb.db.prisma.token.findFirst({ where: { id: { not: '' }, userId: first.user.id, kind: 'REFRESH', rotatedAt: { not: null } }, select: { familyId: true } });
    expect(familyIds.has(firstFamily!.familyId)).toBe(false);
  });

  it('only one of two concurrent refreshes with the same token wins', async () => {
    const t = await accounts.tokens.login('active@example.com', TEST_PASSWORD, '10.0.0.4');
    const results = await Promise.allSettled([accounts.tokens.refresh(t.refreshToken), accounts.tokens.refresh(t.refreshToken)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('logout revokes the access token on the other replica and the refresh family', async () => {
    const t = await accounts.tokens.login('active@example.com', TEST_PASSWORD, '10.0.0.5');
    const principal = await verifierFor(accounts).verify(t.accessToken);
    await verifierFor(replicaB).verify(t.accessToken);
    await accounts.tokens.logout(principal, t.refreshToken);
    await expect(verifierFor(replicaB).verify(t.accessToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(accounts.tokens.refresh(t.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('service tokens', () => {
  it('are HS256 JWTs with iss, aud, sub, jti, scope, exp for service@nocturna.internal (30 days default)', async () => {
    const issued = await accounts.tokens.createServiceToken({ name: 'backend' });
    const [header, payload] = issued.token.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    expect(header).toMatchObject({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toMatchObject({ iss: TEST_JWT.issuer, aud: TEST_JWT.audience, jti: issued.id, scope: 'calculations', typ: 'service' });
    const days = (payload.exp - Date.now() / 1000) / 86_400;
    expect(days).toBeGreaterThan(29.99);
    expect(days).toBeLessThanOrEqual(30);
    const owner = await tdb.db.prisma.user.findUnique({ where: { id: payload.sub }, select: { email: true, role: true } });
    expect(owner).toEqual({ email: 'service@nocturna.internal', role: 'SERVICE' });
    const principal = await verifierFor(accounts).verify(issued.token);
    expect(principal).toMatchObject({ kind: 'service', scopes: ['calculations'], tokenId: issued.id });
  });

  it('validate days and scopes', async () => {
    await expect(accounts.tokens.createServiceToken({ days: 0 })).rejects.toMatchObject({ field: 'days' });
    await expect(accounts.tokens.createServiceToken({ days: 99999 })).rejects.toMatchObject({ field: 'days' });
    await expect(accounts.tokens.createServiceToken({ scopes: ['admin'] })).rejects.toMatchObject({ field: 'scopes' });
  });

  it('record lastUsedAt and list with expiry', async () => {
    const issued = await accounts.tokens.createServiceToken({ days: 7, name: 'used' });
    await verifierFor(accounts).verify(issued.token);
    await expect.poll(async () => (await tdb.db.prisma.token.findUnique({ where: { id: issued.id }, select: { lastUsedAt: true } }))!.lastUsedAt).not.toBeNull();
    const listed = await accounts.tokens.listServiceTokens();
    const row = listed.find((t) => t.id === issued.id)!;
    expect(row.name).toBe('used');
    expect(row.lastUsedAt).toBeInstanceOf(Date);
    expect(Math.round((row.expiresAt.getTime() - Date.now()) / 86_400_000)).toBe(7);
  });

  it('revoked through one replica is refused by the other within 5 s', async () => {
    const issued = await accounts.tokens.createServiceToken({ name: 'to-revoke' });
    // both replicas have verified (and cached "active") before the revocation
    await verifierFor(accounts).verify(issued.token);
    await verifierFor(replicaB).verify(issued.token);
    expect(await accounts.tokens.revokeServiceToken(issued.id)).toBe(true);
    await expect.poll(() => verifierFor(replicaB).verify(issued.token).then(() => 'accepted', (e: { code?: string }) => e.code), { timeout: 5000, interval: 100 }).toBe('UNAUTHENTICATED'); // fails after 5 s
    expect(await accounts.tokens.revokeServiceToken(issued.id)).toBe(false);
    await expect(accounts.tokens.revokeServiceToken('no-such-token')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a validly signed service token that was never issued is refused', async () => {
    const { signToken } = await import('../../../src/auth/jwt.signer.js');
    const service = await accounts.users.ensureServiceUser();
    const forged = signToken({ subject: service.id, kind: 'service', scopes: ['calculations'] }, { ...TEST_JWT, ttlSeconds: 600 });
    await expect(verifierFor(accounts).verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('disabling a user refuses its tokens at once on the other replica', async () => {
    const user = await accounts.users.create({ email: 'tobedisabled@example.com', password: TEST_PASSWORD });
    const t = await accounts.tokens.login(user.email, TEST_PASSWORD, '10.0.0.6');
    await verifierFor(replicaB).verify(t.accessToken);
    await accounts.users.disable(user.id);
    await expect(verifierFor(replicaB).verify(t.accessToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(accounts.tokens.refresh(t.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('quotas', () => {
  it('count exactly across two replicas sharing Redis: 30 concurrent with a limit of 20 → 20 pass, 10 refused', async () => {
    const qp = uniqueRedisPrefix('quota');
    const a = createQuotaService({ defaultPerHour: 20, premiumPerHour: 40, redis, keyPrefix: qp });
    const b = createQuotaService({ defaultPerHour: 20, premiumPerHour: 40, redis, keyPrefix: qp });
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).consume('user-1', 'DEFAULT')));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(20);
    expect(refused).toHaveLength(10);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(QuotaExceededError);
      expect(r.reason.retryAfterSeconds).toBeGreaterThan(3500);
      expect(r.reason.state).toMatchObject({ limit: 20, remaining: 0 });
    }
    const remaining = ok.map((r) => (r as PromiseFulfilledResult<{ remaining: number }>).value.remaining).sort((x, y) => x - y);
    expect(remaining).toEqual(Array.from({ length: 20 }, (_, i) => i));
    // premium plan has its own, higher limit
    const p = await a.consume('user-2', 'PREMIUM');
    expect(p).toMatchObject({ limit: 40, remaining: 39 });
    expect(p.resetEpochSeconds - Date.now() / 1000).toBeGreaterThan(3590);
    await deleteRedisPrefix(redis, qp);
  });

  it('memory mode counts too', async () => {
    const q = createQuotaService({ defaultPerHour: 2, premiumPerHour: 3 });
    await q.consume('k', 'DEFAULT');
    await q.consume('k', 'DEFAULT');
    await expect(q.consume('k', 'DEFAULT')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});

describe('saved charts', () => {
  const chart = {
    moment: { localDateTime: '1990-01-15T14:30:00', timeZone: 'Europe/Paris' },
    location: { latitude: 48.8566, longitude: 2.3522 },
    houseSystem: 'KOCH' as const,
  };

  it('save stores the input as given plus the resolved instant, zone, location and settings', async () => {
    const owner = await accounts.users.create({ email: 'charts@example.com', password: TEST_PASSWORD });
    const saved = await accounts.charts.save(owner.id, { name: '  Paris  ', chart });
    expect(saved.name).toBe('Paris');
    expect(saved.utc.toISOString()).toBe('1990-01-15T13:30:00.000Z');
    expect(saved.timeZone).toBe('Europe/Paris');
    expect(saved.utcOffsetMinutes).toBe(60);
    expect(saved.latitude).toBeCloseTo(48.8566, 6);
    expect(saved.input).toEqual(chart);
    expect(saved.settings).toMatchObject({ houseSystem: 'KOCH', zodiac: 'TROPICAL', center: 'GEOCENTRIC' });
  });

  it('are scoped to their owner: another user gets NOT_FOUND and nothing changes', async () => {
    const owner = await accounts.users.findByEmail('charts@example.com');
    const intruder = await accounts.users.create({ email: 'intruder@example.com', password: TEST_PASSWORD });
    const saved = await accounts.charts.save(owner!.id, { name: 'mine', chart });
    await expect(accounts.charts.get(intruder.id, saved.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(accounts.charts.update(intruder.id, saved.id, { name: 'stolen' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(accounts.charts.delete(intruder.id, saved.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await accounts.charts.list(intruder.id)).items).toHaveLength(0);
    expect((await accounts.charts.get(owner!.id, saved.id)).name).toBe('mine');
  });

  it('update, delete and validation with field paths', async () => {
    const owner = await accounts.users.findByEmail('charts@example.com');
    const saved = await accounts.charts.save(owner!.id, { name: 'x', chart });
    const updated = await accounts.charts.update(owner!.id, saved.id, { name: 'y', chart: { moment: { utc: '2000-01-01T12:00:00Z' } } });
    expect(updated.name).toBe('y');
    expect(updated.utc.toISOString()).toBe('2000-01-01T12:00:00.000Z');
    expect(updated.latitude).toBeNull();
    await expect(accounts.charts.save(owner!.id, { name: 'bad', chart: { ...chart, location: { latitude: 91, longitude: 0 } } })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'chart.location.latitude',
    });
    await expect(accounts.charts.save(owner!.id, { name: '', chart })).rejects.toMatchObject({ field: 'name' });
    expect(await accounts.charts.delete(owner!.id, saved.id)).toBe(true);
    await expect(accounts.charts.get(owner!.id, saved.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('paginate newest first with an opaque cursor, without gaps or repeats', async () => {
    const owner = await accounts.users.create({ email: 'pager@example.com', password: TEST_PASSWORD });
    for (let i = 0; i < 7; i += 1) await accounts.charts.save(owner.id, { name: `c${i}`, chart });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await accounts.charts.list(owner.id, { first: 3, after });
      seen.push(...page.items.map((c) => c.name));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(seen).toEqual(['c6', 'c5', 'c4', 'c3', 'c2', 'c1', 'c0']);
    await expect(accounts.charts.list(owner.id, { first: 101 })).rejects.toMatchObject({ field: 'first' });
    await expect(accounts.charts.list(owner.id, { after: 'garbage' })).rejects.toMatchObject({ field: 'after' });
  });
});

describe('admin bootstrap', () => {
  it('creates the admin once, only when none exists', async () => {
    const admin = await accounts.bootstrapAdmin('root@example.com', TEST_PASSWORD);
    expect(admin).toMatchObject({ email: 'root@example.com', role: 'ADMIN', status: 'ACTIVE' });
    expect(await accounts.bootstrapAdmin('other@example.com', TEST_PASSWORD)).toBeNull();
    expect(await tdb.db.prisma.user.count({ where: { role: 'ADMIN' } })).toBe(1);
    await expect(accounts.users.disable(admin!.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
