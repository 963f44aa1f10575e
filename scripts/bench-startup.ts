/**
 * Start-up cost of the places data: how long `nocturna serve` (startServer) takes until /ready
 * answers 200, with the gazetteer and zone boundaries loaded before listening (the default) and
 * left to the first request (warmUpPlaces: false), and what the first requests then cost: a chart
 * located by place, then an unknown place (its "did you mean" index). Each run is a fresh process
 * (embedded PGlite database and memory cache in a temporary DATA_DIR, so the database's start is
 * included in both); medians of the runs are printed.
 *
 * Run: npm run bench:startup   (RUNS=5 for more runs)
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/config.js';
import { startServer } from '../src/main.js';

interface Sample {
  mode: 'warm' | 'lazy';
  /** startServer: database (embedded PGlite: migrations), createApp, places when warm, listen. */
  serveMs: number;
  /** Process start → /ready 200 (module loading included). */
  readyMs: number;
  firstPlaceChartMs: number;
  firstUnknownPlaceMs: number;
  secondPlaceChartMs: number;
  rssMb: number;
}

const CHART = 'query($p: String!) { chart(input: { moment: { localDateTime: "1940-10-15T12:00:00" }, location: { place: $p } }) { moment { utc } } }';

async function child(mode: 'warm' | 'lazy'): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nocturna-startup-'));
  const config = loadConfig({
    NODE_ENV: 'development', SECRET_KEY: randomBytes(32).toString('hex'), DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent',
  });
  const serveStart = performance.now();
  const running = await startServer(config, false, { warmUpPlaces: mode === 'warm' });
  const serveMs = performance.now() - serveStart;
  const base = `http://127.0.0.1:${running.port}`;
  for (;;) {
    const ready = await fetch(`${base}/ready`).then((r) => r.status, () => 0);
    if (ready === 200) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = performance.now(); // since this process started
  // the development service token the server issues into DATA_DIR (a token must be known to the database)
  const token = readFileSync(join(dataDir, 'dev-service-token'), 'utf8').trim();
  const post = async (place: string) => {
    const t0 = performance.now();
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: CHART, variables: { p: place } }),
    });
    const body = await res.text();
    if (res.status !== 200 || !body.includes('"data"')) throw new Error(`${place}: HTTP ${res.status} ${body.slice(0, 200)}`);
    return performance.now() - t0;
  };
  const sample: Sample = {
    mode,
    serveMs,
    readyMs,
    firstPlaceChartMs: await post('Liverpool'),
    firstUnknownPlaceMs: await post('Lverpoool'),
    secondPlaceChartMs: await post('Ulm, DE'),
    rssMb: process.memoryUsage().rss / 1e6,
  };
  await running.shutdown('bench');
  rmSync(dataDir, { recursive: true, force: true });
  console.log(JSON.stringify(sample));
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function parent(): void {
  const runs = Number(process.env.RUNS ?? 3);
  const script = fileURLToPath(import.meta.url);
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    for (const mode of ['lazy', 'warm'] as const) {
      const r = spawnSync(process.execPath, [script, '--child', mode], { encoding: 'utf8' });
      const line = r.stdout.trim().split('\n').pop() ?? '';
      if (r.status !== 0 || !line.startsWith('{')) throw new Error(`child ${mode} failed: ${r.stderr || r.stdout}`);
      samples.push(JSON.parse(line) as Sample);
    }
  }
  for (const mode of ['lazy', 'warm'] as const) {
    const s = samples.filter((x) => x.mode === mode);
    const f = (k: keyof Omit<Sample, 'mode'>) => median(s.map((x) => x[k])).toFixed(0);
    console.log(
      `${mode === 'warm' ? 'places loaded at start-up (default)' : 'places loaded by the first request  '}: ` +
      `startServer ${f('serveMs')} ms, ready ${f('readyMs')} ms after process start; first chart by place ${f('firstPlaceChartMs')} ms, first unknown place ` +
      `${f('firstUnknownPlaceMs')} ms, next chart by place ${f('secondPlaceChartMs')} ms; RSS ${f('rssMb')} MB (median of ${s.length})`,
    );
  }
}

if (process.argv[2] === '--child') {
  await child(process.argv[3] === 'warm' ? 'warm' : 'lazy');
  process.exit(0);
} else {
  parent();
}
