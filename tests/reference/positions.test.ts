/**
 * Geocentric apparent positions against Swiss Ephemeris 2.10.03 with JPL DE431
 * (tests/reference/positions.json, 300 instants 1800–2399, all served by the PRECISE engine):
 * longitude, latitude, their speeds, RA/Dec and the true distance. Bounds: the precision
 * ephemeris' (src/ephemeris/README.md); the worst errors are printed.
 */
import { describe, expect, it } from 'vitest';
import { computePositions } from '../../src/ephemeris/positions.js';
import { momentFromJulianDayUt } from '../../src/ephemeris/time.js';
import type { Body } from '../../src/ephemeris/types.js';
import { angleDiffArcsec } from '../helpers/angles.js';
import reference from './positions.json' with { type: 'json' };
import { distanceBoundAu, within, worse } from './worst.js';

interface RefBody {
  longitude: number; latitude: number; distanceAu: number; longitudeSpeed: number; latitudeSpeed: number;
  rightAscension: number; declination: number;
}
interface RefCase { utc: string; jdUt: number; bodies: Record<string, RefBody> }
const cases = (reference as unknown as { cases: RefCase[] }).cases;

/** Longitude and latitude bounds, arcseconds. */
const BOUNDS_ARCSEC: Record<string, number> = {
  SUN: 0.5, MOON: 1, MERCURY: 1, VENUS: 1, MARS: 1, JUPITER: 1, SATURN: 1, URANUS: 1, NEPTUNE: 1, PLUTO: 1,
  MEAN_NODE: 1, MEAN_LILITH: 1, TRUE_NODE: 2, OSCULATING_LILITH: 10,
  CHIRON: 1, PHOLUS: 2, CERES: 2, PALLAS: 2, JUNO: 2, VESTA: 2,
};
/** Speed bounds, arcseconds per day: 2″/day, the Moon 5″/day, the osculating apogee 20″/day. */
const SPEED_BOUNDS_ARCSEC_PER_DAY: Record<string, number> = { MOON: 5, OSCULATING_LILITH: 20 };
const SPEED_BOUND_ARCSEC_PER_DAY = 2;
/**
 * Distances: every body's, as the reference defines it (the true distance of the light-time
 * corrected position; for the mean node and mean apogee Swiss Ephemeris' mean lunar distance and
 * apogee distance; for the true node and osculating apogee the osculating orbit's radius there).
 */
const BODY_LIST = Object.keys(BOUNDS_ARCSEC) as Body[];

describe('geocentric apparent positions against Swiss Ephemeris 2.10 (DE431), 300 instants 1800–2399', () => {
  type Worst = { lon: number; lat: number; lonSpeed: number; latSpeed: number; ra: number; dec: number; distExcess: number; distAu: number; distPpm: number; at: string };
  const worst: Record<string, Worst> = {};
  for (const b of BODY_LIST) worst[b] = { lon: 0, lat: 0, lonSpeed: 0, latSpeed: 0, ra: 0, dec: 0, distExcess: 0, distAu: 0, distPpm: 0, at: '' };
  let engines = 0;
  for (const c of cases) {
    const moment = momentFromJulianDayUt(c.jdUt);
    if (moment.ephemeris === 'PRECISE') engines++;
    const positions = computePositions(moment, BODY_LIST, { center: 'GEOCENTRIC', zodiac: 'TROPICAL' });
    for (const p of positions) {
      const r = c.bodies[p.body];
      const w = worst[p.body];
      const lon = angleDiffArcsec(p.longitude, r.longitude);
      if (!(lon <= w.lon)) w.at = c.utc;
      w.lon = worse(w.lon, lon);
      w.lat = worse(w.lat, Math.abs(p.latitude - r.latitude) * 3600);
      w.lonSpeed = worse(w.lonSpeed, Math.abs(p.longitudeSpeed - r.longitudeSpeed) * 3600);
      w.latSpeed = worse(w.latSpeed, Math.abs(p.latitudeSpeed - r.latitudeSpeed) * 3600);
      w.ra = worse(w.ra, angleDiffArcsec(p.rightAscension, r.rightAscension));
      w.dec = worse(w.dec, Math.abs(p.declination - r.declination) * 3600);
      const dd = Math.abs(p.distanceAu - r.distanceAu);
      w.distAu = worse(w.distAu, dd);
      w.distPpm = worse(w.distPpm, (dd / r.distanceAu) * 1e6);
      w.distExcess = worse(w.distExcess, dd / distanceBoundAu(r.distanceAu));
    }
  }
  console.log('worst error per body (″; speeds ″/day; distance AU and ppm; bound = 1 on "dist/bound"):');
  for (const b of BODY_LIST) {
    const w = worst[b];
    console.log(`  ${b.padEnd(18)} lon ${w.lon.toFixed(3).padStart(6)} lat ${w.lat.toFixed(3).padStart(6)} ` +
      `lonSpeed ${w.lonSpeed.toFixed(3).padStart(6)} latSpeed ${w.latSpeed.toFixed(3).padStart(6)} ` +
      `RA ${w.ra.toFixed(3).padStart(6)} Dec ${w.dec.toFixed(3).padStart(6)} dist ${w.distAu.toExponential(1)} (${w.distPpm.toFixed(2)} ppm, ` +
      `dist/bound ${w.distExcess.toFixed(2)})  (worst lon at ${w.at})`);
  }

  it('every case is served by the PRECISE engine', () => {
    expect(engines).toBe(cases.length);
    expect(cases.length).toBe(300);
  });

  for (const b of BODY_LIST) {
    const bound = BOUNDS_ARCSEC[b];
    const speedBound = SPEED_BOUNDS_ARCSEC_PER_DAY[b] ?? SPEED_BOUND_ARCSEC_PER_DAY;
    it(`${b}: longitude and latitude within ${bound}″, speeds within ${speedBound}″/day, distance within 2 ppm or 1.5e-7 AU`, () => {
      const w = worst[b];
      expect(within(w.lon, bound), `longitude ${w.lon}″`).toBe(true);
      expect(within(w.lat, bound), `latitude ${w.lat}″`).toBe(true);
      // RA/Dec follow from longitude/latitude by a rotation: the same bound with margin for the mix.
      expect(within(w.ra, bound * 1.5), `RA ${w.ra}″`).toBe(true);
      expect(within(w.dec, bound * 1.5), `Dec ${w.dec}″`).toBe(true);
      expect(within(w.lonSpeed, speedBound), `longitude speed ${w.lonSpeed}″/day`).toBe(true);
      expect(within(w.latSpeed, speedBound), `latitude speed ${w.latSpeed}″/day`).toBe(true);
      expect(within(w.distExcess, 1), `distance ${w.distAu} AU (${w.distPpm} ppm)`).toBe(true);
    });
  }
});
