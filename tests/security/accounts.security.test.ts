/**
 * Security suite for accounts: forged and misused tokens (alg=none, algorithm confusion, wrong
 * audience or issuer, expired, revoked, tampered), a service token calling admin mutations,
 * another user's saved chart, oversized and malformed inputs. Each is refused with the right code
 * and HTTP status, and a digest of every accounts table proves nothing changed in the database.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type GatewayApp } from '../../src/app.js';
import { accountsDeps, accountsFromConfig } from '../../src/accounts/accounts.wiring.js';
import type { Accounts } from '../../src/accounts/accounts.module.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { createPostgresTestDatabase, deleteRedisPrefix, uniqueRedisPrefix, type TestDatabase } from '../helpers/db.js';

const SECRET = 'security-suite-secret-0123456789-abcdefghij';
const PASSWORD = 'security suite password';
let tdb: TestDatabase;
let dir: string;
let redis: Redis;
let prefix: string;
let config: Config;
let accounts: Accounts;
let app: GatewayApp;
let adminToken: string;
let userToken: string;
let userId: string;
let serviceToken: string;
let revokedServiceToken: string;
let adminChartId: string;

const CHART = 'query C($input: ChartInput!) { chart(input: $input) { positions { body } } }';
const INPUT = { moment: { utc: '2024-01-01T12:00:00Z' }, bodies: ['SUN' as const] };

function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const r = request(app.app).post('/graphql').send({ query, variables });
  return token ? r.set('Authorization', `Bearer ${token}`) : r;
}

/** Digest of every row of the accounts tables (lastUsedAt excluded: reading a token may bump it). */
async function dbDigest(): Promise<string> {
  const rows = await tdb.db.prisma.$queryRaw<{ d: string }[]>`
    SELECT concat_ws('|',
      (SELECT md5(coalesce(string_agg(concat_ws(',', id, email, username, password_hash, role, status, plan, updated_at), ';' ORDER BY id), '')) FROM users),
      (SELECT md5(coalesce(string_agg(concat_ws(',', id, user_id, kind, scopes::text, name, family_id, rotated_at, expires_at, revoked_at), ';' ORDER BY id), '')) FROM tokens),
      (SELECT md5(coalesce(string_agg(concat_ws(',', id, owner_id, name, input::text, utc, updated_at), ';' ORDER BY id), '')) FROM saved_charts)
    ) AS d`;
  return rows[0].d;
}

/** Asserts the request is refused with `code` and `status`, and that the database did not change. */
async function refusedUnchanged(send: () => PromiseLike<request.Response>, code: string, status: number) {
  const before = await dbDigest();
  const res = await send();
  expect(res.status).toBe(status);
  expect(res.body.errors?.[0]?.extensions?.code).toBe(code);
  expect(res.body.data ?? null).toBeNull();
  expect(await dbDigest()).toBe(before);
  return res;
}

const claims = (over: Record<string, unknown> = {}) => ({
  sub: userId,
  typ: 'access',
  role: 'admin',
  jti: 'forged-jti',
  iss: config.jwt.issuer,
  aud: config.jwt.audience,
  exp: Math.floor(Date.now() / 1000) + 600,
  ...over,
});

beforeAll(async () => {
  tdb = await createPostgresTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'nocturna-sec-'));
  prefix = uniqueRedisPrefix('security');
  redis = new Redis('redis://127.0.0.1:6379');
  config = loadConfig({ NODE_ENV: 'test', SECRET_KEY: SECRET, DATABASE_URL: tdb.url, DATA_DIR: dir, ALLOW_USER_REGISTRATION: 'false', BODY_LIMIT_BYTES: '20000' });
  accounts = accountsFromConfig(config, tdb.db, redis, { redisKeyPrefix: prefix, scrypt: { logN: 10, r: 8, p: 1 } });
  app = await createApp(config, { ...accountsDeps(accounts, tdb.db), redis, cacheKeyPrefix: prefix });
  await accounts.users.create({ email: 'admin@example.com', password: PASSWORD, role: 'ADMIN' });
  const user = await accounts.users.create({ email: 'user@example.com', password: PASSWORD });
  userId = user.id;
  adminToken = (await accounts.tokens.login('admin@example.com', PASSWORD, '127.0.0.1')).accessToken;
  userToken = (await accounts.tokens.login('user@example.com', PASSWORD, '127.0.0.1')).accessToken;
  serviceToken = (await accounts.tokens.createServiceToken({ name: 'sec' })).token;
  const revoked = await accounts.tokens.createServiceToken({ name: 'revoked' });
  await accounts.tokens.revokeServiceToken(revoked.id);
  revokedServiceToken = revoked.token;
  adminChartId = (await accounts.charts.save((await accounts.users.findByEmail('admin@example.com'))!.id, { name: 'admin chart', chart: INPUT })).id;
});

afterAll(async () => {
  await app.close();
  await deleteRedisPrefix(redis, prefix);
  redis.disconnect();
  await tdb.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('forged and misused tokens → 401 UNAUTHENTICATED, nothing changed', () => {
  const adminMutation = 'mutation { createServiceToken(input: { name: "pwned" }) { token } }';

  it('the genuine tokens work (control)', async () => {
    expect((await gql(CHART, { input: INPUT }, serviceToken)).status).toBe(200);
    expect((await gql('query { me { role } }', {}, adminToken)).body.data.me.role).toBe('ADMIN');
  });

  it('alg=none', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(JSON.stringify(claims())).toString('base64url');
    await refusedUnchanged(() => gql(adminMutation, {}, `${header}.${body}.`), 'UNAUTHENTICATED', 401);
  });

  it('algorithm confusion: HS512 with the right secret, RS256 with an attacker key', async () => {
    await refusedUnchanged(() => gql(adminMutation, {}, jwt.sign(claims(), SECRET, { algorithm: 'HS512' })), 'UNAUTHENTICATED', 401);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await refusedUnchanged(() => gql(adminMutation, {}, jwt.sign(claims(), privateKey, { algorithm: 'RS256' })), 'UNAUTHENTICATED', 401);
  });

  it('a role claim tampered into a genuine user token (signature no longer matches)', async () => {
    const [h, , s] = userToken.split('.');
    const payload = JSON.parse(Buffer.from(userToken.split('.')[1], 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, role: 'admin' })).toString('base64url')}.${s}`;
    await refusedUnchanged(() => gql(adminMutation, {}, tampered), 'UNAUTHENTICATED', 401);
  });

  it('a role claim "admin" signed with the real secret does not make a USER an admin (the account is checked) → 403', async () => {
    // Only someone holding SECRET_KEY could do this; even then the database role decides.
    const { signToken } = await import('../../src/auth/jwt.signer.js');
    const forged = signToken({ subject: userId, kind: 'access', role: 'admin' }, { secret: SECRET, issuer: config.jwt.issuer, audience: config.jwt.audience, ttlSeconds: 600 });
    await refusedUnchanged(() => gql(adminMutation, {}, forged), 'FORBIDDEN', 403);
  });

  it('wrong audience, wrong issuer', async () => {
    await refusedUnchanged(() => gql(adminMutation, {}, jwt.sign(claims({ aud: 'someone-else' }), SECRET, { algorithm: 'HS256' })), 'UNAUTHENTICATED', 401);
    await refusedUnchanged(() => gql(adminMutation, {}, jwt.sign(claims({ iss: 'evil' }), SECRET, { algorithm: 'HS256' })), 'UNAUTHENTICATED', 401);
  });

  it('expired', async () => {
    const expired = jwt.sign(claims({ exp: Math.floor(Date.now() / 1000) - 120 }), SECRET, { algorithm: 'HS256' });
    await refusedUnchanged(() => gql(CHART, { input: INPUT }, expired), 'UNAUTHENTICATED', 401);
  });

  it('revoked service token', async () => {
    await refusedUnchanged(() => gql(CHART, { input: INPUT }, revokedServiceToken), 'UNAUTHENTICATED', 401);
  });

  it('malformed Authorization header and garbage refresh token', async () => {
    await refusedUnchanged(() => request(app.app).post('/graphql').set('Authorization', 'Basic YWRtaW46YWRtaW4=').send({ query: 'query { me { id } }' }), 'UNAUTHENTICATED', 401);
    await refusedUnchanged(() => gql('mutation { refreshToken(refreshToken: "not-a-token") { accessToken } }'), 'UNAUTHENTICATED', 401);
  });

  it('anonymous calls to account operations', async () => {
    await refusedUnchanged(() => gql('query { me { id } }'), 'UNAUTHENTICATED', 401);
    await refusedUnchanged(() => gql('mutation { saveChart(input: { name: "x", chart: { moment: { utc: "2024-01-01T00:00:00Z" } } }) { id } }'), 'UNAUTHENTICATED', 401);
  });
});

describe('a service token never acts as an admin or an account → 403 FORBIDDEN, nothing changed', () => {
  const cases: [string, string][] = [
    ['createServiceToken', 'mutation { createServiceToken(input: {}) { token } }'],
    ['revokeServiceToken', 'mutation { revokeServiceToken(id: "x") }'],
    ['disableUser', 'mutation D($id: ID!) { disableUser(id: $id) { id } }'],
    ['approveUser', 'mutation D($id: ID!) { approveUser(id: $id) { id } }'],
    ['users', 'query { users { items { email } } }'],
    ['serviceTokens', 'query { serviceTokens { id } }'],
    ['registrationSettings', 'query { registrationSettings { maxUsers } }'],
    ['saveChart', 'mutation { saveChart(input: { name: "x", chart: { moment: { utc: "2024-01-01T00:00:00Z" } } }) { id } }'],
    ['savedCharts', 'query { savedCharts { items { id } } }'],
  ];
  for (const [name, query] of cases) {
    it(name, async () => {
      await refusedUnchanged(() => gql(query, { id: userId }, serviceToken), 'FORBIDDEN', 403);
    });
  }

  it('a plain user calling admin operations', async () => {
    await refusedUnchanged(() => gql('mutation D($id: ID!) { disableUser(id: $id) { id } }', { id: userId }, userToken), 'FORBIDDEN', 403);
    await refusedUnchanged(() => gql('mutation { createServiceToken(input: {}) { token } }', {}, userToken), 'FORBIDDEN', 403);
  });
});

describe("another user's saved chart → NOT_FOUND, nothing changed", () => {
  it('savedChart, updateChart, deleteChart', async () => {
    await refusedUnchanged(() => gql('query G($id: ID!) { savedChart(id: $id) { name } }', { id: adminChartId }, userToken), 'NOT_FOUND', 200);
    await refusedUnchanged(() => gql('mutation U($id: ID!) { updateChart(id: $id, input: { name: "mine now" }) { name } }', { id: adminChartId }, userToken), 'NOT_FOUND', 200);
    await refusedUnchanged(() => gql('mutation D($id: ID!) { deleteChart(id: $id) }', { id: adminChartId }, userToken), 'NOT_FOUND', 200);
    await refusedUnchanged(() => gql('mutation D($id: ID!) { deleteChart(id: $id) }', { id: "'; DROP TABLE users; --" }, userToken), 'NOT_FOUND', 200);
  });
});

describe("oversized and malformed inputs → BAD_USER_INPUT (resolver errors answer HTTP 200, as GraphQL does) or the transport status, nothing changed", () => {
  const SAVE = 'mutation S($input: SaveChartInput!) { saveChart(input: $input) { id } }';

  it('oversized chart name, login email and password', async () => {
    await refusedUnchanged(() => gql(SAVE, { input: { name: 'n'.repeat(5000), chart: INPUT } }, userToken), 'BAD_USER_INPUT', 200);
    await refusedUnchanged(() => gql('mutation L($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } }', { e: `${'a'.repeat(300)}@example.com`, p: PASSWORD }), 'BAD_USER_INPUT', 200);
    await refusedUnchanged(() => gql('mutation L($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } }', { e: 'user@example.com', p: 'p'.repeat(5000) }), 'BAD_USER_INPUT', 200);
  });

  it('a body over BODY_LIMIT_BYTES is refused by the transport', async () => {
    const before = await dbDigest();
    const res = await gql(SAVE, { input: { name: 'big', chart: { ...INPUT, padding: 'x'.repeat(50_000) } } }, userToken);
    expect(res.status).toBe(413);
    expect(await dbDigest()).toBe(before);
  });

  it('malformed chart input, days, cursor, registration while disabled', async () => {
    const res = await refusedUnchanged(() => gql(SAVE, { input: { name: 'bad', chart: { moment: { utc: '2024-01-01T00:00:00Z' }, location: { latitude: 1000, longitude: 0 } } } }, userToken), 'BAD_USER_INPUT', 200);
    expect(res.body.errors[0].extensions.field).toBe('input.chart.location.latitude');
    await refusedUnchanged(() => gql('mutation { createServiceToken(input: { days: -5 }) { token } }', {}, adminToken), 'BAD_USER_INPUT', 200);
    await refusedUnchanged(() => gql('mutation { createServiceToken(input: { scopes: ["admin"] }) { token } }', {}, adminToken), 'BAD_USER_INPUT', 200);
    await refusedUnchanged(() => gql('query { savedCharts(after: "!!!not-a-cursor") { items { id } } }', {}, userToken), 'BAD_USER_INPUT', 200);
    await refusedUnchanged(() => gql('query { savedCharts(first: 100000) { items { id } } }', {}, userToken), 'BAD_USER_INPUT', 200);
    await refusedUnchanged(() => gql('mutation { register(input: { email: "new@example.com", password: "long enough password" }) { id } }'), 'FORBIDDEN', 403);
  });

  it('malformed JSON body', async () => {
    const before = await dbDigest();
    const res = await request(app.app).post('/graphql').set('Content-Type', 'application/json').set('Authorization', `Bearer ${userToken}`).send('{"query": "mutation {');
    expect(res.status).toBe(400);
    expect(await dbDigest()).toBe(before);
  });

  it('the schema exposes no password hash', async () => {
    const res = await gql('query { __type(name: "User") { fields { name } } }', {}, adminToken);
    const fields = res.body.data.__type.fields.map((f: { name: string }) => f.name);
    expect(fields).toContain('email');
    expect(fields.some((f: string) => /password|hash/i.test(f))).toBe(false);
  });
});
