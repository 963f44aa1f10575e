/**
 * Time zone at a point, offline, from real zone boundaries.
 *
 * Data: timezone-boundary-builder's "comprehensive" product (one zone identifier per distinct
 * history, so zones that differ only before 1970 — America/Indiana/*, Europe/Oslo vs Europe/Berlin
 * … — stay apart; © OpenStreetMap contributors, ODbL), as shipped by the npm package `geo-tz`
 * (MIT) in `data/timezones.geojson.index.json` (a quadtree over the globe) and
 * `data/timezones.geojson.geo.dat` (geobuf-encoded features clipped to each quadtree leaf).
 *
 * Why not call geo-tz's `find`: it keeps every leaf it has touched as decoded GeoJSON (about
 * 750 MB of heap once the cells of the world's towns are warm) and tests points with turf
 * (p99 about 74 µs). This module walks the same index and reads the same leaves, but packs each
 * leaf's polygons into Int32 arrays (the data's own 1e-6° grid, so nothing is lost), indexes the
 * edges of large polygons by latitude band, and keeps the packed leaves in an LRU bounded by
 * vertex count.
 *
 * Behaviour (the same as geo-tz, documented by timezone-boundary-builder):
 * - on land and in territorial waters: the zone(s) whose boundary contains the point;
 * - where boundaries overlap (disputed areas such as Xinjiang: Asia/Shanghai and Asia/Urumqi,
 *   or a point exactly on a border): several candidates, the data's order kept, the first used;
 * - at sea (outside every boundary, also terra nullius): nautical time, `Etc/GMT±N` by 15° bands
 *   centred on multiples of 15° of longitude (POSIX sign: `Etc/GMT-10` is UTC+10); on a band
 *   edge both bands are candidates; at ±180° `Etc/GMT+12` and `Etc/GMT-12`;
 * - at the North Pole (latitude 90) every nautical zone is a candidate and `Etc/GMT` is used.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import geobuf from 'geobuf';
import Pbf from 'pbf';
import { fieldPath, ValidationError } from '../errors.js';

/** What the boundary data says at a point. */
export interface ZoneAtPoint {
  /** The IANA zone used: the only candidate, or the first one the boundary data lists. */
  timeZone: string;
  /** Every zone the boundaries give at the point (several in disputed areas or on a border). */
  candidates: string[];
  /** True outside every land/territorial-water boundary (nautical `Etc/GMT±N` zones). */
  atSea: boolean;
}

export interface ZoneBoundariesOptions {
  /** Folder with `timezones.geojson.index.json` and `.geo.dat`. Default: geo-tz's `data/`. */
  dataDir?: string;
  /**
   * Upper bound of the packed leaf cache, in polygon vertices (8 bytes each, plus about 6 bytes
   * of edge index and bookkeeping). Default 4,000,000 (about 55 MB when full): the cells under
   * all of the gazetteer's 141,000 places hold 3.84 million; the whole world holds 7.9 million.
   */
  maxCachedVertices?: number;
}

/** Nautical zones by 15° band of longitude (timezone-boundary-builder's ocean zones). */
const OCEAN_BANDS: ReadonlyArray<{ tzid: string; left: number; right: number }> = Array.from({ length: 25 }, (_, i) => {
  const hoursEast = 12 - i; // +12 … −12; the ±12 bands are half bands ending at ±180°
  const tzid = hoursEast === 0 ? 'Etc/GMT' : `Etc/GMT${hoursEast > 0 ? '-' : '+'}${Math.abs(hoursEast)}`;
  const left = hoursEast === -12 ? -180 : hoursEast * 15 - 7.5;
  const right = hoursEast === 12 ? 180 : hoursEast * 15 + 7.5;
  return { tzid, left, right };
});

/** Nautical zone(s) at a longitude, degrees east in [−180, 180]. */
export function oceanZonesAt(longitude: number): string[] {
  if (longitude === -180 || longitude === 180) return ['Etc/GMT+12', 'Etc/GMT-12'];
  return OCEAN_BANDS.filter((b) => b.left <= longitude && longitude <= b.right).map((b) => b.tzid);
}

/** One polygon of a leaf: vertices ×1e6 (x = longitude, y = latitude), rings closed. */
interface PackedPolygon {
  minX: number; minY: number; maxX: number; maxY: number;
  xy: Int32Array;
  /** Start vertex of each ring, plus the total vertex count at the end. */
  ringStarts: Int32Array;
  /** For large polygons: edges (start vertex index) grouped in latitude bands (CSR). */
  bandCount: number;
  bandStarts: Int32Array | null;
  bandEdges: Uint16Array | Int32Array | null;
}

interface PackedFeature { zone: number; polygons: PackedPolygon[] }
interface PackedLeaf { features: PackedFeature[]; vertices: number }

interface IndexNode { pos?: number; len?: number; a?: IndexNode; b?: IndexNode; c?: IndexNode; d?: IndexNode }
interface IndexFile { timezones: string[]; lookup: IndexNode }

const SCALE = 1e6;
/** Polygons with more edges than this get a latitude-band edge index. */
const BANDED_EDGES = 64;
/** Average number of edges per band aimed at. */
const EDGES_PER_BAND = 16;

function packPolygon(rings: number[][][]): PackedPolygon {
  let n = 0;
  for (const r of rings) n += r.length;
  const xy = new Int32Array(n * 2);
  const ringStarts = new Int32Array(rings.length + 1);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  let v = 0;
  rings.forEach((ring, ri) => {
    ringStarts[ri] = v;
    for (const p of ring) {
      const x = Math.round(p[0] * SCALE);
      const y = Math.round(p[1] * SCALE);
      xy[2 * v] = x; xy[2 * v + 1] = y; v++;
      if (x < minX) minX = x; if (x > maxX) maxX = x;
      if (y < minY) minY = y; if (y > maxY) maxY = y;
    }
  });
  ringStarts[rings.length] = v;
  const edges = n - rings.length;
  const poly: PackedPolygon = { minX, minY, maxX, maxY, xy, ringStarts, bandCount: 0, bandStarts: null, bandEdges: null };
  if (edges > BANDED_EDGES && maxY > minY) {
    const bandCount = Math.min(4096, Math.ceil(edges / EDGES_PER_BAND));
    const h = (maxY - minY) / bandCount;
    const bandOf = (y: number) => Math.min(bandCount - 1, Math.max(0, Math.floor((y - minY) / h)));
    const counts = new Int32Array(bandCount + 1);
    const forEachEdge = (fn: (i: number, b0: number, b1: number) => void) => {
      for (let r = 0; r < rings.length; r++) {
        for (let i = ringStarts[r]; i < ringStarts[r + 1] - 1; i++) {
          const y0 = xy[2 * i + 1], y1 = xy[2 * i + 3];
          fn(i, bandOf(Math.min(y0, y1)), bandOf(Math.max(y0, y1)));
        }
      }
    };
    forEachEdge((_i, b0, b1) => { for (let b = b0; b <= b1; b++) counts[b + 1]++; });
    for (let b = 0; b < bandCount; b++) counts[b + 1] += counts[b];
    // vertex indices fit 16 bits in all but the largest polygons
    const bandEdges = n <= 0xffff ? new Uint16Array(counts[bandCount]) : new Int32Array(counts[bandCount]);
    const fill = counts.slice(0, bandCount);
    forEachEdge((i, b0, b1) => { for (let b = b0; b <= b1; b++) bandEdges[fill[b]++] = i; });
    poly.bandCount = bandCount;
    poly.bandStarts = counts;
    poly.bandEdges = bandEdges;
  }
  return poly;
}

/** Even–odd ray casting over every ring (holes included); px, py in 1e-6 degrees. */
function polygonContains(p: PackedPolygon, px: number, py: number): boolean {
  if (px < p.minX || px > p.maxX || py < p.minY || py > p.maxY) return false;
  const xy = p.xy;
  let inside = false;
  const cross = (i: number) => {
    const xi = xy[2 * i], yi = xy[2 * i + 1], xj = xy[2 * i + 2], yj = xy[2 * i + 3];
    if ((yi > py) !== (yj > py) && px < xi + ((py - yi) * (xj - xi)) / (yj - yi)) inside = !inside;
  };
  if (p.bandStarts && p.bandEdges) {
    const h = (p.maxY - p.minY) / p.bandCount;
    const b = Math.min(p.bandCount - 1, Math.max(0, Math.floor((py - p.minY) / h)));
    for (let k = p.bandStarts[b]; k < p.bandStarts[b + 1]; k++) cross(p.bandEdges[k]);
    return inside;
  }
  const rs = p.ringStarts;
  for (let r = 0; r < rs.length - 1; r++) {
    for (let i = rs[r]; i < rs[r + 1] - 1; i++) cross(i);
  }
  return inside;
}

function defaultDataDir(): string {
  const require = createRequire(import.meta.url);
  // geo-tz's exports map hides data/; resolve one of its entry points and step to ../data.
  return path.join(path.dirname(require.resolve('geo-tz/all')), '..', 'data');
}

/** Zone boundaries from geo-tz's comprehensive data, read lazily leaf by leaf. */
export class ZoneBoundaries {
  private readonly dataDir: string;
  private readonly maxCachedVertices: number;
  private index: IndexFile | null = null;
  private zoneNames: string[] = [];
  private zoneIds: Map<string, number> | null = null;
  private fd: number | null = null;
  private readonly leaves = new Map<string, PackedLeaf>();
  private cachedVertices = 0;

  constructor(options: ZoneBoundariesOptions = {}) {
    this.dataDir = options.dataDir ?? defaultDataDir();
    this.maxCachedVertices = options.maxCachedVertices ?? 4_000_000;
  }

  /** Loads the quadtree index (about 1 MB of JSON). Called by the first lookup otherwise. */
  load(): void {
    if (this.index) return;
    const index = JSON.parse(fs.readFileSync(path.join(this.dataDir, 'timezones.geojson.index.json'), 'utf8')) as IndexFile;
    this.zoneNames = index.timezones;
    this.index = index;
  }

  /** Every zone identifier the boundary data can return (land zones; nautical ones not listed). */
  zones(): readonly string[] {
    this.load();
    return this.zoneNames;
  }

  /** Cache figures, for benchmarks and health output. */
  stats(): { cachedLeaves: number; cachedVertices: number } {
    return { cachedLeaves: this.leaves.size, cachedVertices: this.cachedVertices };
  }

  /**
   * Zone(s) at a point. Latitude degrees north in [−90, 90], longitude degrees east in
   * [−180, 180] (WGS 84). Throws ValidationError naming `${field}.latitude` / `.longitude` (`latitude`
   * / `longitude` when `field` is empty).
   */
  lookup(latitude: number, longitude: number, field = 'location'): ZoneAtPoint {
    if (typeof latitude !== 'number' || !Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
      throw new ValidationError(fieldPath(field, 'latitude'), `Latitude must be within [-90, 90] degrees; got ${String(latitude)}`);
    }
    if (typeof longitude !== 'number' || !Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
      throw new ValidationError(fieldPath(field, 'longitude'), `Longitude must be within [-180, 180] degrees (east positive); got ${String(longitude)}`);
    }
    this.load();
    if (latitude === 90) return { timeZone: 'Etc/GMT', candidates: OCEAN_BANDS.map((b) => b.tzid), atSea: true };
    const zones = this.landZones(latitude, longitude);
    if (zones.length > 0) return { timeZone: zones[0], candidates: zones, atSea: false };
    const sea = oceanZonesAt(longitude);
    return { timeZone: sea[0], candidates: sea, atSea: true };
  }

  /** Walks the quadtree exactly as geo-tz does (same clamping, same quadrant order). */
  private landZones(lat0: number, lon0: number): string[] {
    const lat = Math.min(89.9999, Math.max(-89.9999, lat0));
    const lon = Math.min(179.9999, Math.max(-179.9999, lon0));
    let top = 89.9999, bottom = -89.9999, left = -179.9999, right = 179.9999;
    let midLat = 0, midLon = 0;
    let node: IndexNode | number[] | undefined = (this.index as IndexFile).lookup;
    let key = '';
    for (;;) {
      let q: 'a' | 'b' | 'c' | 'd';
      if (lat >= midLat && lon >= midLon) { q = 'a'; bottom = midLat; left = midLon; }
      else if (lat >= midLat) { q = 'b'; bottom = midLat; right = midLon; }
      else if (lon < midLon) { q = 'c'; top = midLat; right = midLon; }
      else { q = 'd'; top = midLat; left = midLon; }
      key += q;
      node = node[q];
      if (!node) return [];
      if (Array.isArray(node)) return (node as number[]).map((i) => this.zoneNames[i]);
      if (typeof node.pos === 'number' && node.pos >= 0 && node.len) {
        return this.leafZones(key, node.pos, node.len, lon * SCALE, lat * SCALE);
      }
      midLat = (top + bottom) / 2;
      midLon = (left + right) / 2;
    }
  }

  private leafZones(key: string, pos: number, len: number, px: number, py: number): string[] {
    let leaf = this.leaves.get(key);
    if (leaf) {
      // most recently used last
      this.leaves.delete(key);
      this.leaves.set(key, leaf);
    } else {
      leaf = this.readLeaf(pos, len);
      this.leaves.set(key, leaf);
      this.cachedVertices += leaf.vertices;
      for (const [k, old] of this.leaves) {
        if (this.cachedVertices <= this.maxCachedVertices || k === key) break;
        this.leaves.delete(k);
        this.cachedVertices -= old.vertices;
      }
    }
    const out: string[] = [];
    for (const f of leaf.features) {
      for (const p of f.polygons) {
        if (polygonContains(p, px, py)) { out.push(this.zoneNames[f.zone] ?? ''); break; }
      }
    }
    return out;
  }

  private readLeaf(pos: number, len: number): PackedLeaf {
    if (this.fd === null) this.fd = fs.openSync(path.join(this.dataDir, 'timezones.geojson.geo.dat'), 'r');
    const buf = Buffer.alloc(len);
    const got = fs.readSync(this.fd, buf, 0, len, pos);
    if (got < len) throw new Error(`zone boundaries: read ${got} of ${len} bytes at ${pos}`);
    const fc = geobuf.decode(new Pbf(buf)) as unknown as {
      features: Array<{ properties: { tzid: string }; geometry: { type: string; coordinates: unknown } }>;
    };
    const zoneIds = (this.zoneIds ??= new Map(this.zoneNames.map((z, i) => [z, i])));
    let vertices = 0;
    const features: PackedFeature[] = fc.features.map((f) => {
      const g = f.geometry;
      const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
      const polygons = polys.map(packPolygon);
      for (const p of polygons) vertices += p.xy.length / 2;
      let zone = zoneIds.get(f.properties.tzid);
      if (zone === undefined) { zone = this.zoneNames.length; this.zoneNames.push(f.properties.tzid); zoneIds.set(f.properties.tzid, zone); }
      return { zone, polygons };
    });
    return { features, vertices };
  }
}

let shared: ZoneBoundaries | null = null;

/** The process-wide boundaries (geo-tz's data, default cache bound). */
export function zoneBoundaries(): ZoneBoundaries {
  shared ??= new ZoneBoundaries();
  return shared;
}

/**
 * Zone at a point with the process-wide boundaries: latitude/longitude in degrees (north/east
 * positive). See {@link ZoneBoundaries.lookup}.
 */
export function timeZoneAt(latitude: number, longitude: number, field = 'location'): ZoneAtPoint {
  return zoneBoundaries().lookup(latitude, longitude, field);
}
