/**
 * The one door to astronomy-engine: installs the Swiss-Ephemeris-compatible ΔT model once, and
 * turns the strings astronomy-engine throws into `CalculationError`s.
 *
 * Every module of the ephemeris that calls astronomy-engine imports it from here, so the ΔT
 * model is in place before the first `AstroTime` is made.
 */
import * as Astronomy from 'astronomy-engine';
import { CalculationError, toError } from '../errors.js';
import { deltaTSecondsAtAstroUt, J2000_JD } from './deltat.js';

Astronomy.SetDeltaTFunction(deltaTSecondsAtAstroUt);

export { Astronomy };

/** Julian day of the Unix epoch 1970-01-01T00:00Z. */
export const UNIX_EPOCH_JD = 2440587.5;

/**
 * Runs `fn`, converting anything astronomy-engine throws (it throws strings) into a
 * `CalculationError` whose message names `what`.
 */
export function guardAstronomy<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (thrown) {
    if (thrown instanceof CalculationError) throw thrown;
    if (thrown instanceof Error && 'code' in thrown) throw thrown; // already a domain error
    const cause = toError(thrown);
    throw new CalculationError(`${what}: ${cause.message}`, { cause });
  }
}

/** astronomy-engine time for a Julian day in UT (its TT comes from the installed ΔT model). */
export function astroTimeFromJdUt(jdUt: number): Astronomy.AstroTime {
  return new Astronomy.AstroTime(jdUt - J2000_JD);
}
