/**
 * Topocentric positions against Swiss Ephemeris 2.10 with DE431 (tests/reference/topocentric.json,
 * 60 places and instants 1800–2399): longitude, latitude and true distance. Bounds: topocentric
 * Moon 1.5″; the Sun and Mars keep their geocentric bounds (0.5″, 1″); distances within 2 ppm or
 * the reference's rounding (1.5·10⁻⁷ AU).
 */
import { describe, expect, it } from 'vitest';
import { computePositions } from '../../src/ephemeris/positions.js';
import { momentFromJulianDayUt } from '../../src/ephemeris/time.js';
import type { Body } from '../../src/ephemeris/types.js';
import { angleDiffArcsec } from '../helpers/angles.js';
import reference from './topocentric.json' with { type: 'json' };
import { distanceBoundAu, within, worse } from './worst.js';

interface RefBody { longitude: number; latitude: number; distanceAu: number }
interface RefCase { utc: string; jdUt: number; latitude: number; longitude: number; elevationM: number; bodies: Record<string, RefBody> }
const cases = (reference as unknown as { cases: RefCase[] }).cases;

const BOUNDS_ARCSEC: Record<string, number> = { MOON: 1.5, SUN: 0.5, MARS: 1 };
const BODY_LIST = Object.keys(BOUNDS_ARCSEC) as Body[];

describe('topocentric positions against Swiss Ephemeris 2.10, 60 places and instants', () => {
  const worst: Record<string, { lon: number; lat: number; distKm: number; distExcess: number }> = {};
  for (const b of BODY_LIST) worst[b] = { lon: 0, lat: 0, distKm: 0, distExcess: 0 };
  for (const c of cases) {
    const location = { latitude: c.latitude, longitude: c.longitude, elevationMeters: c.elevationM };
    const positions = computePositions(momentFromJulianDayUt(c.jdUt), BODY_LIST, { center: 'TOPOCENTRIC', location, zodiac: 'TROPICAL' });
    for (const p of positions) {
      const r = c.bodies[p.body];
      const w = worst[p.body];
      w.lon = worse(w.lon, angleDiffArcsec(p.longitude, r.longitude));
      w.lat = worse(w.lat, Math.abs(p.latitude - r.latitude) * 3600);
      const dd = Math.abs(p.distanceAu - r.distanceAu);
      w.distKm = worse(w.distKm, dd * 149_597_870.7);
      w.distExcess = worse(w.distExcess, dd / distanceBoundAu(r.distanceAu));
    }
  }
  console.log('topocentric worst error per body:');
  for (const b of BODY_LIST) {
    const w = worst[b];
    console.log(`  ${b.padEnd(6)} lon ${w.lon.toFixed(3)}″  lat ${w.lat.toFixed(3)}″  distance ${w.distKm.toFixed(1)} km (dist/bound ${w.distExcess.toFixed(2)})`);
  }
  it('has cases', () => expect(cases.length).toBe(60));
  for (const b of BODY_LIST) {
    it(`${b}: longitude and latitude within ${BOUNDS_ARCSEC[b]}″, distance within 2 ppm or 1.5e-7 AU`, () => {
      expect(within(worst[b].lon, BOUNDS_ARCSEC[b]), `longitude ${worst[b].lon}″`).toBe(true);
      expect(within(worst[b].lat, BOUNDS_ARCSEC[b]), `latitude ${worst[b].lat}″`).toBe(true);
      expect(within(worst[b].distExcess, 1), `distance ${worst[b].distKm} km`).toBe(true);
    });
  }
});
