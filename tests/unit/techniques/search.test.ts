/**
 * The root finders on synthetic longitudes with known analytic roots:
 * λ(t) = 100° + 20° sin(2πt/30) turns at t = 7.5 (max: retrograde station) and 22.5 (min: direct
 * station) and crosses 110° where sin = ½: t = 2.5 (direct) and 12.5 (retrograde), period 30.
 */
import { describe, expect, it } from 'vitest';
import { findCrossings, findStations, illinois } from '../../../src/ephemeris/events/search.js';

const wave = (t: number) => 100 + 20 * Math.sin((2 * Math.PI * t) / 30);

describe('longitude root finding', () => {
  it('Illinois converges on x³ − 2 = 0 to 1e-10', () => {
    const g = (x: number) => x ** 3 - 2;
    expect(illinois(g, 0, 2, g(0), g(2), 1e-12)).toBeCloseTo(Math.cbrt(2), 10);
  });

  it('finds stations at the extrema t = 7.5 (RETROGRADE) and 22.5 (DIRECT) to 1e-5 day', () => {
    const s = findStations(wave, 0, 60, 1);
    expect(s.map((x) => x.kind)).toEqual(['RETROGRADE', 'DIRECT', 'RETROGRADE', 'DIRECT']);
    [7.5, 22.5, 37.5, 52.5].forEach((t, i) => expect(Math.abs(s[i].jd - t)).toBeLessThan(1e-5));
  });

  it('finds both crossings of 110° per cycle, in order, flagged retrograde on the way back, to 1e-6 day', () => {
    const c = findCrossings(wave, [110], 0, 60, 1);
    expect(c.map((x) => x.retrograde)).toEqual([false, true, false, true]);
    [2.5, 12.5, 32.5, 42.5].forEach((t, i) => expect(Math.abs(c[i].jd - t)).toBeLessThan(1e-6));
  });

  it('handles the 360° → 0° wrap: λ = 350° + 3°/day crosses 0° at t = 10/3 and 30° at t = 40/3', () => {
    const lon = (t: number) => (350 + 3 * t) % 360;
    const c = findCrossings(lon, [0, 30], 0, 20, 1);
    expect(c.map((x) => x.target)).toEqual([0, 30]);
    expect(c[0].jd).toBeCloseTo(10 / 3, 6);
    expect(c[1].jd).toBeCloseTo(40 / 3, 6);
  });

  it('counts several laps of a fast body (6 crossings of 90° in 20 days at 100°/day)', () => {
    const lon = (t: number) => (100 * t) % 360;
    const c = findCrossings(lon, [90], 0, 20, 0.5);
    expect(c).toHaveLength(6); // 90 + 360k ≤ 2000 ⇒ k = 0…5
    c.forEach((x, k) => expect(x.jd).toBeCloseTo((90 + 360 * k) / 100, 6));
  });
});
