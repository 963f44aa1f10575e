/**
 * Aspects between chart points (bodies and the two main angles), by ecliptic longitude.
 *
 * Frame: whatever zodiac the longitudes are in (tropical or sidereal: separations are the same);
 * longitudes in degrees, speeds in degrees per day, separations and orbs in degrees.
 *
 * Rules:
 * - separation = the shorter arc between the two longitudes, in [0, 180].
 * - A pair has at most one aspect: among the requested types whose |separation − exactAngle| is
 *   within that type's orb, the one with the smallest such difference wins; an exact tie goes to
 *   the type listed first in `ASPECT_ANGLES` (major aspects first). orb = |separation − exactAngle|.
 * - applying = the orb is shrinking: d|separation − exactAngle|/dt < 0, from the two points'
 *   longitude speeds (a first-order, instantaneous test). The separation's rate is
 *   sign(g)·(v₂ − v₁) with g the signed gap λ₂ − λ₁ in (−180, 180]; at g = 0 the separation can
 *   only grow (rate |v₂ − v₁|), at g = 180 only shrink (rate −|v₂ − v₁|). An exact aspect
 *   (orb 0) and a pair with equal speeds are not applying (their orb cannot shrink).
 *   The old service compared the signed gap with the aspect angle instead, which is wrong
 *   whenever the faster point is on the other side (see the unit tests).
 */
import { ValidationError } from '../errors.js';
import { DEFAULT_ORBS, MAX_ORB_DEGREES, MAX_ORB_MULTIPLIER } from './orbs.js';
import { ASPECT_ANGLES, ASPECT_TYPES } from './types.js';
import type { Aspect, AspectOptions, AspectOrb, AspectType, ChartPoint } from './types.js';

/** A point taking part in aspects: its ecliptic longitude (degrees) and speed (degrees/day). */
export type AspectPoint = { point: ChartPoint; longitude: number; longitudeSpeed: number };

/**
 * Validated aspect options: the types to look for and each type's orb, multiplier applied.
 * Objects returned by {@link resolveAspectOptions} are frozen (shareable, cacheable).
 */
export interface ResolvedAspectOptions {
  /** Types to look for, in `ASPECT_ANGLES` order, without duplicates. */
  types: AspectType[];
  /** Orb per type in degrees, already multiplied by the request's orb multiplier. */
  orbs: Record<AspectType, number>;
}

const TYPE_SET: ReadonlySet<string> = new Set(ASPECT_TYPES);
const TYPE_INDEX: ReadonlyMap<string, number> = new Map(ASPECT_TYPES.map((t, i) => [t, i]));

/**
 * Validates a request's aspect options once (per request, before any pair is examined) and
 * resolves them against {@link DEFAULT_ORBS}.
 *
 * @param opts `types` (default all 17, no duplicates), `orbs` in degrees, each in (0, 30] (default
 *   the table in orbs.ts), either as a list of `{ type, orbDegrees }` (one entry per type, the
 *   transports' form) or as a record type → degrees; `orbMultiplier` in (0, 5] (default 1) applied
 *   to every orb, overrides included.
 * @param field the dotted input path used in error fields, default `'aspects'`.
 * @returns the types in `ASPECT_ANGLES` order and the multiplied orb of every type (frozen).
 * @throws ValidationError naming e.g. `aspects.types.2` (unknown or repeated type),
 *   `aspects.orbs.0.orbDegrees` / `aspects.orbs.TRINE` (orb outside (0, 30]), `aspects.orbMultiplier`.
 */
export function resolveAspectOptions(opts?: AspectOptions | null, field = 'aspects'): ResolvedAspectOptions {
  if (opts === undefined || opts === null) return DEFAULT_OPTIONS;
  if (typeof opts !== 'object') throw new ValidationError(field, 'aspect options must be an object');

  let types: AspectType[];
  if (opts.types === undefined || opts.types === null) {
    types = [...ASPECT_TYPES];
  } else {
    if (!Array.isArray(opts.types)) throw new ValidationError(`${field}.types`, 'types must be a list of aspect types');
    const seen = new Set<string>();
    opts.types.forEach((t, i) => {
      if (typeof t !== 'string' || !TYPE_SET.has(t)) {
        throw new ValidationError(
          `${field}.types.${i}`,
          `unknown aspect type ${JSON.stringify(t)}; expected one of ${ASPECT_TYPES.join(', ')}`,
        );
      }
      if (seen.has(t)) throw new ValidationError(`${field}.types.${i}`, `${t} is listed twice in aspects.types`);
      seen.add(t);
    });
    types = ASPECT_TYPES.filter((t) => seen.has(t));
  }

  const orbs = { ...DEFAULT_ORBS } as Record<AspectType, number>;
  if (opts.orbs !== undefined && opts.orbs !== null) {
    if (isOrbList(opts.orbs)) orbsFromList(opts.orbs, `${field}.orbs`, orbs);
    else orbsFromRecord(opts.orbs, `${field}.orbs`, orbs);
  }

  let multiplier = 1;
  if (opts.orbMultiplier !== undefined && opts.orbMultiplier !== null) {
    const m = opts.orbMultiplier;
    if (typeof m !== 'number' || !Number.isFinite(m) || m <= 0 || m > MAX_ORB_MULTIPLIER) {
      throw new ValidationError(`${field}.orbMultiplier`, `orbMultiplier must be in (0, ${MAX_ORB_MULTIPLIER}]`);
    }
    multiplier = m;
  }
  if (multiplier !== 1) {
    for (const t of ASPECT_TYPES) orbs[t] *= multiplier;
  }
  return freeze(types, orbs);
}

/** Orb overrides given as a list, one entry per type (errors name the entry: `…orbs.0.orbDegrees`). */
function orbsFromList(list: readonly AspectOrb[], field: string, orbs: Record<AspectType, number>): void {
  const given = new Set<string>();
  list.forEach((o, i) => {
    if (o === null || typeof o !== 'object' || typeof o.type !== 'string' || !TYPE_SET.has(o.type)) {
      throw new ValidationError(`${field}.${i}.type`, `unknown aspect type; expected one of ${ASPECT_TYPES.join(', ')}`);
    }
    if (given.has(o.type)) throw new ValidationError(`${field}.${i}.type`, `${o.type} has two orb overrides`);
    given.add(o.type);
    if (!isOrb(o.orbDegrees)) throw new ValidationError(`${field}.${i}.orbDegrees`, `orbDegrees must be in (0, ${MAX_ORB_DEGREES}]`);
    orbs[o.type] = o.orbDegrees;
  });
}

/** Orb overrides given as a record type → degrees (errors name the type: `…orbs.TRINE`). */
function orbsFromRecord(record: Partial<Record<AspectType, number>>, field: string, orbs: Record<AspectType, number>): void {
  if (typeof record !== 'object') throw new ValidationError(field, 'orbs must be an object of aspect type → degrees');
  for (const [key, value] of Object.entries(record)) {
    if (!TYPE_SET.has(key)) {
      throw new ValidationError(
        `${field}.${key}`,
        `unknown aspect type ${JSON.stringify(key)}; expected one of ${ASPECT_TYPES.join(', ')}`,
      );
    }
    if (value === undefined) continue;
    if (!isOrb(value)) {
      throw new ValidationError(
        `${field}.${key}`,
        `orb of ${key} must be a number of degrees in (0, ${MAX_ORB_DEGREES}], got ${String(value)}`,
      );
    }
    orbs[key as AspectType] = value;
  }
}

function isOrbList(orbs: NonNullable<AspectOptions['orbs']>): orbs is readonly AspectOrb[] {
  return Array.isArray(orbs);
}

function isOrb(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_ORB_DEGREES;
}

/** Resolved options are immutable: they are validated once and may be shared and cached. */
function freeze(types: AspectType[], orbs: Record<AspectType, number>): ResolvedAspectOptions {
  return Object.freeze({ types: Object.freeze(types) as AspectType[], orbs: Object.freeze(orbs) });
}

/** The defaults, resolved once (frozen, so the type table below is built once for them too). */
const DEFAULT_OPTIONS: ResolvedAspectOptions = freeze([...ASPECT_TYPES], { ...DEFAULT_ORBS });

/**
 * The selected types as parallel arrays (built once per resolved options, then cached), with, for
 * each whole degree of separation s ∈ [0, 180], the types whose [angle − orb, angle + orb] meets
 * [s, s + 1): a pair is tested against those few candidates (in type order, so ties still go to
 * the earlier type) instead of all of them.
 */
interface TypeTable {
  n: number;
  types: AspectType[];
  angles: number[];
  orbs: number[];
  /** Candidates of degree bin b: candidates[binStart[b] … binStart[b + 1]). */
  binStart: Int32Array;
  candidates: Int32Array;
}

const tables = new WeakMap<ResolvedAspectOptions, TypeTable>();

function typeTable(opts: ResolvedAspectOptions): TypeTable {
  const cached = tables.get(opts);
  if (cached !== undefined) return cached;
  // ASPECT_ANGLES order (major first) so that exact ties go to the earlier type.
  const types = [...opts.types].sort((a, b) => (TYPE_INDEX.get(a) ?? 0) - (TYPE_INDEX.get(b) ?? 0));
  const angles = types.map((t) => ASPECT_ANGLES[t]);
  const orbs = types.map((t) => opts.orbs[t]);
  const binStart = new Int32Array(182);
  const list: number[] = [];
  for (let b = 0; b <= 180; b++) {
    binStart[b] = list.length;
    for (let k = 0; k < types.length; k++) {
      if (angles[k] - orbs[k] <= b + 1 && angles[k] + orbs[k] >= b) list.push(k);
    }
  }
  binStart[181] = list.length;
  const table: TypeTable = { n: types.length, types, angles, orbs, binStart, candidates: Int32Array.from(list) };
  // Resolved options are frozen (see resolveAspectOptions), so the cache cannot go stale.
  if (Object.isFrozen(opts) && Object.isFrozen(opts.types) && Object.isFrozen(opts.orbs)) tables.set(opts, table);
  return table;
}

/** Appends the aspect of the pair (p, q) to `out`, if there is one. */
function aspectOfPair(p: AspectPoint, q: AspectPoint, table: TypeTable, out: Aspect[]): void {
  // Signed gap q − p in (−180, 180].
  let g = (q.longitude - p.longitude) % 360;
  if (g > 180) g -= 360;
  else if (g <= -180) g += 360;
  const separation = g < 0 ? -g : g;
  let best = -1;
  let bestOrb = Infinity;
  const bin = separation >= 180 ? 180 : Math.floor(separation);
  const end = table.binStart[bin + 1];
  for (let c = table.binStart[bin]; c < end; c++) {
    const k = table.candidates[c];
    const d = separation - table.angles[k];
    const orb = d < 0 ? -d : d;
    if (orb <= table.orbs[k] && orb < bestOrb) {
      best = k;
      bestOrb = orb;
    }
  }
  if (best < 0) return;
  const exactAngle = table.angles[best];
  out.push({
    first: p.point,
    second: q.point,
    type: table.types[best],
    exactAngle,
    separation,
    orb: bestOrb,
    applying: isApplying(g, separation, exactAngle, q.longitudeSpeed - p.longitudeSpeed),
  });
}

/**
 * Whether |separation − exactAngle| is shrinking.
 * @param g signed gap λ₂ − λ₁ in (−180, 180], degrees.
 * @param separation |g|, degrees.
 * @param exactAngle the aspect's angle, degrees.
 * @param relativeSpeed v₂ − v₁, degrees/day.
 */
function isApplying(g: number, separation: number, exactAngle: number, relativeSpeed: number): boolean {
  if (relativeSpeed === 0 || !Number.isFinite(relativeSpeed)) return false;
  let separationRate: number;
  if (g === 0) separationRate = Math.abs(relativeSpeed); // can only open
  else if (g === 180) separationRate = -Math.abs(relativeSpeed); // can only close
  else separationRate = g > 0 ? relativeSpeed : -relativeSpeed;
  const delta = separation - exactAngle;
  const orbRate = delta > 0 ? separationRate : delta < 0 ? -separationRate : Math.abs(separationRate);
  return orbRate < 0;
}

function compareAspects(a: Aspect, b: Aspect): number {
  if (a.orb !== b.orb) return a.orb - b.orb;
  if (a.first !== b.first) return a.first < b.first ? -1 : 1;
  if (a.second !== b.second) return a.second < b.second ? -1 : 1;
  if (a.type !== b.type) return a.type < b.type ? -1 : 1;
  return 0;
}

/**
 * Aspects among one set of points (a natal chart): every pair i < j, `first` being the point
 * earlier in the list. At most one aspect per pair (the closest within its orb; see the module
 * comment for the rules).
 *
 * @param points longitudes in degrees (any real, one zodiac), speeds in degrees per day.
 * @param opts validated options from {@link resolveAspectOptions}.
 * @returns aspects sorted by orb ascending, then first and second point name, then type.
 */
export function findAspects(points: readonly AspectPoint[], opts: ResolvedAspectOptions): Aspect[] {
  const out: Aspect[] = [];
  if (opts.types.length === 0) return out;
  const table = typeTable(opts);
  const n = points.length;
  for (let i = 0; i < n; i++) {
    const p = points[i];
    for (let j = i + 1; j < n; j++) aspectOfPair(p, points[j], table, out);
  }
  return out.sort(compareAspects);
}

/**
 * Aspects between two sets of points (synastry, transits to a natal chart): every pair a × b,
 * `first` from `a`, `second` from `b`; the same point name on both sides is a real pair (e.g.
 * transiting Sun to natal Sun). At most one aspect per pair.
 *
 * @param a first set: longitudes in degrees, speeds in degrees per day.
 * @param b second set, same zodiac.
 * @param opts validated options from {@link resolveAspectOptions}.
 * @returns aspects sorted by orb ascending, then first and second point name, then type.
 */
export function findAspectsBetween(
  a: readonly AspectPoint[],
  b: readonly AspectPoint[],
  opts: ResolvedAspectOptions,
): Aspect[] {
  const out: Aspect[] = [];
  if (opts.types.length === 0) return out;
  const table = typeTable(opts);
  for (let i = 0; i < a.length; i++) {
    const p = a[i];
    for (let j = 0; j < b.length; j++) aspectOfPair(p, b[j], table, out);
  }
  return out.sort(compareAspects);
}
