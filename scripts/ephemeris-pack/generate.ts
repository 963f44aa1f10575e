/**
 * Builds the ephemeris pack (src/ephemeris/data/ephemeris.pack; format in
 * src/ephemeris/pack/pack-format.ts) from its sources, deterministically (same bytes every run):
 *
 * 1. Analytic series, fitted segment by segment at Chebyshev nodes: the Earth, Mercury and Venus
 *    (heliocentric) from VSOP87B, the Moon (geocentric) from ELP/MPP02 (sources.ts).
 * 2. Mars … Pluto, Chiron, Pholus, Ceres, Pallas, Juno, Vesta: numerical integration between the
 *    DE431 states every 5 years, each arc a boundary-value problem (integrate.ts), with Mercury,
 *    Venus, the Earth and the Moon taken from the packed series of step 1; stored barycentric.
 * 3. The Sun's barycentric position, Σ-weighted from every body's heliocentric position
 *    (r☉ = −Σ μ_j r_j / (μ☉ + Σ μ_j)), for the barycentric light-time and the observer's
 *    barycentric velocity in the aberration.
 *
 * Each series keeps the fewest Chebyshev coefficients whose dropped tail stays within half its
 * tolerance (0.001″ seen from the body's closest approach to the Earth), stored as integers in
 * units of tolerance / (4n), so quantisation adds at most an eighth of the tolerance.
 */
import { createHash } from 'node:crypto';
import { dataSectionOffset, PACK_BODIES, PACK_MAGIC, type PackBody, type PackBodyHeader, type PackHeader } from '../../src/ephemeris/pack/pack-format.js';
import { PackReader, readInt } from '../../src/ephemeris/pack/pack.js';
import { ChebyshevSeries } from '../../src/ephemeris/pack/series.js';
import { byteWidth, fitSegment, neededCoefficients, quantize, segmentNodeTimes, writeInt, type SegmentSource } from './encode.js';
import {
  ArcTrajectory, EMRAT, GM, GM_SUN, INTEGRATED, PRESCRIBED, solveArc, STEP_DAYS,
  type ArcSolution, type ArcStates, type IntegratedBody, type Perturbers,
} from './integrate.js';
import { AU_KM, minorBodyStates, moonIcrs, planetStates, vsopFrameTie, vsopIcrs } from './sources.js';
import type { Vec3 } from './vector.js';

/** Span of the pack, Julian days TDB: 1799-12-31 0h to 2400-01-02 0h (1800–2399 UT plus light-time and ΔT margins). */
export const PACK_START_JD = 2378495.5;
export const PACK_END_JD = 2597642.5;
export const FIT_TOLERANCE_ARCSEC = 0.001;
const ARCSEC_RAD = Math.PI / 648000;

export interface SeriesConfig {
  /** Nominal segment length, days. */
  segmentDays: number;
  /** Chebyshev nodes sampled per segment (must exceed the coefficients kept). */
  nodes: number;
  /** Closest approach to the Earth, AU: sets the tolerance (0.001″ seen from there). */
  closestAu: number;
  source: string;
}

const VSOP = 'VSOP87B full series (Bretagnon & Francou 1988), data from the npm package astronomia 4.2.0 (MIT), frame tied to DE431';
const INTEGRATION = 'numerical integration between JPL DE431 state vectors every 5 years (boundary-value arcs; scripts/ephemeris-pack/integrate.ts)';

/** Per series: segment length, nodes and the closest approach that sets the tolerance. */
export const SERIES_CONFIG: Record<PackBody, SeriesConfig> = {
  // The Earth's error moves every geocentric position; Venus comes closest (0.26 AU).
  EARTH: { segmentDays: 32, nodes: 22, closestAu: 0.26, source: VSOP },
  MOON: { segmentDays: 16, nodes: 24, closestAu: 356_400 / AU_KM, source: 'ELP/MPP02 (DE405 fit) full series (Chapront & Francou 2003), data from the npm package astronomia 4.2.0 (MIT)' },
  MERCURY: { segmentDays: 32, nodes: 23, closestAu: 0.52, source: VSOP },
  VENUS: { segmentDays: 64, nodes: 15, closestAu: 0.26, source: VSOP },
  MARS: { segmentDays: 128, nodes: 16, closestAu: 0.37, source: INTEGRATION },
  JUPITER: { segmentDays: 456, nodes: 12, closestAu: 3.9, source: INTEGRATION },
  SATURN: { segmentDays: 913, nodes: 12, closestAu: 7.9, source: INTEGRATION },
  URANUS: { segmentDays: 1827, nodes: 12, closestAu: 17.2, source: INTEGRATION },
  NEPTUNE: { segmentDays: 1827, nodes: 12, closestAu: 28.7, source: INTEGRATION },
  PLUTO: { segmentDays: 1827, nodes: 12, closestAu: 28.5, source: INTEGRATION },
  CHIRON: { segmentDays: 913, nodes: 13, closestAu: 7.3, source: INTEGRATION },
  PHOLUS: { segmentDays: 913, nodes: 13, closestAu: 7.6, source: INTEGRATION },
  CERES: { segmentDays: 256, nodes: 17, closestAu: 1.58, source: INTEGRATION },
  PALLAS: { segmentDays: 256, nodes: 17, closestAu: 1.2, source: INTEGRATION },
  JUNO: { segmentDays: 256, nodes: 17, closestAu: 0.98, source: INTEGRATION },
  VESTA: { segmentDays: 256, nodes: 17, closestAu: 1.13, source: INTEGRATION },
  // The Earth's barycentric position is the Sun's plus its heliocentric one, and geocentric
  // vectors to the (barycentric) integrated bodies take it whole: Mars' tolerance applies.
  SUN: { segmentDays: 64, nodes: 12, closestAu: 0.37, source: 'barycentre of the packed bodies with DE431 masses' },
};

export const ANALYTIC: readonly PackBody[] = ['EARTH', 'MOON', 'MERCURY', 'VENUS'];

export function toleranceAu(name: PackBody): number {
  return SERIES_CONFIG[name].closestAu * FIT_TOLERANCE_ARCSEC * ARCSEC_RAD;
}

/** Positions of an analytic series at Julian days TDB (ICRS, AU; the Moon geocentric). */
export function analyticSource(name: PackBody): SegmentSource {
  switch (name) {
    case 'EARTH': return (jds) => vsopIcrs('EARTH', jds);
    case 'MERCURY': return (jds) => vsopIcrs('MERCURY', jds);
    case 'VENUS': return (jds) => vsopIcrs('VENUS', jds);
    case 'MOON': return (jds) => moonIcrs(jds);
    default: throw new Error(`${name} is not an analytic series`);
  }
}

/** Blocks of an analytic series: one run of equal segments over the whole span. */
export function analyticBlocks(name: PackBody): [number, number, number][] {
  const L = SERIES_CONFIG[name].segmentDays;
  return [[PACK_START_JD, L, Math.ceil((PACK_END_JD - PACK_START_JD) / L)]];
}

/** The integration epochs (Julian days TT ≈ TDB), identical in both state files. */
export function epochs(): number[] {
  const p = planetStates();
  const m = minorBodyStates();
  const e = p.SUN.map((s) => s.jdTt);
  for (const list of [...Object.values(p), ...Object.values(m)]) {
    if (list.length !== e.length || list.some((s, i) => s.jdTt !== e[i])) throw new Error('state files: epochs differ');
  }
  return e;
}

/** Arc k's block span: the arc between epochs k and k + 1, the first and last stretched to the pack's ends. */
export function arcSpan(k: number, e: readonly number[]): [number, number] {
  return [k === 0 ? PACK_START_JD : e[k], k === e.length - 2 ? PACK_END_JD : e[k + 1]];
}

/** Blocks of an integrated series (and the Sun): one per arc, nominal segment length rounded to fit. */
export function arcBlocks(name: PackBody, e: readonly number[]): [number, number, number][] {
  const L = SERIES_CONFIG[name].segmentDays;
  const out: [number, number, number][] = [];
  for (let k = 0; k + 1 < e.length; k++) {
    const [a, b] = arcSpan(k, e);
    const count = Math.ceil((b - a) / L - 1e-9);
    out.push([a, (b - a) / count, count]);
  }
  return out;
}

/** Heliocentric DE431 states of the integrated bodies at epoch k. */
export function arcStates(k: number): ArcStates {
  const p = planetStates();
  const m = minorBodyStates();
  const sun = p.SUN[k];
  const out = {} as ArcStates;
  for (const b of INTEGRATED) {
    const s = b in p ? p[b][k] : m[b][k];
    const helio = b in p
      ? { pos: [s.x - sun.x, s.y - sun.y, s.z - sun.z] as Vec3, vel: [s.vx - sun.vx, s.vy - sun.vy, s.vz - sun.vz] as Vec3 }
      : { pos: [s.x, s.y, s.z] as Vec3, vel: [s.vx, s.vy, s.vz] as Vec3 };
    out[b] = helio;
  }
  return out;
}

/** Mercury, Venus, the Earth and the Moon (heliocentric) from packed analytic series. */
export function perturbersFrom(series: Record<string, ChebyshevSeries>): Perturbers {
  const tmp = new Float64Array(6);
  const earth = new Float64Array(3);
  return (jd, out) => {
    series.MERCURY.evaluate(jd, tmp); out[0] = tmp[0]; out[1] = tmp[1]; out[2] = tmp[2];
    series.VENUS.evaluate(jd, tmp); out[3] = tmp[0]; out[4] = tmp[1]; out[5] = tmp[2];
    series.EARTH.evaluate(jd, tmp); earth[0] = tmp[0]; earth[1] = tmp[1]; earth[2] = tmp[2];
    out[6] = earth[0]; out[7] = earth[1]; out[8] = earth[2];
    series.MOON.evaluate(jd, tmp); out[9] = earth[0] + tmp[0]; out[10] = earth[1] + tmp[1]; out[11] = earth[2] + tmp[2];
  };
}

/** The Sun relative to the solar-system barycentre from heliocentric positions of every massive body. */
export function sunBarycentric(helio: Record<string, Vec3>): Vec3 {
  let mx = 0, my = 0, mz = 0, total = GM_SUN;
  for (const [name, r] of Object.entries(helio)) {
    const mu = GM[name];
    if (!mu) continue;
    mx += mu * r[0]; my += mu * r[1]; mz += mu * r[2];
    total += mu;
  }
  return [-mx / total, -my / total, -mz / total];
}

/** A fitted series before packing: full coefficients (3 × nodes) per segment. */
export interface Fitted {
  name: PackBody;
  blocks: [number, number, number][];
  nodes: number;
  full: Float64Array[];
}

/** Integer coefficients and layout of a packed series. */
export interface Packed {
  name: PackBody;
  blocks: [number, number, number][];
  nodes: number;
  n: number;
  quantum: number;
  ints: Float64Array[];
  widths: number[];
}

function segmentStarts(blocks: readonly [number, number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, len, count] of blocks) for (let k = 0; k < count; k++) out.push([s + k * len, len]);
  return out;
}

/** Chooses n and the quantum of a fitted series, and quantises it. */
export function pack(f: Fitted): Packed {
  const tol = toleranceAu(f.name);
  let n = 2;
  for (const c of f.full) n = Math.max(n, neededCoefficients(c, f.nodes, tol / 2));
  if (n > f.nodes - 2) throw new Error(`${f.name}: needs ${n} coefficients of ${f.nodes} nodes; raise its nodes`);
  return packWith(f, n, tol / (4 * n));
}

function packWith(f: Fitted, n: number, quantum: number): Packed {
  const ints = f.full.map((c) => quantize(c, f.nodes, n, quantum));
  const widths = new Array<number>(n).fill(1);
  for (const s of ints) for (let axis = 0; axis < 3; axis++) for (let k = 0; k < n; k++) widths[k] = Math.max(widths[k], byteWidth(s[axis * n + k]));
  return { name: f.name, blocks: f.blocks, nodes: f.nodes, n, quantum, ints, widths };
}

/** A ChebyshevSeries holding a packed series' coefficients exactly as the reader decodes them. */
export function seriesOf(p: Packed): ChebyshevSeries {
  const s = new ChebyshevSeries(p.n, p.blocks, null);
  p.ints.forEach((ints, i) => {
    for (let k = 0; k < 3 * p.n; k++) s.coefficients[i * 3 * p.n + k] = ints[k] * p.quantum;
    s.ready[i] = 1;
  });
  return s;
}

/** Fits the segments `which` (all when omitted) of an analytic series. */
export function fitAnalytic(name: PackBody, which?: readonly number[], log?: (msg: string) => void): Fitted {
  const cfg = SERIES_CONFIG[name];
  const blocks = analyticBlocks(name);
  const starts = segmentStarts(blocks);
  const source = analyticSource(name);
  const idx = which ?? starts.map((_, i) => i);
  const full: Float64Array[] = [];
  let last = Date.now();
  idx.forEach((s, i) => {
    const [a, len] = starts[s];
    full.push(fitSegment(source(segmentNodeTimes(a, len, cfg.nodes))));
    if (log && Date.now() - last > 10_000) { last = Date.now(); log(`  ${name}: ${i + 1}/${idx.length} segments`); }
  });
  return { name, blocks, nodes: cfg.nodes, full };
}

/** Largest difference (AU) between a packed analytic series and its source at two off-node points per segment. */
export function analyticMaxError(p: Packed, stride = 1): number {
  const series = seriesOf(p);
  const source = analyticSource(p.name);
  const starts = segmentStarts(p.blocks);
  const out = new Float64Array(6);
  let worst = 0;
  for (let s = 0; s < starts.length; s += stride) {
    const [a, len] = starts[s];
    const t = Float64Array.from([a + len * 0.2113, a + len * 0.7887]);
    const ref = source(t);
    for (let j = 0; j < 2; j++) {
      series.evaluate(t[j], out);
      worst = Math.max(worst, Math.hypot(out[0] - ref[j][0], out[1] - ref[j][1], out[2] - ref[j][2]));
    }
  }
  return worst;
}

/** Result of integrating one arc: the fitted segments of every integrated body and of the Sun. */
interface ArcFit {
  solution: ArcSolution;
  segments: Record<string, Float64Array[]>;
}

/** Solves arc k and fits the segments of the integrated bodies and of the Sun inside it. */
export function fitArc(k: number, perturbers: Perturbers, e: readonly number[] = epochs()): ArcFit {
  const start = arcStates(k);
  const end = arcStates(k + 1);
  const solution = solveArc(e[k], e[k + 1], start, end, perturbers);
  const [a, b] = arcSpan(k, e);
  const traj = new ArcTrajectory(solution, start, perturbers, a, b);
  const segments: Record<string, Float64Array[]> = {};
  const pre = new Float64Array(3 * PRESCRIBED.length);
  // The Sun's barycentric position at jd, from every body's heliocentric one.
  const sunAt = (jd: number): Vec3 => {
    perturbers(jd, pre);
    const helio: Record<string, Vec3> = {};
    PRESCRIBED.forEach((p, i) => { helio[p] = [pre[3 * i], pre[3 * i + 1], pre[3 * i + 2]]; });
    INTEGRATED.forEach((b2, i) => { helio[b2] = traj.position(i, jd); });
    return sunBarycentric(helio);
  };
  for (const name of [...INTEGRATED, 'SUN'] as PackBody[]) {
    const cfg = SERIES_CONFIG[name];
    const [bs, len, count] = arcBlocks(name, e)[k];
    segments[name] = [];
    for (let s = 0; s < count; s++) {
      const t = segmentNodeTimes(bs + s * len, len, cfg.nodes);
      const pos: Vec3[] = [];
      for (const jd of t) {
        const sun = sunAt(jd);
        if (name === 'SUN') {
          pos.push(sun);
        } else {
          // Integrated bodies are stored barycentric: their heliocentric positions carry the Sun's
          // reflex motion about the barycentre, whose 88-, 225- and 365-day terms (Mercury, Venus,
          // the Earth; up to 3·10⁻⁶ AU) would need many more coefficients on long segments.
          const h = traj.position(INTEGRATED.indexOf(name as IntegratedBody), jd);
          pos.push([h[0] + sun[0], h[1] + sun[1], h[2] + sun[2]]);
        }
      }
      segments[name].push(fitSegment(pos));
    }
  }
  return { solution, segments };
}

/** The pack's header and bytes from packed series in PACK_BODIES order. */
export function assemble(packed: Record<PackBody, Packed>, maxErrors: Record<PackBody, number>): Uint8Array {
  let offset = 0;
  const bodies: PackBodyHeader[] = PACK_BODIES.map((name) => {
    const p = packed[name];
    const segmentBytes = 3 * p.widths.reduce((a, b) => a + b, 0);
    const h: PackBodyHeader = {
      name, center: name === 'MOON' ? 'EARTH' : (ANALYTIC as readonly string[]).includes(name) ? 'SUN' : 'SSB', source: SERIES_CONFIG[name].source,
      ncoef: p.n, nodes: p.nodes, quantumAu: p.quantum, widths: p.widths, offset, segmentBytes,
      blocks: p.blocks, toleranceAu: toleranceAu(name), maxErrorAu: maxErrors[name],
    };
    offset += segmentBytes * p.ints.length;
    return h;
  });
  const data = new Uint8Array(offset);
  for (const h of bodies) {
    const p = packed[h.name];
    p.ints.forEach((ints, s) => {
      let o = h.offset + s * h.segmentBytes;
      for (let axis = 0; axis < 3; axis++) for (let k = 0; k < p.n; k++) { writeInt(data, o, ints[axis * p.n + k], p.widths[k]); o += p.widths[k]; }
    });
  }
  const tie = vsopFrameTie().anglesArcsec;
  const header: PackHeader = {
    format: 1,
    title: 'Nocturna ephemeris pack: Chebyshev series of the Sun, Moon, planets, Chiron, Pholus, Ceres, Pallas, Juno and Vesta',
    sources: [
      'Earth, Mercury, Venus: VSOP87B full series, P. Bretagnon & G. Francou 1988 (A&A 202, 309); data from the npm package astronomia 4.2.0 (MIT licence)',
      `VSOP87 frame tied to DE431/ICRS: R1(-84381.406″) then rotations (${tie.map((x) => x.toFixed(5)).join(', ')})″ about x, y, z fitted to the DE431 heliocentric Earth at 121 epochs`,
      'Moon: ELP/MPP02 (DE405 fit) full series, J. Chapront & G. Francou 2003 (A&A 404, 735); data from the npm package astronomia 4.2.0 (MIT licence); ecliptic of J2000 to ICRS by R1(-84381.406″)',
      `Mars-Pluto, Chiron, Pholus, Ceres, Pallas, Juno, Vesta: RK4 integration (step ${STEP_DAYS} d, Newtonian N-body with the Sun's Schwarzschild term, DE430/431 masses) between JPL DE431 state vectors (public domain, read through Swiss Ephemeris 2.10.03) every 5 years, each arc a boundary-value problem`,
      'Sun: barycentre of the packed bodies with DE430/431 masses',
    ],
    spanJd: [PACK_START_JD, PACK_END_JD],
    span: '1799-12-31T00:00 to 2400-01-02T00:00 TDB',
    fitToleranceArcsec: FIT_TOLERANCE_ARCSEC,
    frame: 'ICRS axes; Earth, Mercury, Venus heliocentric; Moon geocentric; Mars … Vesta and the Sun barycentric',
    units: 'AU, Julian days TDB (≈ TT)',
    constants: { earthMoonMassRatio: EMRAT, gmSunAu3PerDay2: GM_SUN },
    dataSha256: createHash('sha256').update(data).digest('hex'),
    dataBytes: data.length,
    generator: 'scripts/ephemeris-pack.ts (npm run ephemeris:pack)',
    bodies,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = dataSectionOffset(json.length);
  const out = new Uint8Array(start + data.length);
  out.set(new TextEncoder().encode(PACK_MAGIC), 0);
  new DataView(out.buffer).setUint32(8, json.length, true);
  out.set(json, 12);
  out.set(data, start);
  return out;
}

/** Integer coefficients (3n) of segment `seg` of series `body` as stored in a pack. */
export function storedInts(reader: PackReader, body: number, seg: number): Float64Array {
  const h = reader.header.bodies[body];
  const bytes = reader.segmentBytes(body, seg);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float64Array(3 * h.ncoef);
  let o = 0;
  for (let axis = 0; axis < 3; axis++) for (let k = 0; k < h.ncoef; k++) { out[axis * h.ncoef + k] = readInt(v, o, h.widths[k]); o += h.widths[k]; }
  return out;
}

/** Regenerates segment `seg` of an analytic series with a pack's layout: its integer coefficients. */
export function regenerateAnalyticSegment(reader: PackReader, name: PackBody, seg: number): Float64Array {
  const h = reader.header.bodies[PACK_BODIES.indexOf(name)];
  const f = fitAnalytic(name, [seg]);
  return quantize(f.full[0], h.nodes, h.ncoef, h.quantumAu);
}

/** Regenerates arc k with a pack's layout, taking the perturbers from that pack: integer coefficients per series and segment (pack-wide index). */
export function regenerateArc(reader: PackReader, k: number): Record<string, Map<number, Float64Array>> {
  const series = Object.fromEntries(ANALYTIC.map((n) => [n, reader.series[PACK_BODIES.indexOf(n)]]));
  const fit = fitArc(k, perturbersFrom(series));
  const e = epochs();
  const out: Record<string, Map<number, Float64Array>> = {};
  for (const name of [...INTEGRATED, 'SUN'] as PackBody[]) {
    const h = reader.header.bodies[PACK_BODIES.indexOf(name)];
    const first = arcBlocks(name, e).slice(0, k).reduce((n, b) => n + b[2], 0);
    out[name] = new Map(fit.segments[name].map((c, i) => [first + i, quantize(c, h.nodes, h.ncoef, h.quantumAu)]));
  }
  return out;
}

/**
 * An integrated series' error bound, AU: the largest dropped tail Σ_{k≥n} |c_k| over its segments
 * and axes plus the worst-case quantisation n·q/2 (its source, the integration, is not kept).
 */
export function integratedErrorBound(full: readonly Float64Array[], p: Packed): number {
  let tail = 0;
  for (const c of full) {
    for (let axis = 0; axis < 3; axis++) {
      let s = 0;
      for (let k = p.n; k < p.nodes; k++) s += Math.abs(c[axis * p.nodes + k]);
      tail = Math.max(tail, s);
    }
  }
  return tail + (p.n * p.quantum) / 2;
}

/** A fitted series from its full coefficients (all segments, in order). */
export function fitted(name: PackBody, full: Float64Array[]): Fitted {
  const e = epochs();
  const blocks = (ANALYTIC as readonly string[]).includes(name) ? analyticBlocks(name) : arcBlocks(name, e);
  const count = blocks.reduce((n, b) => n + b[2], 0);
  if (full.length !== count) throw new Error(`${name}: ${full.length} segments fitted, ${count} expected`);
  return { name, blocks, nodes: SERIES_CONFIG[name].nodes, full };
}
