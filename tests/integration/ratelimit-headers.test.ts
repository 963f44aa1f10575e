/**
 * IETF RateLimit headers (draft-ietf-httpapi-ratelimit-headers: `RateLimit-Policy` and `RateLimit`,
 * structured-field Lists of Items, RFC 9651) beside X-RateLimit-*, from the real quota service, on
 * the GraphQL fast path, Apollo's path and REST. Parsed with an independent structured-field parser.
 */
import request from 'supertest';
import { parseList, type Item } from 'structured-headers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuotaHook } from '../../src/accounts/accounts.wiring.js';
import { createQuotaService } from '../../src/quota/quota.service.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { CHART_QUERY } from '../helpers/queries.js';

const LIMIT = 50;
const WINDOW_SECONDS = 600;

let t: TestApp;
beforeAll(async () => {
  const quota = createQuotaService({ defaultPerHour: LIMIT, premiumPerHour: 500, windowSeconds: WINDOW_SECONDS, keyPrefix: `ratelimit-test-${Date.now()}:` });
  const accounts = { state: { userState: async () => null }, quota } as unknown as Parameters<typeof createQuotaHook>[0];
  t = await createTestApp({ deps: { quota: createQuotaHook(accounts) } });
});
afterAll(async () => t.dispose());

/** The one item of a header, with its parameters as a plain object. */
function onlyItem(value: string | undefined): { name: unknown; params: Record<string, unknown> } {
  expect(value).toBeDefined();
  const list = parseList(value!);
  expect(list).toHaveLength(1);
  const [name, params] = list[0] as Item;
  return { name, params: Object.fromEntries(params) };
}

function checkHeaders(headers: Record<string, string | undefined>, remaining: number): void {
  const policy = onlyItem(headers['ratelimit-policy']);
  expect(policy).toEqual({ name: 'default', params: { q: LIMIT, w: WINDOW_SECONDS } });
  const state = onlyItem(headers.ratelimit);
  expect(state.name).toBe('default');
  expect(state.params.r).toBe(remaining);
  expect(headers['x-ratelimit-remaining']).toBe(String(remaining));
  expect(headers['x-ratelimit-limit']).toBe(String(LIMIT));
  // t: seconds until the window resets, the same instant as X-RateLimit-Reset (epoch seconds).
  const t = state.params.t as number;
  expect(Number.isInteger(t) && t >= 1 && t <= WINDOW_SECONDS).toBe(true);
  const resetIn = Number(headers['x-ratelimit-reset']) - Date.now() / 1000;
  expect(Math.abs(resetIn - t) <= 2).toBe(true);
}

describe('RateLimit and RateLimit-Policy', () => {
  it('are sent with X-RateLimit-* on GraphQL (both paths) and REST, counting down together', async () => {
    const body = { query: CHART_QUERY, variables: { input: { moment: { utc: '2011-11-11T11:11:11Z' } } } };
    let expected = LIMIT;
    const apollo = await request(t.app).post('/graphql').set('Authorization', t.auth).send(body);
    expect(apollo.status).toBe(200);
    // A chart costs one quota unit.
    expected = LIMIT - 1;
    checkHeaders(apollo.headers, expected);
    const fast = await request(t.app).post('/graphql').set('Authorization', t.auth).send(body);
    expect(fast.status).toBe(200);
    expect(Number(fast.headers['x-ratelimit-remaining'])).toBeLessThan(expected);
    checkHeaders(fast.headers, Number(fast.headers['x-ratelimit-remaining']));
    expected = Number(fast.headers['x-ratelimit-remaining']);
    const rest = await request(t.app).get('/api/v1/calculations').set('Authorization', t.auth);
    expect(rest.status).toBe(200);
    checkHeaders(rest.headers, expected - 1);
  });

  it('say r=0 and Retry-After when the quota is spent', async () => {
    let last = await request(t.app).get('/api/v1/calculations').set('Authorization', t.auth);
    for (let i = 0; i < LIMIT && last.status !== 429; i++) {
      last = await request(t.app).get('/api/v1/calculations').set('Authorization', t.auth);
    }
    expect(last.status).toBe(429);
    checkHeaders(last.headers, 0);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });
});
