/**
 * Soak test (`npm run soak -- --minutes 10`): a gateway in a child process (production mode, the
 * memory cache, or Redis with --redis URL) under a steady mixed load for N minutes, printing every
 * 10 s the server's resident memory (RSS), heap, the requests so far by kind and the errors.
 *
 * The load, from `--concurrency` (8) loops: uncached charts (a new instant each), the same chart
 * again (cached), one-year transit searches (worker pool), REST calculations, /health, and client
 * mistakes that must be refused with 4xx (a malformed body, a latin1 charset, a bad latitude).
 * An error is a network failure or a status other than the one expected for the kind (a 503 of a
 * full work queue is counted apart). At the end: RSS at start, at the end and the maximum.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flag, wholeNumberFlag } from './options.js';

const CHART_QUERY = `query SoakChart($input: ChartInput!) { chart(input: $input) { moment { utc } positions { body longitude sign house } houses { cusps ascendant } aspects { first second type orb } } }`;
const SEARCH_QUERY = `query SoakSearch($input: TransitSearchInput!) { transitSearch(input: $input) { utc kind transitingBody natalPoint aspect } }`;
const LOCATION = { latitude: 51.5, longitude: -0.12 };

// ───────────────────────── child: the server ─────────────────────────

async function serve(): Promise<void> {
  const { loadConfig } = await import('../src/config/config.js');
  const { createApp } = await import('../src/app.js');
  const { createLogger } = await import('../src/observability/logger.js');
  const { createRedisClient } = await import('../src/cache/redis.client.js');
  const { signToken } = await import('../src/auth/jwt.signer.js');
  const config = loadConfig({
    NODE_ENV: 'production',
    SECRET_KEY: 'soak-0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'nocturna-soak-')),
    LOG_LEVEL: 'silent',
  });
  const redisUrl = process.env.SOAK_REDIS_URL || undefined;
  const redis = redisUrl ? createRedisClient(redisUrl) : undefined;
  const gateway = await createApp(config, { logger: createLogger('silent'), redis, cacheKeyPrefix: `nocturna-soak:${process.pid}:` });
  const server = createServer(gateway.app);
  server.keepAliveTimeout = 65_000;
  process.on('message', (m) => {
    if (m === 'memory') {
      const u = process.memoryUsage();
      process.send?.({ rss: u.rss, heapUsed: u.heapUsed });
    }
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    const token = signToken({ subject: 'soak', kind: 'service' }, { secret: config.secretKey, issuer: config.jwt.issuer, audience: config.jwt.audience, ttlSeconds: 86_400 });
    process.send?.({ port: typeof address === 'object' && address ? address.port : 0, token });
  });
}

// ───────────────────────── parent: the load ─────────────────────────

interface Kind {
  name: string;
  weight: number;
  expected: number;
  request(n: number): { path: string; method: string; headers: Record<string, string>; body?: string };
}

function memoryOf(child: ChildProcess): Promise<{ rss: number; heapUsed: number }> {
  return new Promise((resolve) => {
    const onMessage = (m: unknown) => {
      if (m && typeof m === 'object' && 'rss' in m) {
        child.off('message', onMessage);
        resolve(m as { rss: number; heapUsed: number });
      }
    };
    child.on('message', onMessage);
    child.send('memory');
  });
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

async function main(): Promise<void> {
  const minutes = wholeNumberFlag('minutes', 10, 1, 'minutes');
  const concurrency = wholeNumberFlag('concurrency', 8, 1, 'request loops');
  const redisUrl = process.argv.includes('--redis') ? flag('redis', 'redis://127.0.0.1:6379') : undefined;
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], { env: { ...process.env, SOAK_REDIS_URL: redisUrl ?? '' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { port, token } = await new Promise<{ port: number; token: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port: number; token: string }));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const auth = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const base = Date.UTC(1950, 0, 1);
  const kinds: Kind[] = [
    { name: 'chart', weight: 55, expected: 200, request: (n) => ({ path: '/graphql', method: 'POST', headers: auth, body: JSON.stringify({ query: CHART_QUERY, variables: { input: { moment: { utc: new Date(base + n * 3_600_000).toISOString() }, location: LOCATION } } }) }) },
    { name: 'cached chart', weight: 20, expected: 200, request: () => ({ path: '/graphql', method: 'POST', headers: auth, body: JSON.stringify({ query: CHART_QUERY, variables: { input: { moment: { utc: '2000-01-01T12:00:00Z' }, location: LOCATION } } }) }) },
    { name: 'transit search', weight: 3, expected: 200, request: (n) => ({ path: '/graphql', method: 'POST', headers: auth, body: JSON.stringify({ query: SEARCH_QUERY, variables: { input: { natal: { moment: { utc: new Date(base + n * 86_400_000).toISOString() } }, from: '2024-01-01T00:00:00Z', to: '2024-12-31T00:00:00Z' } } }) }) },
    { name: 'rest', weight: 7, expected: 200, request: (n) => ({ path: '/api/v1/calculations', method: 'POST', headers: auth, body: JSON.stringify({ date: new Date(base + n * 7_200_000).toISOString(), latitude: 40.7, longitude: -74 }) }) },
    { name: 'health', weight: 5, expected: 200, request: () => ({ path: '/health', method: 'GET', headers: {} }) },
    { name: 'malformed body', weight: 4, expected: 400, request: () => ({ path: '/graphql', method: 'POST', headers: auth, body: '{"query":' }) },
    { name: 'latin1 body', weight: 3, expected: 415, request: () => ({ path: '/graphql', method: 'POST', headers: { ...auth, 'content-type': 'application/json; charset=latin1' }, body: '{"query":"{ __typename }"}' }) },
    { name: 'bad latitude', weight: 3, expected: 200, request: () => ({ path: '/graphql', method: 'POST', headers: auth, body: JSON.stringify({ query: CHART_QUERY, variables: { input: { moment: { utc: '2000-01-01T12:00:00Z' }, location: { latitude: 95, longitude: 0 } } } }) }) },
  ];
  const totalWeight = kinds.reduce((s, k) => s + k.weight, 0);
  const pick = (r: number) => {
    let x = r * totalWeight;
    for (const k of kinds) if ((x -= k.weight) < 0) return k;
    return kinds[0];
  };
  const stats = new Map(kinds.map((k) => [k.name, { sent: 0, errors: 0, busy503: 0 }]));
  const errorSamples: string[] = [];
  let n = 0;
  let stop = false;
  const endAt = Date.now() + minutes * 60_000;
  const loop = async () => {
    while (!stop) {
      n += 1;
      const kind = pick(Math.random());
      const s = stats.get(kind.name)!;
      s.sent += 1;
      const r = kind.request(n);
      try {
        const res = await fetch(`http://127.0.0.1:${port}${r.path}`, { method: r.method, headers: r.headers, body: r.body });
        await res.arrayBuffer();
        if (res.status === 503) s.busy503 += 1;
        else if (res.status !== kind.expected) {
          s.errors += 1;
          if (errorSamples.length < 10) errorSamples.push(`${kind.name}: HTTP ${res.status}`);
        }
      } catch (error) {
        s.errors += 1;
        if (errorSamples.length < 10) errorSamples.push(`${kind.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  const start = await memoryOf(child);
  let max = start.rss;
  console.log(`soak: ${minutes} min, ${concurrency} loops, cache ${redisUrl ?? 'memory'}; server RSS at start ${mb(start.rss)}`);
  const loops = Array.from({ length: concurrency }, loop);
  const startedAt = Date.now();
  let last = start;
  while (Date.now() < endAt) {
    await new Promise((r) => setTimeout(r, Math.min(10_000, Math.max(0, endAt - Date.now()))));
    last = await memoryOf(child);
    max = Math.max(max, last.rss);
    const sent = [...stats.values()].reduce((a, s) => a + s.sent, 0);
    const errors = [...stats.values()].reduce((a, s) => a + s.errors, 0);
    const busy = [...stats.values()].reduce((a, s) => a + s.busy503, 0);
    console.log(`${String(Math.round((Date.now() - startedAt) / 1000)).padStart(5)} s  RSS ${mb(last.rss).padStart(9)}  heap ${mb(last.heapUsed).padStart(9)}  requests ${sent}  errors ${errors}  503 ${busy}`);
  }
  stop = true;
  await Promise.all(loops);
  child.kill('SIGKILL');
  console.log('\nby kind:');
  for (const [name, s] of stats) console.log(`  ${name.padEnd(16)} sent ${String(s.sent).padStart(7)}  errors ${s.errors}  503 ${s.busy503}`);
  if (errorSamples.length) console.log(`first errors: ${errorSamples.join('; ')}`);
  console.log(`\nRSS start ${mb(start.rss)}, end ${mb(last.rss)}, max ${mb(max)}`);
}

if (process.argv.includes('--serve')) {
  process.env.NODE_ENV = 'production';
  serve().catch((error) => {
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
