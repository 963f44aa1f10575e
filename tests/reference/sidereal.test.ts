import { describe, expect, it } from 'vitest';
import { ayanamsaDegrees } from '../../src/ephemeris/index.js';
import { computePositions } from '../../src/ephemeris/positions.js';
import { momentFromJulianDayUt } from '../../src/ephemeris/time.js';
import { AYANAMSAS } from '../../src/ephemeris/types.js';
import { angleDiffArcsec } from '../helpers/angles.js';
import reference from './sidereal.json' with { type: 'json' };

interface Mode { ayanamsaTrue: number; ayanamsaMean: number; siderealSunLongitude: number; siderealMoonLongitude: number }
interface RefCase { utc: string; jdUt: number; modes: Record<string, Mode> }
const cases = (reference as unknown as { cases: RefCase[] }).cases;

/**
 * Bound: sidereal longitudes within 5″ of (tropical error + ayanamsa error). The reference's
 * tropical longitude is its sidereal longitude plus its true ayanamsa.
 */
const MARGIN_ARCSEC = 5;

describe('sidereal Sun and Moon against Swiss Ephemeris 2.10 (true ayanamsa), 80 instants × 9 ayanamsas', () => {
  for (const ayanamsa of AYANAMSAS) {
    it(`${ayanamsa}: sidereal error ≤ tropical error + ayanamsa error + ${MARGIN_ARCSEC}″`, () => {
      let worstExcess = -Infinity;
      let worstSidereal = 0;
      let worstAyanamsa = 0;
      for (const c of cases) {
        const mode = c.modes[ayanamsa];
        const moment = momentFromJulianDayUt(c.jdUt);
        const tropical = computePositions(moment, ['SUN', 'MOON'], { center: 'GEOCENTRIC', zodiac: 'TROPICAL' });
        const sidereal = computePositions(moment, ['SUN', 'MOON'], { center: 'GEOCENTRIC', zodiac: 'SIDEREAL', ayanamsa });
        const ayanamsaError = angleDiffArcsec(ayanamsaDegrees(ayanamsa, moment.julianDayTt, { withNutation: true }), mode.ayanamsaTrue);
        worstAyanamsa = Math.max(worstAyanamsa, ayanamsaError);
        const refs = [mode.siderealSunLongitude, mode.siderealMoonLongitude];
        for (let i = 0; i < 2; i++) {
          const tropicalError = angleDiffArcsec(tropical[i].longitude, refs[i] + mode.ayanamsaTrue);
          const siderealError = angleDiffArcsec(sidereal[i].longitude, refs[i]);
          worstSidereal = Math.max(worstSidereal, siderealError);
          worstExcess = Math.max(worstExcess, siderealError - (tropicalError + ayanamsaError));
        }
      }
      console.log(`${ayanamsa.padEnd(22)} worst sidereal error ${worstSidereal.toFixed(2)}″, worst ayanamsa error ${worstAyanamsa.toFixed(2)}″, ` +
        `worst excess over (tropical + ayanamsa) ${worstExcess.toFixed(3)}″`);
      expect(worstExcess).toBeLessThanOrEqual(MARGIN_ARCSEC);
    });
  }
});
