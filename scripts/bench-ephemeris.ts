/**
 * Ephemeris throughput on one core: charts per second for the standard chart (Sun–Pluto, mean
 * node, mean Lilith, Chiron, all with speeds; Placidus houses; aspects among them and the
 * angles), median of several rounds, then the cost of each body and of houses and aspects.
 *
 * Every call uses a different instant (a pseudo-random sequence over 1900–2050) and a different
 * place, so no per-instant cache helps; caches that are meant to persist (Chiron's integration
 * table, astronomy-engine's Pluto segments) are warmed first, as in a running server.
 *
 * Rates are given per wall-clock second and per CPU second of this process (user + system, from
 * process.cpuUsage): on a shared, loaded machine the wall-clock figure measures the contention,
 * the CPU figure what one core does.
 *
 * Run: npm run bench:ephemeris   (options: --rounds N, --charts N)
 */
import { performance } from 'node:perf_hooks';
import {
  computeChart, computeHouses, computePositions, findAspects, momentFromUtc, resolveAspectOptions,
  DEFAULT_BODIES, type Body, type ChartRequest, type GeoLocation, type ResolvedMoment,
} from '../src/ephemeris/index.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const ROUNDS = arg('rounds', 7);
const CHARTS_PER_ROUND = arg('charts', 2000);
const START_MS = Date.UTC(1900, 0, 1);
const SPAN_MS = Date.UTC(2050, 0, 1) - START_MS;

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function requests(n: number, seed: number): ChartRequest[] {
  const r = rng(seed);
  const out: ChartRequest[] = [];
  for (let i = 0; i < n; i++) {
    out.push({
      moment: { utc: new Date(START_MS + r() * SPAN_MS) },
      location: { latitude: -55 + r() * 115, longitude: -180 + r() * 360 },
      houseSystem: 'PLACIDUS',
    });
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// Warm-up: JIT, and the persistent caches over the whole span (Chiron every 4 days, Pluto).
const warm = performance.now();
for (let ms = START_MS; ms < START_MS + SPAN_MS; ms += 20 * 86_400_000) {
  computePositions(momentFromUtc(new Date(ms)), ['CHIRON', 'PLUTO'], { center: 'GEOCENTRIC', zodiac: 'TROPICAL' });
}
for (const req of requests(2000, 1)) computeChart(req);
console.log(`warm-up (caches over 1900–2050, JIT): ${((performance.now() - warm) / 1000).toFixed(1)} s`);

const rates: number[] = [];
const cpuRates: number[] = [];
let checksum = 0;
for (let round = 0; round < ROUNDS; round++) {
  const reqs = requests(CHARTS_PER_ROUND, 100 + round);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const req of reqs) checksum += computeChart(req).aspects.length;
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  rates.push(CHARTS_PER_ROUND / seconds);
  cpuRates.push(CHARTS_PER_ROUND / ((cpu.user + cpu.system) / 1e6));
}
console.log(`standard chart (${DEFAULT_BODIES.length} bodies with speeds, Placidus, aspects incl. ASC/MC), ${CHARTS_PER_ROUND} charts × ${ROUNDS} rounds:`);
console.log(`  charts per wall-clock second, per round: ${rates.map((x) => x.toFixed(0)).join(', ')}`);
console.log(`  charts per CPU second, per round:        ${cpuRates.map((x) => x.toFixed(0)).join(', ')}`);
console.log(`  median: ${median(rates).toFixed(0)} charts/s wall clock, ${median(cpuRates).toFixed(0)} charts per CPU second (${(1e6 / median(cpuRates)).toFixed(0)} µs CPU per chart)`);

// Cost per part: the same instants, one part at a time.
const N = 4000;
const r = rng(7);
const moments: ResolvedMoment[] = [];
const places: GeoLocation[] = [];
for (let i = 0; i < N; i++) {
  moments.push(momentFromUtc(new Date(START_MS + r() * SPAN_MS)));
  places.push({ latitude: -55 + r() * 115, longitude: -180 + r() * 360 });
}
function microseconds(fn: (i: number) => unknown): number {
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < N; i++) checksum += fn(i) ? 1 : 0;
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / N;
}
console.log('cost per part (CPU µs per call, median of 3; a lone body also pays the per-instant frame, ~ the SUN row):');
const rows: [string, number][] = [];
for (const body of ['SUN', 'MOON', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO',
  'MEAN_NODE', 'MEAN_LILITH', 'CHIRON', 'TRUE_NODE', 'OSCULATING_LILITH'] as Body[]) {
  rows.push([body, median([0, 1, 2].map(() => microseconds((i) => computePositions(moments[i], [body], { center: 'GEOCENTRIC', zodiac: 'TROPICAL' }))))]);
}
rows.push(['all 13 default bodies', median([0, 1, 2].map(() => microseconds((i) => computePositions(moments[i], DEFAULT_BODIES, { center: 'GEOCENTRIC', zodiac: 'TROPICAL' }))))]);
rows.push(['Placidus houses', median([0, 1, 2].map(() => microseconds((i) => computeHouses(moments[i], places[i], 'PLACIDUS'))))]);
const chartPositions = moments.slice(0, 200).map((m) => computePositions(m, DEFAULT_BODIES, { center: 'GEOCENTRIC', zodiac: 'TROPICAL' }));
const aspectOpts = resolveAspectOptions(undefined);
rows.push(['aspects (13 bodies + 2 angles)', median([0, 1, 2].map(() => microseconds((i) => findAspects(
  chartPositions[i % 200].map((p) => ({ point: p.body, longitude: p.longitude, longitudeSpeed: p.longitudeSpeed })), aspectOpts))))]);
for (const [name, us] of rows) console.log(`  ${name.padEnd(32)} ${us.toFixed(1).padStart(8)} µs`);
console.log(`(checksum ${checksum})`);
