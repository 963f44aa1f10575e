/**
 * Client mistakes are answered 4xx with a code from the closed set and a message saying what is
 * wrong; no internal message text (a stack overflow, a library's wording) reaches the client.
 * Each case was once answered 500 or with INTERNAL_SERVER_ERROR.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { CHART_QUERY, NEW_YORK_INPUT } from '../../helpers/queries.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.dispose();
});

const CODES = new Set(['BAD_USER_INPUT', 'BAD_REQUEST', 'UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED', 'NOT_FOUND',
  'SERVICE_UNAVAILABLE', 'PERSISTED_QUERY_NOT_FOUND', 'INTERNAL_SERVER_ERROR']);

/** The GraphQL errors of a response: every code from the closed set, none internal, no leaked text. */
function clientErrors(body: { errors?: { message: string; extensions?: { code?: string } }[] }) {
  const errors = body.errors ?? [];
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect(CODES.has(e.extensions?.code ?? '')).toBe(true);
    expect(e.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(e.message).not.toMatch(/call stack|Maximum|RangeError|zlib|incorrect header/i);
  }
  return errors;
}

const chartBody = JSON.stringify({ query: CHART_QUERY, variables: { input: NEW_YORK_INPUT } });

describe('honest status codes for client mistakes', () => {
  it('415 BAD_REQUEST for a JSON body in a charset other than UTF-8', async () => {
    const res = await request(t.app).post('/graphql').set('Authorization', t.auth)
      .set('Content-Type', 'application/json; charset=latin1').send(chartBody);
    expect(res.status).toBe(415);
    expect(clientErrors(res.body)[0].extensions?.code).toBe('BAD_REQUEST');
    expect(res.body.errors[0].message).toMatch(/charset/i);
  });

  it('400 BAD_REQUEST for Content-Encoding gzip over a plain body; 415 for an unknown encoding', async () => {
    const plain = await request(t.app).post('/graphql').set('Authorization', t.auth)
      .set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send(chartBody);
    expect(plain.status).toBe(400);
    expect(clientErrors(plain.body)[0].extensions?.code).toBe('BAD_REQUEST');

    const unknown = await request(t.app).post('/graphql').set('Authorization', t.auth)
      .set('Content-Type', 'application/json').set('Content-Encoding', 'x-snappy').send(chartBody);
    expect(unknown.status).toBe(415);
    expect(clientErrors(unknown.body)[0].message).toMatch(/Content-Encoding/);

    // A real gzip body is read (the check is of the mismatch, not of compression).
    const zipped = await request(t.app).post('/graphql').set('Authorization', t.auth)
      .set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').serialize((b: Buffer) => b as unknown as string).send(gzipSync(chartBody));
    expect(zipped.status, JSON.stringify(zipped.body)).toBe(200);
    expect(zipped.body.data.chart.positions.length).toBeGreaterThan(10);
  });

  it('400 BAD_REQUEST for variables nested 9,000 deep, on GraphQL and REST', async () => {
    const deep = `${'['.repeat(9000)}1${']'.repeat(9000)}`;
    const gql = await request(t.app).post('/graphql').set('Authorization', t.auth)
      .set('Content-Type', 'application/json')
      .send(`{"query":${JSON.stringify(CHART_QUERY)},"variables":{"input":${deep}}}`);
    expect(gql.status, JSON.stringify(gql.body)).toBe(400);
    expect(clientErrors(gql.body)[0].message).toMatch(/nested too deep/);

    const rest = await request(t.app).post('/api/v1/calculations').set('Authorization', t.auth)
      .set('Content-Type', 'application/json').send(`{"date":${deep}}`);
    expect(rest.status).toBe(400);
    expect(rest.body.error.code).toBe('BAD_REQUEST');
  });

  it('400 BAD_REQUEST for a query text of 2,000 nested brackets, without the parser overflowing', async () => {
    const query = `query { chart(input: ${'['.repeat(2000)}${']'.repeat(2000)}) { positions { body } } }`;
    const res = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query });
    expect(res.status).toBe(400);
    expect(clientErrors(res.body)[0].message).toMatch(/nested too deep/);
  });

  it('400 BAD_USER_INPUT for a subscription (the schema has none)', async () => {
    const res = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: 'subscription { x }' });
    expect(res.status).toBe(400);
    expect(clientErrors(res.body)[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('400 with a client code for APQ version 2 and for a hash that does not match the query', async () => {
    const version2 = await request(t.app).post('/graphql').set('Authorization', t.auth).send({
      query: CHART_QUERY, variables: { input: NEW_YORK_INPUT },
      extensions: { persistedQuery: { version: 2, sha256Hash: createHash('sha256').update(CHART_QUERY).digest('hex') } },
    });
    expect(version2.status).toBe(400);
    expect(clientErrors(version2.body)[0].extensions?.code).toBe('BAD_REQUEST');

    const mismatch = await request(t.app).post('/graphql').set('Authorization', t.auth).send({
      query: CHART_QUERY, variables: { input: NEW_YORK_INPUT },
      extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
    });
    expect(mismatch.status).toBe(400);
    expect(clientErrors(mismatch.body)[0].extensions?.code).toBe('BAD_REQUEST');
  });

  it('more than 50 invalid variable values: only BAD_USER_INPUT entries', async () => {
    const names = Array.from({ length: 60 }, (_, i) => `v${i}`);
    const query = `query Many(${names.map((n) => `$${n}: Int!`).join(', ')}) { __typename }`;
    const variables = Object.fromEntries(names.map((n) => [n, 'not an int']));
    const res = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query, variables });
    expect(res.status).toBe(400);
    const errors = clientErrors(res.body);
    expect(errors.length).toBeGreaterThan(50);
    expect(errors.every((e) => e.extensions?.code === 'BAD_USER_INPUT')).toBe(true);
  });

  it('the wheel refuses a size written in hex or with an exponent, naming the parameter', async () => {
    for (const size of ['0x7d0', '2e3', '1000.0', ' 600']) {
      const res = await request(t.app).get('/api/v1/charts/wheel.svg').set('Authorization', t.auth)
        .query({ date: '2024-01-01T12:00:00Z', latitude: 40.7, longitude: -74, size });
      expect(res.status, size).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'size' });
    }
    const ok = await request(t.app).get('/api/v1/charts/wheel.svg').set('Authorization', t.auth)
      .query({ date: '2024-01-01T12:00:00Z', latitude: 40.7, longitude: -74, size: '600' });
    expect(ok.status).toBe(200);
  });
});
