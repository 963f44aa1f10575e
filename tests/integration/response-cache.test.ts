/**
 * Response cache and APQ, with the embedded memory cache and with the real Redis at
 * 127.0.0.1:6379 (unique key prefix per app): a repeated query is served from the cache without
 * recomputation (counter and metrics), mutations-free operations only, APQ round trip.
 */
import { createHash } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { CHART_QUERY, NEW_YORK_INPUT } from '../helpers/queries.js';
import { CALCULATION_CACHE_PREFIX } from '../../src/graphql/pipeline/calculation-cache.js';

const REDIS_URL = 'redis://127.0.0.1:6379';

async function metricValue(t: TestApp, name: string): Promise<number> {
  const text = await t.runtime.metrics.registry.metrics();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

for (const backend of ['memory', 'redis'] as const) {
  describe(`response cache (${backend})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(backend === 'redis' ? { redisUrl: REDIS_URL } : {});
    });
    afterAll(async () => t.dispose());

    it('uses the expected backend', () => {
      expect(t.runtime.cache.kind).toBe(backend);
    });

    it('serves a repeated query from the cache without recomputation', async () => {
      const body = { query: CHART_QUERY, variables: { input: { ...NEW_YORK_INPUT, moment: { utc: '2003-03-03T03:03:03Z' } } } };
      const computationsBefore = t.runtime.services.chart.computations;
      const hitsBefore = await metricValue(t, 'nocturna_response_cache_hits_total');
      const missesBefore = await metricValue(t, 'nocturna_response_cache_misses_total');

      const first = await request(t.app).post('/graphql').set('Authorization', t.auth).send(body);
      expect(first.status).toBe(200);
      expect(t.runtime.services.chart.computations - computationsBefore).toBe(1);
      await t.waitForCacheEntries(1); // the plugin writes in the background

      const second = await request(t.app).post('/graphql').set('Authorization', t.auth).send(body);
      expect(second.status).toBe(200);
      expect(second.body).toEqual(first.body);
      expect(second.headers.age).toBeDefined();
      expect(t.runtime.services.chart.computations - computationsBefore).toBe(1);
      expect((await metricValue(t, 'nocturna_response_cache_hits_total')) - hitsBefore).toBe(1);
      expect((await metricValue(t, 'nocturna_response_cache_misses_total')) - missesBefore).toBe(1);

      if (backend === 'redis') {
        const keys = await t.redis!.keys(`${t.cacheKeyPrefix}${CALCULATION_CACHE_PREFIX}*`);
        expect(keys.length).toBeGreaterThanOrEqual(1);
        const ttl = await t.redis!.ttl(keys[0]);
        expect(ttl).toBeGreaterThan(3500);
        expect(ttl).toBeLessThanOrEqual(3600);
      }
    });

    it('different instants are different cache entries', async () => {
      const before = t.runtime.services.chart.computations;
      for (const utc of ['2004-04-04T04:04:04Z', '2004-04-04T04:04:05Z']) {
        const res = await request(t.app)
          .post('/graphql')
          .set('Authorization', t.auth)
          .send({ query: CHART_QUERY, variables: { input: { moment: { utc } } } });
        expect(res.status).toBe(200);
      }
      expect(t.runtime.services.chart.computations - before).toBe(2);
    });

    it('errors are not cached', async () => {
      const body = { query: CHART_QUERY, variables: { input: { moment: { utc: '2005-05-05T05:05:05Z' }, location: { latitude: 95, longitude: 0 } } } };
      for (let i = 0; i < 2; i += 1) {
        const res = await request(t.app).post('/graphql').set('Authorization', t.auth).send(body);
        expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
        expect(res.headers.age).toBeUndefined();
      }
    });

    it('automatic persisted queries go through the same cache', async () => {
      const query = '{ positions(input: { moment: { utc: "2006-06-06T06:06:06Z" }, bodies: [SUN, MOON] }) { body longitude } }';
      const sha256Hash = createHash('sha256').update(query).digest('hex');
      const extensions = { persistedQuery: { version: 1, sha256Hash } };

      const miss = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ extensions });
      expect(miss.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');

      const register = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query, extensions });
      expect(register.status).toBe(200);
      expect(register.body.data.positions).toHaveLength(2);

      const byHash = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ extensions });
      expect(byHash.status).toBe(200);
      expect(byHash.body.data).toEqual(register.body.data);

      if (backend === 'redis') {
        expect(await t.redis!.exists(`${t.cacheKeyPrefix}apq:${sha256Hash}`)).toBe(1);
      }
    });
  });
}

describe('CACHE_TTL=0 disables the response cache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { CACHE_TTL: '0' } });
  });
  afterAll(async () => t.dispose());

  it('recomputes a repeated query', async () => {
    const body = { query: CHART_QUERY, variables: { input: { moment: { utc: '2007-07-07T07:07:07Z' } } } };
    const before = t.runtime.services.chart.computations;
    await request(t.app).post('/graphql').set('Authorization', t.auth).send(body);
    await t.waitForCacheEntries(1); // memory cache: the same wait after which the tests above find the answer cached
    await request(t.app).post('/graphql').set('Authorization', t.auth).send(body);
    expect(t.runtime.services.chart.computations - before).toBe(2);
  });
});
