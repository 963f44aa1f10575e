/**
 * Nakshatras (lunar mansions), their quarters (padas) and their Vimshottari lords.
 *
 * The sidereal zodiac is divided into 27 equal nakshatras of 13°20′, Ashwini starting at 0°
 * sidereal Aries; each nakshatra into four padas of 3°20′ (BPHS ch. 3 and ch. 46, Santhanam's
 * translation; every modern text, e.g. P.V.R. Narasimha Rao, "Vedic Astrology: An Integrated
 * Approach", 2000, ch. 1). The lords repeat every nine nakshatras in the Vimshottari order Ketu,
 * Venus, Sun, Moon, Mars, Rahu, Jupiter, Saturn, Mercury starting from Ashwini (BPHS ch. 46
 * "Vimshottari dasha", vv. 12–15). Exact by definition: the only error is that of the longitude.
 */
import { ValidationError } from '../../errors.js';
import { normalizeDegrees } from '../techniques/angles.js';

export const NAKSHATRAS = [
  'ASHWINI', 'BHARANI', 'KRITTIKA', 'ROHINI', 'MRIGASHIRA', 'ARDRA', 'PUNARVASU', 'PUSHYA', 'ASHLESHA',
  'MAGHA', 'PURVA_PHALGUNI', 'UTTARA_PHALGUNI', 'HASTA', 'CHITRA', 'SWATI', 'VISHAKHA', 'ANURADHA', 'JYESHTHA',
  'MULA', 'PURVA_ASHADHA', 'UTTARA_ASHADHA', 'SHRAVANA', 'DHANISHTA', 'SHATABHISHA', 'PURVA_BHADRAPADA',
  'UTTARA_BHADRAPADA', 'REVATI',
] as const;
export type Nakshatra = (typeof NAKSHATRAS)[number];

/** The nine Vimshottari lords (grahas), in the order of the dasha sequence starting from Ketu. */
export const DASHA_LORDS = ['SUN', 'MOON', 'MARS', 'MERCURY', 'JUPITER', 'VENUS', 'SATURN', 'RAHU', 'KETU'] as const;
export type DashaLord = (typeof DASHA_LORDS)[number];

/** Vimshottari sequence (BPHS ch. 46): Ketu 7, Venus 20, Sun 6, Moon 10, Mars 7, Rahu 18, Jupiter 16, Saturn 19, Mercury 17 years. */
export const VIMSHOTTARI_SEQUENCE: readonly DashaLord[] = ['KETU', 'VENUS', 'SUN', 'MOON', 'MARS', 'RAHU', 'JUPITER', 'SATURN', 'MERCURY'];
export const VIMSHOTTARI_YEARS: Readonly<Record<DashaLord, number>> = {
  KETU: 7, VENUS: 20, SUN: 6, MOON: 10, MARS: 7, RAHU: 18, JUPITER: 16, SATURN: 19, MERCURY: 17,
};
/** Sum of the nine periods: 120 years. */
export const VIMSHOTTARI_TOTAL_YEARS = 120;

/** Width of one nakshatra, degrees (360/27 = 13°20′). */
export const NAKSHATRA_SPAN_DEGREES = 360 / 27;
/** Width of one pada, degrees (3°20′). */
export const PADA_SPAN_DEGREES = NAKSHATRA_SPAN_DEGREES / 4;

/** Nakshatra, pada and lord of a sidereal longitude (the GraphQL `NakshatraPosition`). */
export interface NakshatraPosition {
  nakshatra: Nakshatra;
  /** 1–4. */
  pada: number;
  lord: DashaLord;
  /** 0–26 (Ashwini = 0). */
  index: number;
  /** Part of the nakshatra already traversed, [0, 1). */
  fractionElapsed: number;
}

/**
 * Nakshatra, pada (1–4) and Vimshottari lord of a longitude in the sidereal zodiac (degrees, any
 * range; reduced to [0, 360)). A tropical longitude gives a meaningless answer: subtract the
 * ayanamsa first (computePositions with zodiac SIDEREAL does).
 * @throws ValidationError('longitude') for a non-finite longitude.
 */
export function nakshatraOf(siderealLongitude: number): NakshatraPosition {
  if (!Number.isFinite(siderealLongitude)) throw new ValidationError('longitude', 'longitude must be a finite number of degrees');
  const lon = normalizeDegrees(siderealLongitude);
  const scaled = lon / NAKSHATRA_SPAN_DEGREES;
  const index = Math.min(26, Math.floor(scaled));
  const fractionElapsed = Math.min(Math.max(scaled - index, 0), 1 - Number.EPSILON);
  const pada = Math.min(4, Math.floor(fractionElapsed * 4) + 1);
  return {
    nakshatra: NAKSHATRAS[index],
    pada,
    lord: VIMSHOTTARI_SEQUENCE[index % 9],
    index,
    fractionElapsed,
  };
}
