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

  // Plain regula falsi keeps one end fixed on a convex function and creeps towards the root: its
  // steps shrink below the tolerance long before it arrives (≈ 0.43 off here). The Illinois step
  // halves the stale end's value; both ends must be handled, so the root sits near each end once.
  it('Illinois does not stall where regula falsi does: e^(10x) − 2 and e^(10(1 − x)) − 2 on [0, 1], to 1e-12', () => {
    const root = Math.log(2) / 10;
    const near0 = (x: number) => Math.exp(10 * x) - 2;
    const near1 = (x: number) => Math.exp(10 * (1 - x)) - 2;
    expect(Math.abs(illinois(near0, 0, 1, near0(0), near0(1), 1e-12) - root)).toBeLessThan(1e-12);
    expect(Math.abs(illinois(near1, 0, 1, near1(0), near1(1), 1e-12) - (1 - root))).toBeLessThan(1e-12);
  });

  // A turn whose top (or bottom) is flat over one whole sampling step: the step after the rise shows
  // no change at all, and still is a station (on the flat part, t ∈ [5, 6]).
  it('finds a station on a flat top (λ = 100° + min(t, 5, 11 − t)) and on a flat bottom (its mirror image)', () => {
    const top = (t: number) => 100 + Math.min(t, 5, 11 - t);
    const bottom = (t: number) => 200 - Math.min(t, 5, 11 - t);
    const s1 = findStations(top, 0, 10, 1), s2 = findStations(bottom, 0, 10, 1);
    expect(s1.map((x) => x.kind)).toEqual(['RETROGRADE']);
    expect(s2.map((x) => x.kind)).toEqual(['DIRECT']);
    for (const x of [...s1, ...s2]) {
      expect(x.jd).toBeGreaterThanOrEqual(5 - 1e-3);
      expect(x.jd).toBeLessThanOrEqual(6 + 1e-3);
    }
    expect(s1[0].longitude).toBeCloseTo(105, 3);
    expect(s2[0].longitude).toBeCloseTo(195, 3);
  });

  it('Illinois on a jump (no root to converge on) with tolerance 0 stops after its 100 steps at the jump, 0.3', () => {
    let calls = 0;
    const step = (x: number) => ((calls += 1), x < 0.3 ? -1 : 1);
    expect(Math.abs(illinois(step, 0, 1, -1, 1, 0) - 0.3)).toBeLessThan(1e-12);
    expect(calls).toBe(100); // one evaluation per step: the loop ends by its bound, not by a tolerance
  });

  it('a crossing exactly on a sample is found once; the range is (from, to]', () => {
    const lon = (t: number) => 10 * t; // 30° at t = 3, a sample of the 1-day step
    expect(findCrossings(lon, [30], 0, 10, 1).map((x) => x.jd)).toEqual([3]);
    expect(findCrossings(lon, [30], 0, 3, 1).map((x) => x.jd)).toEqual([3]);
    expect(findCrossings(lon, [30], 3, 10, 1)).toEqual([]);
  });

  it('crossings of several targets in one sampling step come out in time order, targets given in any form (−330° is 30°)', () => {
    const lon = (t: number) => (100 * t) % 360;
    const c = findCrossings(lon, [90, -330], 0, 1, 1);
    expect(c.map((x) => x.target)).toEqual([30, 90]);
    expect(c[0].jd).toBeCloseTo(0.3, 9);
    expect(c[1].jd).toBeCloseTo(0.9, 9);
  });

  it('stations: only those inside [from, to], including one within a sampling step of `to`', () => {
    expect(findStations(wave, 7.9, 22.1, 1)).toEqual([]); // the turns at 7.5 and 22.5 lie just outside, within the padding
    expect(findStations(wave, 0, 7.9, 1).map((x) => x.kind)).toEqual(['RETROGRADE']); // 7.5, less than a step before `to`
  });

  // With a 5-day step the samples at t = 5 and 10 are equal (117.3°) while the turn at 7.5 reaches
  // 120°: 119° (sin = 0.95) is crossed twice inside one step, at 30·asin(0.95)/2π = 5.984 and 9.016.
  it('finds both crossings around a turn that lies inside one sampling step (the station splits the step)', () => {
    const t1 = (30 * Math.asin(0.95)) / (2 * Math.PI);
    const c = findCrossings(wave, [119], 0, 15, 5);
    expect(c.map((x) => x.retrograde)).toEqual([false, true]);
    expect(Math.abs(c[0].jd - t1)).toBeLessThan(1e-6);
    expect(Math.abs(c[1].jd - (15 - t1))).toBeLessThan(1e-6);
  });
});
