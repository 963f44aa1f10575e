/**
 * Authentication over HTTP: missing, malformed, expired, wrongly signed, wrong issuer/audience,
 * wrong algorithm and revoked tokens → 401 UNAUTHENTICATED with nothing computed, for GraphQL
 * and for the REST shim; a cached answer still needs a token.
 */
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { CHART_QUERY, NEW_YORK_INPUT } from '../helpers/queries.js';
import { TEST_SECRET } from '../helpers/config.js';
import { bearer, signTestToken } from '../helpers/tokens.js';

let t: TestApp;
const revoked = new Set<string>();

beforeAll(async () => {
  t = await createTestApp({ deps: { isTokenRevoked: async (p) => revoked.has(p.tokenId) } });
});
afterAll(async () => t.dispose());

const REST_BODY = { date: '2024-01-01T12:00:00Z', latitude: 40.7128, longitude: -74.006, calculations: ['positions'] };

function badTokens(): [string, string | undefined][] {
  const c = t.config;
  const now = Math.floor(Date.now() / 1000);
  return [
    ['no Authorization header', undefined],
    ['not a Bearer header', 'Basic dXNlcjpwYXNz'],
    ['malformed token', 'Bearer not.a.jwt!'],
    ['expired token', bearer(signTestToken(c, { ttlSeconds: -60 }))],
    ['wrong signature', bearer(signTestToken(c, { secret: 'another-secret-another-secret-another-secret-0000' }))],
    ['wrong issuer', bearer(signTestToken(c, { issuer: 'someone-else' }))],
    ['wrong audience', bearer(signTestToken(c, { audience: 'other-api' }))],
    [
      'HS512 with the right secret (algorithm pinned to HS256)',
      bearer(jwt.sign({ sub: 'x', iss: c.jwt.issuer, aud: c.jwt.audience, exp: now + 600 }, TEST_SECRET, { algorithm: 'HS512' })),
    ],
    [
      'alg none',
      bearer(
        `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(
          JSON.stringify({ sub: 'x', iss: c.jwt.issuer, aud: c.jwt.audience, exp: now + 600 }),
        ).toString('base64url')}.`,
      ),
    ],
    ['no expiry', bearer(jwt.sign({ sub: 'x', iss: c.jwt.issuer, aud: c.jwt.audience }, TEST_SECRET, { algorithm: 'HS256' }))],
  ];
}

describe('GraphQL authentication', () => {
  it('a valid token computes', async () => {
    const res = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: CHART_QUERY, variables: { input: NEW_YORK_INPUT } });
    expect(res.status).toBe(200);
    expect(res.body.data.chart.positions.length).toBe(13);
  });

  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])('bad token case %i → 401 UNAUTHENTICATED, nothing computed', async (i) => {
    const [name, header] = badTokens()[i];
    const before = t.runtime.services.chart.computations;
    let req = request(t.app).post('/graphql');
    if (header) req = req.set('Authorization', header);
    const res = await req.send({ query: CHART_QUERY, variables: { input: { ...NEW_YORK_INPUT, moment: { utc: `2001-01-0${(i % 9) + 1}T00:00:00Z` } } } });
    expect(res.status, name).toBe(401);
    expect(res.body.errors[0].extensions.code, name).toBe('UNAUTHENTICATED');
    expect(res.body.data ?? null).toBeNull();
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(t.runtime.services.chart.computations, name).toBe(before);
  });

  it('an expired token says so', async () => {
    const res = await request(t.app)
      .post('/graphql')
      .set('Authorization', bearer(signTestToken(t.config, { ttlSeconds: -60 })))
      .send({ query: CHART_QUERY, variables: { input: NEW_YORK_INPUT } });
    expect(res.status).toBe(401);
    expect(res.body.errors[0].message).toMatch(/expired/i);
  });

  it('a revoked token stops working at once', async () => {
    const token = signTestToken(t.config, { tokenId: 'to-be-revoked', kind: 'service' });
    const query = { query: '{ positions(input: { moment: { utc: "2020-02-02T02:02:02Z" }, bodies: [SUN] }) { longitude } }' };
    const ok = await request(t.app).post('/graphql').set('Authorization', bearer(token)).send(query);
    expect(ok.status).toBe(200);
    revoked.add('to-be-revoked');
    const refused = await request(t.app).post('/graphql').set('Authorization', bearer(token)).send(query);
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0].message).toMatch(/revoked/i);
  });

  it('a cached answer still needs a token (auth runs before the response cache)', async () => {
    const body = { query: CHART_QUERY, variables: { input: { ...NEW_YORK_INPUT, moment: { utc: '2019-09-09T09:09:09Z' } } } };
    const first = await request(t.app).post('/graphql').set('Authorization', t.auth).send(body);
    expect(first.status).toBe(200);
    const anonymous = await request(t.app).post('/graphql').send(body);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(anonymous.body.data ?? null).toBeNull();
    expect(anonymous.headers['www-authenticate']).toBe('Bearer');
  });

  it('introspection needs no token (public), calculations in the same request do', async () => {
    const res = await request(t.app).post('/graphql').send({ query: '{ __typename __schema { queryType { name } } }' });
    expect(res.status).toBe(200);
    expect(res.body.data.__schema.queryType.name).toBe('Query');
    const mixed = await request(t.app).post('/graphql').send({ query: '{ __typename positions(input: { moment: { utc: "2020-01-01T00:00:00Z" } }) { longitude } }' });
    expect(mixed.status).toBe(401);
  });
});

describe('REST authentication', () => {
  it.each([0, 3, 4, 7])('bad token case %i → 401 JSON', async (i) => {
    const [name, header] = badTokens()[i];
    const before = t.runtime.services.chart.computations;
    let req = request(t.app).post('/api/v1/calculations');
    if (header) req = req.set('Authorization', header);
    const res = await req.send(REST_BODY);
    expect(res.status, name).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(t.runtime.services.chart.computations).toBe(before);
  });
});

describe('logs', () => {
  it('never contain a token', async () => {
    const token = signTestToken(t.config, { subject: 'log-check' });
    await request(t.app).post('/graphql').set('Authorization', bearer(token)).send({ query: CHART_QUERY, variables: { input: NEW_YORK_INPUT } });
    await request(t.app).post('/graphql').set('Authorization', bearer(`${token}x`)).send({ query: CHART_QUERY, variables: { input: NEW_YORK_INPUT } });
    const all = t.logs.join('\n');
    expect(t.logs.length).toBeGreaterThan(2);
    expect(all).not.toContain(token.split('.')[2]);
    expect(all).not.toContain(TEST_SECRET);
  });
});
