import { describe, expect, it } from 'vitest';
import { deltaTSecondsAtJdUt } from '../../src/ephemeris/deltat.js';
import reference from '../reference/positions.json' with { type: 'json' };

interface DeltaTCase { utc: string; jdUt: number; deltaTSeconds: number }
const cases = (reference as unknown as { cases: DeltaTCase[] }).cases;

describe('ΔT (Swiss Ephemeris 2.10 model) against the reference deltaTSeconds', () => {
  it('is within 1 s for 1800–2025 and within 10 s after', () => {
    let worstBefore = 0;
    let worstAfter = 0;
    for (const c of cases) {
      const errorSeconds = Math.abs(deltaTSecondsAtJdUt(c.jdUt) - c.deltaTSeconds);
      if (Number(c.utc.slice(0, 4)) <= 2025) worstBefore = Math.max(worstBefore, errorSeconds);
      else worstAfter = Math.max(worstAfter, errorSeconds);
    }
    console.log(`ΔT worst error: 1800–2025 ${worstBefore.toFixed(4)} s, 2026–2399 ${worstAfter.toFixed(4)} s`);
    expect(worstBefore).toBeLessThanOrEqual(1);
    expect(worstAfter).toBeLessThanOrEqual(10);
  });
});
