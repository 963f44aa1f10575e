/**
 * Hellenistic time lords against worked examples from the cited sources. The numbers in the
 * expectations are typed from the sources, not from the code.
 */
import { describe, expect, it } from 'vitest';
import { momentFromUtc } from '../../../src/ephemeris/time.js';
import { anniversary, profectionAt, profections } from '../../../src/ephemeris/hellenistic/profections.js';
import { MAX_RELEASING_PERIODS, releasePeriods, zodiacalReleasing, type ReleasingPeriod } from '../../../src/ephemeris/hellenistic/zodiacal-releasing.js';
import { firdaria, firdariaPeriods, type FirdariaPeriod } from '../../../src/ephemeris/hellenistic/firdaria.js';
import { hellenisticNatal } from '../../../src/ephemeris/hellenistic/natal.js';
import { SIGNS } from '../../../src/ephemeris/types.js';

const DAY_MS = 86_400_000;
const at = (iso: string) => momentFromUtc(new Date(iso));
/** |a − b| in days, NaN-safe (NaN compares false). */
const days = (a: Date | undefined, iso: string) => Math.abs((a?.getTime() ?? Number.NaN) - Date.parse(iso)) / DAY_MS;

describe('annual and monthly profections', () => {
  it('"the ages of 12, 24, 36, 48, 60 and 72" are first-house years (yourtango.com, First House Profection Years)', () => {
    const birth = new Date('1980-05-17T08:00:00Z');
    const ascendant = 100; // Cancer
    for (const age of [12, 24, 36, 48, 60, 72]) {
      const p = profectionAt(ascendant, birth, new Date(anniversary(birth, age).getTime() + 100 * DAY_MS));
      expect([p.age, p.profectedHouse, p.profectedSign]).toEqual([age, 1, 'CANCER']);
      expect(p.lordOfYear).toBe('MOON');
    }
  });

  it('"on my 40th birthday, I entered a 5th house year … Libra … Venus as the lord" (Cassandra Tyndall, "Profections, birthdays and changes in direction"; Libra on the 5th whole-sign house puts Gemini rising)', () => {
    const birth = new Date('1977-07-10T03:00:00Z');
    const p = profectionAt(75 /* 15° Gemini */, birth, new Date('2017-07-10T03:00:00Z'));
    expect(p.age).toBe(40);
    expect(p.profectedHouse).toBe(5);
    expect(p.profectedSign).toBe('LIBRA');
    expect(p.lordOfYear).toBe('VENUS');
    // the year runs from the 40th to the 41st birthday
    expect(p.yearStart.toISOString()).toBe('2017-07-10T03:00:00.000Z');
    expect(p.yearEnd.toISOString()).toBe('2018-07-10T03:00:00.000Z');
    // the instant before the 40th birthday is still in the 4th house (Virgo, Mercury)
    const before = profectionAt(75, birth, new Date('2017-07-10T02:59:59Z'));
    expect([before.age, before.profectedSign, before.lordOfYear]).toEqual([39, 'VIRGO', 'MERCURY']);
  });

  it('monthly profections: twelve equal months from the birthday, one sign each, traditional rulers', () => {
    const birth = new Date('2001-03-01T00:00:00Z');
    const p = profectionAt(215 /* Scorpio */, birth, new Date('2031-03-01T00:00:00Z'));
    expect([p.age, p.profectedHouse, p.profectedSign, p.lordOfYear]).toEqual([30, 7, 'TAURUS', 'VENUS']); // 30 = 2×12 + 6 → 7th sign from Scorpio
    expect([p.month, p.monthSign, p.lordOfMonth]).toEqual([1, 'TAURUS', 'VENUS']);
    const late = profectionAt(215, birth, new Date('2032-02-20T00:00:00Z'));
    expect([late.month, late.monthSign, late.lordOfMonth]).toEqual([12, 'ARIES', 'MARS']);
    expect(late.monthEnd.getTime()).toBe(late.yearEnd.getTime());
  });

  it('a chart request needs a place; `at` before the birth is refused', () => {
    expect(() => profections({ moment: { utc: '1990-01-01T00:00:00Z' } }, at('2000-01-01T00:00:00Z'))).toThrowError(expect.objectContaining({ field: 'natal.location', message: expect.stringMatching(/birth place/) as unknown }));
    const natal = { moment: { utc: '1990-01-01T00:00:00Z' }, location: { latitude: 51.5, longitude: 0 } };
    expect(() => profections(natal, at('1980-01-01T00:00:00Z'))).toThrowError(expect.objectContaining({ field: 'at' }));
  });
});

describe('zodiacal releasing', () => {
  // windsoftheplanets.com, "Zodiacal Releasing – part 3" (15 Aug 2016), "Person A" (the emperor who
  // spoke on 8 August 2016 of abdicating): Lot of Fortune in Libra, released from the Lot of
  // Spirit in Pisces. Birth data (not in the article): Akihito, 23 December 1933, 06:39 JST, Tokyo
  // (public record). The article's end dates are inclusive days; our `end` is the next period's start.
  const natal = { moment: { utc: '1933-12-22T21:39:00Z' }, location: { latitude: 35.685, longitude: 139.753 } };

  it('the chart has the article\'s lots: Fortune in Libra, Spirit in Pisces (night chart)', () => {
    const c = hellenisticNatal(natal);
    expect(c.dayChart).toBe(false);
    expect(SIGNS[Math.floor(c.fortune / 30)]).toBe('LIBRA');
    expect(SIGNS[Math.floor(c.spirit / 30)]).toBe('PISCES');
  });

  it('Level 1 Leo 28 Oct 2012 – 21 July 2031; Level 2 Libra 11 Jan – 6 Sept 2016 then Scorpio 7 Sept 2016 – 1 Dec 2017; Level 3 Aquarius 14 June – 27 Aug 2016; Level 4 on 8 Aug 2016 Scorpio', () => {
    const periods = zodiacalReleasing(natal, { lot: 'SPIRIT', levels: 4, from: at('2016-08-08T06:00:00Z'), to: at('2016-08-08T06:00:00Z') });
    const byLevel = (l: number) => periods.find((p) => p.level === l);
    const l1 = byLevel(1)!;
    expect(l1.sign).toBe('LEO');
    expect(days(l1.start, '2012-10-28T12:00:00Z')).toBeLessThanOrEqual(1);
    expect(days(l1.end, '2031-07-22T12:00:00Z')).toBeLessThanOrEqual(1);
    const l2 = byLevel(2)!;
    expect(l2.sign).toBe('LIBRA');
    expect(days(l2.start, '2016-01-11T12:00:00Z')).toBeLessThanOrEqual(1);
    expect(days(l2.end, '2016-09-07T12:00:00Z')).toBeLessThanOrEqual(1);
    const l3 = byLevel(3)!;
    expect(l3.sign).toBe('AQUARIUS');
    expect(days(l3.start, '2016-06-14T12:00:00Z')).toBeLessThanOrEqual(1);
    expect(days(l3.end, '2016-08-28T12:00:00Z')).toBeLessThanOrEqual(1);
    // Level 4 Scorpio comes only after the loosing of the bond (Aquarius … Capricorn, then Leo)
    expect(byLevel(4)!.sign).toBe('SCORPIO');
    expect(periods.map((p) => p.level)).toEqual([1, 2, 3, 4]);
  });

  it('Scorpio follows Libra at level 2 (7 Sept 2016 – 1 Dec 2017), and the article\'s peak/completion labels from Fortune in Libra', () => {
    const periods = zodiacalReleasing(natal, { lot: 'SPIRIT', levels: 2, from: at('2016-01-12T00:00:00Z'), to: at('2017-11-30T00:00:00Z') });
    const l2 = periods.filter((p) => p.level === 2);
    expect(l2.map((p) => p.sign)).toEqual(['LIBRA', 'SCORPIO']);
    expect(days(l2[1].start, '2016-09-07T12:00:00Z')).toBeLessThanOrEqual(1);
    expect(days(l2[1].end, '2017-12-02T12:00:00Z')).toBeLessThanOrEqual(1);
    // "Libra = peak", "Leo = completion (one after Cancer)", "Scorpio = completion (one after Libra)"
    const leo = periods.find((p) => p.level === 1)!;
    expect([leo.houseFromFortune, leo.peak]).toEqual([11, false]);
    expect([l2[0].houseFromFortune, l2[0].peak]).toEqual([1, true]);
    expect([l2[1].houseFromFortune, l2[1].peak]).toEqual([2, false]);
  });

  it('loosing of the bond: Capricorn and Aquarius loose to Cancer and Leo, Gemini and Virgo to Sagittarius and Pisces; short periods never loose (astrology-x-files.com, "Loose bond setting", after Valens)', () => {
    const cases: [number, string][] = [[9, 'CANCER'], [10, 'LEO'], [2, 'SAGITTARIUS'], [5, 'PISCES']];
    for (const [l1Sign, expected] of cases) {
      const all = releasePeriods('SPIRIT', l1Sign, 0, 0, 2, 0, 30 * 360 * DAY_MS, 360);
      const l1 = all[0];
      const subs = all.filter((p) => p.level === 2 && p.path[0] === l1.sign);
      expect(subs.length).toBeGreaterThan(12);
      const loosed = subs.filter((p) => p.loosingOfTheBond);
      expect(loosed.map((p) => p.sign)).toEqual([expected]);
      expect(subs.indexOf(loosed[0])).toBe(12);
      // the loosing comes after one full round: 211 months of 30 days
      expect(loosed[0].start.getTime() - l1.start.getTime()).toBe(211 * 30 * DAY_MS);
    }
    const aries = releasePeriods('SPIRIT', 0, 0, 0, 2, 0, 15 * 360 * DAY_MS - 1, 360).filter((p) => p.level === 2 && p.path[0] === 'ARIES');
    expect(aries.length).toBeGreaterThan(0);
    expect(aries.some((p) => p.loosingOfTheBond)).toBe(false);
    // 15 years = 180 months: the tenth sub-period (Aquarius, 30 months) is cut off after 11 months
    expect(aries.map((p) => p.sign).slice(-1)).toEqual(['AQUARIUS']);
    expect((aries.at(-1)!.end.getTime() - aries.at(-1)!.start.getTime()) / DAY_MS).toBe(11 * 30);
  });

  it('levels are nested, contiguous and in time order; the output is bounded', () => {
    const periods = zodiacalReleasing(natal, { lot: 'FORTUNE', levels: 3, from: at('1990-01-01T00:00:00Z'), to: at('1995-01-01T00:00:00Z') });
    expect(periods.length).toBeGreaterThan(20);
    for (let i = 1; i < periods.length; i++) expect(periods[i].start.getTime()).toBeGreaterThanOrEqual(periods[i - 1].start.getTime());
    const l2: ReleasingPeriod[] = periods.filter((p) => p.level === 2);
    for (let i = 1; i < l2.length; i++) expect(l2[i].start.getTime()).toBe(l2[i - 1].end.getTime());
    expect(() => zodiacalReleasing(natal, { lot: 'SPIRIT', levels: 4, from: at('1934-01-01T00:00:00Z'), to: at('2030-01-01T00:00:00Z') }))
      .toThrow(new RegExp(String(MAX_RELEASING_PERIODS)));
    expect(() => zodiacalReleasing(natal, { lot: 'SPIRIT', levels: 5 })).toThrowError(expect.objectContaining({ field: 'levels' }));
  });
});

describe('firdaria', () => {
  // "Firdariyyat table" (scribd.com/document/390734932, following Abu Ma'shar with the nodes at the
  // end of both sequences): ages in years, truncated to three decimals in the table (the
  // truncation accumulates to 0.003 year over seven sub-periods, hence the 0.005-year tolerance).
  const YEAR_DAYS = 365.25;
  const TOLERANCE_YEARS = 0.005;
  const birth = new Date('1950-08-01T12:00:00Z');
  const age = (d: Date) => (d.getTime() - birth.getTime()) / (YEAR_DAYS * DAY_MS);
  const expectAges = (periods: FirdariaPeriod[], rows: [number, string, string, number, number][]) => {
    expect(rows.length).toBeGreaterThan(0);
    for (const [level, major, lord, from, to] of rows) {
      const p = periods.find((q) => q.level === level && q.majorLord === major && q.lord === lord);
      expect(p, `${major}/${lord}`).toBeDefined();
      if (!(Math.abs(age(p!.start) - from) <= TOLERANCE_YEARS) || !(Math.abs(age(p!.end) - to) <= TOLERANCE_YEARS)) {
        throw new Error(`${major}/${lord}: ${age(p!.start)}–${age(p!.end)} vs ${from}–${to}`);
      }
    }
  };

  it('diurnal: Sun 0–10 (Sun, Venus, Mercury, Moon, Saturn, Jupiter, Mars sub-periods of 1.428), Venus 10–18, Mercury 18–31', () => {
    const p = firdariaPeriods(birth, true);
    expect(p.filter((q) => q.level === 1).map((q) => q.lord)).toEqual(['SUN', 'VENUS', 'MERCURY', 'MOON', 'SATURN', 'JUPITER', 'MARS', 'NORTH_NODE', 'SOUTH_NODE']);
    expectAges(p, [
      [1, 'SUN', 'SUN', 0, 10], [2, 'SUN', 'SUN', 0, 1.428], [2, 'SUN', 'VENUS', 1.428, 2.856], [2, 'SUN', 'MERCURY', 2.856, 4.284],
      [2, 'SUN', 'MOON', 4.284, 5.712], [2, 'SUN', 'SATURN', 5.712, 7.14], [2, 'SUN', 'JUPITER', 7.14, 8.568], [2, 'SUN', 'MARS', 8.568, 10],
      [1, 'VENUS', 'VENUS', 10, 18], [2, 'VENUS', 'VENUS', 10, 11.143], [2, 'VENUS', 'MERCURY', 11.143, 12.286], [2, 'VENUS', 'MOON', 12.286, 13.429],
      [2, 'VENUS', 'SATURN', 13.429, 14.572], [2, 'VENUS', 'JUPITER', 14.572, 15.715], [2, 'VENUS', 'MARS', 15.715, 16.858], [2, 'VENUS', 'SUN', 16.858, 18],
      [1, 'MERCURY', 'MERCURY', 18, 31], [2, 'MERCURY', 'MERCURY', 18, 19.857], [2, 'MERCURY', 'MOON', 19.857, 21.714],
      [2, 'MERCURY', 'SATURN', 21.714, 23.571], [2, 'MERCURY', 'JUPITER', 23.571, 25.428], [2, 'MERCURY', 'MARS', 25.428, 27.285], [2, 'MERCURY', 'SUN', 27.285, 29.142],
    ]);
  });

  it('nocturnal: Moon 0–9 (Moon, Saturn, Jupiter, Mars, Sun, Venus, Mercury of 1.286), Saturn 9–20, Jupiter 20–32', () => {
    const p = firdariaPeriods(birth, false);
    expectAges(p, [
      [1, 'MOON', 'MOON', 0, 9], [2, 'MOON', 'MOON', 0, 1.286], [2, 'MOON', 'SATURN', 1.286, 2.572], [2, 'MOON', 'JUPITER', 2.572, 3.858],
      [2, 'MOON', 'MARS', 3.858, 5.144], [2, 'MOON', 'SUN', 5.144, 6.43], [2, 'MOON', 'VENUS', 6.43, 7.716], [2, 'MOON', 'MERCURY', 7.716, 9],
      [1, 'SATURN', 'SATURN', 9, 20], [2, 'SATURN', 'SATURN', 9, 10.571], [2, 'SATURN', 'JUPITER', 10.571, 12.142], [2, 'SATURN', 'MARS', 12.142, 13.713],
      [2, 'SATURN', 'SUN', 13.713, 15.284], [2, 'SATURN', 'VENUS', 15.284, 16.855], [2, 'SATURN', 'MERCURY', 16.855, 18.426], [2, 'SATURN', 'MOON', 18.426, 20],
      [1, 'JUPITER', 'JUPITER', 20, 32], [2, 'JUPITER', 'JUPITER', 20, 21.714], [2, 'JUPITER', 'MARS', 21.714, 23.428], [2, 'JUPITER', 'SUN', 23.428, 25.142],
    ]);
    // Abu Ma'shar puts the nodes at the end of the nocturnal sequence too
    expect(p.filter((q) => q.level === 1).map((q) => q.lord).slice(-2)).toEqual(['NORTH_NODE', 'SOUTH_NODE']);
  });

  it('the table\'s date example: a diurnal birth on 1 August 1950 ends its Sun–Sun sub-period about 5 January 1952 (1 year, 5 months, 4 days)', () => {
    const sunSun = firdariaPeriods(birth, true).find((q) => q.level === 2 && q.lord === 'SUN')!;
    expect(days(sunSun.end, '1952-01-05T12:00:00Z')).toBeLessThanOrEqual(1);
  });

  it('the nodes after Mars in the nocturnal sequence for the BONATTI variant ("later astrologers … put the Nodes after Mars"); no sub-periods for the nodes; 75 years in all', () => {
    const bonatti = firdariaPeriods(birth, false, 'BONATTI');
    expect(bonatti.filter((q) => q.level === 1).map((q) => q.lord)).toEqual(['MOON', 'SATURN', 'JUPITER', 'MARS', 'NORTH_NODE', 'SOUTH_NODE', 'SUN', 'VENUS', 'MERCURY']);
    expect(bonatti.filter((q) => q.level === 2 && (q.majorLord === 'NORTH_NODE' || q.majorLord === 'SOUTH_NODE'))).toEqual([]);
    expect(age(bonatti.at(-1)!.end)).toBeCloseTo(75, 9);
    // the diurnal sequence is the same in both variants
    expect(firdariaPeriods(birth, true, 'BONATTI')).toEqual(firdariaPeriods(birth, true, 'ABU_MASHAR'));
  });

  it('sect from the chart: born at noon → the Sun sequence, at midnight → the Moon sequence', () => {
    const place = { latitude: 48.85, longitude: 2.35 };
    expect(firdaria({ moment: { utc: '1990-06-21T12:00:00Z' }, location: place })[0].lord).toBe('SUN');
    expect(firdaria({ moment: { utc: '1990-06-21T00:00:00Z' }, location: place })[0].lord).toBe('MOON');
    expect(() => firdaria({ moment: { utc: '1990-06-21T00:00:00Z' }, location: place }, 'LILLY' as never)).toThrowError(expect.objectContaining({ field: 'variant' }));
  });
});
