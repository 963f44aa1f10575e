/**
 * Logout survives the loss of Redis: a private redis-server (never the shared one) in front of the
 * real PostgreSQL; after logout the access token is refused on both "replicas" when Redis is flushed
 * and when it is killed, while a token that was not logged out keeps working (the database answers
 * instead). Expired revocation rows are cleaned up by later logouts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createAccounts, type Accounts } from '../../../src/accounts/accounts.module.js';
import { TEST_PASSWORD, testAccountsOptions, verifierFor } from '../../helpers/accounts.js';
import { createRedisClient } from '../../../src/cache/redis.client.js';
import { createPostgresTestDatabase, type TestDatabase } from '../../helpers/db.js';
import { PrivateRedis, freePort } from '../../helpers/redis-server.js';


let tdb: TestDatabase;
let server: PrivateRedis;
let redisA: Redis;
let redisB: Redis;
let replicaA: Accounts;
let replicaB: Accounts;

const options = (redis: Redis) =>
  testAccountsOptions({ prisma: tdb.db.prisma, redis, redisKeyPrefix: 'durable-logout:' }, { registration: { allow: true, requiresApproval: false, maxUsers: 100 } });
const login = () => replicaA.tokens.login('durable@example.com', TEST_PASSWORD, '10.1.2.3');

beforeAll(async () => {
  tdb = await createPostgresTestDatabase();
  server = new PrivateRedis(await freePort());
  await server.start();
  redisA = createRedisClient(server.url);
  redisB = createRedisClient(server.url);
  replicaA = createAccounts(options(redisA));
  const other = await tdb.openAnother();
  replicaB = createAccounts({ ...options(redisB), prisma: other.prisma });
  await replicaA.users.create({ email: 'durable@example.com', password: TEST_PASSWORD });
});

afterAll(async () => {
  redisA?.disconnect();
  redisB?.disconnect();
  await server?.kill();
  await tdb?.drop();
});

describe('logout that survives Redis loss', () => {
  it('records the revocation in PostgreSQL until the token expires', async () => {
    const t = await login();
    const principal = await verifierFor(replicaA).verify(t.accessToken);
    await replicaA.tokens.logout(principal);
    const row = await tdb.db.prisma.revokedAccessToken.findUnique({ where: { jti: principal.tokenId } });
    expect(row?.userId).toBe(principal.subject);
    expect(row?.expiresAt.getTime()).toBe(principal.expiresAt * 1000);
  });

  it('a logged-out token stays refused after FLUSHALL, on both replicas; another token still works', async () => {
    const kept = await login();
    const gone = await login();
    const principal = await verifierFor(replicaA).verify(gone.accessToken);
    await verifierFor(replicaB).verify(kept.accessToken);
    await replicaA.tokens.logout(principal);
    await expect(verifierFor(replicaB).verify(gone.accessToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await redisA.flushall()).toBe('OK');
    expect(await redisA.dbsize()).toBe(0);
    await expect(verifierFor(replicaA).verify(gone.accessToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(verifierFor(replicaB).verify(gone.accessToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    // The database's answer is cached again: the shared entry is back.
    expect(await redisA.get(`durable-logout:acct:tok:${principal.tokenId}`)).toBe('revoked');
    expect((await verifierFor(replicaB).verify(kept.accessToken)).subject).toBe(principal.subject);
  });

  it('a token logged out while Redis is down is refused, and stays refused after Redis returns empty', async () => {
    const kept = await login();
    const gone = await login();
    const principal = await verifierFor(replicaA).verify(gone.accessToken);
    await server.kill();
    await replicaA.tokens.logout(principal);
    await expect(verifierFor(replicaA).verify(gone.accessToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(verifierFor(replicaB).verify(gone.accessToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await verifierFor(replicaB).verify(kept.accessToken)).subject).toBe(principal.subject);
    await server.start(); // a fresh, empty Redis (no persistence)
    await expect.poll(() => redisB.status, { timeout: 10_000, interval: 100 }).toBe('ready');
    await expect(verifierFor(replicaB).verify(gone.accessToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await verifierFor(replicaA).verify(kept.accessToken)).subject).toBe(principal.subject);
  });

  it('deletes revocation rows whose token has expired at the next logout', async () => {
    const user = await tdb.db.prisma.user.findUniqueOrThrow({ where: { email: 'durable@example.com' }, select: { id: true } });
    await tdb.db.prisma.revokedAccessToken.create({ data: { jti: 'expired-one', userId: user.id, expiresAt: new Date(Date.now() - 1000) } });
    const t = await login();
    await replicaA.tokens.logout(await verifierFor(replicaA).verify(t.accessToken));
    expect(await tdb.db.prisma.revokedAccessToken.findUnique({ where: { jti: 'expired-one' } })).toBeNull();
    expect(await tdb.db.prisma.revokedAccessToken.count()).toBeGreaterThanOrEqual(3);
  });
});
