/**
 * Single-chart techniques on a real chart: values re-derived from the chart module and the cited
 * definitions.
 */
import { describe, expect, it } from 'vitest';
import { chartAntiscia, chartArabicParts, chartDeclinations, chartDignities, chartFixedStars, chartHarmonic, chartMidpoints } from '../../../src/ephemeris/techniques/natal-techniques.js';
import { computeHouses } from '../../../src/ephemeris/houses.js';
import { computePositions } from '../../../src/ephemeris/positions.js';
import { momentFromUtc } from '../../../src/ephemeris/time.js';
import { fixedStarPositions } from '../../../src/ephemeris/stars/fixed-stars.js';
import { separationDegrees } from '../../../src/ephemeris/techniques/angles.js';

const london = { latitude: 51.5074, longitude: -0.1278 };
const natal = { moment: { utc: '2024-03-20T12:00:00Z' }, location: london };
const m = momentFromUtc(new Date('2024-03-20T12:00:00Z'));
const pos = computePositions(m, ['SUN', 'MOON', 'SATURN'], { center: 'GEOCENTRIC', zodiac: 'TROPICAL' });
const houses = computeHouses(m, london, 'PLACIDUS');

describe('natal techniques', () => {
  it('dignities: noon in London is a day chart; Sun at 0°22′ Aries is exalted (+4), in its triplicity (+3) → 7', () => {
    const d = chartDignities(natal);
    expect(d.dayChart).toBe(true);
    const sun = d.planets.find((p) => p.planet === 'SUN')!;
    // 0°22′ Aries: exaltation (Aries), fire triplicity by day (Sun), term Jupiter 0–6, face Mars 0–10
    expect(sun.kinds).toEqual(['EXALTATION', 'TRIPLICITY']);
    expect(sun.score).toBe(7);
  });

  it('the prenatal syzygy of 2024-03-20 is the new Moon of 10 March 2024 at ≈ 20°17′ Pisces (350.28°)', () => {
    const d = chartDignities(natal);
    expect(Math.abs(d.prenatalSyzygyLongitude - 350.28)).toBeLessThan(0.3);
  });

  it('Part of Fortune by day = Asc + Moon − Sun with the chart module values', () => {
    const [fortune] = chartArabicParts(natal, ['FORTUNE']);
    const expected = (houses.ascendant + pos[1].longitude - pos[0].longitude + 720) % 360;
    expect(fortune.longitude).toBeCloseTo(expected, 9);
    expect(fortune.reversed).toBe(false);
  });

  it('antiscia of the chart Sun: 180 − λ and 360 − λ', () => {
    const a = chartAntiscia(natal).points.find((p) => p.point === 'SUN')!;
    expect(a.antiscion).toBeCloseTo((180 - pos[0].longitude + 360) % 360, 9);
    expect(a.contraAntiscion).toBeCloseTo((360 - pos[0].longitude) % 360, 9);
  });

  it('midpoints cover every pair of the 13 bodies + ASC + MC (15·14/2 = 105)', () => {
    expect(chartMidpoints(natal)).toHaveLength(105);
  });

  it('harmonic 4 of the Sun is 4λ mod 360', () => {
    const h = chartHarmonic(natal, 4).find((p) => p.point === 'SUN')!;
    expect(h.longitude).toBeCloseTo((4 * pos[0].longitude) % 360, 9);
  });

  it('declinations: the Sun near the equinox is at δ ≈ +0.15°, ASC/MC from Meeus 13.4; MC never out of bounds', () => {
    const d = chartDeclinations(natal);
    const sun = d.points.find((p) => p.point === 'SUN')!;
    expect(sun.declination).toBeCloseTo(0.146, 2);
    const mc = d.points.find((p) => p.point === 'MIDHEAVEN')!;
    expect(mc.outOfBounds).toBe(false);
    expect(d.obliquityDegrees).toBeCloseTo(23.438, 2);
  });

  it('fixed-star conjunctions: points within the orb of a star, re-checked with the star positions', () => {
    const hits = chartFixedStars(natal, 2);
    const stars = fixedStarPositions(new Date('2024-03-20T12:00:00Z'));
    for (const h of hits) {
      const s = stars.find((x) => x.name === h.star)!;
      expect(separationDegrees(s.longitude, h.pointLongitude)).toBeCloseTo(h.orbDegrees, 9);
      expect(h.orbDegrees).toBeLessThanOrEqual(2);
    }
  });

  it('techniques needing the Ascendant refuse a chart without location', () => {
    expect(() => chartDignities({ moment: natal.moment })).toThrow(expect.objectContaining({ field: 'natal.location' }));
  });
});

describe('chart casting of the techniques', () => {
  it('casts charts exactly like the chart module (computeChart): positions, houses, aspects', async () => {
    const { computeChart } = await import('../../../src/ephemeris/chart.js');
    const { chartAt, normalizeChartRequest } = await import('../../../src/ephemeris/techniques/cast.js');
    const req = { ...natal, houseSystem: 'KOCH' as const, aspects: { orbMultiplier: 0.8 } };
    const n = normalizeChartRequest(req);
    const mine = chartAt(n, n.moment);
    const theirs = computeChart(req);
    expect(mine.positions).toEqual(theirs.positions);
    expect(mine.houses).toEqual(theirs.houses);
    expect(mine.aspects).toEqual(theirs.aspects);
  });
});
