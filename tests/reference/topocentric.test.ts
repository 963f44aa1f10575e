import { describe, expect, it } from 'vitest';
import { computePositions } from '../../src/ephemeris/positions.js';
import { momentFromJulianDayUt } from '../../src/ephemeris/time.js';
import type { Body } from '../../src/ephemeris/types.js';
import { angleDiffArcsec } from '../helpers/angles.js';
import reference from './topocentric.json' with { type: 'json' };

interface RefBody { longitude: number; latitude: number; distanceAu: number }
interface RefCase { utc: string; jdUt: number; latitude: number; longitude: number; elevationM: number; bodies: Record<string, RefBody> }
const cases = (reference as unknown as { cases: RefCase[] }).cases;

/** Bounds: topocentric Moon ≤ 40″; the Sun and Mars keep their geocentric bounds (3″, 25″). */
const BOUNDS_ARCSEC: Record<string, number> = { MOON: 40, SUN: 3, MARS: 25 };
const BODY_LIST = Object.keys(BOUNDS_ARCSEC) as Body[];

describe('topocentric positions against Swiss Ephemeris 2.10, 60 places and instants', () => {
  const worst: Record<string, { lon: number; lat: number; distKm: number }> = {};
  for (const b of BODY_LIST) worst[b] = { lon: 0, lat: 0, distKm: 0 };
  for (const c of cases) {
    const location = { latitude: c.latitude, longitude: c.longitude, elevationMeters: c.elevationM };
    const positions = computePositions(momentFromJulianDayUt(c.jdUt), BODY_LIST, { center: 'TOPOCENTRIC', location, zodiac: 'TROPICAL' });
    for (const p of positions) {
      const r = c.bodies[p.body];
      const w = worst[p.body];
      w.lon = Math.max(w.lon, angleDiffArcsec(p.longitude, r.longitude));
      w.lat = Math.max(w.lat, Math.abs(p.latitude - r.latitude) * 3600);
      w.distKm = Math.max(w.distKm, Math.abs(p.distanceAu - r.distanceAu) * 149_597_870.7);
    }
  }
  console.log('topocentric worst error per body:');
  for (const b of BODY_LIST) {
    const w = worst[b];
    console.log(`  ${b.padEnd(6)} lon ${w.lon.toFixed(2)}″  lat ${w.lat.toFixed(2)}″  distance ${w.distKm.toFixed(0)} km`);
  }
  for (const b of BODY_LIST) {
    it(`${b}: longitude and latitude within ${BOUNDS_ARCSEC[b]}″`, () => {
      expect(worst[b].lon).toBeLessThanOrEqual(BOUNDS_ARCSEC[b]);
      expect(worst[b].lat).toBeLessThanOrEqual(BOUNDS_ARCSEC[b]);
    });
  }
});
