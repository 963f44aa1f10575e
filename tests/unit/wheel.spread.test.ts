/**
 * Spreading crowded glyphs around the circle: minimum separation kept, order kept, lone bodies
 * unmoved, clusters centred on their true longitudes, wrap-around at 0° Aries, overfull circles.
 */
import { describe, expect, it } from 'vitest';
import { aspectFamily, spreadLongitudes } from '../../src/render/index.js';
import { fmt, fmtLongitude, formatDegreesMinutes, polar, screenAngle, zodiacDegree } from '../../src/render/geometry.js';
import { ASPECT_TYPES } from '../../src/ephemeris/types.js';

function arc(a: number, b: number): number {
  const d = (((b - a) % 360) + 360) % 360;
  return d > 180 ? d - 360 : d;
}

function check(items: { key: string; longitude: number }[], sep: number): Map<string, number> {
  const out = spreadLongitudes(items, sep);
  expect(out.size).toBe(items.length);
  const effective = Math.min(sep, 360 / items.length);
  const shown = [...out.values()];
  for (let i = 0; i < shown.length; i += 1) {
    expect(shown[i]).toBeGreaterThanOrEqual(0);
    expect(shown[i]).toBeLessThan(360);
    for (let j = i + 1; j < shown.length; j += 1) {
      expect(Math.abs(arc(shown[i], shown[j]))).toBeGreaterThanOrEqual(effective - 1e-9);
    }
  }
  return out;
}

describe('spreadLongitudes', () => {
  it('leaves well separated bodies where they are', () => {
    const items = [0, 40, 100, 200, 300].map((longitude, i) => ({ key: `b${i}`, longitude }));
    const out = check(items, 8);
    for (const i of items) expect(out.get(i.key)).toBeCloseTo(i.longitude, 12);
  });

  it('spaces a cluster evenly around the mean of its true longitudes, in order', () => {
    const items = [
      { key: 'a', longitude: 100 },
      { key: 'b', longitude: 101 },
      { key: 'c', longitude: 102.5 },
      { key: 'far', longitude: 250 },
    ];
    const out = check(items, 6);
    const mean = (100 + 101 + 102.5) / 3;
    expect(out.get('a')).toBeCloseTo(mean - 6, 9);
    expect(out.get('b')).toBeCloseTo(mean, 9);
    expect(out.get('c')).toBeCloseTo(mean + 6, 9);
    expect(out.get('far')).toBe(250);
  });

  it('merges clusters that collide after spreading', () => {
    // Two pairs 9° apart: each pair spread to ±3° would leave the inner members 3° apart.
    const items = [
      { key: 'a', longitude: 10 },
      { key: 'b', longitude: 11 },
      { key: 'c', longitude: 19 },
      { key: 'd', longitude: 20 },
    ];
    const out = check(items, 6);
    const shown = ['a', 'b', 'c', 'd'].map((k) => out.get(k) as number);
    for (let i = 1; i < 4; i += 1) expect(shown[i] - shown[i - 1]).toBeCloseTo(6, 9);
    expect((shown[0] + shown[3]) / 2).toBeCloseTo(15, 9);
  });

  it('merges again when a merged cluster grows back into the one before it', () => {
    // Separation 6°: the first pass leaves 0° alone and gathers 9°, 10°, 11° into one cluster spread
    // over 1°–19°, which now reaches the body at 0°; the second pass merges all four around their
    // mean, 7.5°: at −1.5° (358.5°), 4.5°, 10.5°, 16.5°.
    const out = check(['a', 'b', 'c', 'd'].map((key, i) => ({ key, longitude: [0, 9, 10, 11][i] })), 6);
    expect(out.get('a')).toBeCloseTo(358.5, 9);
    expect(out.get('b')).toBeCloseTo(4.5, 9);
    expect(out.get('c')).toBeCloseTo(10.5, 9);
    expect(out.get('d')).toBeCloseTo(16.5, 9);
  });

  it('after a merge across the cut, merges again with the cluster before it', () => {
    // 0°, 10°, 130°, 250° with 90° (= 360° / 4): the widest gap (10° → 130°, the first of two of 120°)
    // is cut, giving 130, 250, 360, 370. Pass 1 joins 360 and 370 (320–410), which then reaches 130
    // across the cut (130 + 360 − 410 = 80 < 90): 360, 370, 490 around 406.67, spanning 316.67–496.67,
    // now 66.67° from 250. Pass 2 joins all four around their mean, 367.5: at 232.5, 322.5, 412.5, 502.5.
    const out = check([{ key: 'a', longitude: 250 }, { key: 'b', longitude: 10 }, { key: 'c', longitude: 130 }, { key: 'd', longitude: 0 }], 90);
    expect(out.get('a')).toBeCloseTo(232.5, 9);
    expect(out.get('d')).toBeCloseTo(322.5, 9);
    expect(out.get('b')).toBeCloseTo(52.5, 9);
    expect(out.get('c')).toBeCloseTo(142.5, 9);
  });

  it('handles a cluster across 0° Aries', () => {
    const items = [
      { key: 'a', longitude: 358 },
      { key: 'b', longitude: 359.5 },
      { key: 'c', longitude: 1 },
      { key: 'd', longitude: 2 },
    ];
    const out = check(items, 5);
    // Mean of 358, 359.5, 361, 362 is 360.125 → 0.125; spacing 5°.
    expect(out.get('a')).toBeCloseTo(352.625, 9);
    expect(out.get('b')).toBeCloseTo(357.625, 9);
    expect(out.get('c')).toBeCloseTo(2.625, 9);
    expect(out.get('d')).toBeCloseTo(7.625, 9);
  });

  it('shrinks the spacing to 360/n when the circle is too full, and stays deterministic', () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ key: `k${String(i).padStart(2, '0')}`, longitude: (i * 7) % 50 }));
    const a = check(items, 20);
    const b = spreadLongitudes([...items].reverse(), 20);
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
  });

  it('breaks ties in longitude by key', () => {
    const out = check([{ key: 'z', longitude: 50 }, { key: 'a', longitude: 50 }], 4);
    expect(out.get('a')).toBeCloseTo(48, 9);
    expect(out.get('z')).toBeCloseTo(52, 9);
  });

  it('breaks ties by key whatever the input order', () => {
    const orders = [['c', 'a', 'b'], ['a', 'b', 'c'], ['b', 'c', 'a'], ['c', 'b', 'a']];
    for (const order of orders) {
      const out = check(order.map((key) => ({ key, longitude: 50 })), 4);
      expect([out.get('a'), out.get('b'), out.get('c')], order.join('')).toEqual([46, 50, 54]);
    }
  });

  it('merges the last cluster with the first across the widest gap when spreading closes it', () => {
    // 15 bodies 0.5° apart at 0°–7°, one at 117°, 15 at 227°–234°; separation 10°. The widest gap
    // (234° → 360°, 126°) is where the circle is cut. Spread alone, the two groups span ±70° around
    // 3.5° and 230.5° and would overlap across the cut (−66.5° + 360° < 300.5° + 10°): they become one
    // group of 30, centred on the mean of 227…234 and 360…367, 297°, from 152° to 442° (82°) in 10°
    // steps. The lone body at 117° keeps its place (35° from the group's ends).
    const low = Array.from({ length: 15 }, (_, j) => ({ key: `x${String(j).padStart(2, '0')}`, longitude: j * 0.5 }));
    const high = Array.from({ length: 15 }, (_, j) => ({ key: `z${String(j).padStart(2, '0')}`, longitude: 227 + j * 0.5 }));
    const out = check([...low, { key: 'y', longitude: 117 }, ...high], 10);
    expect(out.get('y')).toBe(117);
    for (let j = 0; j < 15; j += 1) {
      expect(out.get(high[j].key), high[j].key).toBeCloseTo(152 + 10 * j, 9);
      expect(out.get(low[j].key), low[j].key).toBeCloseTo((302 + 10 * j) % 360, 9);
    }
  });
});

describe('wheel number formatting and families', () => {
  it('truncates to whole arc minutes without rolling into the next sign', () => {
    expect(zodiacDegree(29.99999)).toEqual({ sign: 'ARIES', degrees: 29, minutes: 59 });
    expect(zodiacDegree(359.99999)).toEqual({ sign: 'PISCES', degrees: 29, minutes: 59 });
    expect(zodiacDegree(-0.5)).toEqual({ sign: 'PISCES', degrees: 29, minutes: 30 });
    expect(zodiacDegree(295.1)).toEqual({ sign: 'CAPRICORN', degrees: 25, minutes: 6 });
    expect(formatDegreesMinutes(zodiacDegree(62.3))).toBe('2°18′');
  });

  it('needs no more than the float error to reach a whole minute, and never rolls past 29°59′ Pisces', () => {
    // 2°03′ is 2.05°, and 2.05 × 60 = 122.99999999999999 in binary floating point.
    expect(zodiacDegree(2.05)).toEqual({ sign: 'ARIES', degrees: 2, minutes: 3 });
    expect(zodiacDegree(16 + 5 / 60)).toEqual({ sign: 'ARIES', degrees: 16, minutes: 5 });
    // A hair under 360° (here −1e−12°, normalised to 359.999999999999°) is still Pisces.
    expect(zodiacDegree(-1e-12)).toEqual({ sign: 'PISCES', degrees: 29, minutes: 59 });
    expect(zodiacDegree(360)).toEqual({ sign: 'ARIES', degrees: 0, minutes: 0 });
    expect(zodiacDegree(719.5)).toEqual({ sign: 'PISCES', degrees: 29, minutes: 30 });
    expect(formatDegreesMinutes({ sign: 'LEO', degrees: 4, minutes: 5 })).toBe('4°05′');
    expect(formatDegreesMinutes({ sign: 'LEO', degrees: 0, minutes: 0 })).toBe('0°00′');
  });

  it('writes longitudes with six decimals in [0, 360)', () => {
    expect(fmtLongitude(12.3456784)).toBe('12.345678');
    expect(fmtLongitude(-90)).toBe('270.000000');
    expect(fmtLongitude(725)).toBe('5.000000');
    // Rounds up to 360.000000: written as 0.
    expect(fmtLongitude(359.9999999)).toBe('0.000000');
    expect(fmtLongitude(359.999999)).toBe('359.999999');
  });

  it('draws the reference longitude at 9 o\'clock and longitudes counter-clockwise, y growing downwards', () => {
    // θ = 180° + λ − reference, in [0, 360).
    expect(screenAngle(10, 40)).toBe(150);
    expect(screenAngle(0, 200)).toBe(340);
    expect(screenAngle(300, 100)).toBe(20);
    expect(screenAngle(100, 100)).toBe(180);
    // 100 px at 30°: right by 100 cos 30° = 86.6025, up (smaller y) by 100 sin 30° = 50.
    const p = polar(300, 300, 100, 30);
    expect(p.x).toBeCloseTo(386.6025404, 6);
    expect(p.y).toBeCloseTo(250, 9);
    const q = polar(10, 20, 5, 270);
    expect(q.x).toBeCloseTo(10, 9);
    expect(q.y).toBeCloseTo(25, 9);
  });

  it('never prints negative zero', () => {
    expect(fmt(-0.001)).toBe('0.00');
    expect(fmt(-1.005)).toBe('-1.00');
    expect(fmt(12.345678)).toBe('12.35');
  });

  it('sorts the 17 aspect types into hard, soft and minor', () => {
    const by = (family: string) => ASPECT_TYPES.filter((t) => aspectFamily(t) === family).sort();
    expect(by('hard')).toEqual(['CONJUNCTION', 'OPPOSITION', 'SEMISQUARE', 'SESQUISQUARE', 'SQUARE']);
    expect(by('soft')).toEqual(['SEXTILE', 'TRINE']);
    expect(by('minor')).toHaveLength(10);
  });
});
