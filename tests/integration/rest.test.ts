/**
 * REST routes: health endpoints, /metrics, the old service's POST /api/v1/calculations body
 * (same longitudes as GraphQL), X-Request-ID, CORS, 404s, introspection and the sandbox.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/app.deps.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { CHART_QUERY } from '../helpers/queries.js';

const GUIDE_BODY = { date: '2024-01-01T12:00:00Z', latitude: 40.7128, longitude: -74.006, calculations: ['positions', 'aspects'] };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { CORS_ORIGINS: '["https://backend.example.com","https://app.example.com"]' } });
});
afterAll(async () => t.dispose());

describe('health', () => {
  it('GET /health is liveness only', async () => {
    const res = await request(t.app).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it.each(['/ready', '/api/v1/health'])('GET %s reports database, redis and ephemeris with latency', async (path) => {
    const res = await request(t.app).get(path);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.checks.database).toEqual({ status: 'not_configured', required: false });
    expect(res.body.checks.redis).toMatchObject({ status: 'not_configured', kind: 'memory' });
    expect(res.body.checks.ephemeris.status).toBe('ok');
    expect(res.body.checks.ephemeris.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('GET /api/v1/calculations/health checks the ephemeris', async () => {
    const res = await request(t.app).get('/api/v1/calculations/health');
    expect(res.status).toBe(200);
    expect(res.body.checks.ephemeris.status).toBe('ok');
  });

  it('answers 503 when a configured database is down, 200 when it is up', async () => {
    let up = true;
    const database: DatabaseHandle = {
      kind: 'postgresql',
      ping: async () => {
        if (!up) throw new Error('connection refused');
      },
      close: async () => undefined,
    };
    const withDb = await createTestApp({ deps: { database } });
    try {
      const ok = await request(withDb.app).get('/api/v1/health');
      expect(ok.status).toBe(200);
      expect(ok.body.checks.database).toMatchObject({ status: 'ok', kind: 'postgresql', required: true });
      up = false;
      const down = await request(withDb.app).get('/ready');
      expect(down.status).toBe(503);
      expect(down.body.status).toBe('unavailable');
      expect(down.body.checks.database.status).toBe('down');
      expect((await request(withDb.app).get('/health')).status).toBe(200);
    } finally {
      await withDb.dispose();
    }
  });

  it('reports the real Redis as ok', async () => {
    const withRedis = await createTestApp({ redisUrl: 'redis://127.0.0.1:6379' });
    try {
      const res = await request(withRedis.app).get('/ready');
      expect(res.status).toBe(200);
      expect(res.body.checks.redis).toMatchObject({ status: 'ok', kind: 'redis' });
      expect(res.body.checks.redis.latencyMs).toBeGreaterThanOrEqual(0);
    } finally {
      await withRedis.dispose();
    }
  });
});

describe('POST /api/v1/calculations (the deployment guide integration body)', () => {
  it('returns the same longitudes as GraphQL', async () => {
    const rest = await request(t.app).post('/api/v1/calculations').set('Authorization', t.auth).send(GUIDE_BODY);
    expect(rest.status).toBe(200);
    expect(rest.body.date).toBe('2024-01-01T12:00:00Z');
    expect(rest.body.moment.utc).toBe('2024-01-01T12:00:00.000Z');
    expect(rest.body.houses).toBeUndefined();
    const gql = await request(t.app)
      .post('/graphql')
      .set('Authorization', t.auth)
      .send({ query: CHART_QUERY, variables: { input: { moment: { utc: '2024-01-01T12:00:00Z' }, location: { latitude: 40.7128, longitude: -74.006 } } } });
    const chart = gql.body.data.chart;
    expect(rest.body.positions.map((p: { longitude: number }) => p.longitude)).toEqual(chart.positions.map((p: { longitude: number }) => p.longitude));
    expect(rest.body.positions.map((p: { house: number }) => p.house)).toEqual(chart.positions.map((p: { house: number }) => p.house));
    expect(rest.body.aspects).toEqual(chart.aspects);
  });

  it('GET (the guide\'s token check) answers who the token is, and 401 without one', async () => {
    const res = await request(t.app).get('/api/v1/calculations').set('Authorization', t.auth);
    expect(res.status).toBe(200);
    expect(res.body.authenticated).toMatchObject({ subject: 'test-user', kind: 'access' });
    expect(res.body.usage.body.calculations).toEqual(['positions', 'aspects', 'houses']);
    expect((await request(t.app).get('/api/v1/calculations')).status).toBe(401);
  });

  it('returns houses when asked', async () => {
    const res = await request(t.app)
      .post('/api/v1/calculations')
      .set('Authorization', t.auth)
      .send({ ...GUIDE_BODY, calculations: ['houses'] });
    expect(res.status).toBe(200);
    expect(res.body.houses.cusps).toHaveLength(12);
    expect(res.body.positions).toBeUndefined();
  });

  it.each([
    [{ ...GUIDE_BODY, date: undefined }, 'date'],
    [{ ...GUIDE_BODY, date: '2024-01-01T12:00:00' }, 'date'],
    [{ ...GUIDE_BODY, latitude: 95 }, 'latitude'],
    [{ ...GUIDE_BODY, elevation: 30_000 }, 'elevation'],
    [{ ...GUIDE_BODY, longitude: 'west' }, 'longitude'],
    [{ ...GUIDE_BODY, calculations: ['positions', 'tarot'] }, 'calculations.1'],
    [{ ...GUIDE_BODY, calculations: [] }, 'calculations'],
  ])('400 BAD_USER_INPUT for %j', async (body, field) => {
    const res = await request(t.app).post('/api/v1/calculations').set('Authorization', t.auth).send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_USER_INPUT');
    expect(res.body.error.field).toBe(field);
    expect(res.body.detail).toBe(res.body.error.message);
  });

  it.each([
    [{ ...GUIDE_BODY, latitude: 95 }, 'latitude', 'latitude: must be between -90 and 90'],
    [{ ...GUIDE_BODY, longitude: -200 }, 'longitude', 'longitude: must be between -180 and 180'],
    [{ ...GUIDE_BODY, elevation: 30_000 }, 'elevation', 'elevation: must be between -500 and 20000'],
    [{ ...GUIDE_BODY, longitude: 'west' }, 'longitude', 'longitude must be a number (degrees, east positive)'],
    [{ ...GUIDE_BODY, elevation: 'high' }, 'elevation', 'elevation must be a number (metres)'],
  ])('a coordinate out of range says its range, one of the wrong type its type: %j', async (body, field, message) => {
    const res = await request(t.app).post('/api/v1/calculations').set('Authorization', t.auth).send(body);
    expect([res.status, res.body.error.field, res.body.error.message]).toEqual([400, field, message]);
  });

  it('400 BAD_REQUEST for a malformed JSON body', async () => {
    const res = await request(t.app)
      .post('/api/v1/calculations')
      .set('Authorization', t.auth)
      .set('Content-Type', 'application/json')
      .send('{"date": "2024-01-01T12:00:00Z", ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    expect(res.body.error.message).toBe('Malformed JSON body');
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});

describe('GET /metrics', () => {
  it('exposes HTTP and GraphQL counts and latency histograms, cache and process metrics', async () => {
    await request(t.app)
      .post('/graphql')
      .set('Authorization', t.auth)
      .send({ query: 'query SunOnly { positions(input: { moment: { utc: "2000-01-01T00:00:00Z" }, bodies: [SUN] }) { longitude } }' });
    await request(t.app).post('/graphql').send({ query: 'query SunOnly { positions(input: { moment: { utc: "2000-01-01T00:00:00Z" }, bodies: [SUN] }) { longitude } }' });
    const res = await request(t.app).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/nocturna_http_requests_total\{method="POST",route="\/graphql",status="200"\} \d+/);
    expect(res.text).toMatch(/nocturna_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/health",status="200"\} \d+/);
    expect(res.text).toMatch(/nocturna_graphql_requests_total\{operation="SunOnly",outcome="ok"\} 1/);
    expect(res.text).toMatch(/nocturna_graphql_request_duration_seconds_count\{operation="SunOnly",outcome="ok"\} 1/);
    expect(res.text).toMatch(/nocturna_http_requests_total\{method="POST",route="\/graphql",status="401"\} 1/);
    expect(res.text).toMatch(/nocturna_response_cache_misses_total \d+/);
    expect(res.text).toMatch(/nocturna_response_cache_hits_total \d+/);
    expect(res.text).toMatch(/nocturna_chart_computations_total \d+/);
  });

  it('with METRICS_TOKEN, answers only its bearer (401 with WWW-Authenticate otherwise)', async () => {
    const token = 'metrics-scraper-token-0123456789';
    const guarded = await createTestApp({ env: { METRICS_TOKEN: token } });
    try {
      for (const authorization of [undefined, 'Bearer wrong-token-0123456789abcdef', `Bearer ${token}x`, token]) {
        const req = request(guarded.app).get('/metrics');
        const res = await (authorization === undefined ? req : req.set('Authorization', authorization));
        expect(res.status, authorization).toBe(401);
        expect(res.headers['www-authenticate']).toBe('Bearer');
        expect(res.body.error.code).toBe('UNAUTHENTICATED');
      }
      const ok = await request(guarded.app).get('/metrics').set('Authorization', `Bearer ${token}`);
      expect(ok.status).toBe(200);
      expect(ok.text).toMatch(/^nocturna_http_requests_total\{method="GET",route="\/metrics",status="401"\} 4$/m);
    } finally {
      await guarded.dispose();
    }
  });

  it('has process metrics in a normally built app', async () => {
    const { createApp } = await import('../../src/app.js');
    const app = await createApp(t.config, { logger: (await import('../../src/observability/logger.js')).createLogger('silent') });
    try {
      const res = await request(app.app).get('/metrics');
      expect(res.text).toMatch(/nocturna_process_cpu_user_seconds_total/);
      expect(res.text).toMatch(/nocturna_nodejs_heap_size_used_bytes/);
    } finally {
      await app.close();
    }
  });
});

describe('request id, CORS, 404', () => {
  it('echoes a sane X-Request-ID and generates one otherwise', async () => {
    const mine = await request(t.app).get('/health').set('X-Request-ID', 'abc-123');
    expect(mine.headers['x-request-id']).toBe('abc-123');
    const generated = await request(t.app).get('/health');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const hostile = await request(t.app).get('/health').set('X-Request-ID', 'bad id with spaces and /slashes');
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs one structured line per request with request id, operation, duration and outcome', async () => {
    await request(t.app)
      .post('/graphql')
      .set('Authorization', t.auth)
      .set('X-Request-ID', 'log-line-check')
      .send({ query: 'query LogCheck { positions(input: { moment: { utc: "2001-01-01T00:00:00Z" }, bodies: [SUN] }) { longitude } }' });
    const line = t.logs.map((l) => JSON.parse(l)).find((l) => l.requestId === 'log-line-check' && l.msg === 'request');
    expect(line).toMatchObject({ level: 'info', requestId: 'log-line-check', operation: 'LogCheck', outcome: 'ok', status: 200, route: '/graphql' });
    expect(line.durationMs).toBeGreaterThan(0);
  });

  it('allows the configured origins only', async () => {
    const allowed = await request(t.app).get('/health').set('Origin', 'https://app.example.com');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
    const preflight = await request(t.app)
      .options('/graphql')
      .set('Origin', 'https://backend.example.com')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/Authorization/);
    const other = await request(t.app).get('/health').set('Origin', 'https://evil.example.com');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await request(t.app).get('/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

describe('introspection and sandbox', () => {
  it('are on in development: the landing page is served to browsers', async () => {
    const res = await request(t.app).get('/graphql').set('Accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<html/i);
  });

  it('are off in production unless enabled', async () => {
    const env = { NODE_ENV: 'production', SECRET_KEY: '9f4c2a7e1b8d3f6a0c5e9b2d7f1a4c8e3b6d0f9a2c5e8b1d4f7a0c3e6b9d2f5a' };
    const prod = await createTestApp({ env });
    const open = await createTestApp({ env: { ...env, ENABLE_INTROSPECTION: 'true', ENABLE_SANDBOX: 'true' } });
    try {
      const introspection = await request(prod.app).post('/graphql').send({ query: '{ __schema { queryType { name } } }' });
      expect(introspection.status).toBe(400);
      expect(introspection.body.errors[0].message).toMatch(/introspection/i);
      const page = await request(prod.app).get('/graphql').set('Accept', 'text/html');
      expect(page.text).not.toMatch(/<html/i);
      const enabled = await request(open.app).post('/graphql').send({ query: '{ __schema { queryType { name } } }' });
      expect(enabled.body.data.__schema.queryType.name).toBe('Query');
      expect((await request(open.app).get('/graphql').set('Accept', 'text/html')).text).toMatch(/<html/i);
    } finally {
      await prod.dispose();
      await open.dispose();
    }
  });
});
