/**
 * Quotas charged by cost: a request is charged its root fields' complexity over the cost of a chart
 * (aliases counted each), on the shared Redis counter; the X-RateLimit headers show the charge and
 * what is left. Nine aliased transit searches are no longer the price of one request.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisClient } from '../../../src/cache/redis.client.js';
import { createQuotaService, QuotaExceededError } from '../../../src/quota/quota.service.js';
import type { QuotaHook } from '../../../src/quota/quota.hook.js';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { CHART_QUERY, NEW_YORK_INPUT } from '../../helpers/queries.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const redis = createRedisClient(REDIS_URL);
const keyPrefix = `nocturna-test:quota-cost:${randomUUID()}:`;
const quota = createQuotaService({ defaultPerHour: 100, premiumPerHour: 1000, redis, keyPrefix });
const hook: QuotaHook = async (r) => {
  try {
    const s = await quota.consume(r.principal.subject, 'DEFAULT', r.cost);
    return { allowed: true, limit: s.limit, remaining: s.remaining, resetAtEpochSeconds: s.resetEpochSeconds, cost: r.cost };
  } catch (error) {
    if (!(error instanceof QuotaExceededError)) throw error;
    return { allowed: false, limit: error.state.limit, remaining: 0, resetAtEpochSeconds: error.state.resetEpochSeconds, retryAfterSeconds: error.retryAfterSeconds, cost: r.cost };
  }
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ redisUrl: REDIS_URL, deps: { quota: hook } });
});
afterAll(async () => {
  await t.dispose();
  const keys = await redis.keys(`${keyPrefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

const NINE_SEARCHES = `query Nine($t: TransitSearchInput!) { ${Array.from({ length: 9 }, (_, i) => `s${i}: transitSearch(input: $t) { utc }`).join(' ')} }`;
const searchInput = { natal: { moment: { utc: '1990-01-01T00:00:00Z' } }, from: '2024-01-01T00:00:00Z', to: '2024-01-02T00:00:00Z', bodies: ['MOON'] };

describe('quotas charged by cost', () => {
  it('charges a chart 1 unit and nine aliased transit searches 90, and refuses what is not covered', async () => {
    const chart = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: CHART_QUERY, variables: { input: NEW_YORK_INPUT } });
    expect(chart.status).toBe(200);
    expect(chart.headers['x-ratelimit-limit']).toBe('100');
    expect(chart.headers['x-ratelimit-cost']).toBe('1');
    expect(chart.headers['x-ratelimit-remaining']).toBe('99');

    // The same chart again (fast path, cached): charged again, the same units.
    const again = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: CHART_QUERY, variables: { input: NEW_YORK_INPUT } });
    expect(again.headers['x-ratelimit-remaining']).toBe('98');

    const nine = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: NINE_SEARCHES, variables: { t: searchInput } });
    expect(nine.status).toBe(200);
    expect(nine.headers['x-ratelimit-cost']).toBe('90');
    expect(nine.headers['x-ratelimit-remaining']).toBe('8');

    const refused = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: NINE_SEARCHES, variables: { t: searchInput } });
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });
});
