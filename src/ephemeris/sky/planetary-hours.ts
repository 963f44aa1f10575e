/**
 * Planetary hours: the day from sunrise to sunset and the night from sunset to the next sunrise
 * are each divided into twelve equal ("unequal", seasonal) hours, ruled in the descending
 * Chaldean order Saturn, Jupiter, Mars, Sun, Venus, Mercury, Moon, starting with the lord of the
 * weekday at sunrise (Sunday Sun, Monday Moon, Tuesday Mars, Wednesday Mercury, Thursday Jupiter,
 * Friday Venus, Saturday Saturn). The weekday names themselves come from this scheme: the 25th
 * hour is the next day's lord (Cassius Dio, Roman History XXXVII.18–19; William Lilly, Christian
 * Astrology, 1647, book I, the table of planetary hours).
 *
 * Sunrise and sunset: upper limb, standard refraction (rise-set.ts). The `date` is the civil date
 * at the place; its sunrise is searched from local mean midnight (UTC − east longitude / 15 h).
 */
import { fieldPath, ValidationError } from '../../errors.js';
import type { GeoLocation } from '../types.js';
import { validateLocation } from '../validate.js';
import { SUPPORTED_RANGE_END, SUPPORTED_RANGE_START, SUPPORTED_RANGE_TEXT } from '../time.js';
import { WEEKDAY_LORDS, type WeekdayLord } from '../vedic/panchang.js';
import { searchRiseOrSet } from './rise-set.js';

/** Descending Chaldean order (slowest to fastest). */
export const CHALDEAN_ORDER: readonly WeekdayLord[] = ['SATURN', 'JUPITER', 'MARS', 'SUN', 'VENUS', 'MERCURY', 'MOON'];

/** The GraphQL `PlanetaryHour`. */
export interface PlanetaryHour {
  /** 1–24: 1–12 from sunrise, 13–24 from sunset. */
  hour: number;
  ruler: WeekdayLord;
  start: Date;
  end: Date;
  daytime: boolean;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses "YYYY-MM-DD" (a real calendar date within the supported range) to its UTC midnight. @throws ValidationError(field) */
export function parseCivilDate(text: unknown, field = 'date'): Date {
  const m = typeof text === 'string' ? DATE.exec(text) : null;
  if (!m) throw new ValidationError(field, 'date must be a calendar date "YYYY-MM-DD"');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new ValidationError(field, `${String(text)} is not a calendar date`);
  }
  if (date.getTime() < SUPPORTED_RANGE_START.getTime() || date.getTime() + 2 * 86_400_000 > SUPPORTED_RANGE_END.getTime()) {
    throw new ValidationError(field, `date must be within ${SUPPORTED_RANGE_TEXT} and leave two days for the next sunrise`);
  }
  return date;
}

/**
 * The 24 planetary hours of the civil `date` ("YYYY-MM-DD") at `location`, from its sunrise to the
 * next sunrise, in order.
 * @throws ValidationError (`field`.date, `field`.location.*; `field`.location.latitude when the Sun
 *   does not rise and set there on that date)
 */
export function planetaryHours(date: string, location: GeoLocation, field = ''): PlanetaryHour[] {
  const midnightUtc = parseCivilDate(date, fieldPath(field, 'date'));
  const loc = validateLocation(location, fieldPath(field, 'location'));
  const localMidnight = new Date(midnightUtc.getTime() - (loc.longitude / 15) * 3_600_000);
  const sunrise = searchRiseOrSet('SUN', loc, 1, localMidnight, 1);
  const sunset = sunrise ? searchRiseOrSet('SUN', loc, -1, sunrise, 1) : null;
  const nextSunrise = sunset ? searchRiseOrSet('SUN', loc, 1, sunset, 1) : null;
  if (!sunrise || !sunset || !nextSunrise) {
    throw new ValidationError(fieldPath(field, 'location.latitude'), `the Sun does not both rise and set at this latitude on ${date}`);
  }
  const dayLord = WEEKDAY_LORDS[midnightUtc.getUTCDay()];
  const first = CHALDEAN_ORDER.indexOf(dayLord);
  const dayHourMs = (sunset.getTime() - sunrise.getTime()) / 12;
  const nightHourMs = (nextSunrise.getTime() - sunset.getTime()) / 12;
  const hours: PlanetaryHour[] = [];
  for (let i = 0; i < 24; i++) {
    const daytime = i < 12;
    const base = daytime ? sunrise.getTime() + i * dayHourMs : sunset.getTime() + (i - 12) * nightHourMs;
    const len = daytime ? dayHourMs : nightHourMs;
    const end = i === 11 ? sunset.getTime() : i === 23 ? nextSunrise.getTime() : base + len;
    hours.push({ hour: i + 1, ruler: CHALDEAN_ORDER[(first + i) % 7], start: new Date(Math.round(base)), end: new Date(Math.round(end)), daytime });
  }
  return hours;
}
