import { describe, expect, it } from 'vitest';
import { CalculationError, ValidationError } from '../../src/errors.js';
import { Astronomy, astroTimeFromJdUt, guardAstronomy } from '../../src/ephemeris/astro.js';
import { C_AU_PER_DAY } from '../../src/ephemeris/frames.js';
import { computePositions, momentFromUtc, resolveMoment } from '../../src/ephemeris/index.js';
import { moonLongitudeCorrectionDeg } from '../../src/ephemeris/planets.js';
import { angleDiffArcsec } from '../helpers/angles.js';

const geo = { center: 'GEOCENTRIC', zodiac: 'TROPICAL' } as const;

describe('computePositions', () => {
  it('flags Mercury retrograde inside its 2021-01-30…2021-02-21 station-to-station interval, direct outside', () => {
    const at = (iso: string) => computePositions(momentFromUtc(new Date(iso)), ['MERCURY'], geo)[0];
    expect(at('2021-02-10T00:00:00Z').retrograde).toBe(true);
    expect(at('2021-02-10T00:00:00Z').longitudeSpeed).toBeLessThan(0);
    expect(at('2021-01-15T00:00:00Z').retrograde).toBe(false);
    expect(at('2021-03-10T00:00:00Z').retrograde).toBe(false);
  });

  it('puts the Sun at 0° Aries at the March equinox 2000 (2000-03-20T07:35Z)', () => {
    const sun = computePositions(resolveMoment({ utc: '2000-03-20T07:35:00Z' }), ['SUN'], geo)[0];
    const fromAries = ((sun.longitude + 180) % 360) - 180;
    expect(Math.abs(fromAries) * 3600).toBeLessThan(60); // within a minute of arc (≈ 24 min of time)
    expect(Math.abs(sun.declination)).toBeLessThan(0.02);
    expect(sun.sign === 'ARIES' || sun.sign === 'PISCES').toBe(true);
  });

  it('sidereal longitude = tropical − true ayanamsa; RA/Dec do not change', () => {
    const m = momentFromUtc(new Date('1990-01-15T14:30:00Z'));
    const [t] = computePositions(m, ['MOON'], geo);
    const [s] = computePositions(m, ['MOON'], { center: 'GEOCENTRIC', zodiac: 'SIDEREAL', ayanamsa: 'LAHIRI' });
    const diff = (t.longitude - s.longitude + 360) % 360;
    expect(diff).toBeGreaterThan(23.6);
    expect(diff).toBeLessThan(23.8); // Lahiri ≈ 23°43′ in 1990
    expect(s.rightAscension).toBe(t.rightAscension);
    expect(s.declination).toBe(t.declination);
  });

  it('the topocentric Moon differs from the geocentric by up to the horizontal parallax (≈ 1°)', () => {
    const m = momentFromUtc(new Date('2024-06-01T00:00:00Z'));
    const [g] = computePositions(m, ['MOON'], geo);
    const [t] = computePositions(m, ['MOON'], { center: 'TOPOCENTRIC', zodiac: 'TROPICAL', location: { latitude: 48.85, longitude: 2.35, elevationMeters: 35 } });
    const sep = Math.hypot((g.longitude - t.longitude) * Math.cos((g.latitude * Math.PI) / 180), g.latitude - t.latitude);
    expect(sep).toBeGreaterThan(0.05);
    expect(sep).toBeLessThan(1.1);
  });

  it('refuses missing options with the field name', () => {
    const m = momentFromUtc(new Date('2000-01-01T00:00:00Z'));
    expect(() => computePositions(m, ['SUN'], { center: 'TOPOCENTRIC', zodiac: 'TROPICAL' })).toThrow(ValidationError);
    expect(() => computePositions(m, ['SUN'], { center: 'GEOCENTRIC', zodiac: 'SIDEREAL' })).toThrow(ValidationError);
    expect(() => computePositions(m, ['SUN'], { center: 'HELIOCENTRIC', zodiac: 'TROPICAL' })).toThrow(ValidationError);
  });
});

describe('guardAstronomy', () => {
  it('turns a thrown string into a CalculationError with the string as message and cause', () => {
    try {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- astronomy-engine throws strings; this is one
      guardAstronomy('test', () => { throw 'Invalid body'; });
      throw new Error('not thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(CalculationError);
      expect((e as Error).message).toBe('test: Invalid body');
      expect(((e as Error).cause as Error).message).toBe('Invalid body');
    }
  });
  it('lets domain errors through unchanged', () => {
    const v = new ValidationError('bodies', 'x');
    expect(() => guardAstronomy('test', () => { throw v; })).toThrow(v);
  });
});

describe('moonLongitudeCorrectionDeg (for fast searches on EclipticGeoMoon)', () => {
  it('matches the longitude difference between computePositions and raw EclipticGeoMoon (+ light-time) to < 0.2″', () => {
    for (const iso of ['1805-06-01T00:00:00Z', '1950-01-01T00:00:00Z', '2100-07-01T00:00:00Z', '2390-03-15T12:00:00Z']) {
      const m = momentFromUtc(new Date(iso));
      const t = astroTimeFromJdUt(m.julianDayUt);
      const [moon] = computePositions(m, ['MOON'], geo);
      const lightTimeDeg = moon.longitudeSpeed * (moon.distanceAu / C_AU_PER_DAY);
      const raw = Astronomy.EclipticGeoMoon(t).lon + moonLongitudeCorrectionDeg(t) - lightTimeDeg;
      expect(angleDiffArcsec(moon.longitude, raw)).toBeLessThan(0.2);
    }
  });
});
