/**
 * Panchang ("five limbs" of the Hindu almanac) at an instant and place: tithi, nakshatra, yoga,
 * karana and vara, with the day's sunrise and sunset.
 *
 * Definitions (Surya Siddhanta ch. 2, vv. 64–69 for tithi, nakshatra, yoga and karana; every
 * modern text, e.g. P.V.R. Narasimha Rao, "Vedic Astrology: An Integrated Approach", 2000, ch. 1,
 * whose Example 3 and Exercises 3–4 the unit tests reproduce):
 * - tithi = floor(elongation / 12°) + 1, 1–30, elongation = Moon − Sun longitude (the ayanamsa
 *   cancels); 1–15 shukla paksha (waxing), 16–30 krishna paksha (waning); 15 purnima, 30 amavasya;
 * - nakshatra of the sidereal Moon (nakshatra.ts);
 * - yoga = floor((sidereal Sun + sidereal Moon) mod 360 / 13°20′) + 1, 1–27;
 * - karana = half a tithi: k = floor(elongation / 6°) + 1, 1–60; k = 1 Kimstughna, k = 2…57 the
 *   seven movable karanas Bava … Vishti in turn, 58 Shakuni, 59 Chatushpada, 60 Naga;
 * - vara: the weekday, whose Vedic day runs from sunrise to the next sunrise; the vara of an
 *   instant is the weekday (at the place's local mean time) of the last sunrise at or before it,
 *   and its lord is the planet of that weekday (Sunday Sun, Monday Moon, Tuesday Mars …).
 * Sunrise and sunset are those of that Vedic day (upper limb, standard refraction: rise-set.ts).
 * Where the Sun does not rise within 36 hours (polar night or day), sunrise and sunset are null and
 * the vara is the civil weekday at local mean time.
 * Default ayanamsa LAHIRI (selectable).
 */
import { fieldPath, ValidationError } from '../../errors.js';
import { AYANAMSAS, type Ayanamsa, type GeoLocation, type ResolvedMoment } from '../types.js';
import { computePositions } from '../positions.js';
import { validateLocation } from '../validate.js';
import { normalizeDegrees } from '../techniques/angles.js';
import { searchRiseOrSet } from '../sky/rise-set.js';
import { nakshatraOf, NAKSHATRA_SPAN_DEGREES, type NakshatraPosition } from './nakshatra.js';
import { DEFAULT_VEDIC_AYANAMSA } from './sidereal-chart.js';

export const TITHI_NAMES = [
  'PRATIPADA', 'DWITIYA', 'TRITIYA', 'CHATURTHI', 'PANCHAMI', 'SHASHTHI', 'SAPTAMI', 'ASHTAMI', 'NAVAMI', 'DASHAMI',
  'EKADASHI', 'DWADASHI', 'TRAYODASHI', 'CHATURDASHI', 'PURNIMA', 'AMAVASYA',
] as const;
export type TithiName = (typeof TITHI_NAMES)[number];
export const PAKSHAS = ['SHUKLA', 'KRISHNA'] as const;
export type Paksha = (typeof PAKSHAS)[number];
export const YOGAS = [
  'VISHKAMBHA', 'PRITI', 'AYUSHMAN', 'SAUBHAGYA', 'SHOBHANA', 'ATIGANDA', 'SUKARMA', 'DHRITI', 'SHULA', 'GANDA',
  'VRIDDHI', 'DHRUVA', 'VYAGHATA', 'HARSHANA', 'VAJRA', 'SIDDHI', 'VYATIPATA', 'VARIYAN', 'PARIGHA', 'SHIVA',
  'SIDDHA', 'SADHYA', 'SHUBHA', 'SHUKLA', 'BRAHMA', 'INDRA', 'VAIDHRITI',
] as const;
export type Yoga = (typeof YOGAS)[number];
export const KARANAS = ['BAVA', 'BALAVA', 'KAULAVA', 'TAITILA', 'GARA', 'VANIJA', 'VISHTI', 'SHAKUNI', 'CHATUSHPADA', 'NAGA', 'KIMSTUGHNA'] as const;
export type Karana = (typeof KARANAS)[number];
export const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Lord of each weekday, Sunday first (the planetary day rulers). */
export const WEEKDAY_LORDS = ['SUN', 'MOON', 'MARS', 'MERCURY', 'JUPITER', 'VENUS', 'SATURN'] as const;
export type WeekdayLord = (typeof WEEKDAY_LORDS)[number];

/** The GraphQL `Panchang`. */
export interface Panchang {
  /** 1–30. */
  tithi: number;
  tithiName: TithiName;
  paksha: Paksha;
  /** Of the sidereal Moon. */
  nakshatra: NakshatraPosition;
  /** 1–27. */
  yogaIndex: number;
  yoga: Yoga;
  /** 1–60 (half-tithis from the new Moon). */
  karanaIndex: number;
  karana: Karana;
  vara: Weekday;
  varaLord: WeekdayLord;
  /** Sunrise starting the Vedic day that contains the instant; null in polar night/day. */
  sunrise: Date | null;
  /** The sunset after that sunrise; null when none. */
  sunset: Date | null;
  /** Moon − Sun, degrees [0, 360). */
  elongation: number;
  siderealSunLongitude: number;
  siderealMoonLongitude: number;
  ayanamsa: Ayanamsa;
}

/** Tithi 1–30 of an elongation (Moon − Sun, degrees). */
export function tithiOf(elongationDegrees: number): number {
  return Math.min(30, Math.floor(normalizeDegrees(elongationDegrees) / 12) + 1);
}

/** Yoga 1–27 of the sum of the sidereal longitudes of the Sun and Moon (degrees). */
export function yogaOf(siderealSun: number, siderealMoon: number): number {
  return Math.min(27, Math.floor(normalizeDegrees(siderealSun + siderealMoon) / NAKSHATRA_SPAN_DEGREES) + 1);
}

/** Karana number 1–60 and name of an elongation (degrees). */
export function karanaOf(elongationDegrees: number): { index: number; karana: Karana } {
  const index = Math.min(60, Math.floor(normalizeDegrees(elongationDegrees) / 6) + 1);
  let karana: Karana;
  if (index === 1) karana = 'KIMSTUGHNA';
  else if (index >= 58) karana = KARANAS[7 + (index - 58)]!;
  else karana = KARANAS[(index - 2) % 7]!;
  return { index, karana };
}

/** Name of tithi 1–30. */
export function tithiName(tithi: number): TithiName {
  if (tithi === 30) return 'AMAVASYA';
  return TITHI_NAMES[(tithi - 1) % 15];
}

/** Weekday (0 = Sunday) of an instant at local mean time of east longitude `longitude` (degrees). */
function localMeanWeekday(instant: Date, longitude: number): number {
  return new Date(instant.getTime() + (longitude / 15) * 3_600_000).getUTCDay();
}

/** Span searched back for the day's sunrise and forward for its sunset, days. */
const DAY_SEARCH_DAYS = 1.5;

/**
 * Panchang at `moment` and `location` (geodetic latitude, east longitude, degrees; elevation
 * metres) with the sidereal zodiac of `ayanamsa` (default LAHIRI).
 * @throws ValidationError (`field`.location.*, `field`.ayanamsa)
 */
export function panchang(moment: ResolvedMoment, location: GeoLocation, ayanamsa: Ayanamsa = DEFAULT_VEDIC_AYANAMSA, field = ''): Panchang {
  const loc = validateLocation(location, fieldPath(field, 'location'));
  if (!(AYANAMSAS as readonly string[]).includes(ayanamsa)) {
    throw new ValidationError(fieldPath(field, 'ayanamsa'), `ayanamsa must be one of ${AYANAMSAS.join(', ')}`);
  }
  const [sun, moon] = computePositions(moment, ['SUN', 'MOON'], { center: 'GEOCENTRIC', zodiac: 'SIDEREAL', ayanamsa });
  const elongation = normalizeDegrees(moon.longitude - sun.longitude);
  const tithi = tithiOf(elongation);
  const yogaIndex = yogaOf(sun.longitude, moon.longitude);
  const k = karanaOf(elongation);
  // The Vedic day: the last sunrise at or before the instant, then the sunset after it.
  const probe = new Date(moment.utc.getTime() + 1);
  const sunrise = searchRiseOrSet('SUN', loc, 1, probe, -DAY_SEARCH_DAYS);
  const sunset = sunrise ? searchRiseOrSet('SUN', loc, -1, sunrise, DAY_SEARCH_DAYS) : null;
  const weekday = localMeanWeekday(sunrise ?? moment.utc, loc.longitude);
  return {
    tithi,
    tithiName: tithiName(tithi),
    paksha: tithi <= 15 ? 'SHUKLA' : 'KRISHNA',
    nakshatra: nakshatraOf(moon.longitude),
    yogaIndex,
    yoga: YOGAS[yogaIndex - 1],
    karanaIndex: k.index,
    karana: k.karana,
    vara: WEEKDAYS[weekday],
    varaLord: WEEKDAY_LORDS[weekday],
    sunrise,
    sunset,
    elongation,
    siderealSunLongitude: sun.longitude,
    siderealMoonLongitude: moon.longitude,
    ayanamsa,
  };
}
