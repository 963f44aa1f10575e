/**
 * `charts(inputs:)`: each input answered exactly as `chart(input:)` answers it (50 inputs against 50
 * single requests, compared whole), bounded (MAX_BATCH_CHARTS), errors naming the input's index,
 * and priced like that many single charts in the cost limit and the quota.
 */
import 'reflect-metadata';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_CHARTS } from '../../src/graphql/chart/chart.resolver.js';
import type { QuotaRequest } from '../../src/quota/quota.hook.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

const SELECTION = 'moment { utc julianDayUt } positions { body longitude latitude longitudeSpeed house } houses { cusps ascendant } aspects { first second type orb applying }';
const BATCH = `query Batch($inputs: [ChartInput!]!) { charts(inputs: $inputs) { ${SELECTION} } }`;
const SINGLE = `query Single($input: ChartInput!) { chart(input: $input) { ${SELECTION} } }`;

/** 50 different inputs: instants a little over a week apart from 1950, places around the globe, some without a place. */
function inputs(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    moment: { utc: new Date(Date.UTC(1950, 0, 1) + i * 8.37 * 86_400_000).toISOString() },
    ...(i % 5 === 4 ? {} : { location: { latitude: -60 + ((i * 7.3) % 120), longitude: -180 + ((i * 37.1) % 360) } }),
    ...(i % 3 === 0 ? { houseSystem: 'KOCH' } : {}),
  }));
}

let t: TestApp;
const quotaCalls: QuotaRequest[] = [];
beforeAll(async () => {
  t = await createTestApp({
    // Room for 50 charts of this selection whatever their count: 50 × (10 + selection) < 10,000.
    env: { MAX_QUERY_COST: '10000' },
    deps: {
      quota: async (req) => {
        quotaCalls.push(req);
        return { allowed: true, limit: 100_000, remaining: 100_000 - quotaCalls.length, resetAtEpochSeconds: Math.floor(Date.now() / 1000) + 3600 };
      },
    },
  });
});
afterAll(async () => t.dispose());

describe('charts(inputs:)', () => {
  it('answers 50 inputs exactly as 50 single chart queries', async () => {
    const list = inputs(50);
    expect(list.length).toBe(MAX_BATCH_CHARTS);
    const batch = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: BATCH, variables: { inputs: list } });
    expect(batch.status).toBe(200);
    expect(batch.body.errors).toBeUndefined();
    const charts = batch.body.data.charts as unknown[];
    expect(charts).toHaveLength(50);
    for (const [i, input] of list.entries()) {
      const single = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: SINGLE, variables: { input } });
      expect(single.status).toBe(200);
      expect(charts[i], `input ${i}`).toEqual(single.body.data.chart);
    }
    // Different inputs, different answers (the comparison above is not of 50 copies of one chart).
    expect(new Set(charts.map((c) => JSON.stringify(c))).size).toBe(50);
  });

  it('is charged like that many single charts (quota units = items × chart cost)', async () => {
    quotaCalls.length = 0;
    const literal = `{ charts(inputs: [{moment: {utc: "2001-01-01T00:00:00Z"}}, {moment: {utc: "2002-01-01T00:00:00Z"}}, {moment: {utc: "2003-01-01T00:00:00Z"}}]) { moment { utc } } }`;
    const res = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: literal });
    expect(res.status).toBe(200);
    expect(res.body.data.charts).toHaveLength(3);
    const single = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: '{ chart(input: {moment: {utc: "2001-01-01T00:00:00Z"}}) { moment { utc } } }' });
    expect(single.status).toBe(200);
    expect(quotaCalls).toHaveLength(2);
    expect(quotaCalls[1].cost).toBe(1);
    expect(quotaCalls[0].cost).toBe(3);
  });

  it('counts each item in the cost limit like a single chart', async () => {
    const small = await createTestApp({ env: { MAX_QUERY_COST: '40' } });
    try {
      // One chart with `moment { utc }` costs 10 + 1 + 1 = 12: three fit in 40, four do not.
      const query = (n: number) => `{ charts(inputs: [${Array.from({ length: n }, (_, i) => `{moment: {utc: "200${i}-01-01T00:00:00Z"}}`).join(',')}]) { moment { utc } } }`;
      const three = await request(small.app).post('/graphql').set('Authorization', small.auth).send({ query: query(3) });
      expect(three.status).toBe(200);
      const four = await request(small.app).post('/graphql').set('Authorization', small.auth).send({ query: query(4) });
      expect(four.status).toBe(400);
      expect(four.body.errors[0].extensions.cost).toBe(48);
    } finally {
      await small.dispose();
    }
  });

  it(`refuses more than ${MAX_BATCH_CHARTS} inputs, none, and names the bad input by its index`, async () => {
    for (const list of [inputs(MAX_BATCH_CHARTS + 1), []]) {
      const res = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: BATCH, variables: { inputs: list } });
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res.body.errors[0].extensions)).toContain('"inputs"');
    }
    const bad = inputs(3);
    bad[1] = { moment: { utc: bad[1].moment.utc }, location: { latitude: 91, longitude: 0 } };
    const res = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: BATCH, variables: { inputs: bad } });
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.body.errors[0].extensions)).toContain('inputs.1.location.latitude');
  });
});
