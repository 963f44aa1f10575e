import { describe, expect, it } from 'vitest';
import {
  findAspects,
  findAspectsBetween,
  resolveAspectOptions,
  type AspectPoint,
} from '../../src/ephemeris/aspects.js';
import { DEFAULT_ORBS } from '../../src/ephemeris/orbs.js';
import { ValidationError } from '../../src/errors.js';
import { ASPECT_ANGLES, ASPECT_TYPES } from '../../src/ephemeris/types.js';
import type { ChartPoint } from '../../src/ephemeris/types.js';
import { rng } from '../helpers/angles.js';

const defaults = resolveAspectOptions();

function pt(point: ChartPoint, longitude: number, longitudeSpeed = 0): AspectPoint {
  return { point, longitude, longitudeSpeed };
}

function only(points: AspectPoint[], opts = defaults) {
  const found = findAspects(points, opts);
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0];
}

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).field;
  }
  throw new Error('expected a ValidationError');
}

describe('default orbs', () => {
  it('cover the 17 aspect types with positive orbs, majors widest', () => {
    expect(ASPECT_ANGLES.TRINE).toBe(120);
    expect(Object.keys(DEFAULT_ORBS).sort()).toEqual([...ASPECT_TYPES].sort());
    expect(ASPECT_TYPES.length).toBe(17);
    for (const t of ASPECT_TYPES) expect(DEFAULT_ORBS[t]).toBeGreaterThan(0);
    expect(DEFAULT_ORBS.CONJUNCTION).toBe(7);
    expect(DEFAULT_ORBS.SEXTILE).toBe(6);
    expect(DEFAULT_ORBS.QUINCUNX).toBe(3);
    expect(DEFAULT_ORBS.QUINTILE).toBe(2);
    expect(DEFAULT_ORBS.SEPTILE).toBe(1);
  });
});

describe('findAspects: what is found', () => {
  it('Sun 10°, Moon 130° is an exact trine', () => {
    const a = only([pt('SUN', 10, 1), pt('MOON', 130, 13)]);
    expect(a).toMatchObject({ first: 'SUN', second: 'MOON', type: 'TRINE', exactAngle: 120 });
    expect(a.separation).toBeCloseTo(120, 12);
    expect(a.orb).toBeCloseTo(0, 12);
  });

  it('measures the separation the short way round (355° to 5° is 10°)', () => {
    expect(only([pt('SUN', 355), pt('MOON', 5)])).toBeUndefined(); // 10° > 7° conjunction orb
    const a = only([pt('SUN', 355), pt('MOON', 5)], resolveAspectOptions({ orbs: { CONJUNCTION: 10 } }));
    expect(a.type).toBe('CONJUNCTION');
    expect(a.separation).toBeCloseTo(10, 12);
    expect(a.orb).toBeCloseTo(10, 12);
  });

  it('separation is in [0, 180] and orb = |separation − exactAngle|', () => {
    const a = only([pt('MARS', 300), pt('SATURN', 115)]); // 175° apart, opposition orb 5
    expect(a.type).toBe('OPPOSITION');
    expect(a.separation).toBeCloseTo(175, 12);
    expect(a.orb).toBeCloseTo(5, 12);
  });

  it('gives a pair at most one aspect: the closest within its orb', () => {
    const wide = resolveAspectOptions({ orbMultiplier: 3 }); // novile ±3°, semisquare ±9°
    const a = only([pt('VENUS', 0), pt('MARS', 42)], wide);
    expect(a.type).toBe('NOVILE');
    expect(a.orb).toBeCloseTo(2, 12);
    const b = only([pt('VENUS', 0), pt('MARS', 43)], wide);
    expect(b.type).toBe('SEMISQUARE');
    expect(b.orb).toBeCloseTo(2, 12);
  });

  it('septiles use 360/7', () => {
    const a = only([pt('SUN', 0), pt('URANUS', 360 / 7 + 0.5)]);
    expect(a.type).toBe('SEPTILE');
    expect(a.exactAngle).toBeCloseTo(51.428571, 5);
    expect(a.orb).toBeCloseTo(0.5, 9);
  });

  it('orb overrides and the multiplier change what is found', () => {
    const pair = [pt('SUN', 0), pt('JUPITER', 123)]; // trine, orb 3
    expect(only(pair)?.type).toBe('TRINE');
    expect(only(pair, resolveAspectOptions({ orbs: { TRINE: 2 } }))).toBeUndefined();
    expect(only(pair, resolveAspectOptions({ orbMultiplier: 0.5 }))?.type).toBe('TRINE'); // 3° ≤ 3.5°
    expect(only(pair, resolveAspectOptions({ orbMultiplier: 0.4 }))).toBeUndefined(); // 3° > 2.8°
    expect(only([pt('SUN', 0), pt('JUPITER', 128)], resolveAspectOptions({ orbs: { TRINE: 8 } }))?.type).toBe('TRINE');
  });

  it('the multiplier scales defaults and overrides alike', () => {
    const half = resolveAspectOptions({ orbMultiplier: 0.5, orbs: { TRINE: 4 } });
    expect(half.orbs.TRINE).toBeCloseTo(2, 12);
    expect(half.orbs.SQUARE).toBeCloseTo(3.5, 12);
    expect(only([pt('SUN', 0), pt('JUPITER', 121.9)], half)?.type).toBe('TRINE');
    expect(only([pt('SUN', 0), pt('JUPITER', 122.1)], half)).toBeUndefined();
    expect(only([pt('SUN', 0), pt('MARS', 93.4)], half)?.type).toBe('SQUARE');
    expect(only([pt('SUN', 0), pt('MARS', 93.6)], half)).toBeUndefined();
  });

  it('types restrict the search', () => {
    const pair = [pt('SUN', 10), pt('MOON', 130)];
    expect(only(pair, resolveAspectOptions({ types: ['SQUARE', 'OPPOSITION'] }))).toBeUndefined();
    expect(only(pair, resolveAspectOptions({ types: ['TRINE'] }))?.type).toBe('TRINE');
    expect(findAspects(pair, resolveAspectOptions({ types: [] }))).toEqual([]);
  });

  it('examines every pair i < j with the earlier point first, sorted by orb then names', () => {
    const points = [pt('SUN', 0), pt('MOON', 91), pt('MARS', 180.5), pt('ASCENDANT', 120)];
    const found = findAspects(points, defaults);
    // Hand-checked: SUN–ASC 120° (orb 0); MARS–ASC 60.5°, MOON–MARS 89.5°, SUN–MARS 179.5°
    // (orb 0.5 each, ordered by the first name); MOON–ASC 29°, SUN–MOON 91° (orb 1 each).
    expect(found.map((a) => `${a.first}-${a.second}-${a.type}`)).toEqual([
      'SUN-ASCENDANT-TRINE',
      'MARS-ASCENDANT-SEXTILE',
      'MOON-MARS-SQUARE',
      'SUN-MARS-OPPOSITION',
      'MOON-ASCENDANT-SEMISEXTILE',
      'SUN-MOON-SQUARE',
    ]);
    expect(found.map((a) => a.orb)).toEqual([0, 0.5, 0.5, 0.5, 1, 1]);
  });

  it('findAspectsBetween pairs every a with every b, same body on both sides included', () => {
    const natal = [pt('SUN', 100, 0.98), pt('MOON', 200, 13)];
    const transit = [pt('SUN', 101, 1.0), pt('SATURN', 290, 0.03)];
    const found = findAspectsBetween(natal, transit, defaults);
    const keys = found.map((a) => `${a.first}-${a.second}-${a.type}`);
    // SUN–SUN 1° conjunction; MOON–SATURN 90° square; SUN–SATURN 170° and MOON–SUN 99° match nothing.
    expect(keys).toEqual(['MOON-SATURN-SQUARE', 'SUN-SUN-CONJUNCTION']);
    for (const a of found) {
      expect(['SUN', 'MOON']).toContain(a.first);
      expect(['SUN', 'SATURN']).toContain(a.second);
    }
  });
});

describe('findAspects: applying vs separating', () => {
  it('a faster body behind a slower one, approaching the exact angle, is applying', () => {
    expect(only([pt('SUN', 100, 1), pt('MOON', 95, 13)]).applying).toBe(true); // catching up
    expect(only([pt('SUN', 100, 1), pt('MOON', 105, 13)]).applying).toBe(false); // moving away
    expect(only([pt('MOON', 95, 13), pt('SUN', 100, 1)]).applying).toBe(true); // order irrelevant
  });

  it('applying is decided by the orb shrinking, not by the signed gap', () => {
    // Both pairs are 85° apart (square, orb 5) with the Moon the faster body, so the old rule
    // (compare the signed gap with the aspect angle) cannot tell them apart. They differ:
    // Moon at 85° moving forward widens the gap towards 90° → the orb shrinks → applying;
    // Moon at 275° (gap −85°) moving forward closes on the Sun → 84°, 83° … → separating.
    const ahead = only([pt('SUN', 0, 0.98), pt('MOON', 85, 13.2)]);
    const behind = only([pt('SUN', 0, 0.98), pt('MOON', 275, 13.2)]);
    expect(ahead).toMatchObject({ type: 'SQUARE', applying: true });
    expect(behind).toMatchObject({ type: 'SQUARE', applying: false });
    expect(ahead.orb).toBeCloseTo(5, 12);
    expect(behind.orb).toBeCloseTo(5, 12);
    // Past the exact angle the answer flips even though the gap keeps growing the same way.
    expect(only([pt('SUN', 0, 0.98), pt('MOON', 95, 13.2)])).toMatchObject({ type: 'SQUARE', applying: false });
    // Retrograde Mercury at 85°: the gap shrinks, the orb grows → separating.
    expect(only([pt('SUN', 0, 1), pt('MERCURY', 85, -1)])).toMatchObject({ type: 'SQUARE', applying: false });
  });

  it('handles the 180° edge (separation can only shrink there) and the 0° edge (only grow)', () => {
    expect(only([pt('SUN', 0, 1), pt('MOON', 179, 13)])).toMatchObject({ type: 'OPPOSITION', applying: true });
    expect(only([pt('SUN', 0, 1), pt('MOON', 181, 13)])).toMatchObject({ type: 'OPPOSITION', applying: false });
    // Exactly opposite / conjunct: orb 0 cannot shrink.
    expect(only([pt('SUN', 0, 1), pt('MOON', 180, 13)])).toMatchObject({ type: 'OPPOSITION', applying: false });
    expect(only([pt('SUN', 40, 1), pt('MOON', 40, 13)])).toMatchObject({ type: 'CONJUNCTION', applying: false });
    // A semisextile with a 30° orb at separation 0: any relative motion opens the gap → applying.
    const wide = resolveAspectOptions({ types: ['SEMISEXTILE'], orbs: { SEMISEXTILE: 30 } });
    expect(only([pt('SUN', 40, 1), pt('MOON', 40, 13)], wide)).toMatchObject({ type: 'SEMISEXTILE', applying: true });
    expect(only([pt('SUN', 40, 1), pt('MOON', 40, -13)], wide)).toMatchObject({ type: 'SEMISEXTILE', applying: true });
  });

  it('equal speeds are not applying (the orb is constant)', () => {
    expect(only([pt('SUN', 0, 1), pt('MARS', 88, 1)])).toMatchObject({ type: 'SQUARE', applying: false });
    expect(only([pt('SUN', 0, 0), pt('MARS', 92, 0)])).toMatchObject({ type: 'SQUARE', applying: false });
  });

  it('agrees with moving both points a little and recomputing the orb (2,000 random pairs)', () => {
    const rand = rng(20261127);
    const opts = resolveAspectOptions({ orbMultiplier: 2 });
    let checked = 0;
    let applyingCount = 0;
    for (let n = 0; n < 2000; n++) {
      const p = pt('SUN', rand() * 360, (rand() - 0.3) * 15);
      const q = pt('MOON', rand() * 360, (rand() - 0.3) * 15);
      const a = only([p, q], opts);
      if (a === undefined) continue;
      const dt = 1e-6;
      let d = Math.abs(q.longitude + q.longitudeSpeed * dt - (p.longitude + p.longitudeSpeed * dt)) % 360;
      if (d > 180) d = 360 - d;
      const orbLater = Math.abs(d - a.exactAngle);
      // Skip pairs so close to an edge that the step crosses it.
      if (a.orb < 1e-3 || a.separation < 1e-3 || a.separation > 180 - 1e-3) continue;
      expect(a.applying, `${p.longitude} ${p.longitudeSpeed} ${q.longitude} ${q.longitudeSpeed}`).toBe(orbLater < a.orb);
      checked++;
      if (a.applying) applyingCount++;
    }
    expect(checked).toBeGreaterThan(300);
    expect(applyingCount).toBeGreaterThan(checked * 0.3);
    expect(applyingCount).toBeLessThan(checked * 0.7);
  });
});

describe('resolveAspectOptions: validation', () => {
  it('defaults to all 17 types with the default orbs', () => {
    const r = resolveAspectOptions();
    expect(r.types).toEqual(ASPECT_TYPES);
    expect(r.orbs).toEqual(DEFAULT_ORBS);
    expect(resolveAspectOptions({})).toEqual(r);
  });

  it('keeps the types in ASPECT_ANGLES order', () => {
    expect(resolveAspectOptions({ types: ['QUINTILE', 'CONJUNCTION'] }).types).toEqual(['CONJUNCTION', 'QUINTILE']);
  });

  it('names the offending field', () => {
    expect(fieldOf(() => resolveAspectOptions({ types: ['TRINE', 'SQUAREISH' as never] }))).toBe('aspects.types.1');
    expect(fieldOf(() => resolveAspectOptions({ types: ['SQUARE', 'TRINE', 'TRINE'] }))).toBe('aspects.types.2');
    expect(fieldOf(() => resolveAspectOptions({ orbs: { TRINE: 0 } }))).toBe('aspects.orbs.TRINE');
    expect(fieldOf(() => resolveAspectOptions({ orbs: { TRINE: -1 } }))).toBe('aspects.orbs.TRINE');
    expect(fieldOf(() => resolveAspectOptions({ orbs: { SQUARE: 30.5 } }))).toBe('aspects.orbs.SQUARE');
    expect(fieldOf(() => resolveAspectOptions({ orbs: { SQUARE: Number.NaN } }))).toBe('aspects.orbs.SQUARE');
    expect(fieldOf(() => resolveAspectOptions({ orbs: { FOO: 3 } as never }))).toBe('aspects.orbs.FOO');
    expect(fieldOf(() => resolveAspectOptions({ orbMultiplier: 0 }))).toBe('aspects.orbMultiplier');
    expect(fieldOf(() => resolveAspectOptions({ orbMultiplier: 5.01 }))).toBe('aspects.orbMultiplier');
  });

  it('takes orb overrides as a list too (the transports\' form), naming the entry', () => {
    const r = resolveAspectOptions({ orbs: [{ type: 'TRINE', orbDegrees: 4 }, { type: 'SQUARE', orbDegrees: 30 }], orbMultiplier: 0.5 });
    expect([r.orbs.TRINE, r.orbs.SQUARE]).toEqual([2, 15]);
    expect(fieldOf(() => resolveAspectOptions({ orbs: [{ type: 'TRINE', orbDegrees: 4 }, { type: 'SQUARE', orbDegrees: 45 }] }))).toBe('aspects.orbs.1.orbDegrees');
    expect(fieldOf(() => resolveAspectOptions({ orbs: [{ type: 'TRINE', orbDegrees: 0 }] }))).toBe('aspects.orbs.0.orbDegrees');
    expect(fieldOf(() => resolveAspectOptions({ orbs: [{ type: 'TRINE', orbDegrees: 4 }, { type: 'TRINE', orbDegrees: 5 }] }))).toBe('aspects.orbs.1.type');
  });

  it('accepts the limits: orb 30, multiplier 5', () => {
    const r = resolveAspectOptions({ orbs: { TRINE: 30 }, orbMultiplier: 5 });
    expect(r.orbs.TRINE).toBe(150);
    expect(r.orbs.CONJUNCTION).toBe(35);
  });

  it('uses the given field prefix', () => {
    expect(fieldOf(() => resolveAspectOptions({ orbs: { TRINE: 40 } }, 'input.aspects'))).toBe('input.aspects.orbs.TRINE');
  });
});
