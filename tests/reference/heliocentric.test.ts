/**
 * Heliocentric positions against Swiss Ephemeris 2.10 with DE431 (tests/reference/heliocentric.json,
 * 60 instants 1800–2399): Swiss Ephemeris' heliocentric place is the body light-time earlier seen
 * from the Sun's centre, without aberration or deflection. Bounds: heliocentric planets 1″;
 * distances within 2 ppm or the reference's rounding (1.5·10⁻⁷ AU).
 */
import { describe, expect, it } from 'vitest';
import { computePositions } from '../../src/ephemeris/positions.js';
import { momentFromJulianDayUt } from '../../src/ephemeris/time.js';
import type { Body } from '../../src/ephemeris/types.js';
import { angleDiffArcsec } from '../helpers/angles.js';
import reference from './heliocentric.json' with { type: 'json' };
import { distanceBoundAu, within, worse } from './worst.js';

interface RefBody { longitude: number; latitude: number; distanceAu: number }
interface RefCase { utc: string; jdUt: number; bodies: Record<string, RefBody> }
const cases = (reference as unknown as { cases: RefCase[] }).cases;

const BOUND_ARCSEC = 1;
const BODY_LIST: Body[] = ['MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'URANUS', 'NEPTUNE', 'PLUTO'];

describe('heliocentric positions against Swiss Ephemeris 2.10, 60 instants', () => {
  const worst: Record<string, { lon: number; lat: number; distAu: number; distExcess: number }> = {};
  for (const b of BODY_LIST) worst[b] = { lon: 0, lat: 0, distAu: 0, distExcess: 0 };
  for (const c of cases) {
    const positions = computePositions(momentFromJulianDayUt(c.jdUt), BODY_LIST, { center: 'HELIOCENTRIC', zodiac: 'TROPICAL' });
    for (const p of positions) {
      const r = c.bodies[p.body];
      const w = worst[p.body];
      w.lon = worse(w.lon, angleDiffArcsec(p.longitude, r.longitude));
      w.lat = worse(w.lat, Math.abs(p.latitude - r.latitude) * 3600);
      const dd = Math.abs(p.distanceAu - r.distanceAu);
      w.distAu = worse(w.distAu, dd);
      w.distExcess = worse(w.distExcess, dd / distanceBoundAu(r.distanceAu));
    }
  }
  console.log('heliocentric worst error per body:');
  for (const b of BODY_LIST) {
    const w = worst[b];
    console.log(`  ${b.padEnd(8)} lon ${w.lon.toFixed(3)}″  lat ${w.lat.toFixed(3)}″  distance ${w.distAu.toExponential(2)} AU (dist/bound ${w.distExcess.toFixed(2)})`);
  }
  it('has cases', () => expect(cases.length).toBe(60));
  for (const b of BODY_LIST) {
    it(`${b}: longitude and latitude within ${BOUND_ARCSEC}″, distance within 2 ppm or 1.5e-7 AU`, () => {
      expect(within(worst[b].lon, BOUND_ARCSEC), `longitude ${worst[b].lon}″`).toBe(true);
      expect(within(worst[b].lat, BOUND_ARCSEC), `latitude ${worst[b].lat}″`).toBe(true);
      expect(within(worst[b].distExcess, 1), `distance ${worst[b].distAu} AU`).toBe(true);
    });
  }
});
