/**
 * Derived points: antiscia and contra-antiscia, midpoints, harmonic charts, declination parallels.
 * Pure arithmetic on ecliptic longitudes (degrees); no numerical error beyond the inputs'.
 */
import type { ChartPoint } from '../types.js';
import { ValidationError } from '../../errors.js';
import { normalizeDegrees, separationDegrees, shortArcMidpoint } from './angles.js';

export interface LongitudePoint {
  point: ChartPoint | string;
  longitude: number;
}

// ---------------------------------------------------------------------------------------------
// Antiscia

/**
 * Antiscion: the mirror image over the solstitial (Cancer–Capricorn) axis, λ′ = 180° − λ (mod 360):
 * points of equal day length (Lilly, Christian Astrology p. 90; Ptolemy's "equipollent" signs).
 * Example: 10° Aries (10°) ↔ 20° Virgo (170°).
 */
export function antiscion(longitude: number): number {
  return normalizeDegrees(180 - longitude);
}

/**
 * Contra-antiscion: the mirror over the equinoctial (Aries–Libra) axis, λ″ = 360° − λ (mod 360);
 * it is the point opposite the antiscion. Example: 10° Aries ↔ 20° Pisces (350°).
 * (The old service returned the antiscion here too.)
 */
export function contraAntiscion(longitude: number): number {
  return normalizeDegrees(360 - longitude);
}

export interface AntisciaPoint {
  point: ChartPoint | string;
  longitude: number;
  antiscion: number;
  contraAntiscion: number;
}

/** Antiscion and contra-antiscion of every point. */
export function antiscia(points: readonly LongitudePoint[]): AntisciaPoint[] {
  return points.map((p) => ({
    point: p.point,
    longitude: normalizeDegrees(p.longitude),
    antiscion: antiscion(p.longitude),
    contraAntiscion: contraAntiscion(p.longitude),
  }));
}

export interface AntisciaContact {
  /** The point whose (contra-)antiscion falls on `second`. */
  first: ChartPoint | string;
  second: ChartPoint | string;
  kind: 'ANTISCION' | 'CONTRA_ANTISCION';
  /** |mirror(first) − second|, degrees. */
  orbDegrees: number;
}

/**
 * Pairs where one point's antiscion or contra-antiscion is conjunct another point within `orbDegrees`
 * (default 1°, Lilly's practice of "by antiscion" contacts uses partile-to-1° orbs).
 * The relation is symmetric, so each unordered pair is reported once per kind.
 */
export function antisciaContacts(points: readonly LongitudePoint[], orbDegrees = 1): AntisciaContact[] {
  if (!(orbDegrees > 0 && orbDegrees <= 10)) throw new ValidationError('orbDegrees', 'orb must be in (0, 10] degrees');
  const out: AntisciaContact[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i], b = points[j];
      const dA = separationDegrees(antiscion(a.longitude), b.longitude);
      if (dA <= orbDegrees) out.push({ first: a.point, second: b.point, kind: 'ANTISCION', orbDegrees: dA });
      const dC = separationDegrees(contraAntiscion(a.longitude), b.longitude);
      if (dC <= orbDegrees) out.push({ first: a.point, second: b.point, kind: 'CONTRA_ANTISCION', orbDegrees: dC });
    }
  }
  return out.sort((x, y) => x.orbDegrees - y.orbDegrees);
}

// ---------------------------------------------------------------------------------------------
// Midpoints

export interface Midpoint {
  first: ChartPoint | string;
  second: ChartPoint | string;
  /** Shorter-arc ("near") midpoint, degrees [0, 360). */
  longitude: number;
  /** The opposite ("far") midpoint, longitude + 180°. */
  farLongitude: number;
}

/**
 * Midpoints of every pair of points (Ebertin, The Combination of Stellar Influences, 1940):
 * the near midpoint on the shorter arc, and its opposite.
 */
export function midpoints(points: readonly LongitudePoint[]): Midpoint[] {
  const out: Midpoint[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const m = shortArcMidpoint(points[i].longitude, points[j].longitude);
      out.push({ first: points[i].point, second: points[j].point, longitude: m, farLongitude: normalizeDegrees(m + 180) });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Harmonics

/**
 * Harmonic chart longitude: λₙ = n·λ (mod 360) (John Addey, Harmonics in Astrology, 1976).
 * @param harmonic integer 1…360
 */
export function harmonicLongitude(longitude: number, harmonic: number): number {
  if (!Number.isInteger(harmonic) || harmonic < 1 || harmonic > 360) {
    throw new ValidationError('harmonic', 'harmonic must be an integer from 1 to 360');
  }
  return normalizeDegrees(normalizeDegrees(longitude) * harmonic);
}

/** Harmonic chart: every point's longitude multiplied by `harmonic` (1…360). */
export function harmonicChart(points: readonly LongitudePoint[], harmonic: number): LongitudePoint[] {
  return points.map((p) => ({ point: p.point, longitude: harmonicLongitude(p.longitude, harmonic) }));
}
