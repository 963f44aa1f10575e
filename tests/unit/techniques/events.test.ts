/**
 * Event searches: lunar phases against published times (USNO / NASA phase tables, 2024), Mercury's
 * 2024 stations and ingresses, void-of-course Moon; instants re-checked with the chart module.
 */
import { describe, expect, it } from 'vitest';
import { eclipses, ingresses, lunarPhases, stations, voidOfCourseMoon } from '../../../src/ephemeris/events/events.js';
import { computePositions } from '../../../src/ephemeris/positions.js';
import { momentFromUtc } from '../../../src/ephemeris/time.js';
import { separationDegrees, signedSeparationDegrees } from '../../../src/ephemeris/techniques/angles.js';
import type { Body } from '../../../src/ephemeris/types.js';

const pos = (body: Body, d: Date) => computePositions(momentFromUtc(d), [body], { center: 'GEOCENTRIC', zodiac: 'TROPICAL' })[0];
const y2024 = [new Date('2024-01-01T00:00:00Z'), new Date('2025-01-01T00:00:00Z')] as const;

describe('lunar phases', () => {
  const phases = lunarPhases(y2024[0], y2024[1]);

  it('January 2024: new Moon 11 Jan 11:57 UTC, full Moon 25 Jan 17:54 UTC (USNO), within 2 minutes', () => {
    const nm = phases.find((p) => p.phase === 'NEW_MOON')!;
    const fm = phases.find((p) => p.phase === 'FULL_MOON')!;
    expect(Math.abs(nm.utc.getTime() - Date.parse('2024-01-11T11:57:00Z'))).toBeLessThan(120_000);
    expect(Math.abs(fm.utc.getTime() - Date.parse('2024-01-25T17:54:00Z'))).toBeLessThan(120_000);
  });

  it('phases cycle in order, about 7.4 days apart, and Moon − Sun is 0/90/180/270° at each with the chart module positions (within 1″)', () => {
    expect(phases.length).toBeGreaterThanOrEqual(49);
    phases.forEach((p, i) => {
      const elong = (pos('MOON', p.utc).longitude - pos('SUN', p.utc).longitude + 360) % 360;
      expect(Math.abs(signedSeparationDegrees(elong, 90 * ['NEW_MOON', 'FIRST_QUARTER', 'FULL_MOON', 'LAST_QUARTER'].indexOf(p.phase))) * 3600).toBeLessThan(1);
      if (i > 0) {
        const gap = (p.utc.getTime() - phases[i - 1].utc.getTime()) / 86_400_000;
        expect(gap).toBeGreaterThan(6.5);
        expect(gap).toBeLessThan(8.5);
      }
    });
  });
});

describe('stations and ingresses of Mercury in 2024', () => {
  it('Mercury stations direct 2 Jan, retrograde 1 Apr 22:14 UTC and direct 25 Apr 12:54 UTC (published ephemerides), within 30 min', () => {
    const s = stations('MERCURY', y2024[0], y2024[1]);
    expect(s.map((x) => x.kind)).toEqual(['DIRECT', 'RETROGRADE', 'DIRECT', 'RETROGRADE', 'DIRECT', 'RETROGRADE', 'DIRECT']);
    expect(s[0].utc.toISOString().slice(0, 10)).toBe('2024-01-02');
    expect(Math.abs(s[1].utc.getTime() - Date.parse('2024-04-01T22:14:00Z'))).toBeLessThan(30 * 60_000);
    expect(Math.abs(s[2].utc.getTime() - Date.parse('2024-04-25T12:54:00Z'))).toBeLessThan(30 * 60_000);
    for (const x of s) {
      // speed changes sign across the station (checked with the chart module's speeds)
      const before = pos('MERCURY', new Date(x.utc.getTime() - 86_400_000)).longitudeSpeed;
      const after = pos('MERCURY', new Date(x.utc.getTime() + 86_400_000)).longitudeSpeed;
      expect(Math.sign(before)).toBe(x.kind === 'RETROGRADE' ? 1 : -1);
      expect(Math.sign(after)).toBe(x.kind === 'RETROGRADE' ? -1 : 1);
    }
  });

  it('ingresses include the retrograde return of Mercury from Virgo into Leo in August 2024; each at its boundary within 2″', () => {
    const ing = ingresses('MERCURY', y2024[0], y2024[1]);
    const back = ing.find((x) => x.retrograde && x.sign === 'LEO');
    expect(back?.utc.toISOString().slice(0, 7)).toBe('2024-08');
    for (const x of ing) expect(separationDegrees(pos('MERCURY', x.utc).longitude, x.longitude) * 3600).toBeLessThan(2);
  });

  it('the Sun and the Moon have no stations', () => {
    expect(stations('SUN', y2024[0], y2024[1])).toEqual([]);
    expect(stations('MOON', y2024[0], y2024[1])).toEqual([]);
    // Control: the same call finds Mars' two stations of its 2024–25 retrograde (6 Dec 2024, 24 Feb 2025).
    expect(stations('MARS', y2024[0], new Date('2025-03-01T00:00:00Z')).map((x) => x.utc.toISOString().slice(0, 10))).toEqual(['2024-12-06', '2025-02-24']);
  });
});

describe('void-of-course Moon', () => {
  it('each period starts at an exact Ptolemaic aspect (within 5″) and ends at the Moon\'s next ingress, with no exact aspect in between', () => {
    const periods = voidOfCourseMoon(new Date('2024-03-01T00:00:00Z'), new Date('2024-04-01T00:00:00Z'));
    expect(periods.length).toBeGreaterThan(10);
    const planets: Body[] = ['SUN', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO'];
    // Moon − planet at each exact Ptolemaic aspect, both sides (a sextile is at +60° and at −60°).
    const targets = [0, 60, -60, 90, -90, 120, -120, 180];
    /** (Moon − planet) − target, wrapped to [−180°, 180°): zero at the exact aspect (chart module positions). */
    const offAspect = (body: Body, d: Date, target: number) => signedSeparationDegrees(signedSeparationDegrees(pos('MOON', d).longitude, pos(body, d).longitude), target);
    const failures: string[] = [];
    for (const p of periods) {
      expect(p.endUtc.getTime()).toBeGreaterThanOrEqual(p.startUtc.getTime());
      const moonEnd = pos('MOON', p.endUtc).longitude;
      expect(Math.min(moonEnd % 30, 30 - (moonEnd % 30)) * 3600).toBeLessThan(2);
      // In March 2024 the Moon aspects some planet in every sign: a period without one is wrong.
      if (p.lastAspectBody === null || p.lastAspectAngle === null) {
        failures.push(`${p.startUtc.toISOString()}: no last aspect`);
        continue;
      }
      const err = Math.abs(separationDegrees(pos('MOON', p.startUtc).longitude, pos(p.lastAspectBody, p.startUtc).longitude) - p.lastAspectAngle) * 3600;
      if (!(err <= 5)) failures.push(`${p.startUtc.toISOString()} ${p.lastAspectBody} ${p.lastAspectAngle}: ${err}″ from exact`);
      // Void: from just after the start to the ingress, Moon − planet crosses no aspect angle. Sampled every
      // 3 hours (the Moon gains ≤ 2° on a planet in that time, so a crossing shows as a sign change of a
      // small value; the jump of ±180° on the far side of the target is not one).
      const t0 = p.startUtc.getTime() + 60_000, t1 = p.endUtc.getTime() - 60_000;
      for (const body of planets) {
        for (const target of targets) {
          let prev = offAspect(body, new Date(t0), target);
          for (let t = t0 + 3 * 3_600_000; ; t = Math.min(t + 3 * 3_600_000, t1)) {
            const cur = offAspect(body, new Date(t), target);
            if (Math.sign(cur) !== Math.sign(prev) && Math.abs(cur - prev) < 90) failures.push(`${p.startUtc.toISOString()}: exact ${target}° to ${body} at ≈ ${new Date(t).toISOString()} inside the void`);
            prev = cur;
            if (t >= t1) break;
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('rejects ranges over a year', () => {
    expect(() => voidOfCourseMoon(new Date('2024-01-01T00:00:00Z'), new Date('2025-06-01T00:00:00Z'))).toThrow(/longer than/);
  });
});

describe('hybrid solar eclipses', () => {
  // Espenak & Meeus, Five Millennium Canon of Solar Eclipses (NASA/TP-2006-214141) and NASA's
  // eclipse catalogue (eclipse.gsfc.nasa.gov): H = hybrid, T = total, A = annular. The hybrids are
  // total at greatest eclipse and annular near both ends of the central line; their neighbours of
  // the same years keep their types.
  const canon: [string, 'HYBRID' | 'TOTAL' | 'ANNULAR'][] = [
    ['2005-04-08', 'HYBRID'], ['2005-10-03', 'ANNULAR'], ['2006-03-29', 'TOTAL'],
    ['2012-11-13', 'TOTAL'], ['2013-05-10', 'ANNULAR'], ['2013-11-03', 'HYBRID'],
    ['2023-04-20', 'HYBRID'], ['2023-10-14', 'ANNULAR'], ['2024-04-08', 'TOTAL'],
    ['2030-11-25', 'TOTAL'], ['2031-05-21', 'ANNULAR'], ['2031-11-14', 'HYBRID'], ['2032-05-09', 'ANNULAR'],
  ];
  // 2014-04-29 (annular, non-central: only the antumbra's edge touched Antarctica) is not central.
  it.each([...canon, ['2014-04-29', 'ANNULAR'] as const])('%s is %s', (day, type) => {
    const from = new Date(`${day}T00:00:00Z`);
    const found = eclipses(from, new Date(from.getTime() + 86_400_000), 'SOLAR');
    expect(found.map((e) => e.maximumUtc.toISOString().slice(0, 10))).toEqual([day]);
    expect(found[0].type).toBe(type);
    expect(found[0].central).toBe(day !== '2014-04-29');
  });
});

describe('range validation', () => {
  it('rejects inverted, over-long and out-of-range searches with the field', () => {
    expect(() => eclipses(new Date('2024-01-01T00:00:00Z'), new Date('2023-01-01T00:00:00Z'))).toThrow(expect.objectContaining({ field: 'to' }));
    expect(() => lunarPhases(new Date('2024-01-01T00:00:00Z'), new Date('2030-01-02T00:00:00Z'))).toThrow(/longer than 5 years/);
    expect(() => ingresses('SUN', new Date('0999-06-01T00:00:00Z'), new Date('1000-06-01T00:00:00Z'))).toThrow(/outside/);
  });
});

describe('sidereal ingresses', () => {
  it('the Sun enters sidereal (Lahiri) Aries on 13 April 2024 (Mesha sankranti), at 0° sidereal within 2″', () => {
    const ing = ingresses('SUN', y2024[0], y2024[1], undefined, 'LAHIRI');
    const aries = ing.find((x) => x.sign === 'ARIES')!;
    expect(aries.utc.toISOString().slice(0, 10)).toBe('2024-04-13');
    const sid = computePositions(momentFromUtc(aries.utc), ['SUN'], { center: 'GEOCENTRIC', zodiac: 'SIDEREAL', ayanamsa: 'LAHIRI' })[0].longitude;
    expect(Math.min(sid, 360 - sid) * 3600).toBeLessThan(2);
  });
});

describe('events Moon = chart Moon', () => {
  it('bodyLongitude(MOON) agrees with computePositions within 0.5″ from 1810 to 2390', async () => {
    const { bodyLongitude } = await import('../../../src/ephemeris/events/body-longitude.js');
    for (const iso of ['1810-02-03T05:00:00Z', '1900-09-17T18:30:00Z', '1987-04-29T02:15:00Z', '2024-01-11T11:57:00Z', '2150-11-05T23:00:00Z', '2390-06-21T12:00:00Z']) {
      const d = new Date(iso);
      const events = bodyLongitude('MOON', momentFromUtc(d).julianDayUt);
      expect(Math.abs(signedSeparationDegrees(events, pos('MOON', d).longitude)) * 3600).toBeLessThan(0.5);
    }
  });
});

describe('station longitudes', () => {
  it('Mercury stations retrograde at 27°13′ Aries (1 Apr 2024) and direct at 15°58′ Aries (25 Apr 2024) (published ephemerides), within 1′', () => {
    const s = stations('MERCURY', new Date('2024-03-15T00:00:00Z'), new Date('2024-05-15T00:00:00Z'));
    expect(s.map((x) => [x.kind, x.sign])).toEqual([['RETROGRADE', 'ARIES'], ['DIRECT', 'ARIES']]);
    expect(Math.abs(s[0].longitude - (27 + 13 / 60)) * 60).toBeLessThan(1);
    expect(Math.abs(s[1].longitude - (15 + 58 / 60)) * 60).toBeLessThan(1);
    // and where the chart module puts Mercury at those instants (the station is flat: 1″ for hours)
    for (const x of s) expect(separationDegrees(pos('MERCURY', x.utc).longitude, x.longitude) * 3600).toBeLessThan(1);
  });
});
