import { describe, expect, it } from 'vitest';
import { norm360 } from '../../src/ephemeris/frames.js';
import { normalizeDegrees } from '../../src/ephemeris/techniques/angles.js';

describe('norm360 keeps angles in [0, 360)', () => {
  it('maps a tiny negative angle to 0, not 360 (-1e-17 + 360 rounds to exactly 360)', () => {
    expect(norm360(-1e-17)).toBe(0);
    expect(normalizeDegrees(-1e-17)).toBe(0);
  });
  it('reduces ordinary angles', () => {
    expect(norm360(-90)).toBe(270);
    expect(norm360(720.5)).toBeCloseTo(0.5, 12);
    expect(norm360(360)).toBe(0);
    expect(norm360(359.999)).toBeCloseTo(359.999, 12);
  });
});
