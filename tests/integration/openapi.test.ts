/**
 * The REST routes' OpenAPI 3.1 description: valid against the OpenAPI 3.1 schema (the schemas
 * shipped by @seriousme/openapi-schema-validator, offline), complete (every route express serves,
 * but GraphQL's and the explorer's, is in it), and true (the documented schemas accept what the
 * routes answer and refuse what they refuse); the documentation page is served from our origin.
 */
import { createHash } from 'node:crypto';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let doc: Record<string, any>;
beforeAll(async () => {
  t = await createTestApp();
  const res = await request(t.app).get('/api/v1/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body as Record<string, any>;
});
afterAll(async () => t.dispose());

/** Method and path of every route express serves (routers mounted at the root, as app.ts does). */
function expressRoutes(app: TestApp['express']): string[] {
  const out: string[] = [];
  const walk = (stack: any[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods as Record<string, boolean>)) out.push(`${method} ${String(layer.route.path)}`);
      } else if (Array.isArray(layer.handle?.stack)) {
        walk(layer.handle.stack as any[]);
      }
    }
  };
  walk((app as any).router.stack as any[]);
  return out;
}

/** A validator of one documented schema, with the document's components for its $refs. */
function validatorOf(schema: object) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'doc', components: doc.components }, 'doc');
  const text = JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/');
  return ajv.compile(JSON.parse(text) as object);
}

describe('GET /api/v1/openapi.json', () => {
  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('describes every REST route the app serves', () => {
    const routes = expressRoutes(t.express).filter((r) => !/ \/(graphql|explorer)/.test(r));
    expect(routes.length).toBeGreaterThanOrEqual(9);
    const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(routes.filter((r) => !documented.includes(r))).toEqual([]);
    expect(documented.filter((r) => !routes.includes(r))).toEqual([]);
    for (const path of ['/api/v1/calculations', '/api/v1/charts/wheel.svg', '/health', '/ready', '/api/v1/health', '/api/v1/calculations/health']) {
      expect(Object.keys(doc.paths as object)).toContain(path);
    }
  });

  it('documents the calculations body the route validates, and the answer it gives', async () => {
    const op = doc.paths['/api/v1/calculations'].post;
    const body = validatorOf(op.requestBody.content['application/json'].schema as object);
    const good = { date: '2024-01-01T12:00:00Z', latitude: 40.7128, longitude: -74.006, calculations: ['positions', 'houses'] };
    expect(body(good)).toBe(true);
    for (const bad of [{ ...good, latitude: 95 }, { ...good, date: undefined }, { ...good, calculations: ['tarot'] }, { ...good, longitude: 'west' }]) {
      expect(body(bad), JSON.stringify(bad)).toBe(false);
      const res = await request(t.app).post('/api/v1/calculations').set('Authorization', t.auth).send(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    const answer = await request(t.app).post('/api/v1/calculations').set('Authorization', t.auth).send(good);
    expect(answer.status).toBe(200);
    const response = validatorOf(op.responses['200'].content['application/json'].schema as object);
    expect(response(answer.body), JSON.stringify(response.errors)).toBe(true);
    expect(response({ ...answer.body, positions: [{ ...answer.body.positions[0], body: 'VULCAN' }] })).toBe(false);
    expect(Object.keys(op.responses as object)).toEqual(expect.arrayContaining(['200', '400', '401', '429']));
    expect(op.security).toBeUndefined(); // the document's default: bearer
    expect(doc.security).toEqual([{ bearer: [] }]);
  });

  it('documents the wheel parameters with their types, ranges and values', () => {
    const params = doc.paths['/api/v1/charts/wheel.svg'].get.parameters as { name: string; in: string; required: boolean; schema: any }[];
    const byName = new Map(params.map((p) => [p.name, p]));
    expect(byName.get('latitude')?.schema).toMatchObject({ type: 'number', minimum: -90, maximum: 90 });
    expect(byName.get('outerLongitude')?.schema).toMatchObject({ type: 'number', minimum: -180, maximum: 180 });
    expect(byName.get('size')?.schema).toMatchObject({ type: 'integer', minimum: 300, maximum: 2000 });
    expect(byName.get('theme')?.schema.enum).toEqual(['light', 'dark']);
    expect(byName.get('bodies')?.schema.items.enum).toContain('CHIRON');
    expect(params.every((p) => p.in === 'query' && p.required === false)).toBe(true);
    expect(doc.paths['/api/v1/charts/wheel.svg'].get.responses['200'].content).toHaveProperty(['image/svg+xml']);
  });

  it('documents the health answers as they are', async () => {
    const res = await request(t.app).get('/api/v1/health');
    const schema = doc.paths['/api/v1/health'].get.responses['200'].content['application/json'].schema as object;
    const validate = validatorOf(schema);
    expect(validate(res.body), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...res.body, status: 'fine' })).toBe(false);
    expect(doc.paths['/health'].get.security).toEqual([]);
  });
});

describe('GET /api/v1/docs', () => {
  it('renders every route from our origin, without scripts, under a CSP that names no other origin', async () => {
    const res = await request(t.app).get('/api/v1/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).not.toMatch(/https?:|\*/);
    const html = res.text;
    expect(html).not.toMatch(/<script|https?:\/\/(?!json-schema\.org)/i);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(style.length).toBeGreaterThan(0);
    expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    for (const path of Object.keys(doc.paths as object)) expect(html).toContain(`<code>${path}</code>`);
    expect(html).toContain('<code>showDegreeLabels</code>');
  });
});
