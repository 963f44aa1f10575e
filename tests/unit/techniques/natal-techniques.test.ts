/**
 * Single-chart techniques on a real chart: values re-derived from the chart module (itself checked
 * against Swiss Ephemeris in tests/reference) and the cited definitions, never from the technique's
 * own output.
 */
import { describe, expect, it } from 'vitest';
import { chartAntiscia, chartArabicParts, chartDeclinations, chartDignities, chartFixedStars, chartHarmonic, chartMidpoints } from '../../../src/ephemeris/techniques/natal-techniques.js';
import { computeHouses } from '../../../src/ephemeris/houses.js';
import { computePositions } from '../../../src/ephemeris/positions.js';
import { momentFromUtc } from '../../../src/ephemeris/time.js';
import { DEFAULT_BODIES } from '../../../src/ephemeris/types.js';
import starReference from '../../reference/fixed-stars.json' with { type: 'json' };

const london = { latitude: 51.5074, longitude: -0.1278 };
const natal = { moment: { utc: '2024-03-20T12:00:00Z' }, location: london };
const m = momentFromUtc(new Date('2024-03-20T12:00:00Z'));
const pos = computePositions(m, ['SUN', 'MOON', 'SATURN'], { center: 'GEOCENTRIC', zodiac: 'TROPICAL' });
const houses = computeHouses(m, london, 'PLACIDUS');

/** Separation of two longitudes along the ecliptic, [0, 180], computed here rather than by the module under test. */
const sep = (a: number, b: number) => {
  const d = (((a - b) % 360) + 360) % 360;
  return Math.min(d, 360 - d);
};

/** Every chart point of a default chart (13 bodies, ASC, MC) from the chart module. */
function chartPoints(utc: string): Map<string, number> {
  const mm = momentFromUtc(new Date(utc));
  const out = new Map<string, number>(computePositions(mm, DEFAULT_BODIES, { center: 'GEOCENTRIC', zodiac: 'TROPICAL' }).map((p) => [p.body, p.longitude]));
  const h = computeHouses(mm, london, 'PLACIDUS');
  out.set('ASCENDANT', h.ascendant).set('MIDHEAVEN', h.midheaven);
  return out;
}

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

  it('midpoints: every pair of the 13 bodies + ASC + MC (15·14/2 = 105), each on the shorter arc, equidistant from both points', () => {
    const mids = chartMidpoints(natal);
    expect(mids).toHaveLength(105);
    const points = chartPoints(natal.moment.utc);
    expect(new Set(mids.map((x) => [x.first, x.second].sort().join('+'))).size).toBe(105);
    const failures: string[] = [];
    for (const x of mids) {
      const a = points.get(x.first)!, b = points.get(x.second)!;
      // The near midpoint lies half the separation from each point; the far one is opposite it.
      const errs = [sep(x.longitude, a) - sep(a, b) / 2, sep(x.longitude, b) - sep(a, b) / 2, sep(x.farLongitude, x.longitude) - 180];
      if (!errs.every((e) => Math.abs(e) <= 1e-9)) failures.push(`${x.first}/${x.second}: ${x.longitude} (points ${a}, ${b})`);
    }
    expect(failures).toEqual([]);
  });

  it('midpoint by hand: Sun 0.37° (0°22′ Aries) and Saturn ≈ 342.3° (12°16′ Pisces) on 2024-03-20 meet at ≈ 351.3°, not at the far point 171.3°', () => {
    const sun = pos[0].longitude, saturn = pos[2].longitude;
    const mid = chartMidpoints(natal).find((x) => x.first === 'SUN' && x.second === 'SATURN')!;
    // Shorter arc from Saturn forward through 0° Aries to the Sun: (342.3 + (360 + 0.37)) / 2
    expect(mid.longitude).toBeCloseTo((saturn + sun + 360) / 2, 9);
    expect(Math.abs(mid.longitude - 351.3)).toBeLessThan(0.1);
    expect(mid.farLongitude).toBeCloseTo((saturn + sun + 360) / 2 - 180, 9);
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

  it('fixed-star conjunctions (2°) at 2026-11-27 00:00 UTC are exactly the pairs found with the Swiss Ephemeris star positions', () => {
    // The chart points from the chart module, the 50 stars from tests/reference/fixed-stars.json; a pair
    // within 5″ of the orb's edge may go either way (the star positions agree to ≤ 1″).
    const c = (starReference as { cases: { utc: string; stars: Record<string, { longitude: number }> }[] }).cases.find((x) => x.utc.startsWith('2026-11-27'))!;
    const orb = 2, slack = 5 / 3600;
    const points = chartPoints(c.utc);
    const expected = new Set<string>(), borderline = new Set<string>();
    for (const [star, s] of Object.entries(c.stars)) {
      for (const [point, lon] of points) {
        const d = sep(s.longitude, lon);
        if (d <= orb - slack) expected.add(`${star}/${point}`);
        else if (d <= orb + slack) borderline.add(`${star}/${point}`);
      }
    }
    // Mars on Regulus (0.2°), Venus by Arcturus and Spica, … : 11 pairs, none of them at the edge.
    expect(expected.size).toBe(11);
    expect(expected).toContain('Regulus/MARS');
    const hits = chartFixedStars({ moment: { utc: c.utc }, location: london }, orb);
    const got = new Set(hits.map((h) => `${h.star}/${h.point}`));
    expect([...expected].filter((k) => !got.has(k)), 'missing').toEqual([]);
    expect([...got].filter((k) => !expected.has(k) && !borderline.has(k)), 'not within the orb').toEqual([]);
    const failures: string[] = [];
    for (const h of hits) {
      const err = Math.abs(h.orbDegrees - sep(c.stars[h.star].longitude, points.get(h.point)!));
      if (!(err <= slack && h.orbDegrees <= orb)) failures.push(`${h.star}/${h.point}: orb ${h.orbDegrees}, error ${err * 3600}″`);
    }
    expect(failures).toEqual([]);
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
