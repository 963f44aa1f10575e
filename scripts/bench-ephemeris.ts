/**
 * Ephemeris throughput on one core, in one run and on the same instants and places:
 * - our standard chart (Sun–Pluto, mean node, mean Lilith, Chiron, all with speeds; Placidus
 *   houses; aspects among them and the angles), PRECISE engine (the ephemeris pack);
 * - a plain astronomy-engine chart: the 10 bodies Sun–Pluto as astronomy-engine gives them
 *   (`GeoVector` with aberration → `Ecliptic`, true ecliptic of date), speeds from a second
 *   evaluation 0.01 day later, and the same Placidus houses;
 * and their ratio; then the start-up cost (reading the pack, time to the first chart), resident
 * memory, and the cost of each part.
 *
 * Every chart uses a different instant (a pseudo-random sequence over 1900–2050) and a different
 * place, so no per-instant cache helps. Rates are per wall-clock second and per CPU second of this
 * process (user + system, process.cpuUsage): on a shared machine the wall-clock rate measures the
 * contention, the CPU rate what one core does.
 *
 * Run: npm run bench:ephemeris (then scripts/bench-techniques.ts, which gets npm's extra arguments);
 * with options: npm run build && node dist/scripts/bench-ephemeris.js --rounds N --charts N
 */
import { performance } from 'node:perf_hooks';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { wholeNumberFlag } from './options.js';

const t0Start = performance.now();
const rss0 = process.memoryUsage().rss;
const {
  computeChart, computeHouses, computePositions, findAspects, momentFromUtc, resolveAspectOptions, DEFAULT_BODIES,
} = await import('../src/ephemeris/index.js');
const { Astronomy } = await import('../src/ephemeris/astro.js');
const { computeHousesFromArmc } = await import('../src/ephemeris/houses.js');
const { ephemerisPack, PACK_URL } = await import('../src/ephemeris/pack/pack.js');
type Body = import('../src/ephemeris/types.js').Body;
type ChartRequest = import('../src/ephemeris/types.js').ChartRequest;
type GeoLocation = import('../src/ephemeris/types.js').GeoLocation;
type ResolvedMoment = import('../src/ephemeris/types.js').ResolvedMoment;
const importMs = performance.now() - t0Start;

const ROUNDS = wholeNumberFlag('rounds', 7, 1, 'rounds');
const CHARTS_PER_ROUND = wholeNumberFlag('charts', 2000, 1, 'charts per round');
const START_MS = Date.UTC(1900, 0, 1);
const SPAN_MS = Date.UTC(2050, 0, 1) - START_MS;
const MB = 1024 * 1024;

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

// ---- start-up: the first chart reads the pack ----
const first = performance.now();
const cpuFirst = process.cpuUsage();
computeChart(requests(1, 99)[0]);
const firstMs = performance.now() - first;
const firstCpu = process.cpuUsage(cpuFirst);
const rssFirst = process.memoryUsage().rss;
const packBytes = statSync(fileURLToPath(PACK_URL)).size;
const readStart = performance.now();
// A second, separate parse of the same file: the pack's own share of the first chart.
const { PackReader } = await import('../src/ephemeris/pack/pack.js');
const { readFileSync } = await import('node:fs');
new PackReader(readFileSync(PACK_URL));
const readMs = performance.now() - readStart;
console.log(`start-up: module imports ${importMs.toFixed(0)} ms; first chart ${firstMs.toFixed(1)} ms wall, ` +
  `${((firstCpu.user + firstCpu.system) / 1000).toFixed(1)} ms CPU (of which reading and parsing the ${(packBytes / 1e6).toFixed(2)} MB pack ≈ ${readMs.toFixed(1)} ms)`);
console.log(`resident memory: ${(rss0 / MB).toFixed(0)} MB before importing the ephemeris, ${(rssFirst / MB).toFixed(0)} MB after the first chart`);

// ---- the plain astronomy-engine chart ----
const AE_BODIES = [
  Astronomy.Body.Sun, Astronomy.Body.Moon, Astronomy.Body.Mercury, Astronomy.Body.Venus, Astronomy.Body.Mars,
  Astronomy.Body.Jupiter, Astronomy.Body.Saturn, Astronomy.Body.Uranus, Astronomy.Body.Neptune, Astronomy.Body.Pluto,
];
/** 10 bodies with longitude, latitude, distance and speeds from astronomy-engine alone, plus Placidus. */
function astronomyEngineChart(req: ChartRequest): number {
  const utc = req.moment.utc as Date;
  const t = Astronomy.MakeTime(utc);
  const t2 = t.AddDays(0.01);
  let sum = 0;
  for (const b of AE_BODIES) {
    const e1 = Astronomy.Ecliptic(Astronomy.GeoVector(b, t, true));
    const e2 = Astronomy.Ecliptic(Astronomy.GeoVector(b, t2, true));
    const speed = (((e2.elon - e1.elon + 540) % 360) - 180) / 0.01;
    sum += e1.elon + e1.elat + speed + (e2.elat - e1.elat) / 0.01;
  }
  const h = computeHouses(momentFromUtc(utc), req.location as GeoLocation, 'PLACIDUS');
  return sum + h.ascendant;
}

// ---- warm-up: JIT, and the pack's segments over 1900–2050 (decoded once, as in a running server) ----
const warm = performance.now();
for (let ms = START_MS; ms < START_MS + SPAN_MS; ms += 8 * 86_400_000) {
  computePositions(momentFromUtc(new Date(ms)), DEFAULT_BODIES, { center: 'GEOCENTRIC', zodiac: 'TROPICAL' });
}
for (const req of requests(2000, 1)) { computeChart(req); astronomyEngineChart(req); }
console.log(`warm-up (pack segments over 1900–2050, JIT): ${((performance.now() - warm) / 1000).toFixed(1)} s`);

// ---- the two charts, interleaved round by round on the same requests ----
const ours: number[] = [];
const plain: number[] = [];
let checksum = 0;
for (let round = 0; round < ROUNDS; round++) {
  const reqs = requests(CHARTS_PER_ROUND, 100 + round);
  let cpu0 = process.cpuUsage();
  for (const req of reqs) checksum += computeChart(req).aspects.length;
  let cpu = process.cpuUsage(cpu0);
  ours.push(CHARTS_PER_ROUND / ((cpu.user + cpu.system) / 1e6));
  cpu0 = process.cpuUsage();
  for (const req of reqs) checksum += astronomyEngineChart(req);
  cpu = process.cpuUsage(cpu0);
  plain.push(CHARTS_PER_ROUND / ((cpu.user + cpu.system) / 1e6));
}
const oursMedian = median(ours);
const plainMedian = median(plain);
console.log(`standard chart (${DEFAULT_BODIES.length} bodies with speeds, Placidus, aspects incl. ASC/MC), ${CHARTS_PER_ROUND} charts × ${ROUNDS} rounds:`);
console.log(`  charts per CPU second, per round: ${ours.map((x) => x.toFixed(0)).join(', ')}`);
console.log(`  median ${oursMedian.toFixed(0)} charts per CPU second (${(1e6 / oursMedian).toFixed(1)} µs CPU per chart)`);
console.log(`plain astronomy-engine chart (10 bodies with speeds by a second evaluation, Placidus), same instants and places:`);
console.log(`  charts per CPU second, per round: ${plain.map((x) => x.toFixed(0)).join(', ')}`);
console.log(`  median ${plainMedian.toFixed(0)} charts per CPU second (${(1e6 / plainMedian).toFixed(1)} µs CPU per chart)`);
console.log(`ratio: the standard chart is ${(oursMedian / plainMedian).toFixed(2)}× as fast as the plain astronomy-engine chart`);

// ---- memory: every segment of the pack decoded (its largest resident footprint) ----
const pack = ephemerisPack();
const scratch = new Float64Array(9);
for (const s of pack.series) for (let jd = s.startJd + 0.5; jd < s.endJd; jd += 4) s.evaluate(jd, scratch);
const decodedBytes = pack.series.reduce((n, s) => n + s.coefficients.byteLength + s.ready.byteLength, 0);
console.log(`resident memory after every pack segment was decoded: ${(process.memoryUsage().rss / MB).toFixed(0)} MB ` +
  `(decoded coefficients ${(decodedBytes / MB).toFixed(1)} MB + the ${(packBytes / MB).toFixed(1)} MB file buffer)`);

// ---- cost per part: the same instants, one part at a time ----
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
rows.push([`all ${DEFAULT_BODIES.length} default bodies`, median([0, 1, 2].map(() => microseconds((i) => computePositions(moments[i], DEFAULT_BODIES, { center: 'GEOCENTRIC', zodiac: 'TROPICAL' }))))]);
for (const system of ['PLACIDUS', 'KOCH', 'REGIOMONTANUS'] as const) {
  const name = system[0] + system.slice(1).toLowerCase();
  rows.push([`${name} houses`, median([0, 1, 2].map(() => microseconds((i) => computeHouses(moments[i], places[i], system))))]);
  // The house geometry alone, from ARMC, latitude and obliquity (no sidereal time, no nutation).
  rows.push([`${name} houses from ARMC`, median([0, 1, 2].map(() => microseconds((i) => computeHousesFromArmc((i * 37.1) % 360, places[i].latitude, 23.44, system))))]);
}
const chartPositions = moments.slice(0, 200).map((m) => computePositions(m, DEFAULT_BODIES, { center: 'GEOCENTRIC', zodiac: 'TROPICAL' }));
const aspectOpts = resolveAspectOptions(undefined);
rows.push([`aspects (${DEFAULT_BODIES.length} bodies + 2 angles)`, median([0, 1, 2].map(() => microseconds((i) => findAspects(
  chartPositions[i % 200].map((p) => ({ point: p.body, longitude: p.longitude, longitudeSpeed: p.longitudeSpeed })), aspectOpts))))]);
for (const [name, us] of rows) console.log(`  ${name.padEnd(32)} ${us.toFixed(2).padStart(8)} µs`);
console.log(`(checksum ${checksum.toFixed(0)})`);
