/**
 * The GraphQL fast path (src/graphql/pipeline/fast-path.ts) against Apollo's own answers, over HTTP, with
 * the memory cache and with the real Redis: which requests it serves (Apollo's
 * executeHTTPGraphQLRequest is counted), byte-identical bodies and shared calculation-cache entries
 * in both directions, a repeated body answered without being read again (but not one naming an APQ
 * hash), Content-Length in bytes, APQ by hash, metrics and the access log, every hand-off
 * (malformed JSON, bad token, Origin, oversized body, bad variables, resolver errors) with the
 * usual answer, and a quota charged exactly once per request.
 */
import { createHash } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { QuotaDecision, QuotaRequest } from '../../src/quota/quota.hook.js';
import { calculationCacheKey, encodeCalculationEntry } from '../../src/graphql/pipeline/calculation-cache.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { CHART_QUERY, NEW_YORK_INPUT } from '../helpers/queries.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
/** An origin outside CORS_ORIGINS: no CORS headers, but the request goes through express and Apollo. */
const VIA_APOLLO = { Origin: 'http://elsewhere.invalid' };

function chartBody(utc: string, extra: Record<string, unknown> = {}) {
  return { query: CHART_QUERY, variables: { input: { ...NEW_YORK_INPUT, moment: { utc } } }, ...extra };
}

async function metricText(t: TestApp): Promise<string> {
  return t.runtime.metrics.registry.metrics();
}

function metricValue(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

for (const backend of ['memory', 'redis'] as const) {
  describe(`GraphQL fast path (${backend} cache)`, () => {
    let t: TestApp;
    let apolloRequests: ReturnType<typeof vi.spyOn>;
    const quotaCalls: QuotaRequest[] = [];
    let allow = true;
    const resetAt = Math.floor(Date.now() / 1000) + 3600;

    beforeAll(async () => {
      t = await createTestApp({
        ...(backend === 'redis' ? { redisUrl: REDIS_URL } : {}),
        deps: {
          quota: async (req): Promise<QuotaDecision> => {
            quotaCalls.push(req);
            return allow
              ? { allowed: true, limit: 1000, remaining: 1000 - quotaCalls.length, resetAtEpochSeconds: resetAt }
              : { allowed: false, limit: 1000, remaining: 0, resetAtEpochSeconds: resetAt, retryAfterSeconds: 60 };
          },
        },
      });
      apolloRequests = vi.spyOn(t.apollo, 'executeHTTPGraphQLRequest');
      // A first request of the query text goes through Apollo, which validates and registers it.
      const first = await request(t.app).post('/graphql').set('Authorization', t.auth).send(chartBody('2010-01-01T00:00:00Z'));
      expect(first.status).toBe(200);
      expect(apolloRequests).toHaveBeenCalledTimes(1);
    });
    afterAll(async () => t.dispose());

    it('serves a known query text before Apollo; its answer and Apollo’s read the same cache entries, byte for byte', async () => {
      const computations = t.runtime.services.chart.computations;
      const apolloBefore = apolloRequests.mock.calls.length;

      // Fast path computes and writes; Apollo (forced by an Origin header) reads that entry.
      const fast = await request(t.app).post('/graphql').set('Authorization', t.auth).send(chartBody('2010-02-02T02:02:02Z'));
      expect(fast.status).toBe(200);
      expect(apolloRequests.mock.calls.length).toBe(apolloBefore);
      expect(fast.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(fast.headers.age).toBeUndefined();
      expect(fast.body.data.chart.positions.length).toBeGreaterThan(10);
      await t.waitForCacheEntries(2);
      const apolloHit = await request(t.app).post('/graphql').set('Authorization', t.auth).set(VIA_APOLLO).send(chartBody('2010-02-02T02:02:02Z'));
      expect(apolloRequests.mock.calls.length).toBe(apolloBefore + 1);
      expect(apolloHit.headers.age).toBeDefined();
      expect(apolloHit.text).toBe(fast.text);
      expect(apolloHit.headers['content-type']).toBe(fast.headers['content-type']);

      // Apollo computes and writes; the fast path reads that entry.
      const apollo = await request(t.app).post('/graphql').set('Authorization', t.auth).set(VIA_APOLLO).send(chartBody('2010-03-03T03:03:03Z'));
      expect(apolloRequests.mock.calls.length).toBe(apolloBefore + 2);
      await t.waitForCacheEntries(3);
      const fastHit = await request(t.app).post('/graphql').set('Authorization', t.auth).send(chartBody('2010-03-03T03:03:03Z'));
      expect(apolloRequests.mock.calls.length).toBe(apolloBefore + 2);
      expect(Number(fastHit.headers.age)).toBeGreaterThanOrEqual(0);
      expect(fastHit.text).toBe(apollo.text);

      expect(t.runtime.services.chart.computations - computations).toBe(2);
      expect(fastHit.headers['x-ratelimit-limit']).toBe('1000');
      expect(fastHit.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    /** Sends `body` until the calculation cache answers it (Redis is written in the background). */
    async function untilCached(body: object): Promise<void> {
      for (let i = 0; (await request(t.app).post('/graphql').set('Authorization', t.auth).send(body)).headers.age === undefined; i += 1) {
        if (i === 100) throw new Error('the answer never reached the cache');
        await new Promise((r) => setTimeout(r, 20));
      }
    }

    it('answers a body the cache answered before without reading it again, until its answer leaves the cache', async () => {
      const body = chartBody('2015-05-05T05:05:05Z');
      const text = JSON.stringify(body);
      const send = (auth = t.auth) => request(t.app).post('/graphql').set('Authorization', auth).send(body);
      const computed = await send();
      await untilCached(body); // the cache's first answer makes the body known
      const parse = vi.spyOn(JSON, 'parse');
      const readings = () => parse.mock.calls.filter(([arg]) => arg === text).length;
      const apolloBefore = apolloRequests.mock.calls.length;
      const charged = quotaCalls.length;
      try {
        const known = await send();
        expect(known.headers.age).toBeDefined();
        expect(known.text).toBe(computed.text);
        expect(readings()).toBe(0);
        expect(quotaCalls.length - charged).toBe(1);

        // Handed on (a bad token, then a quota refusal): read now, for Apollo, which answers as usual.
        const badToken = await send('Bearer not.a.token');
        expect(badToken.status).toBe(401);
        expect(readings()).toBe(1);
        allow = false;
        try {
          const refused = await send();
          expect(refused.status).toBe(429);
          expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
        } finally {
          allow = true;
        }
        expect(quotaCalls.length - charged).toBe(2); // charged once, by the fast path
        expect(readings()).toBe(2);
        expect(apolloRequests.mock.calls.length - apolloBefore).toBe(2);

        // Its answer gone from the cache: read, computed on the fast path and stored again.
        const computations = t.runtime.services.chart.computations;
        await t.runtime.cache.delete(calculationCacheKey(CHART_QUERY, 'Chart', body.variables));
        const again = await send();
        expect(again.headers.age).toBeUndefined();
        expect(again.text).toBe(computed.text);
        expect(t.runtime.services.chart.computations - computations).toBe(1);
        expect(readings()).toBe(3);
        await untilCached(body);
        expect(readings()).toBe(3);
        expect(apolloRequests.mock.calls.length - apolloBefore).toBe(2);
      } finally {
        parse.mockRestore();
      }
    });

    it('sends a cached answer with its length in bytes (UTF-8), read or known', async () => {
      const body = chartBody('2015-06-06T06:06:06Z');
      const stored = '{"data":{"chart":{"note":"Zürich — 日本"}}}';
      await t.runtime.cache.set(calculationCacheKey(CHART_QUERY, 'Chart', body.variables), encodeCalculationEntry(stored, Date.now()), { ttl: 60 });
      const parse = vi.spyOn(JSON, 'parse');
      try {
        for (const round of ['read', 'known']) {
          const res = await request(t.app).post('/graphql').set('Authorization', t.auth).send(body);
          expect(res.text, round).toBe(stored);
          expect(Number(res.headers['content-length']), round).toBe(Buffer.byteLength(stored, 'utf8'));
          // Read (parsed) the first time only.
          expect(parse.mock.calls.filter(([arg]) => arg === JSON.stringify(body)).length, round).toBe(1);
        }
      } finally {
        parse.mockRestore();
      }
    });

    it('does not remember a body that names an APQ hash: Apollo’s store decides every time', async () => {
      const query = '{ positions(input: { moment: { utc: "2011-03-03T00:00:00Z" }, bodies: [SUN] }) { body longitude } }';
      const hash = createHash('sha256').update(query).digest('hex');
      const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
      await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query, extensions }); // registers it
      await untilCached({ extensions });
      await t.runtime.cache.delete(`apq:${hash}`); // Apollo's store forgets the text
      const byHash = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ extensions });
      expect(byHash.body.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    });

    it('records the same metrics and access log line as Apollo', async () => {
      const before = await metricText(t);
      const res = await request(t.app)
        .post('/graphql')
        .set('Authorization', t.auth)
        .set('X-Request-ID', `fast-${backend}-1`)
        .send(chartBody('2010-03-03T03:03:03Z'));
      expect(res.headers['x-request-id']).toBe(`fast-${backend}-1`);
      const after = await metricText(t);
      const delta = (series: string) => metricValue(after, series) - metricValue(before, series);
      expect(delta('nocturna_graphql_requests_total{operation="Chart",outcome="cache_hit"}')).toBe(1);
      expect(delta('nocturna_response_cache_hits_total')).toBe(1);
      expect(delta('nocturna_http_requests_total{method="POST",route="/graphql",status="200"}')).toBe(1);
      const line = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.requestId === `fast-${backend}-1`);
      expect(line).toMatchObject({ method: 'POST', route: '/graphql', status: 200, operation: 'Chart', outcome: 'cache_hit', cacheHit: true });
      expect(JSON.stringify(line)).not.toContain(t.auth.slice(7)); // never the token
    });

    it('answers an APQ hash once Apollo registered the query', async () => {
      const query = '{ positions(input: { moment: { utc: "2011-01-01T00:00:00Z" }, bodies: [SUN, MOON] }) { body longitude } }';
      const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
      const register = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query, extensions });
      expect(register.status).toBe(200);
      const apolloBefore = apolloRequests.mock.calls.length;
      const byHash = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ extensions });
      expect(byHash.status).toBe(200);
      expect(byHash.text).toBe(register.text);
      expect(apolloRequests.mock.calls.length).toBe(apolloBefore);
    });

    it('answers an APQ hash only when Apollo’s persisted-query store knows it', async () => {
      const query = '{ positions(input: { moment: { utc: "2011-02-02T00:00:00Z" }, bodies: [SUN] }) { body longitude } }';
      const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
      await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query }); // ran, but never registered
      const charged = quotaCalls.length;
      const byHash = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ extensions });
      expect(byHash.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(quotaCalls.length).toBe(charged);
    });

    it('treats operationName "" as Apollo does (no such operation), and reads a body with a BOM', async () => {
      const unknown = await request(t.app).post('/graphql').set('Authorization', t.auth).send(chartBody('2010-03-03T03:03:03Z', { operationName: '' }));
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors[0].message).toBe('Unknown operation named "".');
      const bom = await request(t.app)
        .post('/graphql')
        .set('Authorization', t.auth)
        .set('Content-Type', 'application/json')
        .send(`\uFEFF${JSON.stringify(chartBody('2010-03-03T03:03:03Z'))}`);
      expect(bom.status).toBe(200);
      expect(bom.body.data.chart.positions.length).toBeGreaterThan(10);
    });

    it('hands every other request to express and Apollo, which answer as usual', async () => {
      const apolloBefore = apolloRequests.mock.calls.length;
      const computations = t.runtime.services.chart.computations;

      const malformed = await request(t.app).post('/graphql').set('Authorization', t.auth).set('Content-Type', 'application/json').send('{"query":');
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors[0]).toMatchObject({ message: 'Malformed JSON body', extensions: { code: 'BAD_REQUEST' } });
      const notObject = await request(t.app).post('/graphql').set('Authorization', t.auth).set('Content-Type', 'application/json').send('"text"');
      expect(notObject.status).toBe(400);

      const badToken = await request(t.app).post('/graphql').set('Authorization', 'Bearer not.a.token').send(chartBody('2010-03-03T03:03:03Z'));
      expect(badToken.status).toBe(401);
      expect(badToken.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');

      const tooLarge = await request(t.app)
        .post('/graphql')
        .set('Authorization', t.auth)
        .send({ ...chartBody('2010-03-03T03:03:03Z'), padding: 'x'.repeat(t.config.limits.bodyLimitBytes) });
      expect(tooLarge.status).toBe(413);

      const badVariable = await request(t.app)
        .post('/graphql')
        .set('Authorization', t.auth)
        .send({ query: CHART_QUERY, variables: { input: { ...NEW_YORK_INPUT, location: { latitude: 95, longitude: 0 } } } });
      expect(badVariable.status).toBe(200);
      expect(badVariable.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.location.latitude' });

      expect(t.runtime.services.chart.computations).toBe(computations);
      expect(apolloRequests.mock.calls.length).toBe(apolloBefore + 2); // the bad token and the bad latitude
    });

    it('a compiled run with an error is answered by Apollo with the usual error, computing nothing twice', async () => {
      const query = 'query P($input: ChartInput!) { positions(input: $input) { body } houses(input: $input) { cusps } }';
      const variables = { input: { moment: { utc: '2012-01-01T00:00:00Z' } } };
      await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query, variables }); // registers it
      const computations = t.runtime.services.chart.computations;
      const res = await request(t.app)
        .post('/graphql')
        .set('Authorization', t.auth)
        .send({ query, variables: { input: { moment: { utc: '2012-02-02T00:00:00Z' } } } });
      expect(res.body.data).toBeNull(); // houses is non-null: the error nulls the whole answer
      expect(res.body.errors[0].path).toEqual(['houses']);
      expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.location' });
      expect(t.runtime.services.chart.computations - computations).toBe(1); // positions' chart, once
    });

    it('charges the quota once per request, whether it answers or Apollo refuses with 429', async () => {
      const before = quotaCalls.length;
      const ok = await request(t.app).post('/graphql').set('Authorization', t.auth).send(chartBody('2013-01-01T00:00:00Z'));
      expect(ok.status).toBe(200);
      expect(quotaCalls.length - before).toBe(1);
      expect(quotaCalls.at(-1)).toMatchObject({ transport: 'graphql', operation: 'Chart', rootFields: ['chart'], cost: 1, ip: expect.any(String) });

      allow = false;
      try {
        const apolloBefore = apolloRequests.mock.calls.length;
        const refused = await request(t.app).post('/graphql').set('Authorization', t.auth).send(chartBody('2013-01-01T00:00:00Z'));
        expect(refused.status).toBe(429);
        expect(refused.headers['retry-after']).toBe('60');
        expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
        expect(quotaCalls.length - before).toBe(2);
        expect(apolloRequests.mock.calls.length).toBe(apolloBefore + 1);
      } finally {
        allow = true;
      }
    });
  });
}

describe('GraphQL fast path without a response cache (CACHE_TTL=0)', () => {
  it('computes every request and answers exactly what Apollo answers', async () => {
    const t = await createTestApp({ env: { CACHE_TTL: '0' } });
    try {
      const apolloRequests = vi.spyOn(t.apollo, 'executeHTTPGraphQLRequest');
      const body = chartBody('2014-01-01T00:00:00Z');
      const viaApollo = await request(t.app).post('/graphql').set('Authorization', t.auth).send(body);
      const fast = await request(t.app).post('/graphql').set('Authorization', t.auth).send(body);
      const apolloAgain = await request(t.app).post('/graphql').set('Authorization', t.auth).set(VIA_APOLLO).send(body);
      expect(apolloRequests).toHaveBeenCalledTimes(2);
      expect(fast.text).toBe(viaApollo.text);
      expect(apolloAgain.text).toBe(fast.text);
      expect(fast.headers.age).toBeUndefined();
      expect(t.runtime.services.chart.computations).toBe(3);
    } finally {
      await t.dispose();
    }
  });
});
