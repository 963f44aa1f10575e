/**
 * The sky now: Moon phase, rise/transit/set, planetary hours, astrocartography lines and ephemeris
 * tables. Published values are cited; the rest are invariants a wrong implementation breaks.
 */
import { describe, expect, it } from 'vitest';
import { momentFromUtc } from '../../../src/ephemeris/time.js';
import { computePositions } from '../../../src/ephemeris/positions.js';
import { lunarPhaseName, moonPhase } from '../../../src/ephemeris/sky/moon-phase.js';
import { riseSet } from '../../../src/ephemeris/sky/rise-set.js';
import { CHALDEAN_ORDER, planetaryHours } from '../../../src/ephemeris/sky/planetary-hours.js';
import { astrocartography, greenwichSiderealDegrees, norm180 } from '../../../src/ephemeris/sky/astrocartography.js';
import { ephemerisRows, ephemerisTable, MAX_EPHEMERIS_ROWS, parseStep, validateEphemerisTable } from '../../../src/ephemeris/sky/ephemeris-table.js';

const at = (iso: string) => momentFromUtc(new Date(iso));
const DEG = Math.PI / 180;

describe('Moon phase', () => {
  it('age counts from the new Moon of 11 Jan 2024 11:57 UTC (USNO): one day later it is 1.00 d old, waxing crescent', () => {
    const p = moonPhase(at('2024-01-12T11:57:00Z'));
    expect(Math.abs(p.ageDays - 1)).toBeLessThan(2 / 1440);
    expect(p.phase).toBe('NEW_MOON'); // elongation ≈ 12°: within 22.5° of the new Moon
    const q = moonPhase(at('2024-01-16T00:00:00Z'));
    expect(q.phase).toBe('WAXING_CRESCENT');
    expect(q.ageDays).toBeCloseTo((Date.parse('2024-01-16T00:00:00Z') - Date.parse('2024-01-11T11:57:00Z')) / 86_400_000, 2);
  });

  it('full Moon of 25 Jan 2024 17:54 UTC (USNO): elongation 180°, phase angle near 0, fully lit, age ≈ 14.25 d', () => {
    const p = moonPhase(at('2024-01-25T17:54:00Z'));
    expect(Math.abs(p.elongation - 180)).toBeLessThan(0.05);
    expect(p.phase).toBe('FULL_MOON');
    expect(p.illumination).toBeGreaterThan(0.998);
    expect(p.phaseAngle).toBeLessThan(6); // the Moon's latitude keeps it from 0
    expect(p.ageDays).toBeCloseTo(14.247, 2);
  });

  it('octants of the elongation: names centred on the four principal phases', () => {
    expect([0, 22.4, 22.6, 90, 135, 180, 225, 270, 315, 337.4, 337.6].map(lunarPhaseName)).toEqual([
      'NEW_MOON', 'NEW_MOON', 'WAXING_CRESCENT', 'FIRST_QUARTER', 'WAXING_GIBBOUS', 'FULL_MOON', 'WANING_GIBBOUS', 'LAST_QUARTER', 'WANING_CRESCENT', 'WANING_CRESCENT', 'NEW_MOON',
    ]);
  });
});

describe('rise, transit, set', () => {
  it('the Sun\'s upper transit is local apparent noon: hour angle 0, i.e. its RA equals the local sidereal time', () => {
    const place = { latitude: 48.85, longitude: 2.35 };
    const r = riseSet('SUN', at('2024-03-20T00:00:00Z'), place);
    const t = r.transit!;
    const m = momentFromUtc(t);
    const sun = computePositions(m, ['SUN'], { center: 'GEOCENTRIC', zodiac: 'TROPICAL' })[0];
    const ha = norm180(greenwichSiderealDegrees(m) + place.longitude - sun.rightAscension);
    expect(Math.abs(ha) * 240).toBeLessThan(2); // seconds of time
    expect(r.rise!.getTime()).toBeLessThan(t.getTime());
    expect(r.set!.getTime()).toBeGreaterThan(t.getTime());
  });

  it('polar night at Longyearbyen: no sunrise within two days, one within the year; the Moon and planets are accepted, the nodes are not', () => {
    const svalbard = { latitude: 78.22, longitude: 15.65 };
    const short = riseSet('SUN', at('2024-12-21T12:00:00Z'), svalbard, '', 2);
    expect([short.rise, short.set]).toEqual([null, null]);
    expect(short.transit).not.toBeNull();
    const year = riseSet('SUN', at('2024-12-21T12:00:00Z'), svalbard);
    expect(year.rise!.getUTCMonth()).toBe(1); // the Sun returns in February
    expect(riseSet('MOON', at('2024-12-21T12:00:00Z'), { latitude: 51.5, longitude: 0 }).rise).not.toBeNull();
    expect(() => riseSet('MEAN_NODE', at('2024-12-21T12:00:00Z'), svalbard)).toThrowError(expect.objectContaining({ field: 'body' }));
  });
});

describe('planetary hours', () => {
  it('London, Friday 21 June 2024: 24 hours from sunrise (03:43 UTC) to the next sunrise, first hour Venus, first night hour Mars (Lilly\'s table), day hours longer than night hours', () => {
    const hours = planetaryHours('2024-06-21', { latitude: 51.5074, longitude: -0.1278 });
    expect(hours.length).toBe(24);
    expect(Math.abs(hours[0].start.getTime() - Date.parse('2024-06-21T03:43:00Z')) / 60_000).toBeLessThan(2);
    expect(Math.abs(hours[12].start.getTime() - Date.parse('2024-06-21T20:21:00Z')) / 60_000).toBeLessThan(2);
    expect(hours[0].ruler).toBe('VENUS');
    expect(hours[12].ruler).toBe('MARS');
    for (let i = 1; i < 24; i++) {
      expect(hours[i].start.getTime()).toBe(hours[i - 1].end.getTime());
      expect(hours[i].ruler).toBe(CHALDEAN_ORDER[(CHALDEAN_ORDER.indexOf(hours[i - 1].ruler) + 1) % 7]);
    }
    const day = hours[0].end.getTime() - hours[0].start.getTime();
    const night = hours[12].end.getTime() - hours[12].start.getTime();
    expect(day).toBeGreaterThan(night);
    // the 25th hour is Saturday's lord
    expect(CHALDEAN_ORDER[(CHALDEAN_ORDER.indexOf(hours[23].ruler) + 1) % 7]).toBe('SATURN');
  });

  it('each weekday starts with its lord and its night with the planet Lilly gives (Sun/Jupiter, Moon/Venus, Mars/Saturn, Mercury/Sun, Jupiter/Moon, Venus/Mars, Saturn/Mercury)', () => {
    const expected = [['SUN', 'JUPITER'], ['MOON', 'VENUS'], ['MARS', 'SATURN'], ['MERCURY', 'SUN'], ['JUPITER', 'MOON'], ['VENUS', 'MARS'], ['SATURN', 'MERCURY']];
    for (let k = 0; k < 7; k++) {
      const date = `2024-06-${String(16 + k).padStart(2, '0')}`; // 16 June 2024 is a Sunday
      const h = planetaryHours(date, { latitude: 40.71, longitude: -74.0 });
      expect([h[0].ruler, h[12].ruler]).toEqual(expected[k]);
    }
  });

  it('no sunrise in the polar day; a bad date names the field', () => {
    expect(() => planetaryHours('2024-06-21', { latitude: 78.22, longitude: 15.65 })).toThrowError(expect.objectContaining({ field: 'location.latitude' }));
    expect(() => planetaryHours('2024-02-30', { latitude: 0, longitude: 0 })).toThrowError(expect.objectContaining({ field: 'date' }));
    expect(() => planetaryHours('21/06/2024', { latitude: 0, longitude: 0 })).toThrowError(expect.objectContaining({ field: 'date' }));
  });
});

describe('astrocartography', () => {
  const moment = at('1990-01-15T14:30:00Z');
  const lines = astrocartography(moment);
  const gast = greenwichSiderealDegrees(moment);
  const eq = new Map(computePositions(moment, ['SUN', 'MOON', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO'], { center: 'GEOCENTRIC', zodiac: 'TROPICAL' }).map((p) => [p.body, p]));

  it('four lines per body; MC and IC meridians 180° apart; the body culminates on the MC line (hour angle 0)', () => {
    expect(lines.length).toBe(40);
    for (const b of eq.keys()) {
      const mc = lines.find((l) => l.body === b && l.angle === 'MC')!;
      const ic = lines.find((l) => l.body === b && l.angle === 'IC')!;
      expect(Math.abs(Math.abs(norm180(mc.longitude! - ic.longitude!)) - 180)).toBeLessThan(1e-9);
      expect(Math.abs(norm180(gast + mc.longitude! - eq.get(b)!.rightAscension))).toBeLessThan(1e-9);
    }
  });

  it('on every ASC/DSC point the body is on the horizon (altitude 0), rising east of the meridian on ASC and setting west on DSC; points are dense', () => {
    let checked = 0;
    for (const l of lines.filter((x) => x.angle === 'ASC' || x.angle === 'DSC')) {
      const p = eq.get(l.body)!;
      expect(l.points.length).toBeGreaterThan(150);
      for (let i = 0; i < l.points.length; i++) {
        const { latitude, longitude } = l.points[i];
        const ha = norm180(gast + longitude - p.rightAscension);
        const sinAlt = Math.sin(latitude * DEG) * Math.sin(p.declination * DEG) + Math.cos(latitude * DEG) * Math.cos(p.declination * DEG) * Math.cos(ha * DEG);
        if (!(Math.abs(sinAlt) < 1e-9)) throw new Error(`${l.body} ${l.angle} at ${latitude}, ${longitude}: sin(alt) ${sinAlt}`);
        if (Math.abs(latitude) < 89 - Math.abs(p.declination)) expect(Math.sign(ha)).toBe(l.angle === 'ASC' ? -1 : 1);
        if (i > 0) {
          expect(latitude - l.points[i - 1].latitude).toBeLessThanOrEqual(1 + 1e-9);
          expect(Math.abs(norm180(longitude - l.points[i - 1].longitude))).toBeLessThanOrEqual(1.5);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3000);
  });

  it('ASC and DSC meet at the limiting latitude 90° − |δ|', () => {
    const sun = eq.get('SUN')!; // δ ≈ −21°: the limits are ±69°
    const asc = lines.find((l) => l.body === 'SUN' && l.angle === 'ASC')!.points;
    const dsc = lines.find((l) => l.body === 'SUN' && l.angle === 'DSC')!.points;
    expect(asc.at(-1)!.latitude).toBeCloseTo(90 - Math.abs(sun.declination), 9);
    expect(asc.at(-1)!.longitude).toBeCloseTo(dsc.at(-1)!.longitude, 6);
    expect(asc[0].longitude).toBeCloseTo(dsc[0].longitude, 6);
    expect(() => astrocartography(moment, ['SUN', 'SUN'])).toThrowError(expect.objectContaining({ field: 'bodies' }));
  });
});

describe('ephemeris tables', () => {
  it('steps: "30m", "6h", "1d", "2w"; anything else is refused with the field', () => {
    expect([parseStep('30m'), parseStep('6h'), parseStep('1d'), parseStep('2w')]).toEqual([1_800_000, 21_600_000, 86_400_000, 1_209_600_000]);
    for (const bad of ['0d', '1y', '1.5d', '-1d', 'd', '1 d', '', '367d']) expect(() => parseStep(bad)).toThrowError(expect.objectContaining({ field: 'step' }));
  });

  it('rows at from + i × step up to `to`, each the chart module\'s positions', () => {
    const rows = ephemerisTable({ from: at('2024-01-01T00:00:00Z'), to: at('2024-01-03T00:00:00Z'), step: '12h', bodies: ['SUN', 'MOON'], zodiac: 'SIDEREAL', ayanamsa: 'LAHIRI' });
    expect(rows.map((r) => r.utc.toISOString())).toEqual(['2024-01-01T00:00:00.000Z', '2024-01-01T12:00:00.000Z', '2024-01-02T00:00:00.000Z', '2024-01-02T12:00:00.000Z', '2024-01-03T00:00:00.000Z']);
    const direct = computePositions(at('2024-01-02T12:00:00Z'), ['SUN', 'MOON'], { center: 'GEOCENTRIC', zodiac: 'SIDEREAL', ayanamsa: 'LAHIRI' });
    expect(rows[3].positions).toEqual(direct);
  });

  it('at most 10,000 rows, counted before any work; the generator is lazy', () => {
    const from = at('2000-01-01T00:00:00Z');
    const ok = validateEphemerisTable({ from, to: momentFromUtc(new Date(Date.parse('2000-01-01T00:00:00Z') + (MAX_EPHEMERIS_ROWS - 1) * 3_600_000)), step: '1h' });
    expect(ok.rows).toBe(MAX_EPHEMERIS_ROWS);
    expect(() => validateEphemerisTable({ from, to: momentFromUtc(new Date(Date.parse('2000-01-01T00:00:00Z') + MAX_EPHEMERIS_ROWS * 3_600_000)), step: '1h' }))
      .toThrowError(expect.objectContaining({ field: 'to' }));
    const it = ephemerisRows(ok);
    const first = it.next();
    expect(first.done).toBe(false);
    expect(first.value!.utc.toISOString()).toBe('2000-01-01T00:00:00.000Z');
    expect(() => validateEphemerisTable({ from, to: at('1999-01-01T00:00:00Z'), step: '1d' })).toThrowError(expect.objectContaining({ field: 'to' }));
    expect(() => validateEphemerisTable({ from, to: from, step: '1d', center: 'TOPOCENTRIC' })).toThrowError(expect.objectContaining({ field: 'location' }));
    expect(() => validateEphemerisTable({ from, to: from, step: '1d', center: 'HELIOCENTRIC', bodies: ['SUN'] })).toThrowError(expect.objectContaining({ field: 'bodies' }));
  });
});
