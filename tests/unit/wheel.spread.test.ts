/**
 * Spreading crowded glyphs around the circle: minimum separation kept, order kept, lone bodies
 * unmoved, clusters centred on their true longitudes, wrap-around at 0° Aries, overfull circles.
 */
import { describe, expect, it } from 'vitest';
import { aspectFamily, spreadLongitudes } from '../../src/render/index.js';
import { fmt, formatDegreesMinutes, zodiacDegree } from '../../src/render/geometry.js';
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
});

describe('wheel number formatting and families', () => {
  it('truncates to whole arc minutes without rolling into the next sign', () => {
    expect(zodiacDegree(29.99999)).toEqual({ sign: 'ARIES', degrees: 29, minutes: 59 });
    expect(zodiacDegree(359.99999)).toEqual({ sign: 'PISCES', degrees: 29, minutes: 59 });
    expect(zodiacDegree(-0.5)).toEqual({ sign: 'PISCES', degrees: 29, minutes: 30 });
    expect(zodiacDegree(295.1)).toEqual({ sign: 'CAPRICORN', degrees: 25, minutes: 6 });
    expect(formatDegreesMinutes(zodiacDegree(62.3))).toBe('2°18′');
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
