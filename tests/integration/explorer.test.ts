/**
 * GET /graphql for browsers (src/explorer/explorer.route.ts), in-process with supertest against a
 * stand-in bundle (a vite manifest naming two files) so that it does not depend on a build:
 * content negotiation (HTML only when preferred, POST and JSON GET still reach Apollo), the
 * Content-Security-Policy and other headers, the assets, the development token (only in
 * development, only for a loopback request to a loopback host name), and the switch
 * (ENABLE_SANDBOX). The real bundle in a real browser: tests/browser/explorer.test.ts.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_OPERATION, EXAMPLE_VARIABLES } from '../../src/explorer/example.operation.js';
import { EXPLORER_CSP } from '../../src/explorer/explorer.page.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, signTestToken } from '../helpers/tokens.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const PRODUCTION = { NODE_ENV: 'production', SECRET_KEY: '9f4c2a7e1b8d3f6a0c5e9b2d7f1a4c8e3b6d0f9a2c5e8b1d4f7a0c3e6b9d2f5a' };

/** A stand-in for dist/explorer: the manifest shape vite writes, with an entry, a CSS file and a shared chunk. */
function fakeBundle(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nocturna-explorer-bundle-'));
  mkdirSync(join(dir, '.vite'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'main-AbC123.js'), 'console.log("explorer");\n');
  writeFileSync(join(dir, 'assets', 'main-DeF456.css'), 'html{margin:0}\n');
  writeFileSync(join(dir, 'assets', 'runtime-GhI789.js'), '/* runtime */\n');
  writeFileSync(
    join(dir, '.vite', 'manifest.json'),
    JSON.stringify({
      '_runtime-GhI789.js': { file: 'assets/runtime-GhI789.js', name: 'runtime' },
      'main.tsx': { file: 'assets/main-AbC123.js', name: 'main', src: 'main.tsx', isEntry: true, imports: ['_runtime-GhI789.js'], css: ['assets/main-DeF456.css'] },
    }),
  );
  return dir;
}

/** The settings block of the page. */
function pageConfig(html: string): { endpoint: string; query: string; variables: string; headers: string } {
  const match = /<script type="application\/json" id="explorer-config">([^<]*)<\/script>/.exec(html);
  expect(match, 'explorer-config block').not.toBeNull();
  return JSON.parse(match![1]);
}

const bundle = fakeBundle();

describe('the explorer page (development defaults of NODE_ENV=test)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { CORS_ORIGINS: '*' }, deps: { explorerAssetsDir: bundle } });
  });
  afterAll(async () => t.dispose());

  it('answers a browser GET /graphql with the page naming the built files, under a CSP with no other origin', async () => {
    const res = await request(t.app).get('/graphql').set('Accept', BROWSER_ACCEPT);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(EXPLORER_CSP);
    for (const directive of EXPLORER_CSP.split('; ')) {
      for (const source of directive.split(' ').slice(1)) expect(["'self'", "'none'", 'data:']).toContain(source);
    }
    expect(EXPLORER_CSP).toContain("script-src 'self'");
    expect(EXPLORER_CSP).toContain("style-src 'self'");
    expect(EXPLORER_CSP).toContain("connect-src 'self'");
    expect(EXPLORER_CSP).toContain("frame-ancestors 'none'");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers.vary).toContain('Accept');
    expect(res.text).toContain('<script type="module" src="/explorer/assets/main-AbC123.js"></script>');
    expect(res.text).toContain('<link rel="stylesheet" href="/explorer/assets/main-DeF456.css">');
    expect(res.text).toContain('<link rel="modulepreload" href="/explorer/assets/runtime-GhI789.js">');
    // Nothing but our own paths and data: URLs is referenced.
    for (const [, url] of res.text.matchAll(/(?:src|href)="([^"]*)"/g)) expect(url).toMatch(/^(\/explorer\/assets\/|data:)/);
    const config = pageConfig(res.text);
    expect(config).toEqual({ endpoint: '/graphql', query: EXAMPLE_OPERATION, variables: JSON.stringify(EXAMPLE_VARIABLES, null, 2), headers: '' });
  });

  it('the example query is a valid chart query that the server answers', async () => {
    const res = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: EXAMPLE_OPERATION, variables: EXAMPLE_VARIABLES });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.chart.positions[0]).toMatchObject({ body: 'SUN', sign: 'CAPRICORN' });
    expect(res.body.data.chart.houses.cusps).toHaveLength(12);
  });

  it('carries no CORS header, even for an allowed origin (another site cannot read the page)', async () => {
    const page = await request(t.app).get('/graphql').set('Accept', 'text/html').set('Origin', 'https://elsewhere.example');
    expect(page.status).toBe(200);
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    const api = await request(t.app).post('/graphql').set('Origin', 'https://elsewhere.example').send({ query: '{ __typename }' });
    expect(api.headers['access-control-allow-origin']).toBe('*');
  });

  it('leaves every other /graphql request to Apollo: POST, GET asking for JSON, GET with Accept */* or none', async () => {
    const post = await request(t.app).post('/graphql').set('Authorization', t.auth).send({ query: '{ __typename }' });
    expect(post.body).toEqual({ data: { __typename: 'Query' } });
    const json = await request(t.app)
      .get('/graphql')
      .query({ query: '{ __typename }' })
      .set('Accept', 'application/json')
      .set('Apollo-Require-Preflight', '1')
      .set('Authorization', t.auth);
    expect(json.status).toBe(200);
    expect(json.body).toEqual({ data: { __typename: 'Query' } });
    for (const accept of ['*/*', undefined, 'application/json, text/html']) {
      const req = request(t.app).get('/graphql').set('Apollo-Require-Preflight', '1');
      const res = accept === undefined ? await req : await req.set('Accept', accept);
      expect(res.headers['content-type'], `Accept: ${accept}`).toMatch(/json/);
      expect(res.headers['content-security-policy']).toBeUndefined();
    }
  });

  it('serves the built files with immutable caching, and nothing else under /explorer', async () => {
    const js = await request(t.app).get('/explorer/assets/main-AbC123.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    expect(js.text).toBe('console.log("explorer");\n');
    const css = await request(t.app).get('/explorer/assets/main-DeF456.css');
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    for (const path of ['/explorer/assets/missing.js', '/explorer/assets/../.vite/manifest.json', '/explorer/assets/%2e%2e/.vite/manifest.json', '/explorer/.vite/manifest.json', '/explorer/assets/']) {
      const res = await request(t.app).get(path);
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain('isEntry');
    }
  });
});

describe('the development token in the headers editor', () => {
  let devDir: string;
  let token: string;
  let dev: TestApp;
  beforeAll(async () => {
    devDir = mkdtempSync(join(tmpdir(), 'nocturna-explorer-dev-'));
    dev = await createTestApp({ env: { NODE_ENV: 'development', DATA_DIR: devDir }, deps: { explorerAssetsDir: bundle } });
    token = signTestToken(dev.config, { kind: 'service' });
    writeFileSync(join(devDir, 'dev-service-token'), `${token}\n`, { mode: 0o600 });
  });
  afterAll(async () => dev.dispose());

  const headersOf = async (app: TestApp, set: Record<string, string> = {}) => {
    const res = await request(app.app).get('/graphql').set('Accept', 'text/html').set(set);
    expect(res.status).toBe(200);
    return pageConfig(res.text).headers;
  };

  it('is filled from DATA_DIR/dev-service-token in development for a request from this machine', async () => {
    expect(dev.config.nodeEnv).toBe('development');
    expect(JSON.parse(await headersOf(dev))).toEqual({ Authorization: bearer(token) });
    expect(JSON.parse(await headersOf(dev, { Host: 'localhost:8000' }))).toEqual({ Authorization: bearer(token) });
    expect(JSON.parse(await headersOf(dev, { Host: '[::1]:8000' }))).toEqual({ Authorization: bearer(token) });
  });

  it('is left out for another host name (DNS rebinding) or a client behind a local proxy', async () => {
    expect(await headersOf(dev, { Host: 'attacker.example:8000' })).toBe('');
    expect(await headersOf(dev, { Host: 'localhost.attacker.example' })).toBe('');
    expect(await headersOf(dev, { 'X-Forwarded-For': '192.168.1.20' })).toBe('');
  });

  it('is left out when the file holds no token', async () => {
    writeFileSync(join(devDir, 'dev-service-token'), 'not a token\n');
    try {
      expect(await headersOf(dev)).toBe('');
    } finally {
      writeFileSync(join(devDir, 'dev-service-token'), `${token}\n`);
    }
  });

  it('never appears outside development, even with the file present and the explorer on', async () => {
    const test = await createTestApp({ env: { DATA_DIR: devDir }, deps: { explorerAssetsDir: bundle } });
    const production = await createTestApp({ env: { ...PRODUCTION, DATA_DIR: devDir, ENABLE_SANDBOX: 'true' }, deps: { explorerAssetsDir: bundle } });
    try {
      expect(test.config.nodeEnv).toBe('test');
      expect(await headersOf(test)).toBe('');
      expect(await headersOf(production)).toBe('');
      const page = await request(production.app).get('/graphql').set('Accept', 'text/html');
      expect(page.text).not.toContain(token.split('.')[2]);
    } finally {
      await test.dispose();
      await production.dispose();
    }
  });
});

describe('switch and missing bundle', () => {
  it('is off where the sandbox is off (production default): no page, no assets; on with ENABLE_SANDBOX=true', async () => {
    const off = await createTestApp({ env: PRODUCTION, deps: { explorerAssetsDir: bundle } });
    const on = await createTestApp({ env: { ...PRODUCTION, ENABLE_SANDBOX: 'true' }, deps: { explorerAssetsDir: bundle } });
    try {
      const page = await request(off.app).get('/graphql').set('Accept', BROWSER_ACCEPT);
      expect(page.headers['content-type']).toMatch(/json/);
      expect(page.text).not.toMatch(/<html/i);
      expect((await request(off.app).get('/explorer/assets/main-AbC123.js')).status).toBe(404);
      const enabled = await request(on.app).get('/graphql').set('Accept', BROWSER_ACCEPT);
      expect(enabled.headers['content-security-policy']).toBe(EXPLORER_CSP);
      expect((await request(on.app).get('/explorer/assets/main-AbC123.js')).status).toBe(200);
    } finally {
      await off.dispose();
      await on.dispose();
    }
  });

  it('says how to build it when the bundle is missing, and serves it once built without a restart', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'nocturna-explorer-none-'));
    const t = await createTestApp({ deps: { explorerAssetsDir: empty } });
    try {
      const before = await request(t.app).get('/graphql').set('Accept', 'text/html');
      expect(before.status).toBe(200);
      expect(before.headers['content-security-policy']).toBe(EXPLORER_CSP);
      expect(before.text).toContain('npm run build');
      expect(t.logs.some((l) => l.includes('GraphiQL explorer not built'))).toBe(true);
      mkdirSync(join(empty, '.vite'));
      writeFileSync(join(empty, '.vite', 'manifest.json'), JSON.stringify({ 'main.tsx': { file: 'assets/main-Zz.js', isEntry: true } }));
      const after = await request(t.app).get('/graphql').set('Accept', 'text/html');
      expect(after.text).toContain('src="/explorer/assets/main-Zz.js"');
    } finally {
      await t.dispose();
    }
  });
});
