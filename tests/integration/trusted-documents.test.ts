/**
 * Trusted documents (TRUSTED_DOCUMENTS, TRUSTED_DOCUMENTS_FILE): each mode on both paths (the fast
 * path, and Apollo's, forced with an Origin header), documents prepared and compiled at start, and
 * a bad manifest stopping the start with a message naming the document and the problem.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { CHART_QUERY, NEW_YORK_INPUT, POSITIONS_QUERY } from '../helpers/queries.js';

const id = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;
const CHART_ID = id(CHART_QUERY);
const UNKNOWN_ID = id('query Unknown { __typename }');
/** Forces express and Apollo (the fast path hands requests with an Origin on). */
const VIA_APOLLO = { Origin: 'https://elsewhere.example' };

function manifestFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'nocturna-trusted-')), 'persisted-documents.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}
const MANIFEST = manifestFile({ [CHART_ID]: CHART_QUERY });

async function appWith(mode: string): Promise<TestApp> {
  return createTestApp({ env: { TRUSTED_DOCUMENTS: mode, TRUSTED_DOCUMENTS_FILE: mode === 'off' ? undefined : MANIFEST } });
}

const variables = { input: NEW_YORK_INPUT };

describe.each(['allow', 'require'] as const)('TRUSTED_DOCUMENTS=%s', (mode) => {
  let t: TestApp;
  let reference: TestApp;
  beforeAll(async () => {
    [t, reference] = await Promise.all([appWith(mode), appWith('off')]);
  });
  afterAll(async () => Promise.all([t.dispose(), reference.dispose()]));

  it('serves {documentId, variables} from the manifest on both paths, the answer of the same text', async () => {
    const expected = await request(reference.app).post('/graphql').set('Authorization', t.auth).send({ query: CHART_QUERY, variables });
    expect(expected.status).toBe(200);
    expect(expected.body.data.chart.positions.length).toBeGreaterThan(10);
    const apollo = vi.spyOn(t.apollo, 'executeHTTPGraphQLRequest');
    // The first request already runs on the fast path: the document was prepared at start.
    const fast = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ documentId: CHART_ID, variables });
    expect(fast.status).toBe(200);
    expect(apollo).not.toHaveBeenCalled();
    expect(fast.text).toBe(expected.text);
    const viaApollo = await request(t.app).post('/graphql').set('Authorization', t.auth).set(VIA_APOLLO).send({ documentId: CHART_ID, variables });
    expect(apollo).toHaveBeenCalledTimes(1);
    expect(viaApollo.status).toBe(200);
    expect(viaApollo.text).toBe(expected.text);
    const get = await request(t.app)
      .get('/graphql')
      .query({ documentId: CHART_ID, variables: JSON.stringify(variables) })
      .set('Authorization', t.auth)
      .set('Accept', 'application/json')
      .set('apollo-require-preflight', 'true');
    expect(get.status).toBe(200);
    expect(get.body).toEqual(expected.body);
    apollo.mockRestore();
  });

  it('answers an unknown documentId with 400 PERSISTED_QUERY_NOT_FOUND on both paths', async () => {
    for (const headers of [{}, VIA_APOLLO]) {
      const res = await request(t.app).post('/graphql').set('Authorization', t.auth).set(headers).send({ documentId: UNKNOWN_ID, variables });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(res.body.data).toBeUndefined();
    }
  });

  it(mode === 'require' ? 'refuses any other text with 400 TRUSTED_DOCUMENT_REQUIRED' : 'runs other texts as usual', async () => {
    for (const headers of [{}, VIA_APOLLO]) {
      const res = await request(t.app).post('/graphql').set('Authorization', t.auth).set(headers).send({ query: POSITIONS_QUERY, variables });
      if (mode === 'require') {
        expect(res.status).toBe(400);
        expect(res.body.errors[0].extensions.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
        expect(res.body.data).toBeUndefined();
      } else {
        expect(res.status).toBe(200);
        expect(res.body.data.positions.length).toBeGreaterThan(10);
      }
      // The manifest's own text is trusted when sent as text too.
      const same = await request(t.app).post('/graphql').set('Authorization', t.auth).set(headers).send({ query: CHART_QUERY, variables });
      expect(same.status).toBe(200);
    }
    const get = await request(t.app)
      .get('/graphql')
      .query({ query: '{ __typename }' })
      .set('Accept', 'application/json')
      .set('apollo-require-preflight', 'true');
    expect(get.status).toBe(mode === 'require' ? 400 : 200);
    if (mode === 'require') {
      expect(get.body.errors[0].extensions.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
      const apq = await request(t.app)
        .post('/graphql')
        .set('Authorization', t.auth)
        .send({ extensions: { persistedQuery: { version: 1, sha256Hash: UNKNOWN_ID.slice(7) } }, variables });
      expect(apq.status).toBe(400);
      expect(apq.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    }
  });
});

describe('TRUSTED_DOCUMENTS=off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWith('off');
  });
  afterAll(async () => t.dispose());

  it('runs any text and does not read documentId', async () => {
    const res = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: POSITIONS_QUERY, variables });
    expect(res.status).toBe(200);
    const byId = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ documentId: CHART_ID, variables });
    expect(byId.status).toBe(400);
    expect(byId.body.data).toBeUndefined();
    expect(byId.body.errors[0].extensions.code).not.toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe('a bad manifest stops the start', () => {
  it.each([
    ['not JSON', '{"sha256:', /not JSON/],
    ['an array', '[]', /expected a JSON object/],
    ['a wrong id', { 'md5:abc': CHART_QUERY }, /"md5:abc": not an id/],
    ['an id that is not the text\'s hash', { [UNKNOWN_ID]: CHART_QUERY }, new RegExp(`${UNKNOWN_ID}: is not the sha256`)],
    ['a document the schema refuses', { [id('{ nope }')]: '{ nope }' }, /Cannot query field "nope" on type "Query"/],
    ['a document missing a required input field', { [id('{ chart(input: {}) { moment { utc } } }')]: '{ chart(input: {}) { moment { utc } } }' }, /ChartInput\.moment/],
  ])('%s', async (_name, content, message) => {
    await expect(createTestApp({ env: { TRUSTED_DOCUMENTS: 'require', TRUSTED_DOCUMENTS_FILE: manifestFile(content) } })).rejects.toThrow(message);
  });

  it('validates with the request limits (MAX_QUERY_DEPTH)', async () => {
    await expect(
      createTestApp({ env: { TRUSTED_DOCUMENTS: 'allow', TRUSTED_DOCUMENTS_FILE: MANIFEST, MAX_QUERY_DEPTH: '2' } }),
    ).rejects.toThrow(new RegExp(`${CHART_ID}: Query is too deep`));
  });

  it('needs TRUSTED_DOCUMENTS_FILE unless off', async () => {
    await expect(createTestApp({ env: { TRUSTED_DOCUMENTS: 'require' } })).rejects.toThrow(/TRUSTED_DOCUMENTS_FILE: required when TRUSTED_DOCUMENTS is require/);
  });
});
