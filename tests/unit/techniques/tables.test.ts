/**
 * Hand-checkable values for the table-driven techniques. Each expectation is worked out from the
 * cited table or formula in a comment, not from this code.
 */
import { describe, expect, it } from 'vitest';
import { almuten, essentialDignity, faceRuler, termRuler, isDayChart, EGYPTIAN_TERMS } from '../../../src/ephemeris/techniques/dignities.js';
import { arabicParts, ARABIC_PARTS } from '../../../src/ephemeris/techniques/arabic-parts.js';
import { antiscia, antisciaContacts, antiscion, contraAntiscion, harmonicChart, harmonicLongitude, midpoints } from '../../../src/ephemeris/techniques/points.js';
import { declinationFromEcliptic, parallels, trueObliquityDegrees } from '../../../src/ephemeris/techniques/declinations.js';

describe('essential dignities (Lilly, Christian Astrology p. 104)', () => {
  it('every sign\'s Egyptian terms cover exactly 30°', () => {
    for (const sign of EGYPTIAN_TERMS) expect(sign[sign.length - 1][1]).toBe(30);
  });

  it('faces follow the Chaldean order from Mars at 0° Aries (Cancer: Venus, Mercury, Moon; Pisces: Saturn, Jupiter, Mars)', () => {
    expect([0, 10, 20].map((d) => faceRuler(d))).toEqual(['MARS', 'SUN', 'VENUS']);
    expect([90, 100, 110].map((d) => faceRuler(d))).toEqual(['VENUS', 'MERCURY', 'MOON']);
    expect([330, 340, 355].map((d) => faceRuler(d))).toEqual(['SATURN', 'JUPITER', 'MARS']);
  });

  it('Sun at 19° Aries by day: exaltation 4 + triplicity 3 + face 1 = 8 (term is Mercury 12–20)', () => {
    const d = essentialDignity('SUN', 19, true);
    expect(termRuler(19)).toBe('MERCURY');
    expect(d.kinds).toEqual(['EXALTATION', 'TRIPLICITY', 'FACE']);
    expect(d.score).toBe(8);
  });

  it('Mars at 5° Libra by night: detriment −5 and peregrine −5 = −10 (term Saturn, face Moon, triplicity Mercury)', () => {
    const d = essentialDignity('MARS', 185, false);
    expect(d.kinds).toEqual(['DETRIMENT', 'PEREGRINE']);
    expect(d.score).toBe(-10);
  });

  it('Mercury in Pisces: detriment and fall; peregrine at 10° (−14), but in its own term at 17° (−7)', () => {
    expect(essentialDignity('MERCURY', 340, true).score).toBe(-5 - 4 - 5);
    const inTerm = essentialDignity('MERCURY', 347, true);
    expect(inTerm.kinds).toEqual(['TERM', 'DETRIMENT', 'FALL']);
    expect(inTerm.score).toBe(2 - 5 - 4);
  });

  it('Saturn at 25° Libra by day: exaltation 4 + triplicity 3 = 7', () => {
    expect(essentialDignity('SATURN', 205, true).score).toBe(7);
  });

  it('almuten of 15° Cancer by day is the Moon (Moon 5, Jupiter 4, Mars 3, Mercury 2 + 1)', () => {
    const r = almuten([105], true);
    expect(r.almuten).toEqual(['MOON']);
    expect(r.scores).toMatchObject({ MOON: 5, JUPITER: 4, MARS: 3, MERCURY: 3, SUN: 0 });
  });

  it('rejects a non-traditional planet', () => {
    expect(() => essentialDignity('URANUS' as never, 10, true)).toThrow(/traditional/);
  });
});

describe('Arabic parts', () => {
  const bodies = { SUN: 270, MOON: 30, MERCURY: 280, VENUS: 300, MARS: 200, JUPITER: 50, SATURN: 150, URANUS: 10 };
  const cusps = Array.from({ length: 12 }, (_, i) => i * 30);

  it('documents at least 20 parts', () => {
    expect(ARABIC_PARTS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(ARABIC_PARTS.map((p) => p.name)).size).toBe(ARABIC_PARTS.length);
  });

  it('sect: Sun 270° with Ascendant 0° is above the horizon (houses 7–12), Sun 90° below', () => {
    expect(isDayChart(270, 0)).toBe(true);
    expect(isDayChart(90, 0)).toBe(false);
  });

  it('Part of Fortune by day = Asc + Moon − Sun = 0 + 30 − 270 = 120°; Spirit = 240°; Eros = Asc + Venus − Spirit = 60°', () => {
    const parts = arabicParts({ bodies, ascendant: 0, midheaven: 270, cusps });
    const get = (n: string) => parts.find((p) => p.name === n)!;
    expect(get('FORTUNE').longitude).toBeCloseTo(120, 9);
    expect(get('FORTUNE').reversed).toBe(false);
    expect(get('SPIRIT').longitude).toBeCloseTo(240, 9);
    expect(get('EROS').longitude).toBeCloseTo(60, 9);
    // Necessity = Asc + Fortune − Mercury = 120 − 280 = 200
    expect(get('NECESSITY').longitude).toBeCloseTo(200, 9);
    // Death (al-Bīrūnī) = Saturn + cusp 8 − Moon = 150 + 210 − 30 = 330 (never reversed)
    expect(get('DEATH').longitude).toBeCloseTo(330, 9);
    // Travel = Asc + cusp 9 − ruler of the 9th: cusp 9 at 240° (Sagittarius) ⇒ Jupiter 50° ⇒ 190°
    expect(get('TRAVEL').longitude).toBeCloseTo(190, 9);
  });

  it('by night Fortune is reversed: Asc + Sun − Moon = 0 + 90 − 30 = 60°; Brothers (not reversed) stays Asc + Jupiter − Saturn', () => {
    const parts = arabicParts({ bodies: { ...bodies, SUN: 90 }, ascendant: 0, midheaven: 270, cusps });
    const fortune = parts.find((p) => p.name === 'FORTUNE')!;
    expect(fortune.reversed).toBe(true);
    expect(fortune.longitude).toBeCloseTo(60, 9);
    expect(parts.find((p) => p.name === 'BROTHERS')!.longitude).toBeCloseTo(260, 9); // 50 − 150 = −100 ≡ 260
  });
});

describe('antiscia, midpoints, harmonics', () => {
  it('antiscion of 10° Aries is 20° Virgo (180 − 10 = 170); contra-antiscion is 20° Pisces (360 − 10 = 350)', () => {
    expect(antiscion(10)).toBeCloseTo(170, 12);
    expect(contraAntiscion(10)).toBeCloseTo(350, 12);
    expect(antiscion(100)).toBeCloseTo(80, 12); // 10° Cancer ↔ 20° Gemini
  });

  it('regression: contra-antiscia returned the antiscion (old service) — they differ and are opposite', () => {
    for (const lon of [10, 47.5, 123.4, 200, 333.3]) {
      const [p] = antiscia([{ point: 'SUN', longitude: lon }]);
      expect(p.contraAntiscion).not.toBeCloseTo(p.antiscion, 6);
      expect(p.contraAntiscion).toBeCloseTo((360 - lon) % 360, 9);
      expect((p.contraAntiscion - p.antiscion + 360) % 360).toBeCloseTo(180, 9);
    }
  });

  it('antiscia contacts: Sun 10° Aries and Venus 20°30′ Virgo are in antiscion with orb 0.5°', () => {
    const c = antisciaContacts([{ point: 'SUN', longitude: 10 }, { point: 'VENUS', longitude: 170.5 }]);
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ kind: 'ANTISCION' });
    expect(c[0].orbDegrees).toBeCloseTo(0.5, 9);
  });

  it('midpoints take the shorter arc: (350°, 10°) → 0°, far 180°; (100°, 200°) → 150°', () => {
    const m = midpoints([{ point: 'SUN', longitude: 350 }, { point: 'MOON', longitude: 10 }, { point: 'MARS', longitude: 100 }]);
    expect(m[0].longitude).toBeCloseTo(0, 9);
    expect(m[0].farLongitude).toBeCloseTo(180, 9);
    expect(midpoints([{ point: 'A', longitude: 100 }, { point: 'B', longitude: 200 }])[0].longitude).toBeCloseTo(150, 9);
  });

  it('harmonic n maps λ to n·λ mod 360: H5 of 100° = 140°; H1 is the identity; H360 out of 1…360 rejected beyond', () => {
    expect(harmonicLongitude(100, 5)).toBeCloseTo(140, 9);
    expect(harmonicChart([{ point: 'SUN', longitude: 123.25 }], 1)[0].longitude).toBeCloseTo(123.25, 12);
    expect(harmonicLongitude(1.5, 360)).toBeCloseTo(180, 9);
    expect(() => harmonicLongitude(10, 0)).toThrow();
    expect(() => harmonicLongitude(10, 361)).toThrow();
    expect(() => harmonicLongitude(10, 2.5)).toThrow();
  });
});

describe('declinations (Meeus eq. 13.4, true obliquity)', () => {
  it('true obliquity at J2000.0 is 23°26′21.4″ − 5.8″ nutation ≈ 23.4377°', () => {
    expect(trueObliquityDegrees(2451545.0)).toBeCloseTo(23.4377, 3);
  });

  it('0° Cancer on the ecliptic has δ = ε; 0° Aries has δ = 0; 0° Capricorn has δ = −ε', () => {
    expect(declinationFromEcliptic(90, 0, 23.44)).toBeCloseTo(23.44, 9);
    expect(declinationFromEcliptic(0, 0, 23.44)).toBeCloseTo(0, 9);
    expect(declinationFromEcliptic(270, 0, 23.44)).toBeCloseTo(-23.44, 9);
    // β = +5° at λ = 0: sin δ = sin 5° cos ε ⇒ δ = 4.5847°
    expect(declinationFromEcliptic(0, 5, 23.44)).toBeCloseTo((Math.asin(Math.sin(5 * Math.PI / 180) * Math.cos(23.44 * Math.PI / 180)) * 180) / Math.PI, 9);
  });

  it('parallels and contra-parallels with a configurable orb', () => {
    const pts = [{ point: 'SUN', declination: 20 }, { point: 'MOON', declination: 20.6 }, { point: 'MARS', declination: -20.3 }];
    const c = parallels(pts, 1);
    expect(c.map((x) => `${x.first}-${x.second}:${x.kind}`).sort()).toEqual(['MOON-MARS:CONTRA_PARALLEL', 'SUN-MARS:CONTRA_PARALLEL', 'SUN-MOON:PARALLEL']);
    expect(parallels(pts, 0.5).map((x) => `${x.first}-${x.second}`)).toEqual(['SUN-MARS', 'MOON-MARS']);
  });
});
