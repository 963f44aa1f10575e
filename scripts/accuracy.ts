/**
 * Accuracy of the ephemeris against the Swiss Ephemeris reference data in tests/reference/:
 * per body the median, 95th percentile and maximum error of longitude, latitude and longitude
 * speed (geocentric, 300 instants 1800–2399), then topocentric, heliocentric, sidereal and ΔT.
 * Prints Markdown tables (the source of src/ephemeris/README.md's accuracy section).
 *
 * Run: npm run accuracy
 */
import { readFileSync } from 'node:fs';
import {
  ayanamsaDegrees, computePositions, deltaTSecondsAtJdUt, momentFromJulianDayUt, AYANAMSAS, type Body, type Center,
} from '../src/ephemeris/index.js';

interface RefBody { longitude: number; latitude: number; distanceAu: number; longitudeSpeed?: number; latitudeSpeed?: number }
interface RefCase {
  utc: string; jdUt: number; deltaTSeconds?: number; latitude?: number; longitude?: number; elevationM?: number;
  bodies: Record<string, RefBody>;
}
interface SiderealCase { utc: string; jdUt: number; modes: Record<string, { ayanamsaTrue: number; siderealSunLongitude: number; siderealMoonLongitude: number }> }

function load<T>(name: string): T[] {
  const url = new URL(`../../tests/reference/${name}`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { cases: T[] }).cases;
}

function angleDiffArcsec(a: number, b: number): number {
  let d = (a - b) % 360;
  if (d > 180) d -= 360;
  if (d < -180) d += 360;
  return Math.abs(d) * 3600;
}

function stats(xs: number[]): { median: number; p95: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95), max: s[s.length - 1] };
}

const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));

function table(title: string, rows: [string, Record<string, number[]>][], columns: string[]): void {
  console.log(`\n### ${title}\n`);
  console.log(`| body | ${columns.map((c) => `${c} median / p95 / max`).join(' | ')} |`);
  console.log(`| --- | ${columns.map(() => '---').join(' | ')} |`);
  for (const [name, cols] of rows) {
    console.log(`| ${name} | ${columns.map((c) => { const s = stats(cols[c]); return `${f(s.median)} / ${f(s.p95)} / ${f(s.max)}`; }).join(' | ')} |`);
  }
}

function collect(cases: RefCase[], bodies: Body[], center: Center, speeds: boolean): [string, Record<string, number[]>][] {
  const acc = new Map<string, Record<string, number[]>>();
  for (const b of bodies) acc.set(b, { 'longitude ″': [], 'latitude ″': [], 'longitude speed ″/day': [] });
  for (const c of cases) {
    const location = c.latitude === undefined ? undefined : { latitude: c.latitude, longitude: c.longitude as number, elevationMeters: c.elevationM };
    const positions = computePositions(momentFromJulianDayUt(c.jdUt), bodies, { center, location, zodiac: 'TROPICAL' });
    for (const p of positions) {
      const r = c.bodies[p.body];
      const a = acc.get(p.body)!;
      a['longitude ″'].push(angleDiffArcsec(p.longitude, r.longitude));
      a['latitude ″'].push(Math.abs(p.latitude - r.latitude) * 3600);
      if (speeds && r.longitudeSpeed !== undefined) a['longitude speed ″/day'].push(Math.abs(p.longitudeSpeed - r.longitudeSpeed) * 3600);
    }
  }
  return [...acc];
}

const positions = load<RefCase>('positions.json');
const GEO: Body[] = ['SUN', 'MOON', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO',
  'MEAN_NODE', 'TRUE_NODE', 'MEAN_LILITH', 'OSCULATING_LILITH', 'CHIRON', 'PHOLUS', 'CERES', 'PALLAS', 'JUNO', 'VESTA'];
console.log('# Ephemeris accuracy against Swiss Ephemeris 2.10.03 (JPL DE431)');
table(`Geocentric apparent, ecliptic of date (${positions.length} instants 1800–2399)`,
  collect(positions, GEO, 'GEOCENTRIC', true), ['longitude ″', 'latitude ″', 'longitude speed ″/day']);

const topo = load<RefCase>('topocentric.json');
table(`Topocentric (${topo.length} places and instants)`, collect(topo, ['MOON', 'SUN', 'MARS'], 'TOPOCENTRIC', false), ['longitude ″', 'latitude ″']);

const helio = load<RefCase>('heliocentric.json');
table(`Heliocentric (${helio.length} instants)`,
  collect(helio, ['MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO'], 'HELIOCENTRIC', false), ['longitude ″', 'latitude ″']);

try {
  const sid = load<SiderealCase>('sidereal.json');
  const rows: [string, Record<string, number[]>][] = [];
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
    rows.push([ay, cols]);
  }
  table(`Sidereal (${sid.length} instants, true ayanamsa)`, rows, ['ayanamsa ″', 'sidereal Sun ″', 'sidereal Moon ″']);
} catch (e) {
  console.log(`\n(sidereal skipped: ${(e as Error).message})`);
}

const early: number[] = [];
const late: number[] = [];
for (const c of positions) {
  const err = Math.abs(deltaTSecondsAtJdUt(c.jdUt) - (c.deltaTSeconds as number));
  (Number(c.utc.slice(0, 4)) <= 2025 ? early : late).push(err);
}
console.log('\n### ΔT (seconds)\n');
console.log('| span | median / p95 / max |\n| --- | --- |');
for (const [name, xs] of [['1800–2025', early], ['2026–2399', late]] as const) {
  const s = stats(xs);
  console.log(`| ${name} | ${s.median.toFixed(4)} / ${s.p95.toFixed(4)} / ${s.max.toFixed(4)} |`);
}
