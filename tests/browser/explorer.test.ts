/**
 * The GraphiQL explorer in headless Chromium (Debian's /usr/bin/chromium via playwright-core), on a
 * real listening server in development (embedded PGlite in a temporary DATA_DIR, so the server
 * writes a real service token into DATA_DIR/dev-service-token as `make start` does):
 * - every request to a host other than the app is blocked (page.route) and none is attempted: no
 *   CDN, no web font service; the page's CSP names no other origin and nothing violates it;
 * - the headers editor carries the development token, the example chart query runs, and the
 *   result pane shows the chart the server answers for that query; the token is not written to the
 *   browser's storage.
 * The bundle is built first (scripts/build-explorer.ts; skipped when dist/explorer is current).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Request as BrowserRequest } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsStartupProvider } from '../../src/accounts/accounts.wiring.js';
import type { AppDeps } from '../../src/app.deps.js';
import { createApp, type GatewayApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { EXAMPLE_OPERATION, EXAMPLE_VARIABLES } from '../../src/explorer/example.operation.js';
import { EXPLORER_CSP } from '../../src/explorer/explorer.page.js';
import { createLogger } from '../../src/observability/logger.js';
import { buildExplorer } from '../../scripts/build-explorer.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT_DIR = join(process.cwd(), 'test-output', 'explorer');
const run = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!run) console.warn(`explorer browser test skipped: ${CHROMIUM} is missing (apt-get install chromium); it always runs when CI is set`);

/** The CodeMirror 5 instance of an editor's wrapper keeps the full text (the DOM shows only visible lines). */
const RESULT_TEXT = `(() => {
  const cm = document.querySelector('.result-window .CodeMirror');
  return cm && cm.CodeMirror ? cm.CodeMirror.getValue() : '';
})()`;

describe.skipIf(!run)('GraphiQL explorer in headless Chromium', () => {
  let dataDir: string;
  let deps: Partial<AppDeps>;
  let gateway: GatewayApp;
  let server: Server;
  let origin: string;
  let token: string;
  let browser: Browser;

  beforeAll(async () => {
    const bundle = await buildExplorer();
    expect(bundle.files).toBeGreaterThan(0);
    mkdirSync(OUT_DIR, { recursive: true });
    dataDir = await mkdtemp(join(tmpdir(), 'nocturna-explorer-'));
    const config = loadConfig({
      NODE_ENV: 'development',
      SECRET_KEY: 'explorer-test-secret-0123456789-abcdefghijk',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    });
    const logger = createLogger('silent');
    deps = await accountsStartupProvider(config, logger);
    token = (await readFile(join(dataDir, 'dev-service-token'), 'utf8')).trim();
    gateway = await createApp(config, { ...deps, logger });
    server = createServer(gateway.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await gateway?.close();
    await deps?.database?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('loads from the app origin only, runs the example chart query with the development token, shows the chart', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const offOrigin: string[] = [];
    const requests: BrowserRequest[] = [];
    // Every host but the app is blocked, and recorded: none may be attempted.
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) await route.continue();
      else {
        offOrigin.push(url);
        await route.abort('blockedbyclient');
      }
    });
    context.on('request', (r) => requests.push(r));
    const problems: string[] = [];
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.exposeFunction('reportCspViolation', (v: string) => problems.push(`CSP violation: ${v}`));
    await page.addInitScript(
      "document.addEventListener('securitypolicyviolation', (e) => window.reportCspViolation(e.violatedDirective + ' ' + e.blockedURI));",
    );

    try {
      const response = await page.goto(`${origin}/graphql`);
      expect(response?.status()).toBe(200);
      const csp = response?.headers()['content-security-policy'] ?? '';
      expect(csp).toBe(EXPLORER_CSP);
      // Every source of every directive is a keyword or the data: scheme: no host, no other origin.
      const sources = csp.split(';').flatMap((d) => d.trim().split(/\s+/).slice(1));
      expect(sources.length).toBeGreaterThan(5);
      for (const s of sources) expect(["'self'", "'none'", 'data:']).toContain(s);

      // The Explorer plugin opens from the sidebar and lists the root fields: the schema arrived
      // (introspection with the token worked).
      await page.getByRole('button', { name: 'Show GraphiQL Explorer' }).click();
      const explorer = page.locator('.graphiql-explorer-root');
      await explorer.getByText('planetaryReturn', { exact: true }).waitFor({ timeout: 30_000 });

      const sent = page.waitForRequest((r) => r.method() === 'POST' && r.postDataJSON()?.operationName === 'ExampleChart');
      await page.locator('.graphiql-execute-button').click();
      const request = await sent;
      expect(request.headers().authorization).toBe(`Bearer ${token}`);
      expect(request.postDataJSON().query).toBe(EXAMPLE_OPERATION);
      expect(request.postDataJSON().variables).toEqual(EXAMPLE_VARIABLES);

      await page.waitForFunction(`${RESULT_TEXT}.includes('"chart"')`, undefined, { timeout: 30_000 });
      const shown = JSON.parse(await page.evaluate<string>(RESULT_TEXT));
      await page.screenshot({ path: join(OUT_DIR, 'explorer.png') });

      // The pane shows exactly what the server answers for the example query…
      const direct = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: EXAMPLE_OPERATION, variables: EXAMPLE_VARIABLES }),
      }).then((r) => r.json());
      expect(shown).toEqual(direct);
      // …and that is a chart: the thirteen default bodies, twelve cusps from the Ascendant, the Sun
      // in Capricorn on 1 January.
      const chart = shown.data.chart;
      expect(shown.errors).toBeUndefined();
      expect(chart.moment.utc).toBe('2024-01-01T12:00:00.000Z');
      expect(chart.positions.map((p: { body: string }) => p.body)).toEqual([
        'SUN', 'MOON', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO', 'MEAN_NODE', 'MEAN_LILITH', 'CHIRON',
      ]);
      const sun = chart.positions[0];
      expect(sun.sign).toBe('CAPRICORN');
      expect(sun.longitude).toBeGreaterThan(270);
      expect(sun.longitude).toBeLessThan(300);
      expect(chart.houses.cusps).toHaveLength(12);
      expect(chart.houses.cusps[0]).toBe(chart.houses.ascendant);
      expect(chart.aspects.length).toBeGreaterThan(0);

      // The token is not kept in the browser (tabs, history): headers are not persisted.
      await page.waitForFunction('Object.keys(localStorage).some((k) => k.startsWith("graphiql:"))');
      const stored = await page.evaluate<string>('JSON.stringify(Object.entries(localStorage))');
      expect(stored).toContain('ExampleChart');
      expect(JSON.parse(stored).filter(([, v]: [string, string]) => v.includes(token.split('.')[2])).map(([k]: [string]) => k)).toEqual([]);

      expect(problems).toEqual([]);
      expect(offOrigin).toEqual([]);
      const network = requests.map((r) => r.url()).filter((u) => !u.startsWith('data:'));
      expect(network.length).toBeGreaterThan(3); // page, script, stylesheet, introspection, query
      for (const url of network) expect(new URL(url).origin).toBe(origin);

      // The guard itself works: a request to another host (from a blank page of the same context, which
      // has no CSP to stop it first) is caught and blocked.
      const probe = await context.newPage();
      const foreign = await probe.evaluate(() => fetch('https://cdn.example.com/x.js').then(() => 'loaded', () => 'failed'));
      expect(foreign).toBe('failed');
      expect(offOrigin).toEqual(['https://cdn.example.com/x.js']);
    } finally {
      await context.close();
    }
  });
});
