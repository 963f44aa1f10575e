/**
 * Wheel geometry and stable number formatting.
 *
 * Orientation (the classic one): the reference longitude (the Ascendant, or 0° Aries when the
 * chart has no houses) sits on the left, at 9 o'clock, and ecliptic longitude increases
 * counter-clockwise. In mathematical angle terms (degrees, counter-clockwise from the +x axis)
 * a longitude λ is drawn at θ = 180° + (λ − reference). Screen y grows downwards, so the point
 * at radius r is (cx + r·cos θ, cy − r·sin θ).
 */
import { norm360 } from '../ephemeris/frames.js';
import { SIGNS, type Sign } from '../ephemeris/types.js';

export { norm360 };

const DEG = Math.PI / 180;

/** Mathematical drawing angle (degrees, counter-clockwise from +x) of an ecliptic longitude. */
export function screenAngle(longitude: number, referenceLongitude: number): number {
  return norm360(180 + longitude - referenceLongitude);
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Screen point at radius `r` (px) and mathematical angle `thetaDeg` around (cx, cy). */
export function polar(cx: number, cy: number, r: number, thetaDeg: number): Point {
  return { x: cx + r * Math.cos(thetaDeg * DEG), y: cy - r * Math.sin(thetaDeg * DEG) };
}

/**
 * Formats a coordinate with two decimals, never "-0.00": the same number always gives the same
 * text, so the SVG is byte-identical for the same input.
 */
export function fmt(n: number): string {
  const s = n.toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}

/** Formats a longitude for data attributes: six decimals in [0, 360). */
export function fmtLongitude(longitude: number): string {
  const s = norm360(longitude).toFixed(6);
  return s === '360.000000' ? '0.000000' : s;
}

export interface ZodiacDegree {
  readonly sign: Sign;
  /** Whole degrees inside the sign, 0..29. */
  readonly degrees: number;
  /** Whole arc minutes, 0..59 (truncated, as ephemerides print them: never rounds into the next sign). */
  readonly minutes: number;
}

/** Splits an ecliptic longitude (degrees) into sign, degrees and arc minutes (truncated). */
export function zodiacDegree(longitude: number): ZodiacDegree {
  const totalMinutes = Math.min(Math.floor(norm360(longitude) * 60 + 1e-7), 360 * 60 - 1);
  const sign = SIGNS[Math.floor(totalMinutes / 1800)];
  const inSign = totalMinutes % 1800;
  return { sign, degrees: Math.floor(inSign / 60), minutes: inSign % 60 };
}

/** "15°07′" from a zodiac degree. */
export function formatDegreesMinutes(z: ZodiacDegree): string {
  return `${z.degrees}°${String(z.minutes).padStart(2, '0')}′`;
}
