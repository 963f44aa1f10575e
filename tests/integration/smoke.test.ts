import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { CHART_QUERY, NEW_YORK_INPUT } from '../helpers/queries.js';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.dispose());

  it('answers a chart', async () => {
    const res = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: CHART_QUERY, variables: { input: NEW_YORK_INPUT } });
    console.log(res.status, JSON.stringify(res.body).slice(0, 600));
    expect(res.status).toBe(200);
  });
});
