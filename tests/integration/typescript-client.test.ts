/**
 * The TypeScript client (clients/typescript) against the running server: createApp with the
 * accounts stack on an embedded database (PGlite in a temporary DATA_DIR), a real listening server
 * on loopback, a real service token issued by the token service, the admin's login.
 * - real answers: positions against Swiss Ephemeris (tests/reference/positions.json, the bounds of
 *   tests/reference/positions.test.ts), a chart's houses against tests/reference/houses.json, the
 *   solar return (the Sun back on its natal longitude) found again by the transit search;
 * - typed errors with extensions.code, field and request id; 401 is not retried;
 * - retries: a second app with a tiny quota (2 requests per 2-second window, the real quota
 *   service and hook) answers 429 with Retry-After, and the client waits that long and succeeds;
 *   bounded attempts, a Retry-After beyond maxDelayMs, an abort during the wait; a 503 with
 *   Retry-After from a loopback proxy in front of the server (as a load balancer answers while a
 *   replica restarts).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChartDocument,
  createNocturnaClient,
  isNocturnaError,
  LoginDocument,
  MeDocument,
  NocturnaError,
  PlanetaryReturnDocument,
  PositionsDocument,
  TransitSearchDocument,
  type Body,
  type RetryEvent,
} from '../../clients/typescript/src/index.js';
import { accountsDeps, accountsFromConfig, createQuotaHook, openConfiguredDatabase } from '../../src/accounts/accounts.wiring.js';
import type { Accounts } from '../../src/accounts/accounts.module.js';
import type { AppDeps } from '../../src/app.deps.js';
import { createApp, type GatewayApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/observability/logger.js';
import type { Database } from '../../src/persistence/database.js';
import { createQuotaService } from '../../src/quota/quota.service.js';
import positionsReference from '../reference/positions.json' with { type: 'json' };

/** Bounds of tests/reference/positions.test.ts, arcseconds. */
const BOUNDS_ARCSEC: Partial<Record<Body, number>> = {
  SUN: 3, MOON: 40, MERCURY: 25, VENUS: 25, MARS: 25, JUPITER: 25, SATURN: 25, URANUS: 25, NEPTUNE: 25, PLUTO: 60,
};
/** Bound of tests/reference/houses.test.ts for |latitude| ≤ 60° before 2100, arcseconds (README: worst 4.9″). */
const HOUSE_BOUND_ARCSEC = 10;

interface HouseCase {
  utc: string;
  latitude: number;
  longitude: number;
  systems: Record<string, { error: string | null; cusps: number[]; ascendant: number; midheaven: number }>;
}
const housesReference = JSON.parse(readFileSync(join(import.meta.dirname, '../reference/houses.json'), 'utf8')) as { cases: HouseCase[] };

const arcsec = (a: number, b: number) => Math.abs(((a - b + 540) % 360) - 180) * 3600;

interface Listening {
  gateway: GatewayApp;
  server: Server;
  url: string;
}

async function listen(gateway: GatewayApp): Promise<Listening> {
  const server = createServer(gateway.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { gateway, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
}

async function close(l: Listening | undefined): Promise<void> {
  if (!l) return;
  l.server.closeAllConnections();
  await new Promise((resolve) => l.server.close(resolve));
  await l.gateway.close();
}

const ADMIN = { email: 'admin@client.test', password: 'client test password 1' };
let dataDir: string;
let db: Database;
let accounts: Accounts;
let serviceToken: string;
let main: Listening;
let tiny: Listening;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'nocturna-client-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    SECRET_KEY: 'client-test-secret-0123456789-abcdefghijk',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  });
  const logger = createLogger('silent');
  db = await openConfiguredDatabase(config);
  accounts = accountsFromConfig(config, db, undefined);
  await accounts.bootstrapAdmin(ADMIN.email, ADMIN.password);
  serviceToken = (await accounts.tokens.createServiceToken({ days: 1, name: 'typescript client test' })).token;
  const deps: Partial<AppDeps> = accountsDeps(accounts, db);
  main = await listen(await createApp(config, { ...deps, logger, cacheKeyPrefix: 'client-test-main:' }));
  // The same accounts, with the real quota service and hook on a 2-second window of 2 requests.
  const tinyQuota = createQuotaService({ defaultPerHour: 2, premiumPerHour: 2, windowSeconds: 2, keyPrefix: 'client-test-tiny:' });
  tiny = await listen(
    await createApp(config, { ...deps, quota: createQuotaHook({ ...accounts, quota: tinyQuota }), logger, cacheKeyPrefix: 'client-test-tiny:' }),
  );
});

afterAll(async () => {
  await close(main);
  await close(tiny);
  await db?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('real answers', () => {
  it('positions: within the reference bounds of Swiss Ephemeris, with the quota state reported', async () => {
    const client = createNocturnaClient({ url: main.url, token: serviceToken });
    const bodies = Object.keys(BOUNDS_ARCSEC) as Body[];
    const cases = positionsReference.cases.slice(0, 3);
    expect(cases).toHaveLength(3);
    let worst = 0;
    for (const c of cases) {
      const res = await client.execute(PositionsDocument, { input: { moment: { utc: c.utc }, bodies } });
      expect(res.data.positions.map((p) => p.body)).toEqual(bodies);
      for (const p of res.data.positions) {
        const reference = (c.bodies as Record<string, { longitude: number; latitude: number }>)[p.body];
        const error = arcsec(p.longitude, reference.longitude);
        worst = Math.max(worst, error);
        expect(error, `${c.utc} ${p.body} longitude (″)`).toBeLessThan(BOUNDS_ARCSEC[p.body]!);
      }
      expect(res.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.rateLimit?.limit).toBe(1000);
      expect(res.attempts).toBe(1);
    }
    console.log(`client positions vs Swiss Ephemeris: worst ${worst.toFixed(2)}″ over ${cases.length} instants`);
  });

  it('chart: Placidus cusps and angles against Swiss Ephemeris, with positions and aspects', async () => {
    const client = createNocturnaClient({ url: main.url, token: serviceToken });
    const c = housesReference.cases.find((h) => Math.abs(h.latitude) <= 60 && h.utc < '2100' && h.systems.PLACIDUS?.error === null && h.utc.length > 0);
    expect(c, 'a reference case at |latitude| ≤ 60° before 2100').toBeDefined();
    const reference = c!.systems.PLACIDUS;
    const { chart } = await client.request(ChartDocument, {
      input: { moment: { utc: c!.utc }, location: { latitude: c!.latitude, longitude: c!.longitude }, houseSystem: 'PLACIDUS' },
    });
    expect(chart.moment.utc).toBe(c!.utc);
    expect(chart.houses?.system).toBe('PLACIDUS');
    expect(chart.houses?.cusps).toHaveLength(12);
    chart.houses!.cusps.forEach((cusp, i) => expect(arcsec(cusp, reference.cusps[i]), `cusp ${i + 1} (″)`).toBeLessThan(HOUSE_BOUND_ARCSEC));
    expect(arcsec(chart.houses!.ascendant, reference.ascendant)).toBeLessThan(HOUSE_BOUND_ARCSEC);
    expect(arcsec(chart.houses!.midheaven, reference.midheaven)).toBeLessThan(HOUSE_BOUND_ARCSEC);
    expect(chart.positions.length).toBe(13);
    expect(chart.aspects.length).toBeGreaterThan(0);
    for (const a of chart.aspects) expect(Math.abs(a.separation - a.exactAngle) - a.orb).toBeLessThan(1e-9);
  });

  it('planetaryReturn and transitSearch find the same solar return, with the Sun back on its natal longitude', async () => {
    const client = createNocturnaClient({ url: main.url, token: serviceToken });
    const natal = { moment: { utc: '2024-03-20T12:00:00Z' } };
    const [natalSun] = (await client.request(PositionsDocument, { input: { ...natal, bodies: ['SUN'] } })).positions;
    const { planetaryReturn } = await client.request(PlanetaryReturnDocument, { input: { natal, body: 'SUN', before: '2023-12-31T00:00:00Z' } });
    expect(planetaryReturn.natalLongitude).toBe(natalSun.longitude);
    const returnSun = planetaryReturn.chart.positions.find((p) => p.body === 'SUN');
    expect(arcsec(returnSun!.longitude, natalSun.longitude), 'Sun at the return vs natal Sun (″)').toBeLessThan(0.5);
    // docs/techniques.md: 2023-03-21T06:17:42Z.
    const returnMs = Date.parse(planetaryReturn.chart.moment.utc);
    expect(Math.abs(returnMs - Date.parse('2023-03-21T06:17:41.6Z'))).toBeLessThan(1000);

    const { transitSearch } = await client.request(TransitSearchDocument, {
      input: { natal, from: '2023-01-01T00:00:00Z', to: '2023-12-31T00:00:00Z', bodies: ['SUN'], kinds: ['ASPECT'], aspectTypes: ['CONJUNCTION'] },
    });
    const conjunctions = transitSearch.filter((e) => e.natalPoint === 'SUN');
    expect(conjunctions).toHaveLength(1);
    expect(conjunctions[0]).toMatchObject({ kind: 'ASPECT', transitingBody: 'SUN', aspect: 'CONJUNCTION' });
    // Both refine the same crossing; their longitude models differ by a few hundredths of an arcsecond
    // (measured: 2.0 s apart, i.e. 0.08″ of the Sun's motion). Both instants put the Sun on its natal
    // longitude within 0.5″.
    const transitMs = Date.parse(conjunctions[0].utc);
    expect(Math.abs(transitMs - returnMs), 'transit search vs return (ms)').toBeLessThan(5000);
    const [sunAtTransit] = (await client.request(PositionsDocument, { input: { moment: { utc: conjunctions[0].utc }, bodies: ['SUN'] } })).positions;
    expect(arcsec(sunAtTransit.longitude, natalSun.longitude), 'Sun at the transit vs natal Sun (″)').toBeLessThan(0.5);
    console.log(
      `solar return ${planetaryReturn.chart.moment.utc} (Sun off by ${arcsec(returnSun!.longitude, natalSun.longitude).toFixed(3)}″), ` +
        `transit search ${conjunctions[0].utc} (${arcsec(sunAtTransit.longitude, natalSun.longitude).toFixed(3)}″)`,
    );
  });

  it('login without a token, then the access token identifies the admin', async () => {
    const anonymous = createNocturnaClient({ url: main.url });
    const { login } = await anonymous.request(LoginDocument, { input: ADMIN });
    expect(login.tokenType).toBe('Bearer');
    expect(login.user).toMatchObject({ email: ADMIN.email, role: 'ADMIN', status: 'ACTIVE' });
    const admin = createNocturnaClient({ url: main.url, token: async () => login.accessToken });
    const { me } = await admin.request(MeDocument);
    expect(me).toMatchObject({ id: login.user.id, email: ADMIN.email, role: 'ADMIN' });
  });
});

describe('typed errors', () => {
  it('BAD_USER_INPUT names the field; the partial request id comes along', async () => {
    const client = createNocturnaClient({ url: main.url, token: serviceToken });
    const error = await client.request(PositionsDocument, { input: { moment: { utc: '2024-01-01T12:00:00Z' }, location: { latitude: 95, longitude: 0 } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NocturnaError);
    expect(isNocturnaError(error, 'BAD_USER_INPUT')).toBe(true);
    const e = error as NocturnaError;
    expect(e.field).toBe('input.location.latitude');
    expect(e.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(e.attempts).toBe(1);
  });

  it('UNAUTHENTICATED (401) for a wrong password and for a forged token, not retried', async () => {
    const retries: RetryEvent[] = [];
    const anonymous = createNocturnaClient({ url: main.url, retry: { onRetry: (r) => retries.push(r) } });
    const wrong = await anonymous.request(LoginDocument, { input: { ...ADMIN, password: 'not the password' } }).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, attempts: 1 });
    const forged = createNocturnaClient({ url: main.url, token: `${serviceToken.slice(0, -4)}AAAA`, retry: { onRetry: (r) => retries.push(r) } });
    const refused = await forged.request(MeDocument).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, attempts: 1 });
    expect(retries).toEqual([]);
  });

  it('NETWORK_ERROR when nothing listens', async () => {
    const closed = await listen(main.gateway);
    await new Promise((resolve) => closed.server.close(resolve));
    const client = createNocturnaClient({ url: closed.url, token: serviceToken });
    await expect(client.request(MeDocument)).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });
});

describe('retries', () => {
  const input = (n: number) => ({ moment: { utc: `2024-02-0${n}T00:00:00Z` }, bodies: ['MOON' as Body] });

  /**
   * Spends a fresh window of the tiny quota (2 requests) and checks that a third is refused: the
   * next request of the test meets a 429 whose Retry-After is 1–2 s.
   */
  async function exhaust(): Promise<void> {
    const plain = createNocturnaClient({ url: tiny.url, token: serviceToken, retry: { maxAttempts: 1 } });
    // Until a request opens a new window (remaining 1 of 2), wait out refusals.
    for (let tries = 0; ; tries += 1) {
      expect(tries, 'a fresh quota window within 10 tries').toBeLessThan(10);
      try {
        const r = await plain.execute(PositionsDocument, { input: input(1) });
        if (r.rateLimit?.remaining === 1) break;
      } catch (error) {
        expect(error).toMatchObject({ code: 'RATE_LIMITED' });
        await new Promise((resolve) => setTimeout(resolve, ((error as NocturnaError).retryAfterSeconds ?? 1) * 1000));
      }
    }
    await plain.request(PositionsDocument, { input: input(2) });
    const refused = await plain.request(PositionsDocument, { input: input(3) }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
  }

  it('a 429 with Retry-After is waited out (never shorter) and the request then succeeds', async () => {
    await exhaust();
    const retries: RetryEvent[] = [];
    const client = createNocturnaClient({ url: tiny.url, token: serviceToken, retry: { maxAttempts: 4, onRetry: (r) => retries.push(r) } });
    const started = performance.now();
    const res = await client.execute(PositionsDocument, { input: input(4) });
    const elapsedMs = performance.now() - started;
    expect(res.data.positions[0].body).toBe('MOON');
    expect(res.attempts).toBeGreaterThanOrEqual(2);
    expect(retries.length).toBe(res.attempts - 1);
    const first = retries[0];
    expect(first.status).toBe(429);
    expect(first.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(first.retryAfterSeconds).toBeLessThanOrEqual(2);
    expect(first.delayMs).toBeGreaterThanOrEqual(first.retryAfterSeconds! * 1000);
    expect(first.delayMs).toBeLessThanOrEqual(first.retryAfterSeconds! * 1100 + 100);
    expect(elapsedMs).toBeGreaterThanOrEqual(first.retryAfterSeconds! * 1000);
  });

  it('gives up after maxAttempts, and at once when Retry-After exceeds maxDelayMs', async () => {
    await exhaust();
    const once = createNocturnaClient({ url: tiny.url, token: serviceToken, retry: { maxAttempts: 1 } });
    await expect(once.request(PositionsDocument, { input: input(5) })).rejects.toMatchObject({ code: 'RATE_LIMITED', attempts: 1 });
    const impatient = createNocturnaClient({ url: tiny.url, token: serviceToken, retry: { maxAttempts: 4, maxDelayMs: 500, baseDelayMs: 100 } });
    const started = performance.now();
    const error = (await impatient.request(PositionsDocument, { input: input(6) }).catch((e: unknown) => e)) as NocturnaError;
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, attempts: 1 });
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(performance.now() - started).toBeLessThan(900);
  });

  it('an abort during the wait rejects at once with the signal reason', async () => {
    await exhaust();
    const client = createNocturnaClient({ url: tiny.url, token: serviceToken, retry: { maxAttempts: 4 } });
    const controller = new AbortController();
    const started = performance.now();
    const pending = client.request(PositionsDocument, { input: input(7) }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('caller gave up')), 150);
    await expect(pending).rejects.toThrow('caller gave up');
    expect(performance.now() - started).toBeLessThan(900);
  });

  it('a 503 with Retry-After (a proxy while a replica restarts) is retried to the real answer', async () => {
    const target = new URL(main.url);
    let refusals = 1;
    const proxy = createServer((req, res) => {
      if (refusals > 0) {
        refusals -= 1;
        req.resume();
        res.writeHead(503, { 'retry-after': '1', 'content-type': 'text/html' }).end('<html>maintenance</html>');
        return;
      }
      const upstream = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const retries: RetryEvent[] = [];
      const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
      const client = createNocturnaClient({ url, token: serviceToken, retry: { onRetry: (r) => retries.push(r) } });
      const res = await client.execute(PositionsDocument, { input: { moment: { utc: '2024-01-01T12:00:00Z' }, bodies: ['SUN'] } });
      const direct = await createNocturnaClient({ url: main.url, token: serviceToken }).request(PositionsDocument, {
        input: { moment: { utc: '2024-01-01T12:00:00Z' }, bodies: ['SUN'] },
      });
      expect(res.data).toEqual(direct);
      expect(res.attempts).toBe(2);
      expect(retries).toHaveLength(1);
      expect(retries[0]).toMatchObject({ attempt: 1, status: 503, retryAfterSeconds: 1 });
      expect(retries[0].delayMs).toBeGreaterThanOrEqual(1000);

      // Without retries the proxy's page becomes a typed SERVICE_UNAVAILABLE error.
      refusals = 1;
      const once = createNocturnaClient({ url, token: serviceToken, retry: { maxAttempts: 1 } });
      await expect(once.request(MeDocument)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503, retryAfterSeconds: 1, message: 'HTTP 503 Service Unavailable' });
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
