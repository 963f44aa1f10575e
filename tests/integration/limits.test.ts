/** Limits before execution: estimated cost (200 aliased charts), depth, request body size. */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.dispose());

function aliasedCharts(n: number): string {
  const fields = Array.from(
    { length: n },
    (_, i) =>
      `c${i}: chart(input: { moment: { utc: "2000-01-01T00:00:${String(i % 60).padStart(2, '0')}Z" }, location: { latitude: 1, longitude: ${i % 180} } }) {
        positions { body longitude latitude sign house } houses { cusps ascendant midheaven } aspects { first second type orb } }`,
  );
  return `query Many { ${fields.join('\n')} }`;
}

describe('query cost', () => {
  it('refuses 200 aliased charts with a clear error and computes nothing', async () => {
    const before = t.runtime.services.chart.computations;
    const res = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: aliasedCharts(200) });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    const error = res.body.errors[0];
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.reason).toBe('QUERY_TOO_COSTLY');
    expect(error.extensions.maxCost).toBe(1000);
    expect(error.extensions.cost).toBeGreaterThan(1000);
    expect(error.message).toMatch(/too expensive.*estimated cost \d+ exceeds the maximum of 1000/);
    expect(t.runtime.services.chart.computations).toBe(before);
  });

  it('accepts a few aliased charts', async () => {
    const res = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: aliasedCharts(3) });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.data)).toHaveLength(3);
  });

  it('counts fragments every time they are spread', async () => {
    // One named fragment (positions 10 + body 1 + longitude 1 = 12) spread 100 times: 1200 only if
    // every spread counts (the spreads merge into one field at execution, so each alone is cheap).
    const fragment = 'fragment P on Query { positions(input: { moment: { utc: "2000-01-01T00:00:00Z" } }) { body longitude } }';
    const spreads = Array.from({ length: 100 }, () => '...P');
    const res = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: `${fragment} query { ${spreads.join(' ')} }` });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.reason).toBe('QUERY_TOO_COSTLY');
    expect(res.body.errors[0].extensions.cost).toBe(1200);
  });
});

describe('query depth', () => {
  let shallow: TestApp;
  beforeAll(async () => {
    shallow = await createTestApp({ env: { MAX_QUERY_DEPTH: '2' } });
  });
  afterAll(async () => shallow.dispose());

  it('refuses a selection deeper than MAX_QUERY_DEPTH', async () => {
    const res = await request(shallow.app)
      .post('/graphql')
      .set('Authorization', shallow.auth)
      .send({ query: '{ chart(input: { moment: { utc: "2000-01-01T00:00:00Z" } }) { moment { utc } } }' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.reason).toBe('QUERY_TOO_DEEP');
    expect(res.body.errors[0].message).toMatch(/depth 3 exceeds the maximum of 2/);
  });

  it('allows the same depth as the limit', async () => {
    const res = await request(shallow.app)
      .post('/graphql')
      .set('Authorization', shallow.auth)
      .send({ query: '{ positions(input: { moment: { utc: "2000-01-01T00:00:00Z" } }) { longitude } }' });
    expect(res.status).toBe(200);
  });
});

describe('request body size', () => {
  it('answers 413 above BODY_LIMIT_BYTES (default 100 kB)', async () => {
    const res = await request(t.app)
      .post('/graphql')
      .set('Authorization', t.auth)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(150_000) } }));
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('answers 400 to malformed JSON', async () => {
    const res = await request(t.app).post('/graphql').set('Content-Type', 'application/json').send('{"query": ');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(res.body.errors[0].message).toMatch(/Malformed JSON/);
  });
});
