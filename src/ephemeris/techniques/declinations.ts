/**
 * Declinations, parallels and contra-parallels.
 * Declination from ecliptic coordinates with the true obliquity of date ε
 * (Meeus, Astronomical Algorithms 2nd ed., eq. 13.4): sin δ = sin β cos ε + cos β sin ε sin λ.
 * True obliquity from astronomy-engine `e_tilt` (IAU 2006 mean obliquity + IAU 2000B nutation in
 * obliquity, error < 0.01″ over 1800–2400; the same obliquity as the houses module's).
 */
import { Astronomy } from '../astro.js';
import type { ChartPoint } from '../types.js';
import { ValidationError } from '../../errors.js';
import { J2000_JD } from '../deltat.js';

const DEG = Math.PI / 180;

/** True obliquity of the ecliptic at a Julian day (UT), degrees (≈ 23.44 in 2000). */
export function trueObliquityDegrees(jdUt: number): number {
  return Astronomy.e_tilt(Astronomy.MakeTime(jdUt - J2000_JD)).tobl;
}

/**
 * Declination of an ecliptic point, degrees [-90, 90] (Meeus eq. 13.4).
 * @param longitude λ, latitude β ecliptic of date, degrees; obliquity ε degrees
 */
export function declinationFromEcliptic(longitude: number, latitude: number, obliquityDeg: number): number {
  const l = longitude * DEG, b = latitude * DEG, e = obliquityDeg * DEG;
  return Math.asin(Math.sin(b) * Math.cos(e) + Math.cos(b) * Math.sin(e) * Math.sin(l)) / DEG;
}

export interface DeclinationPoint {
  point: ChartPoint | string;
  declination: number;
}

export interface DeclinationContact {
  first: ChartPoint | string;
  second: ChartPoint | string;
  /** PARALLEL: same declination (both north or both south); CONTRA_PARALLEL: equal and opposite. */
  kind: 'PARALLEL' | 'CONTRA_PARALLEL';
  /** |δ₁ − δ₂| (parallel) or |δ₁ + δ₂| (contra-parallel), degrees. */
  orbDegrees: number;
}

/** Default orb for parallels, degrees (the customary 1°, e.g. Kt Boehrer, Declination, 1994). */
export const DEFAULT_PARALLEL_ORB_DEGREES = 1;

/**
 * Parallels and contra-parallels of declination between every pair of points.
 * @param orbDegrees (0, 5], default 1°
 */
export function parallels(points: readonly DeclinationPoint[], orbDegrees = DEFAULT_PARALLEL_ORB_DEGREES): DeclinationContact[] {
  if (!(orbDegrees > 0 && orbDegrees <= 5)) throw new ValidationError('orbDegrees', 'parallel orb must be in (0, 5] degrees');
  const out: DeclinationContact[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i], b = points[j];
      const par = Math.abs(a.declination - b.declination);
      const contra = Math.abs(a.declination + b.declination);
      // Near the equator both can hold; keep the tighter one.
      if (par <= orbDegrees && par <= contra) out.push({ first: a.point, second: b.point, kind: 'PARALLEL', orbDegrees: par });
      else if (contra <= orbDegrees) out.push({ first: a.point, second: b.point, kind: 'CONTRA_PARALLEL', orbDegrees: contra });
    }
  }
  return out.sort((x, y) => x.orbDegrees - y.orbDegrees);
}
