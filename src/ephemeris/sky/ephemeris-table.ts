/**
 * Ephemeris tables: positions of chosen bodies at regular steps between two instants, as a lazy
 * generator (one computePositions call per row, so a caller can stream rows as they come) with a
 * hard bound of {@link MAX_EPHEMERIS_ROWS} rows checked before the first row.
 *
 * Steps: a positive integer and a unit, "30m" (minutes), "6h" (hours), "1d" (days), "2w" (weeks);
 * at least 1 minute, at most 366 days. Row i is at from + i × step (exact milliseconds, no
 * calendar arithmetic), for every such instant ≤ to.
 */
import { fieldPath, ValidationError } from '../../errors.js';
import {
  AYANAMSAS, BODIES, CENTERS, DEFAULT_BODIES, ZODIACS,
  type Ayanamsa, type Body, type Center, type GeoLocation, type Position, type ResolvedMoment, type Zodiac,
} from '../types.js';
import { computePositions, NOT_HELIOCENTRIC } from '../positions.js';
import { momentFromUtc } from '../time.js';
import { validateLocation } from '../validate.js';

/** Most rows one table may have. */
export const MAX_EPHEMERIS_ROWS = 10_000;
const STEP = /^([1-9][0-9]{0,5})([mhdw])$/;
const UNIT_MS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
const MAX_STEP_MS = 366 * 86_400_000;

/** Parses a step ("30m", "6h", "1d", "2w") to milliseconds. @throws ValidationError(field) */
export function parseStep(step: unknown, field = 'step'): number {
  const m = typeof step === 'string' ? STEP.exec(step.trim()) : null;
  if (!m) throw new ValidationError(field, 'step must be a positive integer and a unit m, h, d or w, e.g. "1d", "6h", "30m"');
  const ms = Number(m[1]) * UNIT_MS[m[2]];
  if (ms > MAX_STEP_MS) throw new ValidationError(field, 'step must be at most 366 days');
  return ms;
}

export interface EphemerisTableRequest {
  from: ResolvedMoment;
  to: ResolvedMoment;
  /** See {@link parseStep}. */
  step: string;
  /** Default: the chart default (Sun…Pluto, mean node, mean Lilith, Chiron). */
  bodies?: readonly Body[];
  /** Default TROPICAL. */
  zodiac?: Zodiac;
  /** Required for SIDEREAL. */
  ayanamsa?: Ayanamsa;
  /** Default GEOCENTRIC. */
  center?: Center;
  /** Required for TOPOCENTRIC. */
  location?: GeoLocation;
}

/** The GraphQL `EphemerisRow`. */
export interface EphemerisRow {
  utc: Date;
  julianDayUt: number;
  positions: Position[];
}

export interface ValidEphemerisTable {
  fromMs: number;
  stepMs: number;
  rows: number;
  bodies: Body[];
  options: { center: Center; zodiac: Zodiac; ayanamsa?: Ayanamsa; location?: GeoLocation };
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, fallback: T): T {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ValidationError(field, `expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/**
 * Validates a table request and counts its rows (for pricing before any work).
 * @throws ValidationError (`field`.to, `field`.step, `field`.bodies, `field`.zodiac, `field`.ayanamsa,
 *   `field`.center, `field`.location.*) — `field`.to when the table would exceed MAX_EPHEMERIS_ROWS
 */
export function validateEphemerisTable(req: EphemerisTableRequest, field = ''): ValidEphemerisTable {
  const stepMs = parseStep(req.step, fieldPath(field, 'step'));
  const fromMs = req.from.utc.getTime();
  const toMs = req.to.utc.getTime();
  if (!(toMs >= fromMs)) throw new ValidationError(fieldPath(field, 'to'), '`to` must not be before `from`');
  const rows = Math.floor((toMs - fromMs) / stepMs) + 1;
  if (rows > MAX_EPHEMERIS_ROWS) {
    throw new ValidationError(fieldPath(field, 'to'), `the table would have ${rows} rows; at most ${MAX_EPHEMERIS_ROWS} (use a larger step or a shorter range)`);
  }
  const center = oneOf(req.center, CENTERS, fieldPath(field, 'center'), 'GEOCENTRIC');
  const zodiac = oneOf(req.zodiac, ZODIACS, fieldPath(field, 'zodiac'), 'TROPICAL');
  const ayanamsa = req.ayanamsa === undefined || req.ayanamsa === null ? undefined : oneOf(req.ayanamsa, AYANAMSAS, fieldPath(field, 'ayanamsa'), 'LAHIRI');
  if (zodiac === 'SIDEREAL' && !ayanamsa) throw new ValidationError(fieldPath(field, 'ayanamsa'), 'the SIDEREAL zodiac needs an ayanamsa');
  const location = req.location ? validateLocation(req.location, fieldPath(field, 'location')) : undefined;
  if (center === 'TOPOCENTRIC' && !location) throw new ValidationError(fieldPath(field, 'location'), 'TOPOCENTRIC positions need a location');
  let bodies: Body[];
  if (req.bodies === undefined || req.bodies === null) {
    bodies = DEFAULT_BODIES.filter((b) => center !== 'HELIOCENTRIC' || !NOT_HELIOCENTRIC.has(b));
  } else {
    const list: readonly unknown[] = Array.isArray(req.bodies) ? req.bodies : [];
    if (list.length === 0) throw new ValidationError(fieldPath(field, 'bodies'), 'give at least one body');
    const seen = new Set<Body>();
    for (const b of list as readonly Body[]) {
      if (!(BODIES as readonly string[]).includes(b)) throw new ValidationError(fieldPath(field, 'bodies'), `unknown body "${String(b)}"`);
      if (seen.has(b)) throw new ValidationError(fieldPath(field, 'bodies'), `${b} is listed twice`);
      if (center === 'HELIOCENTRIC' && NOT_HELIOCENTRIC.has(b)) throw new ValidationError(fieldPath(field, 'bodies'), `${b} has no heliocentric position`);
      seen.add(b);
    }
    bodies = [...seen];
  }
  return { fromMs, stepMs, rows, bodies, options: { center, zodiac, ...(ayanamsa ? { ayanamsa } : {}), ...(location ? { location } : {}) } };
}

/** Rows of a validated table, lazily, in time order. */
export function* ephemerisRows(table: ValidEphemerisTable, field = ''): Generator<EphemerisRow, void, undefined> {
  for (let i = 0; i < table.rows; i++) {
    const moment = momentFromUtc(new Date(table.fromMs + i * table.stepMs), fieldPath(field, 'to'));
    yield { utc: moment.utc, julianDayUt: moment.julianDayUt, positions: computePositions(moment, table.bodies, table.options) };
  }
}

/** The whole table as an array (validation first; see {@link validateEphemerisTable}). */
export function ephemerisTable(req: EphemerisTableRequest, field = ''): EphemerisRow[] {
  return [...ephemerisRows(validateEphemerisTable(req, field), field)];
}
