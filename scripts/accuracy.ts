/**
 * Accuracy of the ephemeris against the Swiss Ephemeris 2.10.03 / JPL DE431 reference data in
 * tests/reference/: per body the median, 95th percentile and maximum error of longitude, latitude,
 * speeds and distance (geocentric, 300 instants 1800–2399), then topocentric, heliocentric,
 * sidereal, ΔT, events (ingresses, lunar crossings, eclipse maxima, slow-body sign ingresses), and
 * the EXTENDED engine measured against the PRECISE one.
 *
 * Prints the tables as Markdown and writes them into src/ephemeris/README.md (all tables) and
 * README.md (the summary), between the markers `<!-- accuracy:begin -->` and
 * `<!-- accuracy:end -->`.
 *
 * Run: npm run accuracy   (--no-write: print only)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  ayanamsaDegrees, computePositions, deltaTSecondsAtJdUt, momentFromJulianDayUt, momentFromUtc, AYANAMSAS, type Body, type Center,
} from '../src/ephemeris/index.js';
import { findNextCrossing } from '../src/ephemeris/events/search.js';
import { eclipses, ingresses, MAX_EVENT_RANGE_DAYS } from '../src/ephemeris/events/events.js';
import { julianDayFromDate, signedSeparationDegrees } from '../src/ephemeris/techniques/angles.js';
import { CONTINUATION_EPOCHS_JD_TT, MINOR_BODIES, packMinorBodyStates, propagateMinorBodies } from '../src/ephemeris/minor-bodies.js';
import { ephemerisPack } from '../src/ephemeris/pack/pack.js';

interface RefBody { longitude: number; latitude: number; distanceAu: number; longitudeSpeed?: number; latitudeSpeed?: number }
interface RefCase {
  utc: string; jdUt: number; deltaTSeconds?: number; latitude?: number; longitude?: number; elevationM?: number;
  bodies: Record<string, RefBody>;
}
interface SiderealCase { utc: string; jdUt: number; modes: Record<string, { ayanamsaTrue: number; siderealSunLongitude: number; siderealMoonLongitude: number }> }

/** The repository root, from scripts/ (sources) or dist/scripts/ (compiled). */
const rootUrl = new URL(import.meta.url.includes('/dist/scripts/') ? '../../' : '../', import.meta.url);
const readJson = <T>(name: string): T => JSON.parse(readFileSync(new URL(`tests/reference/${name}`, rootUrl), 'utf8')) as T;
const load = <T>(name: string): T[] => readJson<{ cases: T[] }>(name).cases;

const angleDiffArcsec = (a: number, b: number): number => Math.abs(signedSeparationDegrees(a, b)) * 3600;

/** Median, 95th percentile and maximum; NaN when any value is NaN (a sort would hide it). */
function stats(xs: number[]): { median: number; p95: number; max: number } {
  if (xs.some((x) => Number.isNaN(x))) return { median: Number.NaN, p95: Number.NaN, max: Number.NaN };
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95), max: s[s.length - 1] };
}

const f = (x: number) => (x < 0.1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(1));
const out: string[] = [];
const say = (line = '') => { out.push(line); console.log(line); };

function table(title: string, rows: [string, Record<string, number[]>][], columns: string[]): void {
  say(`\n#### ${title}\n`);
  say(`| body | ${columns.map((c) => `${c} median / p95 / max`).join(' | ')} |`);
  say(`| --- | ${columns.map(() => '---').join(' | ')} |`);
  for (const [name, cols] of rows) {
    say(`| ${name} | ${columns.map((c) => { const s = stats(cols[c]); return `${f(s.median)} / ${f(s.p95)} / ${f(s.max)}`; }).join(' | ')} |`);
  }
}

const LON = 'longitude ″', LAT = 'latitude ″', LSPD = 'longitude speed ″/day', BSPD = 'latitude speed ″/day', DIST = 'distance ppm';

function collect(cases: RefCase[], bodies: Body[], center: Center, speeds: boolean): [string, Record<string, number[]>][] {
  const acc = new Map<string, Record<string, number[]>>();
  for (const b of bodies) acc.set(b, { [LON]: [], [LAT]: [], [LSPD]: [], [BSPD]: [], [DIST]: [] });
  for (const c of cases) {
    const location = c.latitude === undefined ? undefined : { latitude: c.latitude, longitude: c.longitude as number, elevationMeters: c.elevationM };
    const positions = computePositions(momentFromJulianDayUt(c.jdUt), bodies, { center, location, zodiac: 'TROPICAL' });
    for (const p of positions) {
      const r = c.bodies[p.body];
      const a = acc.get(p.body)!;
      a[LON].push(angleDiffArcsec(p.longitude, r.longitude));
      a[LAT].push(Math.abs(p.latitude - r.latitude) * 3600);
      if (speeds && r.longitudeSpeed !== undefined) a[LSPD].push(Math.abs(p.longitudeSpeed - r.longitudeSpeed) * 3600);
      if (speeds && r.latitudeSpeed !== undefined) a[BSPD].push(Math.abs(p.latitudeSpeed - r.latitudeSpeed) * 3600);
      a[DIST].push((Math.abs(p.distanceAu - r.distanceAu) / r.distanceAu) * 1e6);
    }
  }
  return [...acc];
}

const worstOf = (rows: [string, Record<string, number[]>][], col: string, names?: string[]) =>
  Math.max(...rows.filter(([n]) => !names || names.includes(n)).map(([, c]) => stats(c[col]).max));

// ---- PRECISE engine against the reference ----
const positions = load<RefCase>('positions.json');
const GEO: Body[] = ['SUN', 'MOON', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO',
  'MEAN_NODE', 'TRUE_NODE', 'MEAN_LILITH', 'OSCULATING_LILITH', 'CHIRON', 'PHOLUS', 'CERES', 'PALLAS', 'JUNO', 'VESTA'];
say('### PRECISE engine (1800–2399) against Swiss Ephemeris 2.10.03 with JPL DE431');
say(`\nErrors in arcseconds (speeds ″/day, distances parts per million; the reference rounds distances to 10⁻⁷ AU, ` +
  `so the Moon's and the lunar points' ppm are that rounding). Generated by \`npm run accuracy\`.`);
const geoRows = collect(positions, GEO, 'GEOCENTRIC', true);
table(`Geocentric apparent, ecliptic of date (${positions.length} instants 1800–2399)`, geoRows, [LON, LAT, LSPD, BSPD, DIST]);
const topo = load<RefCase>('topocentric.json');
const topoRows = collect(topo, ['MOON', 'SUN', 'MARS'], 'TOPOCENTRIC', false);
table(`Topocentric (${topo.length} places and instants)`, topoRows, [LON, LAT, DIST]);
const helio = load<RefCase>('heliocentric.json');
const helioRows = collect(helio, ['MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO'], 'HELIOCENTRIC', false);
table(`Heliocentric (${helio.length} instants)`, helioRows, [LON, LAT, DIST]);

const sid = load<SiderealCase>('sidereal.json');
const sidRows: [string, Record<string, number[]>][] = [];
for (const ay of AYANAMSAS) {
  const cols: Record<string, number[]> = { 'ayanamsa ″': [], 'sidereal Sun ″': [], 'sidereal Moon ″': [] };
  for (const c of sid) {
    const m = momentFromJulianDayUt(c.jdUt);
    const ref = c.modes[ay];
    cols['ayanamsa ″'].push(angleDiffArcsec(ayanamsaDegrees(ay, m.julianDayTt, { withNutation: true }), ref.ayanamsaTrue));
    const [sun, moon] = computePositions(m, ['SUN', 'MOON'], { center: 'GEOCENTRIC', zodiac: 'SIDEREAL', ayanamsa: ay });
    cols['sidereal Sun ″'].push(angleDiffArcsec(sun.longitude, ref.siderealSunLongitude));
    cols['sidereal Moon ″'].push(angleDiffArcsec(moon.longitude, ref.siderealMoonLongitude));
  }
  sidRows.push([ay, cols]);
}
table(`Sidereal (${sid.length} instants, true ayanamsa)`, sidRows, ['ayanamsa ″', 'sidereal Sun ″', 'sidereal Moon ″']);

const early: number[] = [];
const late: number[] = [];
for (const c of positions) {
  const err = Math.abs(deltaTSecondsAtJdUt(c.jdUt) - (c.deltaTSeconds as number));
  (Number(c.utc.slice(0, 4)) <= 2025 ? early : late).push(err);
}
say('\n#### ΔT (seconds)\n');
say('| span | median / p95 / max |\n| --- | --- |');
for (const [name, xs] of [['1800–2025', early], ['2026–2399', late]] as const) {
  const s = stats(xs);
  say(`| ${name} | ${s.median.toExponential(1)} / ${s.p95.toExponential(1)} / ${s.max.toExponential(1)} |`);
}

// ---- events ----
interface Crossing { longitude: number; after: string; jdUt: number }
interface Eclipse { after: string; jdUt: number }
const ev = readJson<{ solarIngresses: Crossing[]; lunarCrossings: Crossing[]; solarEclipses: Eclipse[]; lunarEclipses: Eclipse[] }>('events.json');
const crossing = (body: Body, cs: Crossing[]) => cs.map((c) => Math.abs(findNextCrossing(body, c.longitude, julianDayFromDate(new Date(c.after)), 1, 400)!.jd - c.jdUt) * 86400);
const eclipse = (kind: 'SOLAR' | 'LUNAR', cs: Eclipse[]) => cs.map((c) => {
  const from = new Date(c.after);
  return Math.abs(julianDayFromDate(eclipses(from, new Date(from.getTime() + 400 * 86_400_000), kind)[0].maximumUtc) - c.jdUt) * 86400;
});
interface SlowIngress { body: Body; longitude: number; utc: string; direction: string; speedDegPerDay: number }
const slow = readJson<{ events: SlowIngress[] }>('slow-ingresses.json').events;
const slowErr: Record<string, number[]> = {};
const slowRatio: Record<string, number[]> = {};
for (const body of ['SATURN', 'URANUS', 'NEPTUNE', 'PLUTO', 'CHIRON'] as Body[]) {
  slowErr[body] = [];
  slowRatio[body] = [];
  for (const [a, b] of [[1830, 1850], [1960, 2000], [2060, 2100], [2250, 2290]]) {
    const want = slow.filter((e) => e.body === body && e.utc >= `${a}` && e.utc < `${b}`);
    const got: ReturnType<typeof ingresses> = [];
    const chunk = Math.floor(MAX_EVENT_RANGE_DAYS - 1) * 86_400_000;
    for (let t = Date.UTC(a, 0, 1); t < Date.UTC(b, 0, 1); t += chunk) got.push(...ingresses(body, new Date(t), new Date(Math.min(t + chunk, Date.UTC(b, 0, 1)))));
    if (got.length !== want.length) throw new Error(`${body} ${a}–${b}: ${got.length} ingresses, reference ${want.length}`);
    want.forEach((w, i) => {
      const err = Math.abs(got[i].utc.getTime() - new Date(w.utc).getTime()) / 1000;
      slowErr[body].push(err);
      slowRatio[body].push(err / Math.max(60, (1.5 / 3600 / Math.abs(w.speedDegPerDay)) * 86400));
    });
  }
}
say('\n#### Events (seconds of time)\n');
say('| event | cases | median / p95 / max |\n| --- | --- | --- |');
const eventRows: [string, number[]][] = [
  ['Sun reaching 0°, 30° … (ingresses)', crossing('SUN', ev.solarIngresses)],
  ['Moon reaching a longitude', crossing('MOON', ev.lunarCrossings)],
  ['solar eclipse maxima', eclipse('SOLAR', ev.solarEclipses)],
  ['lunar eclipse maxima', eclipse('LUNAR', ev.lunarEclipses)],
  ...Object.entries(slowErr).map(([b, xs]) => [`${b} sign ingresses (slow-ingresses.json)`, xs] as [string, number[]]),
];
for (const [name, xs] of eventRows) { const s = stats(xs); say(`| ${name} | ${xs.length} | ${f(s.median)} / ${f(s.p95)} / ${f(s.max)} |`); }
const worstRatio = Math.max(...Object.values(slowRatio).flat());
say(`\nSlow-body ingresses: the worst error is ${(worstRatio * 100).toFixed(1)} % of the time the body takes to move 1.5″ then (≥ 60 s).`);

// ---- EXTENDED engine ----
const SEAM_BODIES: Body[] = ['SUN', 'MOON', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO', 'TRUE_NODE', 'OSCULATING_LILITH'];
const seam: Record<string, number[]> = Object.fromEntries(SEAM_BODIES.map((b) => [b, []]));
for (let k = 0; k < 40; k++) {
  const year = k < 20 ? 1800 + k / 2 : 2390 + (k - 20) / 2;
  const m = momentFromUtc(new Date(Date.UTC(Math.floor(year), 0, 1) + (year % 1) * 365 * 86_400_000 + k * 3_600_000));
  const a = computePositions(m, SEAM_BODIES, { center: 'GEOCENTRIC', zodiac: 'TROPICAL' });
  const b = computePositions({ ...m, ephemeris: 'EXTENDED' }, SEAM_BODIES, { center: 'GEOCENTRIC', zodiac: 'TROPICAL' });
  a.forEach((p, i) => seam[p.body].push(angleDiffArcsec(p.longitude, b[i].longitude)));
}
say('\n### EXTENDED engine (1000–1799, 2400–2999)\n');
say('No reference data exist outside 1800–2399. Near the seams the EXTENDED engine can be measured against the PRECISE one at the same');
say('instants (40 instants in 1800–1810 and 2390–2400, longitude ″); farther out its error grows (astronomy-engine\'s truncated series).\n');
say(`| body | ${SEAM_BODIES.join(' | ')} |`);
say(`| --- | ${SEAM_BODIES.map(() => '---').join(' | ')} |`);
say(`| median / max | ${SEAM_BODIES.map((b) => { const s = stats(seam[b]); return `${f(s.median)} / ${f(s.max)}`; }).join(' | ')} |`);
const [FIRST, LAST] = CONTINUATION_EPOCHS_JD_TT;
let state: ArrayLike<number> = packMinorBodyStates(LAST);
let from: number = LAST;
say('\nMinor bodies outside the pack continue its integration on astronomy-engine\'s planets. The same integrator run from the');
say('pack\'s 2399 state back through the pack measures how far that drifts (heliocentric angle, ″):\n');
say(`| years | ${MINOR_BODIES.join(' | ')} |`);
say(`| --- | ${MINOR_BODIES.map(() => '---').join(' | ')} |`);
for (const year of [2300, 2100, 1900, 1800]) {
  const jd = year === 1800 ? FIRST : 2451545 + (year - 2000) * 365.25;
  state = propagateMinorBodies(from, state, jd);
  from = jd;
  const pack = packMinorBodyStates(jd);
  const cells = MINOR_BODIES.map((_, i) => {
    const o = 6 * i;
    const d = Math.hypot(state[o] - pack[o], state[o + 1] - pack[o + 1], state[o + 2] - pack[o + 2]);
    return f((d / Math.hypot(pack[o], pack[o + 1], pack[o + 2])) * 206264.806);
  });
  say(`| ${2399 - year} | ${cells.join(' | ')} |`);
}
const packHeader = ephemerisPack().header;
say(`\nThe pack: ${(packHeader.dataBytes / 1e6).toFixed(2)} MB of coefficients, fit tolerance ${packHeader.fitToleranceArcsec}″ ` +
  `(seen from each body's closest approach to the Earth), span ${packHeader.span}.`);

// ---- summary for README.md ----
const maxOf = (rows: [string, Record<string, number[]>][], names: string[]) => Math.max(worstOf(rows, LON, names), worstOf(rows, LAT, names));
const summary = [
  '| what | worst error (PRECISE engine, 1800–2399) |',
  '| --- | --- |',
  `| Sun / Moon | ${f(maxOf(geoRows, ['SUN']))}″ / ${f(maxOf(geoRows, ['MOON']))}″ |`,
  `| Mercury–Pluto | ${f(maxOf(geoRows, ['MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO']))}″ |`,
  `| mean node, mean Lilith / true node / osculating Lilith | ${f(maxOf(geoRows, ['MEAN_NODE', 'MEAN_LILITH']))}″ / ${f(maxOf(geoRows, ['TRUE_NODE']))}″ / ${f(maxOf(geoRows, ['OSCULATING_LILITH']))}″ |`,
  `| Chiron, Pholus, Ceres, Pallas, Juno, Vesta | ${f(maxOf(geoRows, ['CHIRON', 'PHOLUS', 'CERES', 'PALLAS', 'JUNO', 'VESTA']))}″ |`,
  `| speeds (Moon / osculating Lilith / all others) | ${f(worstOf(geoRows, LSPD, ['MOON']))} / ${f(worstOf(geoRows, LSPD, ['OSCULATING_LILITH']))} / ${f(Math.max(worstOf(geoRows, LSPD, GEO.filter((b) => b !== 'MOON' && b !== 'OSCULATING_LILITH')), worstOf(geoRows, BSPD)))} ″/day |`,
  `| distances (planets and minor bodies) | ${f(worstOf(geoRows, DIST, ['SUN', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO', 'CHIRON', 'PHOLUS', 'CERES', 'PALLAS', 'JUNO', 'VESTA']))} ppm |`,
  `| topocentric Moon / heliocentric planets | ${f(maxOf(topoRows, ['MOON']))}″ / ${f(maxOf(helioRows, helioRows.map(([n]) => n)))}″ |`,
  `| sidereal Sun and Moon (9 ayanamsas) | ${f(Math.max(...sidRows.flatMap(([, c]) => [stats(c['sidereal Sun ″']).max, stats(c['sidereal Moon ″']).max])))}″ |`,
  `| Sun ingresses / Moon crossings / eclipse maxima | ${f(stats(eventRows[0][1]).max)} s / ${f(stats(eventRows[1][1]).max)} s / ${f(Math.max(stats(eventRows[2][1]).max, stats(eventRows[3][1]).max))} s |`,
  `| Saturn … Pluto, Chiron sign ingresses (325) | ${f(Math.max(...Object.values(slowErr).flat()))} s (${(worstRatio * 100).toFixed(1)} % of the 1.5″ allowance) |`,
  `| EXTENDED engine near 1800 and 2400 (Sun / Moon / planets / Pluto) | ${f(stats(seam.SUN).max)}″ / ${f(stats(seam.MOON).max)}″ / ${f(Math.max(...['MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE'].map((b) => stats(seam[b]).max)))}″ / ${f(stats(seam.PLUTO).max)}″ |`,
];

function replaceBetweenMarkers(file: URL, body: string): void {
  const text = readFileSync(file, 'utf8');
  const begin = '<!-- accuracy:begin -->';
  const end = '<!-- accuracy:end -->';
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`${file.pathname}: accuracy markers missing`);
  writeFileSync(file, `${text.slice(0, i + begin.length)}\n${body}\n${text.slice(j)}`);
}

if (!process.argv.includes('--no-write')) {
  replaceBetweenMarkers(new URL('src/ephemeris/README.md', rootUrl), out.join('\n').trim());
  replaceBetweenMarkers(new URL('README.md', rootUrl), summary.join('\n'));
  console.log('\n(written into src/ephemeris/README.md and README.md)');
}
