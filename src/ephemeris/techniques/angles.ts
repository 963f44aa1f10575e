/**
 * Small angle helpers shared by the techniques, stars and events modules. Degrees throughout.
 */
import { SIGNS, type Sign } from '../types.js';
import { norm360 } from '../frames.js';

/** Reduces any angle to [0, 360) degrees (the ephemeris' `norm360`, under the techniques' name). */
export const normalizeDegrees: (deg: number) => number = norm360;

/** Signed difference a − b reduced to [-180, 180) degrees. */
export function signedSeparationDegrees(a: number, b: number): number {
  let d = (a - b) % 360;
  if (d < -180) d += 360;
  if (d >= 180) d -= 360;
  return d;
}

/** Unsigned angular separation of two longitudes, [0, 180] degrees. */
export function separationDegrees(a: number, b: number): number {
  return Math.abs(signedSeparationDegrees(a, b));
}

/** Zodiac sign of an ecliptic longitude (degrees, any range): 0–30° Aries, … */
export function signOf(longitude: number): Sign {
  return SIGNS[Math.floor(normalizeDegrees(longitude) / 30) % 12];
}

/** Degrees within the sign, [0, 30). */
export function signLongitudeOf(longitude: number): number {
  return normalizeDegrees(longitude) % 30;
}

/**
 * Shorter-arc midpoint of two longitudes, degrees [0, 360). When the two are exactly opposite
 * the midpoint is ambiguous; this returns a + 90° (the one reached by going forward from a).
 */
export function shortArcMidpoint(a: number, b: number): number {
  return normalizeDegrees(b + signedSeparationDegrees(a, b) / 2);
}

/** Julian day (UT) of a Date: JD = ms / 86 400 000 + 2 440 587.5 (Unix epoch JD, Meeus ch. 7). */
export function julianDayFromDate(d: Date): number {
  return d.getTime() / 86_400_000 + 2_440_587.5;
}

/** Date of a Julian day (UT). Inverse of {@link julianDayFromDate}. */
export function dateFromJulianDay(jd: number): Date {
  return new Date(Math.round((jd - 2_440_587.5) * 86_400_000));
}
