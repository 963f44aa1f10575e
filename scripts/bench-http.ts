/**
 * HTTP benchmark (`npm run bench:http`): autocannon, 10 s × 50 connections each, against
 *   (1) the gateway with an uncached chart query (a different instant per request),
 *   (2) the gateway with the same chart query (served by the calculation cache),
 *   (3) a bare node:http server calling the same domain function (computeChart) per request,
 *   (4) as (1), while two five-year transit searches run beside it all the time (each answered
 *       one is sent again): the searches compute in the worker-thread pool, so the chart p99 of (4)
 *       should stay near (1)'s,
 *   (5) with --floor: a bare node:http server that reads and parses (2)'s request and answers it
 *       with the bytes the gateway sent for it (with its content type and length, Age and
 *       X-Request-ID; without the quota headers that --accounts adds to (2)): what node itself
 *       spends on a cached exchange, the least (2) could cost. It shows how far (2)/(3) can go:
 *       the aims (1)/(3) ≥ 60% and (2)/(1) ≥ 4× hold together only when (2)/(3) ≥ 2.4.
 * Prints req/s, p50/p99 latency, the server's CPU time per request and the kernel's part of it, its
 * minor page faults per request, the mean wall time of computing one chart after its validation
 * during the scenario (the gateway's own timing, nocturna_chart_compute_duration_seconds, and the
 * same span in the bare server), the ratios (1)/(3) and (2)/(1), and the chart p99 with and without
 * the searches.
 *
 * What the gateway requests are (bench-load.ts): one constant query document with the instant in
 * `variables`. The first request of that text goes through express and Apollo (parse, validation
 * with the depth and cost rules, execution), which prepare it; from then on the GraphQL fast path
 * (src/graphql/pipeline/fast-path.ts) answers it on node's request: JWT verification, the quota
 * hook, the calculation-cache lookup and, on a miss, the compiled query (graphql-jit) with the
 * per-request DataLoader, the cache write, metrics and the access log. The listener measured is
 * the one src/main.ts serves. By default the bench app has no accounts wiring (no database), so the
 * revocation check and the quota hook are not in the figures;
 * `--accounts` adds them as the embedded default runs them (PGlite in a temporary DATA_DIR, a real
 * service token, the rate-limiter-flexible quota with RATE_LIMIT_DEFAULT set high enough never to
 * refuse).
 *
 * The servers run in a child process (so autocannon does not share their event loop). Options:
 *   --duration 10  --connections 50  --redis redis://127.0.0.1:6379 (cache in Redis; default memory)
 *   --accounts (revocation check and quota of the accounts stack on an embedded PGlite)
 *   --cache-ttl 3600 (CACHE_TTL of the gateway; 0 turns the calculation cache off, and (2) then
 *            computes every chart too)
 *   --memory-cache-mb 32 (size of the memory cache's slab in MiB, 1 to 1024; by default
 *            MEMORY_CACHE_MAX_BYTES; not with --redis. Larger slabs make uncached charts dearer:
 *            see key-value-cache.ts)
 *   --rounds 1 (repeat the scenarios back to back N times; prints each round and the medians of
 *            (1), (2), (3) and (5))
 *   --trace (tracing on: the gateway exports every span over OTLP/HTTP protobuf to a sink in this
 *            process that answers 200 and counts what it receives; default: tracing off)
 *   --floor (adds scenario (5) to every round)
 * Figures are noisy on a shared machine.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppDeps } from '../src/app.deps.js';
import { MEMORY_CACHE_MAX_BYTES, MemoryKeyValueCache } from '../src/cache/key-value-cache.js';
import type { ChartRequest } from '../src/ephemeris/types.js';
import { bareChartBody, gatewayChartBody, instantFactory, SAME_INSTANT, SCENARIO_NAMES, type Autocannon, type AutocannonResult } from './bench-load.js';
import { flag, wholeNumberFlag } from './options.js';

const require = createRequire(import.meta.url);

/** The largest slab `--memory-cache-mb` takes (MiB). */
const MAX_MEMORY_CACHE_MB = 1024;

// ───────────────────────── child: the servers ─────────────────────────

/** What a server has spent so far (the parent takes differences around each scenario). */
interface ServerUsage {
  /** CPU time, ms (user + system). */
  cpuMs: number;
  /** Of which in the kernel (system time), ms. */
  systemMs: number;
  /** Minor page faults (memory the kernel had to map: a heap that keeps growing and shrinking shows here first). */
  minorFaults: number;
  /** Charts computed, and the wall time spent computing them in all (ms) as the server times each one. */
  charts: number;
  chartMsTotal: number;
}

/** Answers the parent's 'cpu' messages with this process' ServerUsage. */
function reportUsageOnRequest(charts: () => Promise<{ count: number; ms: number }>): void {
  process.on('message', (m) => {
    if (m !== 'cpu') return;
    const u = process.cpuUsage();
    const minorFaults = process.resourceUsage().minorPageFault;
    const send = (c: { count: number; ms: number }) => {
      const usage: ServerUsage = { cpuMs: (u.user + u.system) / 1000, systemMs: u.system / 1000, minorFaults, charts: c.count, chartMsTotal: c.ms };
      process.send?.(usage);
    };
    // Without the chart figures (NaN in the table) rather than no answer, which would stall the parent.
    charts().then(send, () => send({ count: Number.NaN, ms: Number.NaN }));
  });
}

async function serveGateway(): Promise<void> {
  const { loadConfig } = await import('../src/config/config.js');
  const { createApp } = await import('../src/app.js');
  const { createLogger } = await import('../src/observability/logger.js');
  const { createRedisClient } = await import('../src/cache/redis.client.js');
  const { signToken } = await import('../src/auth/jwt.signer.js');
  const redisUrl = process.env.BENCH_REDIS_URL || undefined;
  const memoryCacheMb = Number(process.env.BENCH_MEMORY_CACHE_MB) || undefined;
  const withAccounts = process.env.BENCH_ACCOUNTS === '1';
  const config = loadConfig({
    NODE_ENV: 'production',
    SECRET_KEY: 'bench-0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'nocturna-bench-')),
    LOG_LEVEL: 'silent',
    MAX_QUERY_COST: '100000',
    RATE_LIMIT_DEFAULT: '100000000',
    OTEL_EXPORTER_OTLP_ENDPOINT: process.env.BENCH_OTLP_ENDPOINT || undefined,
    CACHE_TTL: process.env.BENCH_CACHE_TTL || undefined,
  });
  const logger = createLogger('silent');
  const redis = redisUrl ? createRedisClient(redisUrl) : undefined;
  let deps: Partial<AppDeps> = {};
  let serviceToken: string | undefined;
  if (withAccounts) {
    const { accountsStartupProvider } = await import('../src/accounts/accounts.wiring.js');
    deps = await accountsStartupProvider(config, logger);
    serviceToken = (await deps.services!.accounts!.tokens.createServiceToken({ days: 1, name: 'bench' })).token;
  }
  const cacheKeyPrefix = `nocturna-bench:${process.pid}:`;
  const cache = memoryCacheMb ? new MemoryKeyValueCache(cacheKeyPrefix, undefined, memoryCacheMb * 1024 * 1024) : undefined;
  const gateway = await createApp(config, { ...deps, logger, redis, cache, cacheKeyPrefix });
  const server = createServer(gateway.app);
  server.keepAliveTimeout = 65_000;
  // The gateway times each chart it computes for /metrics (nocturna_chart_compute_duration_seconds).
  const histogram = gateway.runtime.metrics.chartComputeDuration;
  reportUsageOnRequest(async () => {
    const h = await histogram.get();
    const value = (suffix: string) => h.values.find((v) => v.metricName === `${h.name}${suffix}`)?.value ?? 0;
    return { count: value('_count'), ms: value('_sum') * 1000 };
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    const token =
      serviceToken ??
      signToken({ subject: 'bench', kind: 'service' }, { secret: config.secretKey, issuer: config.jwt.issuer, audience: config.jwt.audience, ttlSeconds: 3600 });
    process.send?.({ port: typeof address === 'object' && address ? address.port : 0, token });
  });
}

async function serveBare(): Promise<void> {
  const { computeValidChart, validateChartRequest } = await import('../src/ephemeris/index.js');
  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => resolve(body));
    });
  /** Charts computed and the wall time spent computing them (ms), timed as the gateway times its own. */
  const charts = { count: 0, ms: 0 };
  const server = createServer((req, res) => {
    void readBody(req).then((text) => {
      try {
        // computeChart in its two steps, so that the timing covers what the gateway's covers.
        const valid = validateChartRequest(JSON.parse(text) as ChartRequest);
        const start = performance.now();
        const chart = computeValidChart(valid);
        charts.ms += performance.now() - start;
        charts.count += 1;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(chart));
      } catch (error) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: String(error) }));
      }
    });
  });
  server.keepAliveTimeout = 65_000;
  reportUsageOnRequest(() => Promise.resolve(charts));
  serveFloorOnRequest(readBody);
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
  });
}

/**
 * Scenario (5): on the parent's `{ floorBody }` message, listens on a second port and answers every
 * request, once its body is read and parsed, with those bytes and the headers of a cached answer
 * (content type and length, Age, X-Request-ID); replies `{ floorPort }`, or `{ floorError }` when
 * it cannot listen.
 */
function serveFloorOnRequest(readBody: (req: IncomingMessage) => Promise<string>): void {
  process.on('message', (m) => {
    if (!m || typeof m !== 'object' || !('floorBody' in m)) return;
    const body = Buffer.from(String(m.floorBody), 'utf8');
    const floor = createServer((req, res) => {
      void readBody(req).then((text) => {
        try {
          JSON.parse(text);
        } catch {
          res.writeHead(400).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, age: '0', 'x-request-id': randomUUID() });
        res.end(body);
      });
    });
    floor.keepAliveTimeout = 65_000;
    floor.once('error', (error) => process.send?.({ floorError: String(error) }));
    floor.listen(0, '127.0.0.1', () => {
      const address = floor.address();
      process.send?.({ floorPort: typeof address === 'object' && address ? address.port : 0 });
    });
  });
}

// ───────────────────────── parent: the load ─────────────────────────

/** The OTLP sink of --trace: answers every export with 200 and counts requests and bytes. */
function startOtlpSink(): Promise<{ url: string; stats: { requests: number; bytes: number }; close: () => void }> {
  const stats = { requests: 0, bytes: 0 };
  const server = createServer((req, res) => {
    req.on('data', (c: Buffer) => (stats.bytes += c.length));
    req.on('end', () => {
      stats.requests += 1;
      res.writeHead(200, { 'content-type': 'application/x-protobuf' });
      res.end();
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, stats, close: () => server.close() });
    });
  });
}

function startChild(
  role: 'gateway' | 'bare',
  redisUrl: string | undefined,
  accounts = false,
  otlpEndpoint = '',
  cacheTtl = '',
  memoryCacheMb = '',
): Promise<{ child: ChildProcess; port: number; token?: string }> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--serve', role], {
      env: { ...process.env, BENCH_REDIS_URL: redisUrl ?? '', BENCH_ACCOUNTS: accounts ? '1' : '', BENCH_OTLP_ENDPOINT: otlpEndpoint, BENCH_CACHE_TTL: cacheTtl, BENCH_MEMORY_CACHE_MB: memoryCacheMb },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', (m) => resolve({ child, ...(m as { port: number; token?: string }) }));
    child.once('exit', (code) => reject(new Error(`${role} server exited with ${code}`)));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  child.removeAllListeners('exit');
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** What the child server has spent so far. */
function childUsage(child: ChildProcess): Promise<ServerUsage> {
  return new Promise((resolve) => {
    const onMessage = (m: unknown) => {
      if (m && typeof m === 'object' && 'cpuMs' in m) {
        child.off('message', onMessage);
        resolve(m as ServerUsage);
      }
    };
    child.on('message', onMessage);
    child.send('cpu');
  });
}

/** One scenario's load and what the server spent on it. */
interface Measured {
  result: AutocannonResult;
  /** Server CPU time per completed request, ms, and the kernel's part of it. */
  serverCpuMsPerRequest: number;
  serverSystemMsPerRequest: number;
  faultsPerRequest: number;
  /** Mean wall time of one chart computed during the load, ms (NaN when none was computed). */
  chartMs: number;
}

/** Runs autocannon and measures what the server spent per completed request (and per chart it computed). */
async function measured(autocannon: Autocannon, child: ChildProcess, opts: Parameters<Autocannon>[0]): Promise<Measured> {
  const before = await childUsage(child);
  const result = await autocannon(opts);
  const after = await childUsage(child);
  const n = Math.max(1, result.requests.total);
  const charts = after.charts - before.charts;
  return {
    result,
    serverCpuMsPerRequest: (after.cpuMs - before.cpuMs) / n,
    serverSystemMsPerRequest: (after.systemMs - before.systemMs) / n,
    faultsPerRequest: (after.minorFaults - before.minorFaults) / n,
    chartMs: charts > 0 ? (after.chartMsTotal - before.chartMsTotal) / charts : Number.NaN,
  };
}

interface Row {
  name: string;
  serverCpuMs: number;
  /** The kernel's part of serverCpuMs. */
  serverSystemMs: number;
  faults: number;
  /** Mean wall time of one chart computed (NaN: none computed). */
  chartMs: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  total: number;
  failures: number;
}

function row(name: string, m: Measured): Row {
  const r = m.result;
  return {
    name,
    serverCpuMs: m.serverCpuMsPerRequest,
    serverSystemMs: m.serverSystemMsPerRequest,
    faults: m.faultsPerRequest,
    chartMs: m.chartMs,
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    failures: r.non2xx + r.errors + r.timeouts,
  };
}

function printRows(rows: Row[]): void {
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(
    `\n${'scenario'.padEnd(width)}  ${'req/s'.padStart(9)}  ${'p50 ms'.padStart(7)}  ${'p99 ms'.padStart(7)}  ${'total'.padStart(7)}  ${'server CPU ms/req'.padStart(17)}  ${'kernel ms'.padStart(9)}  ${'faults/req'.padStart(10)}  ${'chart ms'.padStart(8)}  failures`,
  );
  for (const r of rows) {
    const chart = Number.isFinite(r.chartMs) ? r.chartMs.toFixed(3) : '–';
    console.log(
      `${r.name.padEnd(width)}  ${r.reqPerSec.toFixed(1).padStart(9)}  ${String(r.p50).padStart(7)}  ${String(r.p99).padStart(7)}  ${String(r.total).padStart(7)}  ${r.serverCpuMs.toFixed(3).padStart(17)}  ${r.serverSystemMs.toFixed(3).padStart(9)}  ${r.faults.toFixed(2).padStart(10)}  ${chart.padStart(8)}  ${r.failures}`,
    );
  }
}

function printRatios([u, c, b]: [Row, Row, Row], prefix = ''): void {
  console.log(`\n${prefix}ratio (1)/(3) = ${((u.reqPerSec / b.reqPerSec) * 100).toFixed(1)}%   (aim ≥ 60%)`);
  console.log(`${prefix}ratio (2)/(1) = ${(c.reqPerSec / u.reqPerSec).toFixed(1)}×   (aim ≥ 4×)`);
  console.log(
    `${prefix}server CPU per request: (1) ${u.serverCpuMs.toFixed(2)} ms, (2) ${c.serverCpuMs.toFixed(2)} ms, (3) ${b.serverCpuMs.toFixed(2)} ms ` +
      `→ CPU-bound ratios (3)/(1) = ${((b.serverCpuMs / u.serverCpuMs) * 100).toFixed(1)}%, (1)/(2) = ${(u.serverCpuMs / c.serverCpuMs).toFixed(1)}× (less sensitive to other load)`,
  );
}

const FLOOR_NAME = '(5) bare node:http + the stored answer of (2)';

/** Scenario (5) against (2) and (3): how much (2) spends above node's own cost, and how far (2)/(3) could go. */
function printFloor(cached: Row, bare: Row, floor: Row, prefix = ''): void {
  console.log(
    `${prefix}floor (5): ${floor.serverCpuMs.toFixed(3)} ms CPU a request, ${floor.reqPerSec.toFixed(0)} req/s; (2) spends ${(cached.serverCpuMs - floor.serverCpuMs).toFixed(3)} ms more. ` +
      `(2)/(3) = ${(cached.reqPerSec / bare.reqPerSec).toFixed(2)}×, (5)/(3) = ${(floor.reqPerSec / bare.reqPerSec).toFixed(2)}× (the two aims together need (2)/(3) ≥ 2.4×)`,
  );
}

/** Starts scenario (5)'s listener in the bare server's process, answering with `body`; resolves with its URL. */
function startFloor(child: ChildProcess, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: unknown) => {
      if (!m || typeof m !== 'object') return;
      if ('floorPort' in m) resolve(`http://127.0.0.1:${String(m.floorPort)}`);
      else if ('floorError' in m) reject(new Error(`the floor server could not listen: ${String(m.floorError)}`));
      else return;
      child.off('message', onMessage);
    };
    child.on('message', onMessage);
    child.send({ floorBody: body });
  });
}

const SEARCH_QUERY = `query BenchSearch($input: TransitSearchInput!) { transitSearch(input: $input) { utc kind transitingBody natalPoint aspect } }`;

/**
 * Keeps `parallel` five-year transit searches in flight against the gateway until stopped: each
 * answered one is sent again with another natal moment. Resolves with the counts by outcome.
 */
function heavySearches(url: string, headers: Record<string, string>, parallel: number) {
  let stopped = false;
  const counts = { ok: 0, refused503: 0, failed: 0 };
  let n = 0;
  const loop = async () => {
    while (!stopped) {
      n += 1;
      const input = { natal: { moment: { utc: new Date(Date.UTC(1960, 0, 1) + n * 86_400_000).toISOString() } }, from: '2020-01-01T00:00:00Z', to: '2024-12-31T00:00:00Z' };
      try {
        const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: SEARCH_QUERY, variables: { input } }) });
        await res.arrayBuffer();
        if (res.status === 200) counts.ok += 1;
        else if (res.status === 503) {
          counts.refused503 += 1;
          await new Promise((r) => setTimeout(r, 500));
        } else counts.failed += 1;
      } catch {
        counts.failed += 1;
      }
    }
  };
  const loops = Array.from({ length: parallel }, loop);
  return {
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return counts;
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median of the finite values (NaN when there are none: no chart computed in any round). */
function medianOfFinite(values: number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.length > 0 ? median(finite) : Number.NaN;
}

async function main(): Promise<void> {
  const autocannon = require('autocannon') as Autocannon;
  const duration = wholeNumberFlag('duration', 10, 1, 'seconds per scenario');
  const connections = wholeNumberFlag('connections', 50, 1, 'connections');
  const rounds = wholeNumberFlag('rounds', 1, 1, 'rounds');
  const redisUrl = process.argv.includes('--redis') ? flag('redis', 'redis://127.0.0.1:6379') : undefined;
  const accounts = process.argv.includes('--accounts');
  const cacheTtl = process.argv.includes('--cache-ttl') ? String(wholeNumberFlag('cache-ttl', 0, 0, 'seconds; 0 turns the cache off')) : undefined;
  // Bounded: a slab that cannot be allocated would fail every cache write, logged only (the bench's logger is silent).
  const memoryCacheMb = process.argv.includes('--memory-cache-mb')
    ? String(wholeNumberFlag('memory-cache-mb', 0, { min: 1, max: MAX_MEMORY_CACHE_MB }, 'MiB'))
    : undefined;
  if (memoryCacheMb !== undefined && redisUrl !== undefined) throw new Error('--memory-cache-mb sizes the memory cache, which --redis replaces');
  const sink = process.argv.includes('--trace') ? await startOtlpSink() : undefined;
  const withFloor = process.argv.includes('--floor');
  console.log(
    `bench:http — ${duration} s × ${connections} connections per scenario, ${rounds} round(s); cache: ${redisUrl ?? `memory (${memoryCacheMb ?? MEMORY_CACHE_MAX_BYTES / 1024 / 1024} MiB)`}${cacheTtl === undefined ? '' : `, CACHE_TTL ${cacheTtl}`}; ` +
      `accounts (revocation + quota): ${accounts ? 'embedded PGlite' : 'none'}; tracing: ${sink ? 'on (OTLP protobuf to a local sink)' : 'off'}; node ${process.version}`,
  );

  // Both servers stay up for every round: the scenarios run back to back, so a slow spell of the
  // (shared) machine weighs on them alike, and --rounds N repeats them for medians.
  const gw = await startChild('gateway', redisUrl, accounts, sink?.url, cacheTtl ?? '', memoryCacheMb ?? '');
  const bare = await startChild('bare', undefined).catch(async (error: unknown) => {
    await stopChild(gw.child);
    throw error;
  });
  const all: Row[][] = [];
  try {
    const gwUrl = `http://127.0.0.1:${gw.port}/graphql`;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${gw.token}` };
    const nextGw = instantFactory();
    const uncachedBody = () => gatewayChartBody(nextGw());
    const warm = await fetch(gwUrl, { method: 'POST', headers, body: uncachedBody() });
    const warmBody = (await warm.json()) as { data?: { chart?: { positions: unknown[] } }; errors?: unknown };
    if (!warmBody.data?.chart?.positions?.length) throw new Error(`gateway warm-up failed: ${JSON.stringify(warmBody)}`);
    await autocannon({ url: gwUrl, connections: 10, duration: 2, method: 'POST', headers, requests: [{ setupRequest: (req) => ({ ...req, body: uncachedBody() }) }] });
    const sameBody = gatewayChartBody(SAME_INSTANT);

    const bareUrl = `http://127.0.0.1:${bare.port}`;
    const nextBare = instantFactory();
    const bareBody = () => bareChartBody(nextBare());
    await autocannon({ url: bareUrl, connections: 10, duration: 2, method: 'POST', requests: [{ setupRequest: (req) => ({ ...req, body: bareBody() }) }] });

    let floorUrl: string | undefined;
    if (withFloor) {
      // The exact bytes the gateway sends for (2)'s request.
      floorUrl = await startFloor(bare.child, await (await fetch(gwUrl, { method: 'POST', headers, body: sameBody })).text());
      await autocannon({ url: floorUrl, connections: 10, duration: 2, method: 'POST', headers, body: sameBody });
    }

    /** Scenario (1)'s load: uncached charts, a new instant per request. */
    const uncachedRun = () =>
      measured(autocannon, gw.child, {
        url: gwUrl,
        connections,
        duration,
        method: 'POST',
        headers,
        requests: [{ setupRequest: (req) => ({ ...req, body: uncachedBody() }) }],
      });
    for (let round = 1; round <= rounds; round += 1) {
      const rows: Row[] = [];
      const uncached = await uncachedRun();
      rows.push(row(SCENARIO_NAMES.uncached, uncached));

      await fetch(gwUrl, { method: 'POST', headers, body: sameBody });
      await new Promise((r) => setTimeout(r, 100));
      const cached = await measured(autocannon, gw.child, { url: gwUrl, connections, duration, method: 'POST', headers, body: sameBody });
      rows.push(row(SCENARIO_NAMES.cached, cached));

      const result = await measured(autocannon, bare.child, {
        url: bareUrl,
        connections,
        duration,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: [{ setupRequest: (req) => ({ ...req, body: bareBody() }) }],
      });
      rows.push(row(SCENARIO_NAMES.bare, result));

      const heavy = heavySearches(gwUrl, headers, 2);
      await new Promise((r) => setTimeout(r, 500));
      const beside = await uncachedRun();
      const searches = await heavy.stop();
      rows.push(row('(4) as (1), beside two 5-year transit searches', beside));
      if (floorUrl) rows.push(row(FLOOR_NAME, await measured(autocannon, bare.child, { url: floorUrl, connections, duration, method: 'POST', headers, body: sameBody })));
      if (rounds > 1) console.log(`\nround ${round}`);
      printRows(rows);
      printRatios(rows.slice(0, 3) as [Row, Row, Row]);
      if (floorUrl) printFloor(rows[1], rows[2], rows[4]);
      console.log(
        `chart p99 without heavy searches ${rows[0].p99} ms, beside them ${rows[3].p99} ms ` +
          `(searches answered ${searches.ok}, refused 503 ${searches.refused503}, failed ${searches.failed})`,
      );
      all.push(rows);
    }
  } finally {
    await Promise.all([stopChild(gw.child), stopChild(bare.child)]);
    if (sink) {
      console.log(`OTLP sink: ${sink.stats.requests} export requests, ${(sink.stats.bytes / 1e6).toFixed(1)} MB received`);
      sink.close();
    }
  }

  if (rounds > 1) {
    // (1), (2), (3), and (5) when measured.
    const med: Row[] = [0, 1, 2, ...(withFloor ? [4] : [])].map((i) => {
      const column = all.map((rows) => rows[i]);
      return {
        name: `${column[0].name} (median)`,
        serverCpuMs: median(column.map((r) => r.serverCpuMs)),
        serverSystemMs: median(column.map((r) => r.serverSystemMs)),
        faults: median(column.map((r) => r.faults)),
        chartMs: medianOfFinite(column.map((r) => r.chartMs)),
        reqPerSec: median(column.map((r) => r.reqPerSec)),
        p50: median(column.map((r) => r.p50)),
        p99: median(column.map((r) => r.p99)),
        total: median(column.map((r) => r.total)),
        failures: column.reduce((n, r) => n + r.failures, 0),
      };
    });
    console.log(`\nmedians of ${rounds} rounds`);
    printRows(med);
    printRatios(med.slice(0, 3) as [Row, Row, Row], 'median ');
    if (withFloor) printFloor(med[1], med[2], med[3], 'median ');
    const r13 = all.map((rows) => rows[0].reqPerSec / rows[2].reqPerSec);
    const r21 = all.map((rows) => rows[1].reqPerSec / rows[0].reqPerSec);
    console.log(`per round: (1)/(3) ${r13.map((r) => `${(r * 100).toFixed(1)}%`).join(', ')}; (2)/(1) ${r21.map((r) => `${r.toFixed(1)}×`).join(', ')}`);
  }
  if (all.flat().some((r) => r.failures > 0)) console.log('WARNING: some requests failed (non-2xx, errors or timeouts); figures are suspect.');
  console.log('Note: the machine is shared; figures are noisy while other work runs.');
}

const serveIndex = process.argv.indexOf('--serve');
if (serveIndex > 0) {
  // As in the production image (graphql-js skips its development-mode instanceof checks).
  process.env.NODE_ENV = 'production';
  const role = process.argv[serveIndex + 1];
  (role === 'bare' ? serveBare() : serveGateway()).catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
