/**
 * Generates the ephemeris pack src/ephemeris/data/ephemeris.pack from its sources (VSOP87B and
 * ELP/MPP02 from the npm package astronomia; the DE431 state vectors in scripts/data/), see
 * scripts/ephemeris-pack/generate.ts for what it computes. Deterministic: the same bytes on every
 * run, however the work is split between worker threads.
 *
 * Run: npm run ephemeris:pack   (options: --workers N (default 2), --out PATH; default
 * src/ephemeris/data/ephemeris.pack, and its copy under dist/ when run compiled)
 * Takes 10–30 minutes of CPU (mostly the 36,000-term lunar series at ~330,000 instants).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PACK_BODIES, type PackBody } from '../src/ephemeris/pack/pack-format.js';
import { PACK_URL } from '../src/ephemeris/pack/pack.js';
import {
  ANALYTIC, analyticBlocks, analyticMaxError, assemble, epochs, fitted, integratedErrorBound, pack, toleranceAu, type Packed,
} from './ephemeris-pack/generate.js';
import { INTEGRATED } from './ephemeris-pack/integrate.js';
import { AU_KM } from './ephemeris-pack/sources.js';
import type { Task, TaskResult } from './ephemeris-pack/worker.js';
import { flag, wholeNumberFlag } from './options.js';

const WORKERS = wholeNumberFlag('workers', Math.min(2, availableParallelism()), 1, 'worker threads');
/** src/ephemeris/data/ephemeris.pack, whether this runs from scripts/ or compiled from dist/scripts/. */
const SOURCE_PACK = fileURLToPath(new URL(import.meta.url.includes('/dist/scripts/') ? '../../src/ephemeris/data/ephemeris.pack' : '../src/ephemeris/data/ephemeris.pack', import.meta.url));
const OUT = flag('out', SOURCE_PACK);
const started = Date.now();
const log = (msg: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${msg}`);

const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './ephemeris-pack/worker.ts' : './ephemeris-pack/worker.js', import.meta.url);

/** Runs tasks on a pool of worker threads; results in task order. */
async function runAll(tasks: Task[], label: string): Promise<TaskResult[]> {
  const results = new Array<TaskResult>(tasks.length);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: Math.min(WORKERS, tasks.length) }, () => new Worker(workerUrl, { workerData: 'ephemeris-pack-worker' }));
  await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
    let current = -1;
    const feed = () => {
      if (next >= tasks.length) { void w.terminate().then(() => resolve()); return; }
      current = next++;
      w.postMessage(tasks[current]);
    };
    w.on('message', (r: TaskResult) => {
      results[current] = r;
      done++;
      if (done % Math.max(1, Math.floor(tasks.length / 10)) === 0) log(`  ${label}: ${done}/${tasks.length} tasks`);
      feed();
    });
    w.on('error', reject);
    feed();
  })));
  return results;
}

function chunks(n: number, size: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < n; i += size) out.push(Array.from({ length: Math.min(size, n - i) }, (_, k) => i + k));
  return out;
}

async function main(): Promise<void> {
  log(`generating ${OUT} with ${WORKERS} worker thread(s)`);
  // 1. Analytic series, in chunks of segments.
  const analyticTasks: Task[] = [];
  const owner: PackBody[] = [];
  for (const name of ANALYTIC) {
    const count = analyticBlocks(name)[0][2];
    for (const segments of chunks(count, name === 'MOON' ? 250 : 1000)) { analyticTasks.push({ kind: 'analytic', name, segments }); owner.push(name); }
  }
  const analyticResults = await runAll(analyticTasks, 'analytic series');
  const packed = {} as Record<PackBody, Packed>;
  const maxErrors = {} as Record<PackBody, number>;
  for (const name of ANALYTIC) {
    const full = analyticResults.flatMap((r, i) => (owner[i] === name ? r.full[name] : []));
    packed[name] = pack(fitted(name, full));
    maxErrors[name] = analyticMaxError(packed[name], 4);
    log(`${name}: ${full.length} segments × ${packed[name].n} coefficients; error ${(maxErrors[name] * AU_KM * 1000).toFixed(2)} m ` +
      `(every 4th segment, 2 points), tolerance ${(toleranceAu(name) * AU_KM * 1000).toFixed(2)} m`);
  }
  // 2. Integrated series and the Sun, in chunks of arcs.
  const e = epochs();
  const analytic = Object.fromEntries(ANALYTIC.map((n) => [n, packed[n]]));
  const arcTasks: Task[] = chunks(e.length - 1, 5).map((arcs) => ({ kind: 'arcs', arcs, analytic }));
  const arcResults = await runAll(arcTasks, 'integration arcs');
  log(`integration: worst landing miss ${(Math.max(...arcResults.map((r) => r.missAu)) * AU_KM * 1000).toFixed(2)} m`);
  for (const name of [...INTEGRATED, 'SUN'] as PackBody[]) {
    const full = arcResults.flatMap((r) => r.full[name]);
    packed[name] = pack(fitted(name, full));
    maxErrors[name] = integratedErrorBound(full, packed[name]);
    log(`${name}: ${full.length} segments × ${packed[name].n} coefficients; error bound ${(maxErrors[name] * AU_KM * 1000).toFixed(2)} m, ` +
      `tolerance ${(toleranceAu(name) * AU_KM * 1000).toFixed(2)} m`);
  }
  // 3. The file.
  const bytes = assemble(packed, maxErrors);
  writeFileSync(OUT, bytes);
  // Keep a compiled tree's copy (what `node dist/…` reads) in step.
  if (OUT === SOURCE_PACK && fileURLToPath(PACK_URL) !== SOURCE_PACK && existsSync(dirname(fileURLToPath(PACK_URL)))) writeFileSync(PACK_URL, bytes);
  const sizes = PACK_BODIES.map((b) => `${b} ${((packed[b].ints.length * 3 * packed[b].widths.reduce((a, c) => a + c, 0)) / 1e6).toFixed(2)}`);
  log(`wrote ${OUT}: ${(bytes.length / 1e6).toFixed(3)} MB (MB per series: ${sizes.join(', ')})`);
}

await main();
