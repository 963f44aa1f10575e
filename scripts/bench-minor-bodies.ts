/**
 * Prints the cost of minorBodyHelioState: cold start (first call in a 12.5-year half-segment,
 * which integrates all six bodies from the reference epoch to the requested date), warm calls
 * (table + Hermite), and the cache's memory once every instant 1800–2400 has been asked for.
 *
 * Usage: npm run build && node dist/scripts/bench-minor-bodies.js
 */
import {
  MINOR_BODIES, MINOR_BODY_STEP_DAYS, minorBodyCacheNodes, minorBodyEpochs, minorBodyHelioState,
} from '../src/ephemeris/minor-bodies.js';

const epochs = minorBodyEpochs();
const DAYS_PER_YEAR = 365.25;

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
/** CPU milliseconds of this process since `start` (fairer than wall time on a shared machine). */
function cpuMs(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

// Cold starts at increasing distances from a reference epoch (each in a fresh half-segment).
const cold: string[] = [];
const distancesYears = [0.1, 3, 6, 12.4];
distancesYears.forEach((years, k) => {
  const jd = epochs[4 + 2 * k] + years * DAYS_PER_YEAR; // forward half-segments of epochs 4, 6, 8, 10
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  minorBodyHelioState('CHIRON', jd);
  cold.push(`${years} y from epoch: ${ms(t0).toFixed(1)} ms wall, ${cpuMs(c0).toFixed(1)} ms CPU`);
});
console.log(`cold start (first call, integrates all six bodies, ${MINOR_BODY_STEP_DAYS}-day RK4 steps): ${cold.join('; ')}`);

// Warm: random instants inside an already integrated span.
const base = epochs[10];
const N = 1_000_000;
let sink = 0;
for (let round = 0; round < 3; round++) {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  for (let i = 0; i < N; i++) {
    const body = MINOR_BODIES[i % 6];
    sink += minorBodyHelioState(body, base + ((i * 7919) % 4000) * 1.1).x;
  }
  console.log(`warm call (round ${round + 1}): ${((ms(t0) * 1000) / N).toFixed(3)} µs wall, ${((cpuMs(c0) * 1000) / N).toFixed(3)} µs CPU`);
}

// Memory: fill every half-segment.
if (typeof globalThis.gc === 'function') globalThis.gc();
const heapBefore = process.memoryUsage().arrayBuffers;
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
for (let jd = epochs[0] - 1; jd <= epochs[epochs.length - 1] + 1; jd += 30) minorBodyHelioState('CHIRON', jd);
const fillMs = ms(t0);
const fillCpuMs = cpuMs(c0);
const nodes = minorBodyCacheNodes();
const heapAfter = process.memoryUsage().arrayBuffers;
console.log(`full 1800–2400 cache: ${nodes} nodes × 6 bodies × 6 doubles = ${((nodes * 288) / 1e6).toFixed(1)} MB of states `
  + `(array buffers grew ${((heapAfter - heapBefore) / 1e6).toFixed(1)} MB incl. spare capacity); filled in ${(fillMs / 1000).toFixed(1)} s wall, ${(fillCpuMs / 1000).toFixed(1)} s CPU (${((fillCpuMs * 1000) / nodes).toFixed(0)} µs CPU per 4-day step)`);
if (sink === 42) console.log('');
