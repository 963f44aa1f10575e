/**
 * Error mapping (one module, closed code set, masking) and the quota seam (after auth, before
 * the calculation cache; X-RateLimit-* headers; 429 + Retry-After). Test-only resolvers throw each
 * domain error class through the real pipeline; the quota hook is a counting implementation.
 */
import 'reflect-metadata';
import request from 'supertest';
import { Arg, Query, Resolver } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CalculationError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
} from '../../src/errors.js';
import type { QuotaDecision, QuotaRequest } from '../../src/quota/quota.hook.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { CHART_QUERY } from '../helpers/queries.js';

@Resolver()
class ThrowingResolver {
  @Query(() => String, { description: 'Test only: throws the named error.' })
  explode(@Arg('kind', () => String, { description: 'Which error.' }) kind: string): string {
    switch (kind) {
      case 'validation':
        throw new ValidationError('input.x', 'x is wrong');
      case 'forbidden':
        throw new ForbiddenError('admins only');
      case 'notfound':
        throw new NotFoundError('no such token');
      case 'ratelimited':
        throw new RateLimitedError('slow down', 42);
      case 'calculation':
        throw new CalculationError('astronomy-engine said: secret internals at /opt/x');
      case 'plain':
        throw new Error('database password=hunter2 leaked in message');
      default:
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        throw 'a string, like astronomy-engine throws';
    }
  }
}

describe('error mapping', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ deps: { resolvers: [ThrowingResolver] } });
  });
  afterAll(async () => t.dispose());

  const explode = (kind: string) =>
    request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: `query Explode { explode(kind: "${kind}") }` });

  it.each([
    ['validation', 200, 'BAD_USER_INPUT', 'x is wrong'],
    ['forbidden', 403, 'FORBIDDEN', 'admins only'],
    ['notfound', 200, 'NOT_FOUND', 'no such token'],
    ['ratelimited', 429, 'RATE_LIMITED', 'slow down'],
    ['calculation', 200, 'INTERNAL_SERVER_ERROR', 'Internal server error'],
    ['plain', 200, 'INTERNAL_SERVER_ERROR', 'Internal server error'],
    ['string', 200, 'INTERNAL_SERVER_ERROR', 'Internal server error'],
  ])('%s → HTTP %i, %s', async (kind, status, code, message) => {
    const res = await explode(kind);
    expect(res.status).toBe(status);
    expect(res.body.errors[0].extensions.code).toBe(code);
    expect(res.body.errors[0].message).toBe(message);
    expect(Object.keys(res.body.errors[0].extensions).sort()).toEqual(
      kind === 'validation' ? ['code', 'field'] : kind === 'ratelimited' ? ['code', 'retryAfterSeconds'] : ['code'],
    );
    if (kind === 'ratelimited') expect(res.headers['retry-after']).toBe('42');
  });

  it('logs masked errors in full, with the request id', async () => {
    const res = await request(t.app)
      .post('/graphql')
      .set('Authorization', t.auth)
      .set('X-Request-ID', 'mask-check')
      .send({ query: '{ explode(kind: "plain") }' });
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
    const logged = t.logs.filter((l) => l.includes('unexpected error (masked)'));
    expect(logged.some((l) => l.includes('hunter2') || l.includes('leaked in message'))).toBe(true);
  });

  it('every error code is in the closed set', async () => {
    const codes = new Set<string>();
    for (const kind of ['validation', 'forbidden', 'notfound', 'ratelimited', 'calculation', 'plain', 'string']) {
      codes.add((await explode(kind)).body.errors[0].extensions.code);
    }
    const unauth = await request(t.app).post('/graphql').send({ query: '{ explode(kind: "plain") }' });
    codes.add(unauth.body.errors[0].extensions.code);
    const parse = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: '{ explode(' });
    expect(parse.body.errors[0].extensions.reason).toBe('GRAPHQL_PARSE_FAILED');
    codes.add(parse.body.errors[0].extensions.code);
    const unknownField = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: '{ nope }' });
    codes.add(unknownField.body.errors[0].extensions.code);
    const closed = ['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED', 'NOT_FOUND', 'INTERNAL_SERVER_ERROR'];
    for (const code of codes) expect(closed).toContain(code);
    expect(codes.size).toBe(6);
  });
});

describe('quota seam', () => {
  let t: TestApp;
  const calls: QuotaRequest[] = [];
  let remaining = 3;
  const resetAt = Math.floor(Date.now() / 1000) + 3600;

  beforeAll(async () => {
    t = await createTestApp({
      deps: {
        quota: async (req): Promise<QuotaDecision> => {
          calls.push(req);
          remaining -= 1;
          return remaining >= 0
            ? { allowed: true, limit: 3, remaining, resetAtEpochSeconds: resetAt }
            : { allowed: false, limit: 3, remaining: 0, resetAtEpochSeconds: resetAt, retryAfterSeconds: 120 };
        },
      },
    });
  });
  afterAll(async () => t.dispose());

  const body = { query: CHART_QUERY, variables: { input: { moment: { utc: '2008-08-08T08:08:08Z' } } }, operationName: 'Chart' };

  it('runs after auth: anonymous requests never reach it', async () => {
    const res = await request(t.app).post('/graphql').send(body);
    expect(res.status).toBe(401);
    expect(calls).toHaveLength(0);
  });

  it('sets X-RateLimit-* on allowed requests, counts cached answers, and refuses with 429 + Retry-After', async () => {
    const first = await request(t.app).post('/graphql').set('Authorization', t.auth).send(body);
    expect(first.status).toBe(200);
    expect(first.headers['x-ratelimit-limit']).toBe('3');
    expect(first.headers['x-ratelimit-remaining']).toBe('2');
    expect(first.headers['x-ratelimit-reset']).toBe(String(resetAt));
    expect(calls[0]).toMatchObject({ transport: 'graphql', operation: 'Chart', rootFields: ['chart'], cost: 1 }) // quota units: a chart is one;
    expect(calls[0].principal.subject).toBe('test-user');
    await t.waitForCacheEntries(1);

    const cached = await request(t.app).post('/graphql').set('Authorization', t.auth).send(body);
    expect(cached.status).toBe(200);
    expect(cached.headers.age).toBeDefined(); // served from the response cache …
    expect(cached.headers['x-ratelimit-remaining']).toBe('1'); // … and still counted

    const rest = await request(t.app)
      .post('/api/v1/calculations')
      .set('Authorization', t.auth)
      .send({ date: '2024-01-01T12:00:00Z', latitude: 1, longitude: 2, calculations: ['positions'] });
    expect(rest.status).toBe(200);
    expect(rest.headers['x-ratelimit-remaining']).toBe('0');
    expect(calls[2]).toMatchObject({ transport: 'rest' });

    const before = t.runtime.services.chart.computations;
    const refused = await request(t.app)
      .post('/graphql')
      .set('Authorization', t.auth)
      .send({ ...body, variables: { input: { moment: { utc: '2009-09-09T09:09:09Z' } } } });
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('120');
    expect(refused.headers['x-ratelimit-remaining']).toBe('0');
    expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(refused.body.errors[0].extensions.retryAfterSeconds).toBe(120);
    expect(t.runtime.services.chart.computations).toBe(before);

    const restRefused = await request(t.app)
      .post('/api/v1/calculations')
      .set('Authorization', t.auth)
      .send({ date: '2024-01-01T12:00:00Z', latitude: 1, longitude: 2 });
    expect(restRefused.status).toBe(429);
    expect(restRefused.headers['retry-after']).toBe('120');
    expect(restRefused.body.error.code).toBe('RATE_LIMITED');
  });
});
