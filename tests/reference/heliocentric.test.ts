import { describe, expect, it } from 'vitest';
import { computePositions } from '../../src/ephemeris/positions.js';
import { momentFromJulianDayUt } from '../../src/ephemeris/time.js';
import type { Body } from '../../src/ephemeris/types.js';
import { angleDiffArcsec } from '../helpers/angles.js';
import reference from './heliocentric.json' with { type: 'json' };

interface RefBody { longitude: number; latitude: number; distanceAu: number }
interface RefCase { utc: string; jdUt: number; bodies: Record<string, RefBody> }
const cases = (reference as unknown as { cases: RefCase[] }).cases;

/**
 * Bounds: heliocentric planets ≤ 25″ (longitude and latitude). Pluto keeps its own 60″ bound
 * (its geocentric bound, positions.test.ts; its error is astronomy-engine's heliocentric Pluto).
 */
const BOUNDS_ARCSEC: Record<string, number> = {
  MERCURY: 25, VENUS: 25, MARS: 25, JUPITER: 25, SATURN: 25, URANUS: 25, NEPTUNE: 25, PLUTO: 60,
};
const BODY_LIST: Body[] = ['MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO'];

describe('heliocentric positions against Swiss Ephemeris 2.10, 60 instants', () => {
  const worst: Record<string, { lon: number; lat: number; distAu: number }> = {};
  for (const b of BODY_LIST) worst[b] = { lon: 0, lat: 0, distAu: 0 };
  for (const c of cases) {
    const positions = computePositions(momentFromJulianDayUt(c.jdUt), BODY_LIST, { center: 'HELIOCENTRIC', zodiac: 'TROPICAL' });
    for (const p of positions) {
      const r = c.bodies[p.body];
      const w = worst[p.body];
      w.lon = Math.max(w.lon, angleDiffArcsec(p.longitude, r.longitude));
      w.lat = Math.max(w.lat, Math.abs(p.latitude - r.latitude) * 3600);
      w.distAu = Math.max(w.distAu, Math.abs(p.distanceAu - r.distanceAu));
    }
  }
  console.log('heliocentric worst error per body:');
  for (const b of BODY_LIST) {
    const w = worst[b];
    console.log(`  ${b.padEnd(8)} lon ${w.lon.toFixed(2)}″  lat ${w.lat.toFixed(2)}″  distance ${w.distAu.toExponential(2)} AU`);
  }
  for (const b of BODY_LIST) {
    it(`${b}: longitude and latitude within ${BOUNDS_ARCSEC[b]}″`, () => {
      expect(worst[b].lon).toBeLessThanOrEqual(BOUNDS_ARCSEC[b]);
      expect(worst[b].lat).toBeLessThanOrEqual(BOUNDS_ARCSEC[b]);
    });
  }
});
