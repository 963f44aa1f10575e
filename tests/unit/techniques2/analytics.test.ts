/**
 * Chart analytics: Jones shapes and aspect patterns against worked examples from the cited
 * sources (birth data and positions typed from the sources; where a source gives no birth time the
 * test checks every 3 hours of the day or uses the time the source implies), and the distribution's
 * invariants.
 */
import { describe, expect, it } from 'vitest';
import { computeChart } from '../../../src/ephemeris/chart.js';
import { computePositions } from '../../../src/ephemeris/positions.js';
import { momentFromUtc } from '../../../src/ephemeris/time.js';
import { classifyShape, chartShape, type ChartShapeType } from '../../../src/ephemeris/analytics/shape.js';
import { chartPatterns, findPatterns, type AspectPattern } from '../../../src/ephemeris/analytics/patterns.js';
import { chartDistribution } from '../../../src/ephemeris/analytics/distribution.js';
import { ANALYTIC_BODIES, type BodyPoint } from '../../../src/ephemeris/analytics/common.js';
import type { Body } from '../../../src/ephemeris/types.js';

function planets(iso: string): BodyPoint[] {
  return computePositions(momentFromUtc(new Date(iso)), ANALYTIC_BODIES, { center: 'GEOCENTRIC', zodiac: 'TROPICAL' })
    .map((p) => ({ body: p.body, longitude: p.longitude }));
}
const lon = (pts: BodyPoint[], b: Body) => pts.find((p) => p.body === b)!.longitude;
/** `sign` index and degree of a longitude, e.g. [0, 27] = 27° Aries. */
const signDeg = (l: number) => [Math.floor(l / 30), Math.floor(l % 30)];
/** Shapes every three hours of a UTC day (for births whose source gives no time). */
function shapesOfDay(date: string): Set<ChartShapeType> {
  const out = new Set<ChartShapeType>();
  for (let h = 0; h < 24; h += 3) out.add(classifyShape(planets(`${date}T${String(h).padStart(2, '0')}:00:00Z`)).type);
  return out;
}

describe('Jones shapes (The Guide to Horoscope Interpretation, 1941) on the charts the sources classify', () => {
  it('BUNDLE: Robert Shapiro (b. 2 Sept 1942) — "Uranus is at 4 degrees Gemini, Mercury is at 3 degrees Libra, and all the other planets are in between", Saturn 12° Gemini (Bob Marks, "The Bundle")', () => {
    const p = planets('1942-09-02T12:00:00Z');
    expect(signDeg(lon(p, 'URANUS'))).toEqual([2, 4]);
    expect(signDeg(lon(p, 'MERCURY'))).toEqual([6, 3]);
    expect(signDeg(lon(p, 'SATURN'))).toEqual([2, 12]);
    expect(shapesOfDay('1942-09-02')).toEqual(new Set(['BUNDLE']));
  });

  it('BUNDLE, wide: Marcia Clark (b. 31 Aug 1953) — "from the Moon at 12 degrees Gemini to Saturn at 24 degrees of Libra", more than 120° but with trine signs at the ends (Bob Marks, "The Bundle")', () => {
    expect(signDeg(lon(planets('1953-08-31T12:00:00Z'), 'SATURN'))).toEqual([6, 24]);
    const s = classifyShape(planets('1953-08-31T20:00:00Z')); // the Moon reaches 12° Gemini in the evening (UTC)
    expect(signDeg(lon(planets('1953-08-31T20:00:00Z'), 'MOON'))[0]).toBe(2);
    expect(s.type).toBe('BUNDLE');
    expect(s.occupiedArcDegrees).toBeGreaterThan(120);
    expect(shapesOfDay('1953-08-31')).toEqual(new Set(['BUNDLE']));
  });

  it('BOWL: Candice Bergen (b. 9 May 1946) — rim "Mercury is at 27 degrees of Aries and Jupiter is widely opposite at 19 degrees of Libra"; the leader is Mercury (Bob Marks, "The Bowl")', () => {
    const p = planets('1946-05-09T12:00:00Z');
    expect(Math.abs(lon(p, 'MERCURY') - 27)).toBeLessThan(1.5);
    expect(Math.abs(lon(p, 'JUPITER') - (180 + 19))).toBeLessThan(1);
    expect(shapesOfDay('1946-05-09')).toEqual(new Set(['BOWL']));
    const s = classifyShape(p);
    expect(s.leadingBody).toBe('MERCURY');
  });

  it('BUCKET: Albert Einstein (14 March 1879, 11:30 LMT Ulm) with Uranus in Virgo the handle; Richard Branson (b. 18 July 1950) with Jupiter in Pisces (Jo Tracey, "Tuesday Toolbox 14")', () => {
    const einstein = classifyShape(planets('1879-03-14T10:50:00Z'));
    expect(einstein.type).toBe('BUCKET');
    expect(einstein.handle).toEqual(['URANUS']);
    expect(shapesOfDay('1950-07-18')).toEqual(new Set(['BUCKET']));
    const branson = classifyShape(planets('1950-07-18T06:00:00Z'));
    expect(branson.handle).toEqual(['JUPITER']);
    expect(Math.floor(lon(planets('1950-07-18T06:00:00Z'), 'JUPITER') / 30)).toBe(11);
  });

  it('LOCOMOTIVE: Prince Charles (14 Nov 1948, 21:14 GMT, London) — "no planets in Capricorn, Aquarius, Pisces or Aries"; the leading planet is "a fixed Moon in the very first degree of Taurus" (Jo Tracey, "Tuesday Toolbox 17")', () => {
    const p = planets('1948-11-14T21:14:00Z');
    expect(p.filter((x) => [9, 10, 11, 0].includes(Math.floor(x.longitude / 30)))).toEqual([]);
    const s = classifyShape(p);
    expect(s.type).toBe('LOCOMOTIVE');
    expect(s.leadingBody).toBe('MOON');
    expect(signDeg(lon(p, 'MOON'))).toEqual([1, 0]);
  });

  it('SEESAW: Michael Caine (14 March 1933, 10:10 GMT, Rotherhithe) and Betty Friedan (4 Feb 1921, 4:00 CST, Peoria) (Marion March, "The \'See-Saw\' Chart Pattern")', () => {
    expect(classifyShape(planets('1933-03-14T10:10:00Z')).type).toBe('SEESAW');
    expect(classifyShape(planets('1921-02-04T10:00:00Z')).type).toBe('SEESAW');
  });

  it('SPLASH: Theodore Roosevelt (27 Oct 1858, 19:45 LMT New York) (Bob Marks, "The Splash Horoscope") and Henry Mancini (b. 16 April 1924), "a near-ideal example of the Splash pattern"', () => {
    const tr = classifyShape(planets('1858-10-28T00:41:00Z'));
    expect(tr.type).toBe('SPLASH');
    expect(tr.largestGapDegrees).toBeLessThan(90);
    expect(shapesOfDay('1924-04-16')).toEqual(new Set(['SPLASH']));
  });

  it('SPLAY: Berry Gordy (b. 28 Nov 1929, Detroit; untimed, noon) — "with the largest gap between planets being 97 degrees, this is not a locomotive patterned chart but is a splay" (starscan.plus.com, "Reading Untimed Charts: Chart Shape")', () => {
    const s = classifyShape(planets('1929-11-28T17:00:00Z'));
    expect(s.type).toBe('SPLAY');
    expect(Math.round(s.largestGapDegrees)).toBe(98); // the article's 97° with its approximate Moon
  });

  it('the shape needs five bodies; a chart\'s own bodies are used', () => {
    expect(() => classifyShape(planets('2000-01-01T00:00:00Z').slice(0, 4))).toThrow(/at least 5 bodies/);
    const chart = computeChart({ moment: { utc: '1948-11-14T21:14:00Z' }, location: { latitude: 51.5, longitude: -0.14 } });
    expect(chartShape(chart).type).toBe('LOCOMOTIVE');
  });
});

describe('aspect patterns (default orbs: opposition, square, trine 7°, sextile 6°, quincunx 3°)', () => {
  const has = (ps: AspectPattern[], type: string, bodies: Body[], apex: Body | null = null) =>
    ps.some((p) => p.type === type && p.bodies.length === bodies.length && bodies.every((b) => p.bodies.includes(b)) && p.apex === apex);

  it('GRAND_CROSS, 23 April 2014: "Pluto at 13 deg Capricorn, Jupiter at 13 deg Cancer, Mars at 13 deg Libra and Uranus at 13 deg Aries" (findyourfate.com, "Grand Cross"); its T-squares are not repeated', () => {
    const p = planets('2014-04-23T12:00:00Z');
    for (const [b, sign] of [['PLUTO', 9], ['JUPITER', 3], ['MARS', 6], ['URANUS', 0]] as const) expect(signDeg(lon(p, b))).toEqual([sign, 13]);
    const found = findPatterns(p);
    expect(has(found, 'GRAND_CROSS', ['MARS', 'JUPITER', 'URANUS', 'PLUTO'])).toBe(true);
    expect(found.filter((x) => x.type === 'T_SQUARE' && x.bodies.every((b) => ['MARS', 'JUPITER', 'URANUS', 'PLUTO'].includes(b)))).toEqual([]);
  });

  it('T_SQUARE, 1 March 2014: "Pluto Jupiter and Uranus have been in a tight t-square" (solarisastro, Feb–Mar 2014), "Jupiter opposite Pluto and Uranus square to both" (evolvingdoorastro.com) — apex Uranus, not yet a grand cross', () => {
    const found = findPatterns(planets('2014-03-01T12:00:00Z'));
    expect(has(found, 'T_SQUARE', ['JUPITER', 'PLUTO', 'URANUS'], 'URANUS')).toBe(true);
    expect(found.some((x) => x.type === 'GRAND_CROSS')).toBe(false);
  });

  it('GRAND_TRINE and KITE, 20 July 2013: the Grand Water Trine of Jupiter in Cancer, Saturn in Scorpio, Neptune in Pisces, joined by Mars (Jeff Jawer, tarot.com, "Grand Water Trine: Magic Moments"), with Pluto opposite Jupiter making a kite', () => {
    const found = findPatterns(planets('2013-07-20T12:00:00Z'));
    expect(has(found, 'GRAND_TRINE', ['JUPITER', 'SATURN', 'NEPTUNE'])).toBe(true);
    expect(has(found, 'GRAND_TRINE', ['MARS', 'SATURN', 'NEPTUNE'])).toBe(true);
    expect(has(found, 'KITE', ['JUPITER', 'SATURN', 'NEPTUNE', 'PLUTO'], 'PLUTO')).toBe(true);
  });

  it('MYSTIC_RECTANGLE, 29 July 2013: the "Star of David" (grand sextile) of the water and earth grand trines (waterconwellspring, "Grand Water Trine", 19 July 2013) contains mystic rectangles', () => {
    const found = findPatterns(planets('2013-07-29T12:00:00Z'));
    expect(has(found, 'GRAND_TRINE', ['MOON', 'VENUS', 'PLUTO'])).toBe(true);
    expect(has(found, 'MYSTIC_RECTANGLE', ['MOON', 'JUPITER', 'SATURN', 'PLUTO'])).toBe(true);
    expect(has(found, 'MYSTIC_RECTANGLE', ['VENUS', 'JUPITER', 'NEPTUNE', 'PLUTO'])).toBe(true);
  });

  it('STELLIUM, 12 January 2020: "Capricorn has FIVE planets" (Shelley Overton, "January 12, 2020 Integrity Rules"): Sun 21°, Mercury, Saturn, Pluto 22°, Jupiter 9° (horoscope.co.uk)', () => {
    const p = planets('2020-01-12T16:50:00Z');
    const found = findPatterns(p).filter((x) => x.type === 'STELLIUM');
    expect(found).toEqual([{ type: 'STELLIUM', bodies: ['SUN', 'MERCURY', 'JUPITER', 'SATURN', 'PLUTO'], apex: null, sign: 'CAPRICORN' }]);
    expect(findPatterns(p, { stelliumMinBodies: 6 }).filter((x) => x.type === 'STELLIUM')).toEqual([]);
  });

  it('YOD by its definition (two bodies in sextile, both quincunx the apex; Astrodienst Astrowiki "Yod"), orbs honoured: no source with dated positions was found, so the positions are constructed', () => {
    const pts: BodyPoint[] = [
      { body: 'VENUS', longitude: 2 }, { body: 'MARS', longitude: 63 }, // sextile, 1° off
      { body: 'SATURN', longitude: 213.5 }, // 148.5° from Mars, 211.5° → 148.5° from Venus
      { body: 'SUN', longitude: 100 }, { body: 'MOON', longitude: 300 },
    ];
    expect(has(findPatterns(pts), 'YOD', ['VENUS', 'MARS', 'SATURN'], 'SATURN')).toBe(true);
    pts[2] = { body: 'SATURN', longitude: 216.5 }; // 153.5° from Mars: outside the 3° quincunx orb
    expect(findPatterns(pts).some((x) => x.type === 'YOD')).toBe(false);
    expect(() => findPatterns(pts, { orbMultiplier: 3 })).toThrow(/orbMultiplier/);
  });

  it('on a chart: patterns of its Sun…Pluto', () => {
    const chart = computeChart({ moment: { utc: '2014-04-23T12:00:00Z' } });
    expect(chartPatterns(chart).some((x) => x.type === 'GRAND_CROSS')).toBe(true);
  });
});

describe('distribution', () => {
  const chart = computeChart({ moment: { utc: '1990-01-15T14:30:00Z' }, location: { latitude: 51.5074, longitude: -0.1278 } });

  it('each of the ten planets is counted once per grouping; counts match the body lists', () => {
    const d = chartDistribution(chart);
    expect(d.total).toBe(10);
    for (const group of [d.elements, d.modalities]) {
      expect(group.reduce((s, c) => s + c.count, 0)).toBe(10);
      expect(group.flatMap((c) => c.bodies).sort()).toEqual([...ANALYTIC_BODIES].sort());
      for (const c of group) expect(c.bodies.length).toBe(c.count);
    }
    const hemi = Object.fromEntries(d.hemispheres.map((c) => [c.key, c]));
    expect(hemi.NORTHERN.count + hemi.SOUTHERN.count).toBe(10);
    expect(hemi.EASTERN.count + hemi.WESTERN.count).toBe(10);
  });

  it('elements and modalities by sign, hemispheres agree with the Placidus houses (1–6 below the horizon, 10–3 east)', () => {
    const d = chartDistribution(chart);
    const elementOf = (b: Body) => d.elements.find((c) => c.bodies.includes(b))!.key;
    const modalityOf = (b: Body) => d.modalities.find((c) => c.bodies.includes(b))!.key;
    const sun = chart.positions.find((p) => p.body === 'SUN')!; // 25° Capricorn
    expect([sun.sign, elementOf('SUN'), modalityOf('SUN')]).toEqual(['CAPRICORN', 'EARTH', 'CARDINAL']);
    const hemi = Object.fromEntries(d.hemispheres.map((c) => [c.key, c.bodies]));
    let checked = 0;
    for (const p of chart.positions.filter((x) => ANALYTIC_BODIES.includes(x.body))) {
      expect(hemi[p.house! <= 6 ? 'NORTHERN' : 'SOUTHERN']).toContain(p.body);
      expect(hemi[p.house! >= 10 || p.house! <= 3 ? 'EASTERN' : 'WESTERN']).toContain(p.body);
      checked++;
    }
    expect(checked).toBe(10);
  });

  it('no houses, no hemispheres', () => {
    expect(chartDistribution(computeChart({ moment: { utc: '1990-01-15T14:30:00Z' } })).hemispheres).toEqual([]);
  });
});
