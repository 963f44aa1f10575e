/** Temporary: replaced by a re-export of sidereal.ts once it lands. */
import { CalculationError } from '../errors.js';
import type { Ayanamsa } from './types.js';
export function ayanamsaDegrees(_a: Ayanamsa, _jdTt: number, _opts?: { withNutation?: boolean }): number {
  throw new CalculationError('sidereal zodiac not available yet');
}
