/**
 * The fixed-star module's interface (its positions are checked against Swiss Ephemeris in
 * tests/reference/fixed-stars.test.ts): name lookup, the orb's bounds, the order of the answers,
 * and the catalogue facts it passes through (V magnitudes from the Hipparcos/SIMBAD values).
 */
import { describe, expect, it } from 'vitest';
import { fixedStarConjunctions, fixedStarPositions, FIXED_STAR_NAMES, FIXED_STARS } from '../../src/ephemeris/stars/fixed-stars.js';
import reference from '../reference/fixed-stars.json' with { type: 'json' };

const at2026 = (reference as { cases: { utc: string; stars: Record<string, { longitude: number; latitude: number }> }[] }).cases.find((c) => c.utc.startsWith('2026'))!;
const utc = new Date(at2026.utc);
const ref = (name: string) => at2026.stars[name];

describe('fixed-star lookup', () => {
  it('finds a star by name or designation, in any case and with spaces around, in the order asked', () => {
    const got = fixedStarPositions(utc, ['  sirius ', 'ALTAU', 'Regulus']);
    expect(got.map((s) => s.name)).toEqual(['Sirius', 'Aldebaran', 'Regulus']);
    expect(got.map((s) => s.designation)).toEqual(['alCMa', 'alTau', 'alLeo']);
    // The same positions as in the full list, within the reference's 1″.
    for (const s of got) expect(Math.abs(s.longitude - ref(s.name).longitude) * 3600, s.name).toBeLessThan(1);
  });

  it('an empty list means every star, in catalogue order', () => {
    expect(fixedStarPositions(utc, []).map((s) => s.name)).toEqual([...FIXED_STAR_NAMES]);
    expect(FIXED_STAR_NAMES).toHaveLength(50);
  });

  it('an unknown name is refused on the field "names", listing the known ones', () => {
    expect(() => fixedStarPositions(utc, ['Regulus', 'Nibiru'])).toThrow(expect.objectContaining({ field: 'names', message: expect.stringMatching(/unknown fixed star "Nibiru"; known: Aldebaran, Algol, /) }));
  });

  it('passes the V magnitude through: Sirius −1.46, Aldebaran 0.86, Regulus 1.40 (SIMBAD)', () => {
    const [sirius, aldebaran, regulus] = fixedStarPositions(utc, ['Sirius', 'Aldebaran', 'Regulus']);
    expect([sirius.magnitudeV, aldebaran.magnitudeV, regulus.magnitudeV]).toEqual([-1.46, 0.86, 1.4]);
  });

  it('catalogue angles in degrees: Sirius at RA 6h45m08.917s = 101.2872°, Dec −16°42′58.02″ = −16.7161°', () => {
    const sirius = FIXED_STARS.find((s) => s.name === 'Sirius')!;
    expect(sirius.rightAscensionDeg).toBeCloseTo(15 * (6 + 45 / 60 + 8.91728 / 3600), 9);
    expect(sirius.declinationDeg).toBeCloseTo(-(16 + 42 / 60 + 58.0171 / 3600), 9);
    const regulus = FIXED_STARS.find((s) => s.name === 'Regulus')!;
    expect(regulus.declinationDeg).toBeCloseTo(11 + 58 / 60 + 1.9516 / 3600, 9);
  });

  it('latitudes from the reference too (Sirius ≈ −39.6°, far from the ecliptic)', () => {
    for (const s of fixedStarPositions(utc, ['Sirius', 'Regulus', 'Vega'])) {
      expect(Math.abs(s.latitude - ref(s.name).latitude) * 3600, s.name).toBeLessThan(1);
    }
  });
});

describe('fixed-star conjunctions', () => {
  const regulus = ref('Regulus').longitude;
  const spica = ref('Spica').longitude;

  it('sorted tightest first, each within the orb, the separation taken the short way round', () => {
    const points = [
      { point: 'A', longitude: regulus + 0.9 },
      { point: 'B', longitude: spica - 0.2 },
      { point: 'C', longitude: regulus - 0.5 },
      { point: 'D', longitude: spica + 3 },
    ];
    const hits = fixedStarConjunctions(utc, points, 1, ['Regulus', 'Spica']);
    expect(hits.map((h) => `${h.star}/${h.point}`)).toEqual(['Spica/B', 'Regulus/C', 'Regulus/A']);
    expect(hits.map((h) => h.orbDegrees)).toEqual([expect.closeTo(0.2, 3), expect.closeTo(0.5, 3), expect.closeTo(0.9, 3)]);
    expect(hits[0]).toMatchObject({ starLongitude: expect.closeTo(spica, 3), pointLongitude: spica - 0.2 });
    // A point across 0°/360° from the star: the separation is taken the short way round.
    const wrapped = fixedStarConjunctions(utc, [{ point: 'W', longitude: regulus + 359.7 }], 1, ['Regulus']);
    expect(wrapped.map((h) => h.orbDegrees)).toEqual([expect.closeTo(0.3, 3)]);
  });

  it('the orb is (0°, 10°]: 10 accepted, 0, −1, 10.01 and NaN refused on "orbDegrees"', () => {
    expect(fixedStarConjunctions(utc, [{ point: 'X', longitude: regulus + 9.99 }], 10, ['Regulus'])).toHaveLength(1);
    for (const orb of [0, -1, 10.01, Number.NaN]) {
      expect(() => fixedStarConjunctions(utc, [], orb), String(orb)).toThrow(expect.objectContaining({ field: 'orbDegrees' }));
    }
  });

  it('the default orb is 1°', () => {
    const hits = fixedStarConjunctions(utc, [{ point: 'in', longitude: regulus + 0.99 }, { point: 'out', longitude: regulus + 1.01 }], undefined, ['Regulus']);
    expect(hits.map((h) => h.point)).toEqual(['in']);
  });
});
