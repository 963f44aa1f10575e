import { describe, expect, it } from 'vitest';
import { deltaTSecondsAtJdUt } from '../../src/ephemeris/deltat.js';
import reference from '../reference/positions.json' with { type: 'json' };
import { within, worse } from '../reference/worst.js';

interface DeltaTCase { utc: string; jdUt: number; deltaTSeconds: number }
const cases = (reference as unknown as { cases: DeltaTCase[] }).cases;

/** SE's −0.000091·(ṅ − ṅ₀)·(Y − 1955)² s, DE431 (−25.80″/cy²) against SMH 2016's (−25.85″/cy²). */
const tidal = (year: number) => -0.000091 * 0.05 * (year - 1955) ** 2;
const jdOfYear = (y: number) => Date.UTC(y, 0, 1) / 86_400_000 + 2_440_587.5;

describe('ΔT (Swiss Ephemeris 2.10 model)', () => {
  it('equals the reference deltaTSeconds (1800–2399) to its 10⁻⁷ s rounding, within 1 µs', () => {
    let worstBefore = 0;
    let worstAfter = 0;
    expect(cases.length).toBe(300);
    for (const c of cases) {
      const errorSeconds = Math.abs(deltaTSecondsAtJdUt(c.jdUt) - c.deltaTSeconds);
      if (Number(c.utc.slice(0, 4)) <= 2025) worstBefore = worse(worstBefore, errorSeconds);
      else worstAfter = worse(worstAfter, errorSeconds);
    }
    console.log(`ΔT worst error: 1800–2025 ${worstBefore.toExponential(2)} s, 2026–2399 ${worstAfter.toExponential(2)} s`);
    expect(within(worstBefore, 1e-6)).toBe(true);
    expect(within(worstAfter, 1e-6)).toBe(true);
  });

  it('1000–1800: the Stephenson–Morrison–Hohenkerk 2016 spline (Table S15 knots, tidal term adjusted to DE431)', () => {
    // At a knot t = 0, so ΔT = a0 + tidal adjustment. Knots as Julian days (Julian calendar before 1582).
    const knots: [number, number, number][] = [
      [2086302.5, 1000, 1467.654], [2268923.5, 1500, 292.635], [2305447.5, 1600, 89.38], [2323710.5, 1650, 43.736], [2349276.5, 1720, 10.73],
    ];
    for (const [jd, year, a0] of knots) {
      const yearGreg = 2000 + (jd - 2451545) / 365.2425;
      expect(Math.abs(yearGreg - year) < 0.1, `knot ${year}`).toBe(true);
      expect(deltaTSecondsAtJdUt(jd)).toBeCloseTo(a0 + tidal(yearGreg), 6);
    }
  });

  it('is continuous over the whole supported range 1000–2999 (no step above the day-to-day change, < 0.02 s)', () => {
    let worstStep = 0;
    let at = 0;
    let prev = deltaTSecondsAtJdUt(jdOfYear(1000));
    for (let jd = jdOfYear(1000) + 1; jd < jdOfYear(3000); jd += 1) {
      const v = deltaTSecondsAtJdUt(jd);
      if (!(Math.abs(v - prev) <= worstStep)) { worstStep = Math.abs(v - prev); at = jd; }
      prev = v;
    }
    console.log(`ΔT largest day-to-day change over 1000–2999: ${worstStep.toFixed(4)} s at JD ${at}`);
    expect(within(worstStep, 0.02)).toBe(true);
  });

  it("2400–2999: Swiss Ephemeris' long-term formulas, the cubic up to 2500 and 42.5 + 32.5·((Y − 2000)/100)² s after, meeting at 855 s", () => {
    const cubic = (y: number) => { const b = y - 2000; return (b * b * b * 121) / 3e7 + (b * b) / 1250 + (b * 521) / 3000 + 64; };
    for (const y of [2400, 2450, 2499.5]) expect(deltaTSecondsAtJdUt(2451544.5 + (y - 2000) * 365.25)).toBeCloseTo(cubic(y), 6);
    for (const y of [2500.5, 2750, 2999.9]) expect(deltaTSecondsAtJdUt(2451544.5 + (y - 2000) * 365.25)).toBeCloseTo(42.5 + 32.5 * ((y - 2000) / 100) ** 2, 6);
    expect(cubic(2500)).toBeCloseTo(855, 6);
  });
});
