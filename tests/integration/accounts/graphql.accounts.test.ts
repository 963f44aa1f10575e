/**
 * Accounts over GraphQL with two app instances sharing one PostgreSQL database and one Redis:
 * every mutation and query of the accounts API, revocation across instances within 5 s, quotas
 * exact across instances (30 concurrent, limit 20 → 20 × 200, 10 × 429), saved charts computed by
 * the ephemeris, owners batched through DataLoader (counted queries).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type GatewayApp } from '../../../src/app.js';
import { accountsDeps, accountsFromConfig } from '../../../src/accounts/accounts.wiring.js';
import type { Accounts } from '../../../src/accounts/accounts.module.js';
import { loadConfig, type Config } from '../../../src/config/config.js';
import { computeChart } from '../../../src/ephemeris/index.js';
import { openDatabase, type Database } from '../../../src/persistence/database.js';
import { createPostgresTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from '../../helpers/db.js';

const PASSWORD = 'admin password 123';
let tdb: TestDatabase;
let dataDir: string;
let config: Config;
let prefix: string;
let redisA: Redis;
let redisB: Redis;
let dbB: Database;
let counted: Database;
let sqlLog: string[] = [];
let accountsA: Accounts;
let accountsB: Accounts;
let appA: GatewayApp;
let appB: GatewayApp;
let appCounted: GatewayApp;
let adminToken: string;

const ME = 'query { me { id email role status plan } }';
const CHART = 'query Chart($input: ChartInput!) { chart(input: $input) { moment { utc } positions { body longitude } } }';
const CHART_INPUT = { moment: { utc: '2024-01-01T12:00:00Z' }, bodies: ['SUN', 'MOON'] };

function gql(app: GatewayApp, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const r = request(app.app).post('/graphql').send({ query, variables });
  return token ? r.set('Authorization', `Bearer ${token}`) : r;
}

async function login(app: GatewayApp, email: string, password: string) {
  const res = await gql(app, 'mutation L($input: LoginInput!) { login(input: $input) { accessToken refreshToken expiresIn tokenType user { id email role } } }', { input: { email, password } });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.login as { accessToken: string; refreshToken: string; expiresIn: number; user: { id: string } };
}

beforeAll(async () => {
  tdb = await createPostgresTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), 'nocturna-gql-'));
  prefix = uniqueRedisPrefix('gql-accounts');
  config = loadConfig({
    NODE_ENV: 'test',
    SECRET_KEY: 'graphql-accounts-test-secret-0123456789abcdef',
    DATABASE_URL: tdb.url,
    DATA_DIR: dataDir,
    RATE_LIMIT_DEFAULT: '20',
    RATE_LIMIT_PREMIUM: '100000',
    ALLOW_USER_REGISTRATION: 'true',
    REGISTRATION_REQUIRES_APPROVAL: 'true',
    MAX_USERS_LIMIT: '50',
    ADMIN_EMAIL: 'admin@nocturna.service',
    ADMIN_PASSWORD: PASSWORD,
  });
  redisA = new Redis('redis://127.0.0.1:6379');
  redisB = new Redis('redis://127.0.0.1:6379');
  dbB = await tdb.openAnother();
  counted = await openDatabase({ databaseUrl: tdb.url, onQuery: (sql) => sqlLog.push(sql), poolSize: 2 });
  const over = { redisKeyPrefix: prefix, scrypt: { logN: 10, r: 8, p: 1 } };
  accountsA = accountsFromConfig(config, tdb.db, redisA, over);
  accountsB = accountsFromConfig(config, dbB, redisB, over);
  const accountsCounted = accountsFromConfig(config, counted, redisA, over);
  appA = await createApp(config, { ...accountsDeps(accountsA, tdb.db), redis: redisA, cacheKeyPrefix: prefix });
  appB = await createApp(config, { ...accountsDeps(accountsB, dbB), redis: redisB, cacheKeyPrefix: prefix });
  appCounted = await createApp(config, { ...accountsDeps(accountsCounted, counted), redis: redisA, cacheKeyPrefix: prefix });
  const admin = await accountsA.bootstrapAdmin(config.admin.email, config.admin.password);
  await accountsA.users.setPlan(admin!.id, 'PREMIUM', 'cli');
  adminToken = (await login(appA, config.admin.email, PASSWORD)).accessToken;
});

afterAll(async () => {
  await Promise.all([appA?.close(), appB?.close(), appCounted?.close()]);
  await counted?.close();
  await deleteRedisPrefix(redisA, prefix);
  redisA.disconnect();
  redisB.disconnect();
  await tdb.drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('login, me, refresh, logout', () => {
  it('login returns tokens; me answers with X-RateLimit headers from the plan', async () => {
    const res = await gql(appB, ME, {}, adminToken);
    expect(res.status).toBe(200);
    expect(res.body.data.me).toMatchObject({ email: 'admin@nocturna.service', role: 'ADMIN', status: 'ACTIVE', plan: 'PREMIUM' });
    expect(res.headers['x-ratelimit-limit']).toBe('100000');
    expect(Number(res.headers['x-ratelimit-remaining'])).toBeLessThan(100000);
    expect(Number(res.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);
  });

  it('wrong password → UNAUTHENTICATED 401', async () => {
    const res = await gql(appA, 'mutation { login(input: { email: "admin@nocturna.service", password: "not the password" }) { accessToken } }');
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refreshToken rotates; reusing the old one revokes the session', async () => {
    const first = await login(appA, config.admin.email, PASSWORD);
    const q = 'mutation R($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }';
    const second = await gql(appB, q, { t: first.refreshToken });
    expect(second.body.errors).toBeUndefined();
    const next = second.body.data.refreshToken.refreshToken;
    const reuse = await gql(appA, q, { t: first.refreshToken });
    expect(reuse.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const after = await gql(appA, q, { t: next });
    expect(after.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('logout revokes the access token on the other instance', async () => {
    const s = await login(appA, config.admin.email, PASSWORD);
    expect((await gql(appB, ME, {}, s.accessToken)).status).toBe(200);
    const out = await gql(appA, 'mutation O($t: String) { logout(refreshToken: $t) }', { t: s.refreshToken }, s.accessToken);
    expect(out.body.data.logout).toBe(true);
    const res = await gql(appB, ME, {}, s.accessToken);
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('registration and admin user management', () => {
  it('register → PENDING; cannot log in until approveUser; users lists; disableUser refuses its token', async () => {
    const reg = await gql(appA, 'mutation { register(input: { email: "New@Example.com", password: "new user password" }) { id email status role } }');
    expect(reg.body.errors).toBeUndefined();
    expect(reg.body.data.register).toMatchObject({ email: 'new@example.com', status: 'PENDING', role: 'USER' });
    const id = reg.body.data.register.id;
    const refused = await gql(appA, 'mutation { login(input: { email: "new@example.com", password: "new user password" }) { accessToken } }');
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');

    const listed = await gql(appA, 'query { users(status: PENDING) { items { id email } hasNextPage endCursor } }', {}, adminToken);
    expect(listed.body.data.users.items.map((u: { id: string }) => u.id)).toContain(id);

    const approved = await gql(appB, 'mutation A($id: ID!) { approveUser(id: $id) { status } }', { id }, adminToken);
    expect(approved.body.data.approveUser.status).toBe('ACTIVE');
    const user = await login(appA, 'new@example.com', 'new user password');
    expect((await gql(appB, ME, {}, user.accessToken)).body.data.me.email).toBe('new@example.com');

    // a plain user is not an admin
    const notAdmin = await gql(appA, 'query { users { items { id } } }', {}, user.accessToken);
    expect(notAdmin.status).toBe(403);
    expect(notAdmin.body.errors[0].extensions.code).toBe('FORBIDDEN');

    const disabled = await gql(appA, 'mutation D($id: ID!) { disableUser(id: $id) { status } }', { id }, adminToken);
    expect(disabled.body.data.disableUser.status).toBe('DISABLED');
    expect((await gql(appB, ME, {}, user.accessToken)).status).toBe(401);
  });

  it('registrationSettings shows the effective settings', async () => {
    const res = await gql(appA, 'query { registrationSettings { allowUserRegistration requiresApproval maxUsers currentUsers } }', {}, adminToken);
    expect(res.body.data.registrationSettings).toMatchObject({ allowUserRegistration: true, requiresApproval: true, maxUsers: 50 });
    expect(res.body.data.registrationSettings.currentUsers).toBe(await tdb.db.prisma.user.count({ where: { role: { not: 'SERVICE' } } }));
  });
});

describe('service tokens', () => {
  it('createServiceToken → works on the other instance; serviceTokens shows lastUsedAt; revokeServiceToken via A is refused by B within 5 s', async () => {
    const created = await gql(appA, 'mutation { createServiceToken(input: { name: "backend", days: 30 }) { token id expiresAt } }', {}, adminToken);
    expect(created.body.errors).toBeUndefined();
    const { token, id, expiresAt } = created.body.data.createServiceToken;
    expect(Math.round((Date.parse(expiresAt) - Date.now()) / 86_400_000)).toBe(30);

    const calc = await gql(appB, CHART, { input: CHART_INPUT }, token);
    expect(calc.status).toBe(200);
    const expected = computeChart({ moment: { utc: '2024-01-01T12:00:00Z' }, bodies: ['SUN', 'MOON'] });
    expect(calc.body.data.chart.positions[0].longitude).toBeCloseTo(expected.positions[0].longitude, 10);

    const listed = await gql(appA, 'query { serviceTokens { id name scopes expiresAt revokedAt lastUsedAt } }', {}, adminToken);
    const row = listed.body.data.serviceTokens.find((t: { id: string }) => t.id === id);
    expect(row).toMatchObject({ name: 'backend', scopes: ['calculations'], revokedAt: null });
    await expect.poll(async () => (await tdb.db.prisma.token.findUnique({ where: { id }, select: { lastUsedAt: true } }))!.lastUsedAt).not.toBeNull();

    const revoked = await gql(appA, 'mutation R($id: ID!) { revokeServiceToken(id: $id) }', { id }, adminToken);
    expect(revoked.body.data.revokeServiceToken).toBe(true);
    await expect
      .poll(async () => (await gql(appB, CHART, { input: CHART_INPUT }, token)).status, { timeout: 5000, interval: 100 })
      .toBe(401); // the poll fails when replica B still accepts the token after 5 s
  });
});

describe('saved charts', () => {
  const SAVE = 'mutation S($input: SaveChartInput!) { saveChart(input: $input) { id name utc timeZone utcOffsetMinutes location { latitude longitude } settings { houseSystem zodiac bodies } } }';

  it('save, read with the chart computed by the ephemeris, update, list, delete', async () => {
    const chart = { moment: { localDateTime: '1990-01-15T14:30:00', timeZone: 'Europe/Paris' }, location: { latitude: 48.8566, longitude: 2.3522 }, bodies: ['SUN', 'MOON'] };
    const saved = await gql(appA, SAVE, { input: { name: 'Paris', chart } }, adminToken);
    expect(saved.body.errors).toBeUndefined();
    const s = saved.body.data.saveChart;
    expect(s).toMatchObject({ name: 'Paris', utc: '1990-01-15T13:30:00.000Z', timeZone: 'Europe/Paris', utcOffsetMinutes: 60, settings: { houseSystem: 'PLACIDUS', zodiac: 'TROPICAL', bodies: ['SUN', 'MOON'] } });

    const read = await gql(appB, 'query G($id: ID!) { savedChart(id: $id) { name owner { email } chart { moment { utc } positions { body longitude } houses { ascendant } } } }', { id: s.id }, adminToken);
    expect(read.body.errors).toBeUndefined();
    const expected = computeChart({ moment: { utc: '1990-01-15T13:30:00Z' }, location: { latitude: 48.8566, longitude: 2.3522 }, bodies: ['SUN', 'MOON'] });
    expect(read.body.data.savedChart.owner.email).toBe('admin@nocturna.service');
    expect(read.body.data.savedChart.chart.positions[1].longitude).toBeCloseTo(expected.positions[1].longitude, 10);
    expect(read.body.data.savedChart.chart.houses.ascendant).toBeCloseTo(expected.houses!.ascendant, 10);

    const upd = await gql(appA, 'mutation U($id: ID!) { updateChart(id: $id, input: { name: "Paris 2" }) { name utc } }', { id: s.id }, adminToken);
    expect(upd.body.data.updateChart).toEqual({ name: 'Paris 2', utc: '1990-01-15T13:30:00.000Z' });

    const list = await gql(appA, 'query { savedCharts(first: 10) { items { id name } hasNextPage endCursor } }', {}, adminToken);
    expect(list.body.data.savedCharts.items.map((c: { id: string }) => c.id)).toContain(s.id);

    const del = await gql(appA, 'mutation D($id: ID!) { deleteChart(id: $id) }', { id: s.id }, adminToken);
    expect(del.body.data.deleteChart).toBe(true);
    const gone = await gql(appA, 'query G($id: ID!) { savedChart(id: $id) { id } }', { id: s.id }, adminToken);
    expect(gone.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('validation errors name the field', async () => {
    const res = await gql(appA, SAVE, { input: { name: 'bad', chart: { moment: { utc: '2000-01-01T00:00:00Z' }, location: { latitude: 95, longitude: 0 } } } }, adminToken);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.chart.location.latitude' });
  });

  it('owners load through one batched query for a whole page (DataLoader)', async () => {
    for (let i = 0; i < 6; i += 1) {
      await gql(appA, SAVE, { input: { name: `batch ${i}`, chart: { moment: { utc: '2000-01-01T00:00:00Z' } } } }, adminToken);
    }
    const q = 'query { savedCharts(first: 6) { items { name owner { id email } } } }';
    await gql(appCounted, q, {}, adminToken); // warms the shared account state
    sqlLog = [];
    const res = await gql(appCounted, q, {}, adminToken);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.savedCharts.items).toHaveLength(6);
    const userQueries = sqlLog.filter((sql) => /FROM\s+"public"\."users"/i.test(sql));
    const chartQueries = sqlLog.filter((sql) => /FROM\s+"public"\."saved_charts"/i.test(sql));
    expect(chartQueries).toHaveLength(1);
    expect(userQueries).toHaveLength(1);
  });
});

describe('quotas across instances', () => {
  it('30 concurrent requests over both instances with a quota of 20 → exactly 20 succeed, 10 get 429 RATE_LIMITED with Retry-After', async () => {
    const user = await accountsA.users.create({ email: 'quota@example.com', password: 'quota user password' });
    const { accessToken } = await login(appA, user.email, 'quota user password');
    const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => gql(i % 2 ? appA : appB, CHART, { input: CHART_INPUT }, accessToken)));
    const ok = responses.filter((r) => r.status === 200);
    const limited = responses.filter((r) => r.status === 429);
    expect(ok).toHaveLength(20);
    expect(limited).toHaveLength(10);
    for (const r of limited) {
      expect(r.body.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(3500);
      expect(r.headers['x-ratelimit-limit']).toBe('20');
      expect(r.headers['x-ratelimit-remaining']).toBe('0');
    }
    expect(ok.map((r) => Number(r.headers['x-ratelimit-remaining'])).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});

describe('quotas count cached answers', () => {
  it('the same cacheable query three times: answered from the response cache, still counted', async () => {
    const user = await accountsA.users.create({ email: 'cached@example.com', password: 'cached user password' });
    const { accessToken } = await login(appA, user.email, 'cached user password');
    const input = { moment: { utc: '2011-11-11T11:11:11Z' }, bodies: ['MARS'] };
    const hits = async () => Number(/nocturna_response_cache_hits_total (\d+)/.exec((await request(appA.app).get('/metrics')).text)?.[1] ?? 0);
    const before = await hits();
    const remaining: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await gql(appA, CHART, { input }, accessToken);
      expect(res.status).toBe(200);
      remaining.push(Number(res.headers['x-ratelimit-remaining']));
    }
    expect(await hits()).toBe(before + 2);
    expect(remaining).toEqual([19, 18, 17]);
  });
});

describe('API contract: fixed names of the account operations', () => {
  it('login, createServiceToken and revokeServiceToken have the fixed names and types', async () => {
    const { buildSchema } = await import('graphql');
    const { printGatewaySchema } = await import('../../../src/graphql/schema.js');
    const schema = buildSchema(printGatewaySchema());
    const m = schema.getMutationType()!.getFields();
    const sig = (name: string) => `${m[name].args.map((a) => `${a.name}: ${String(a.type)}`).join(', ')} → ${String(m[name].type)}`;
    expect(sig('login')).toBe('input: LoginInput! → AuthPayload!');
    expect(sig('createServiceToken')).toBe('input: ServiceTokenInput! → ServiceTokenPayload!');
    expect(sig('revokeServiceToken')).toBe('id: ID! → Boolean!');
    const fields = (t: string) => Object.keys((schema.getType(t) as import('graphql').GraphQLObjectType).getFields());
    expect(fields('AuthPayload')).toEqual(expect.arrayContaining(['accessToken', 'refreshToken', 'expiresIn']));
    expect(fields('ServiceTokenPayload').sort()).toEqual(['expiresAt', 'id', 'token']);
    expect(Object.keys((schema.getType('LoginInput') as import('graphql').GraphQLInputObjectType).getFields()).sort()).toEqual(['email', 'password']);
  });
});

describe('plans', () => {
  const SET_PLAN = 'mutation P($id: ID!, $plan: Plan!) { setUserPlan(id: $id, plan: $plan) { id plan } }';

  it("an admin's plan change on one instance sets the quota of the next request on the other, audit-logged", async () => {
    const user = await accountsA.users.create({ email: 'plan-change@example.com', password: PASSWORD, status: 'ACTIVE' });
    const token = (await login(appB, 'plan-change@example.com', PASSWORD)).accessToken;
    const before = await gql(appB, ME, {}, token);
    expect(before.body.data.me.plan).toBe('DEFAULT');
    expect(before.headers['x-ratelimit-limit']).toBe('20');
    const changed = await gql(appA, SET_PLAN, { id: user.id, plan: 'PREMIUM' }, adminToken);
    expect(changed.body.errors).toBeUndefined();
    expect(changed.body.data.setUserPlan).toEqual({ id: user.id, plan: 'PREMIUM' });
    const after = await gql(appB, ME, {}, token);
    expect(after.body.data.me.plan).toBe('PREMIUM');
    expect(after.headers['x-ratelimit-limit']).toBe('100000');
    const back = await gql(appB, SET_PLAN, { id: user.id, plan: 'DEFAULT' }, adminToken);
    expect(back.body.data.setUserPlan.plan).toBe('DEFAULT');
    expect((await gql(appA, ME, {}, token)).headers['x-ratelimit-limit']).toBe('20');
    const adminId = (await gql(appA, ME, {}, adminToken)).body.data.me.id as string;
    const events = await tdb.db.prisma.auditEvent.findMany({ where: { targetUserId: user.id }, orderBy: { at: 'asc' }, select: { actor: true, action: true, details: true } });
    expect(events).toEqual([
      { actor: adminId, action: 'user.plan', details: { from: 'DEFAULT', to: 'PREMIUM' } },
      { actor: adminId, action: 'user.plan', details: { from: 'PREMIUM', to: 'DEFAULT' } },
    ]);
  });

  it('is for admins only, and names an unknown user or plan', async () => {
    const user = await accountsA.users.create({ email: 'plan-self@example.com', password: PASSWORD, status: 'ACTIVE' });
    const token = (await login(appA, 'plan-self@example.com', PASSWORD)).accessToken;
    const self = await gql(appA, SET_PLAN, { id: user.id, plan: 'PREMIUM' }, token);
    expect(self.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const unknown = await gql(appA, SET_PLAN, { id: '00000000-0000-4000-8000-000000000000', plan: 'PREMIUM' }, adminToken);
    expect(unknown.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const badPlan = await gql(appA, SET_PLAN, { id: user.id, plan: 'GOLD' }, adminToken);
    expect(badPlan.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await tdb.db.prisma.auditEvent.count({ where: { targetUserId: user.id } })).toBe(0);
    expect((await tdb.db.prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { plan: true } })).plan).toBe('DEFAULT');
  });
});
