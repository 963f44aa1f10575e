import { describe, expect, it } from 'vitest';
import { OutOfRangeError, ValidationError } from '../../src/errors.js';
import { chartRequestKey, computeChart, computeChartHouses, DEFAULT_BODIES, validateChartRequest, type ChartRequest } from '../../src/ephemeris/index.js';

const moment = { utc: '1990-01-15T14:30:00Z' };
const london = { latitude: 51.5074, longitude: -0.1278 };

function fieldOf(req: ChartRequest): string {
  try {
    computeChart(req);
  } catch (e) {
    if (e instanceof ValidationError) return e.field;
    throw e;
  }
  throw new Error('expected a ValidationError');
}

describe('computeChart', () => {
  it('computes the default chart: default bodies once each, Placidus houses, house numbers, aspects with angles', () => {
    const chart = computeChart({ moment, location: london });
    expect(chart.positions.map((p) => p.body)).toEqual([...DEFAULT_BODIES]);
    expect(chart.houses?.system).toBe('PLACIDUS');
    expect(chart.houses?.cusps).toHaveLength(12);
    for (const p of chart.positions) {
      expect(p.house).toBeGreaterThanOrEqual(1);
      expect(p.house).toBeLessThanOrEqual(12);
      expect(p.longitude).toBeGreaterThanOrEqual(0);
      expect(p.longitude).toBeLessThan(360);
      expect(p.signLongitude).toBeCloseTo(p.longitude - 30 * Math.floor(p.longitude / 30), 9);
      expect(p.retrograde).toBe(p.longitudeSpeed < 0);
    }
    // Sun on 1990-01-15 is at 25° Capricorn (Swiss Ephemeris: 294.9°), and the Moon's node retrogrades.
    const sun = chart.positions.find((p) => p.body === 'SUN')!;
    expect(sun.sign).toBe('CAPRICORN');
    expect(sun.longitude).toBeGreaterThan(294.5);
    expect(sun.longitude).toBeLessThan(295.5);
    expect(chart.positions.find((p) => p.body === 'MEAN_NODE')!.retrograde).toBe(true);
    expect(chart.aspects.length).toBeGreaterThan(0);
    expect(chart.aspects.some((a) => a.first === 'ASCENDANT' || a.second === 'ASCENDANT' || a.first === 'MIDHEAVEN' || a.second === 'MIDHEAVEN')).toBe(true);
    expect(chart.moment.julianDayUt).toBeCloseTo(2447907.1042, 4);
  });

  it('has no houses and no house numbers without a location', () => {
    const chart = computeChart({ moment, bodies: ['SUN', 'MOON'] });
    expect(chart.houses).toBeNull();
    expect(chart.positions.every((p) => p.house === null)).toBe(true);
    expect(() => computeChartHouses({ moment })).toThrow(ValidationError);
  });

  it('the south node is opposite the mean node', () => {
    const [n, s] = computeChart({ moment, bodies: ['MEAN_NODE', 'SOUTH_NODE'] }).positions;
    expect(Math.abs(((s.longitude - n.longitude + 360) % 360) - 180)).toBeLessThan(1e-9);
  });

  it('casts a chart from an aircraft in flight (elevation up to 20,000 m): the Moon\'s parallax grows with the height', () => {
    const moon = (location: ChartRequest['location'], center: ChartRequest['center']) =>
      computeChart({ moment, location, center, bodies: ['MOON'] }).positions[0].longitude;
    const geocentric = moon(london, 'GEOCENTRIC');
    const ground = moon(london, 'TOPOCENTRIC');
    const cruise = moon({ ...london, elevationMeters: 11_000 }, 'TOPOCENTRIC');
    // The parallax is proportional to the observer's distance from the Earth's centre: 11 km more
    // on ~6,365 km (WGS84 radius at 51.5° N) adds 0.173 % of it (0.85″ of 493″ here).
    const expected = (ground - geocentric) * (11 / 6365);
    expect(Math.abs(cruise - ground - expected)).toBeLessThan(Math.abs(expected) * 0.05);
  });

  it('heliocentric defaults drop the Sun and the lunar points', () => {
    const chart = computeChart({ moment, center: 'HELIOCENTRIC' });
    expect(chart.positions.map((p) => p.body)).not.toContain('SUN');
    expect(chart.positions.map((p) => p.body)).not.toContain('MEAN_NODE');
    expect(chart.positions.map((p) => p.body)).toContain('MOON');
  });

  it('names the offending field', () => {
    expect(fieldOf({ moment, location: { latitude: 95, longitude: 0 } })).toBe('location.latitude');
    expect(fieldOf({ moment, location: { latitude: 0, longitude: 181 } })).toBe('location.longitude');
    expect(fieldOf({ moment, location: { latitude: 0, longitude: 0, elevationMeters: 1e6 } })).toBe('location.elevationMeters');
    expect(fieldOf({ moment, location: { latitude: 0, longitude: 0, elevationMeters: 20_001 } })).toBe('location.elevationMeters');
    expect(fieldOf({ moment, location: { latitude: 0, longitude: 0, elevationMeters: -501 } })).toBe('location.elevationMeters');
    expect(fieldOf({ moment, bodies: [] })).toBe('bodies');
    expect(fieldOf({ moment, bodies: ['SUN', 'MOON', 'SUN'] })).toBe('bodies.2');
    expect(fieldOf({ moment, bodies: ['SUN', 'NIBIRU' as never] })).toBe('bodies');
    expect(fieldOf({ moment, zodiac: 'SIDEREAL' })).toBe('ayanamsa');
    expect(fieldOf({ moment, center: 'TOPOCENTRIC' })).toBe('location');
    expect(fieldOf({ moment, center: 'HELIOCENTRIC', bodies: ['SUN'] })).toBe('bodies');
    expect(fieldOf({ moment, houseSystem: 'NOPE' as never })).toBe('houseSystem');
    expect(fieldOf({ moment: { localDateTime: '1990-01-15T14:30:00', timeZone: 'Nowhere/Land' } })).toBe('moment.timeZone');
    expect(fieldOf({ moment, aspects: { orbMultiplier: 99 } })).toBe('aspects.orbMultiplier');
    expect(() => computeChart({ moment: { utc: '0900-01-01T00:00:00Z' } })).toThrow(OutOfRangeError);
  });
});

describe('chartRequestKey', () => {
  it('is JSON.stringify of the valid request, for defaults, options, sidereal, heliocentric, places and no location', () => {
    const place = { id: '2820256', name: 'Ulm', countryCode: 'DE', admin1: null, latitude: 48.39841, longitude: 9.99155, elevationMeters: 480, population: 120451, timeZone: 'Europe/Berlin' };
    const requests: ChartRequest[] = [
      { moment: { utc: '2024-01-01T12:00:00Z' }, location: { latitude: 40.7128, longitude: -74.006 } },
      { moment: { utc: '2024-01-01T12:00:00Z' } },
      { moment: { localDateTime: '1879-03-14T11:30:00', timeZone: 'Europe/Berlin' }, location: { latitude: 48.39841, longitude: 9.99155, elevationMeters: 480, timeZone: 'Europe/Berlin', resolvedPlace: place } },
      { moment: { utc: '2024-01-01T12:00:00Z' }, zodiac: 'SIDEREAL', ayanamsa: 'LAHIRI', houseSystem: 'WHOLE_SIGN', bodies: ['MOON', 'SUN'] },
      { moment: { utc: '2024-01-01T12:00:00Z' }, center: 'HELIOCENTRIC' },
      { moment: { utc: '2024-01-01T12:00:00Z' }, aspects: { types: ['TRINE', 'CONJUNCTION'], orbMultiplier: 0.5 } },
    ];
    for (const r of requests) {
      const valid = validateChartRequest(r);
      expect(chartRequestKey(valid)).toBe(JSON.stringify(valid));
    }
  });
});
