/**
 * PostgreSQL down (a private TCP proxy to the test database, cut mid-test; the shared server is
 * never touched), once the cached account state has expired (its shared entries deleted here):
 * a service token verified before the outage keeps computing charts for the documented grace; a
 * token first seen during the outage is answered 503 SERVICE_UNAVAILABLE with Retry-After (GraphQL
 * and REST), not 500.
 */
import { createServer, Socket, type Server } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, type GatewayApp } from '../../../src/app.js';
import { accountsDeps, accountsFromConfig } from '../../../src/accounts/accounts.wiring.js';
import { loadConfig } from '../../../src/config/config.js';
import { openDatabase, type Database } from '../../../src/persistence/database.js';
import { createPostgresTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from '../../helpers/db.js';
import { freePort } from '../../helpers/redis-server.js';

const CHART = 'query Chart($input: ChartInput!) { chart(input: $input) { moment { utc } positions { body longitude } } }';
const CHART_INPUT = { moment: { utc: '2024-01-01T12:00:00Z' }, bodies: ['SUN', 'MOON'] };

/** A TCP proxy to PostgreSQL that can be cut (listener closed, every connection destroyed). */
class CuttableProxy {
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  constructor(readonly port: number, private readonly target: { host: string; port: number }) {}
  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', () => resolve()));
  }
  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}

let tdb: TestDatabase;
let proxy: CuttableProxy;
let db: Database;
let redis: Redis;
let prefix: string;
let app: GatewayApp;
let verifiedToken: string;
let unseenToken: string;

beforeAll(async () => {
  tdb = await createPostgresTestDatabase();
  const target = new URL(tdb.url);
  proxy = new CuttableProxy(await freePort(), { host: target.hostname, port: Number(target.port || 5432) });
  await proxy.start();
  const proxied = new URL(tdb.url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  const config = loadConfig({
    NODE_ENV: 'test',
    SECRET_KEY: 'database-outage-test-secret-0123456789abcdef',
    DATABASE_URL: proxied.toString(),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'nocturna-outage-')),
    LOG_LEVEL: 'silent',
  });
  db = await openDatabase({ databaseUrl: proxied.toString(), connectAttempts: 3, connectDelayMs: 200, poolSize: 2 });
  redis = new Redis('redis://127.0.0.1:6379');
  prefix = uniqueRedisPrefix('db-outage');
  const accounts = accountsFromConfig(config, db, redis, { redisKeyPrefix: prefix, scrypt: { logN: 10, r: 8, p: 1 } });
  app = await createApp(config, { ...accountsDeps(accounts, db), redis, cacheKeyPrefix: prefix });
  verifiedToken = (await accounts.tokens.createServiceToken({ name: 'verified' })).token;
  unseenToken = (await accounts.tokens.createServiceToken({ name: 'unseen' })).token;
});

afterAll(async () => {
  await app?.close();
  await proxy?.cut();
  await db?.close().catch(() => undefined);
  await deleteRedisPrefix(redis, prefix);
  redis.disconnect();
  await tdb.drop();
});

const chart = (token: string) => request(app.app).post('/graphql').set('Authorization', `Bearer ${token}`).send({ query: CHART, variables: { input: CHART_INPUT } });

describe('PostgreSQL down', () => {
  it('keeps verified service tokens computing, answers 503 + Retry-After for the rest', async () => {
    const before = await chart(verifiedToken);
    expect(before.status).toBe(200);

    await proxy.cut();
    // The account state cached in Redis has expired (60 s in production): delete it.
    const keys = await redis.keys(`${prefix}acct:*`);
    expect(keys.length).toBeGreaterThan(0);
    await redis.del(...keys);

    const during = await chart(verifiedToken);
    expect(during.status).toBe(200);
    expect(during.body.data.chart.positions).toHaveLength(2);

    const unseen = await chart(unseenToken);
    expect(unseen.status).toBe(503);
    expect(unseen.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(Number(unseen.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(unseen.body.errors[0].message).not.toMatch(/ECONN|prisma|postgres/i);

    const rest = await request(app.app).post('/api/v1/calculations').set('Authorization', `Bearer ${unseenToken}`)
      .send({ date: '2024-01-01T12:00:00Z', latitude: 40.7, longitude: -74 });
    expect(rest.status).toBe(503);
    expect(rest.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(Number(rest.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    // An account operation (login reads the users table) meets the outage too: SERVICE_UNAVAILABLE,
    // not a masked internal error.
    const login = await request(app.app).post('/graphql')
      .send({ query: 'mutation { login(input: { email: "someone@example.com", password: "a-password-of-length" }) { accessToken } }' });
    expect(login.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(login.body.errors[0].message).not.toMatch(/ECONN|prisma|postgres/i);

    // The grace is bounded: five minutes after its last verification the token is refused too.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 301_000);
      await redis.del(...(await redis.keys(`${prefix}acct:*`)), `${prefix}none`);
      const late = await chart(verifiedToken);
      expect(late.status).toBe(503);
      expect(late.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      vi.useRealTimers();
    }
  });
});
