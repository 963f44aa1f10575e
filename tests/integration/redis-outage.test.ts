/**
 * Redis stopped in the middle of a run (a private redis-server, not the shared one): requests
 * keep succeeding, cached in the process meanwhile, the outage is logged once, and Redis is used
 * again when it returns.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { CHART_QUERY } from '../helpers/queries.js';
import { PrivateRedis, freePort } from '../helpers/redis-server.js';

let redis: PrivateRedis;
let t: TestApp;

const body = (utc: string) => ({ query: CHART_QUERY, variables: { input: { moment: { utc }, location: { latitude: 48.85, longitude: 2.35 } } } });
const post = (utc: string) => request(t.app).post('/graphql').set('Authorization', t.auth).send(body(utc));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const warnings = () => t.logs.filter((l) => l.includes('redis cache unavailable'));
const recoveries = () => t.logs.filter((l) => l.includes('caching resumed'));

beforeAll(async () => {
  redis = new PrivateRedis(await freePort());
  await redis.start();
  t = await createTestApp({ redisUrl: redis.url });
});
afterAll(async () => {
  await t?.dispose();
  await redis?.kill();
});

describe('Redis outage', () => {
  it('caches while Redis is up', async () => {
    const before = t.runtime.services.chart.computations;
    expect((await post('2010-01-01T00:00:00Z')).status).toBe(200);
    await t.waitForCacheEntries(1);
    const again = await post('2010-01-01T00:00:00Z');
    expect(again.status).toBe(200);
    expect(again.headers.age).toBeDefined();
    expect(t.runtime.services.chart.computations - before).toBe(1);
  });

  it('keeps answering while Redis is down, from a cache in the process, logging the outage once', async () => {
    await redis.kill();
    await sleep(100);
    const before = t.runtime.services.chart.computations;
    const answers: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await post('2010-01-01T00:00:00Z'); // cached before the outage: now unreachable
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.chart.positions).toHaveLength(13);
      answers.push(JSON.stringify(res.body.data));
    }
    expect(new Set(answers).size).toBe(1);
    // Computed after Redis went away, then served from the process's own cache (its write follows
    // the answer, so poll until a request computes nothing).
    expect(t.runtime.services.chart.computations - before).toBeGreaterThanOrEqual(1);
    const chartService = t.runtime.services.chart;
    await expect.poll(async () => {
      const computed = chartService.computations;
      expect((await post('2010-01-01T00:00:00Z')).status).toBe(200);
      return chartService.computations - computed;
    }, { timeout: 10_000 }).toBe(0);
    expect(warnings()).toHaveLength(1);
    const ready = await request(t.app).get('/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('degraded');
    expect(ready.body.checks.redis.status).toBe('down');
    const metrics = await request(t.app).get('/metrics');
    expect(metrics.text).toMatch(/^nocturna_cache_up 0$/m);
  });

  it('uses Redis again when it returns', async () => {
    await redis.start();
    for (let i = 0; i < 100 && t.redis!.status !== 'ready'; i += 1) await sleep(50);
    expect(t.redis!.status).toBe('ready');
    const before = t.runtime.services.chart.computations;
    expect((await post('2010-02-02T00:00:00Z')).status).toBe(200);
    await t.waitForCacheEntries(1); // the restarted Redis starts empty
    const again = await post('2010-02-02T00:00:00Z');
    expect(again.status).toBe(200);
    expect(again.headers.age).toBeDefined();
    expect(t.runtime.services.chart.computations - before).toBe(1);
    expect(recoveries()).toHaveLength(1);
    expect(warnings()).toHaveLength(1);
    const ready = await request(t.app).get('/ready');
    expect(ready.body.checks.redis.status).toBe('ok');
  });
});
