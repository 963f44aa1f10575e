/**
 * Firdaria (fardārāt): the life divided into planetary periods of fixed length, in an order that
 * depends on the sect of the chart (Abu Ma'shar, On the Revolutions of the Years of Nativities,
 * tr. Dykes in "Persian Nativities IV", 2019; the periods and sub-periods as tabulated in the
 * "Firdariyyat table" that follows Abu Ma'shar, and discussed by Steven Birchfield, "The Fardārāt in
 * Nativities", 2005/2020).
 *
 * Years: Sun 10, Venus 8, Mercury 13, Moon 9, Saturn 11, Jupiter 12, Mars 7, North Node 3,
 * South Node 2 (75 in all).
 * - Day births: Sun, Venus, Mercury, Moon, Saturn, Jupiter, Mars, North Node, South Node.
 * - Night births, ABU_MASHAR (default): Moon, Saturn, Jupiter, Mars, Sun, Venus, Mercury, then the
 *   nodes after the seven planets, as by day.
 * - Night births, BONATTI: Moon, Saturn, Jupiter, Mars, North Node, South Node, Sun, Venus, Mercury:
 *   the nodes follow Mars, keeping the place they have in the circular order of the day sequence
 *   (the variant reported of Guido Bonatti, Liber Astronomiae, and used by later Latin authors).
 * - Sub-periods: each planet's period is divided into seven equal parts, the first ruled by the
 *   period's own lord and the rest by the following planets in the day order Sun, Venus, Mercury,
 *   Moon, Saturn, Jupiter, Mars (circularly); the nodes' periods have no sub-periods.
 * Sect: day when the Sun is above the horizon (natal.ts). Years of 365.25 days from the birth
 * instant (the table counts "from birthday to birthday"; a tropical year would move the dates by
 * < 0.6 day over 75 years). One cycle of 75 years is returned.
 */
import { fieldPath, ValidationError } from '../../errors.js';
import type { ChartRequest } from '../types.js';
import { hellenisticNatal } from './natal.js';

export const FIRDARIA_VARIANTS = ['ABU_MASHAR', 'BONATTI'] as const;
export type FirdariaVariant = (typeof FIRDARIA_VARIANTS)[number];
export const FIRDARIA_LORDS = ['SUN', 'MOON', 'MERCURY', 'VENUS', 'MARS', 'JUPITER', 'SATURN', 'NORTH_NODE', 'SOUTH_NODE'] as const;
export type FirdariaLord = (typeof FIRDARIA_LORDS)[number];

export const FIRDARIA_YEARS: Readonly<Record<FirdariaLord, number>> = {
  SUN: 10, VENUS: 8, MERCURY: 13, MOON: 9, SATURN: 11, JUPITER: 12, MARS: 7, NORTH_NODE: 3, SOUTH_NODE: 2,
};
const DAY_PLANETS: readonly FirdariaLord[] = ['SUN', 'VENUS', 'MERCURY', 'MOON', 'SATURN', 'JUPITER', 'MARS'];
const DAY_SEQUENCE: readonly FirdariaLord[] = [...DAY_PLANETS, 'NORTH_NODE', 'SOUTH_NODE'];
const NIGHT_ABU_MASHAR: readonly FirdariaLord[] = ['MOON', 'SATURN', 'JUPITER', 'MARS', 'SUN', 'VENUS', 'MERCURY', 'NORTH_NODE', 'SOUTH_NODE'];
const NIGHT_BONATTI: readonly FirdariaLord[] = ['MOON', 'SATURN', 'JUPITER', 'MARS', 'NORTH_NODE', 'SOUTH_NODE', 'SUN', 'VENUS', 'MERCURY'];
/** Days per firdaria year. */
export const FIRDARIA_YEAR_DAYS = 365.25;
const MS_PER_YEAR = FIRDARIA_YEAR_DAYS * 86_400_000;

/** The GraphQL `FirdariaPeriod`. */
export interface FirdariaPeriod {
  /** 1 major period, 2 sub-period. */
  level: number;
  /** Lord of this period (the sub-period's lord at level 2). */
  lord: FirdariaLord;
  /** Lord of the major period it belongs to (= lord at level 1). */
  majorLord: FirdariaLord;
  start: Date;
  end: Date;
}

/** The sequence of major lords for a sect and variant. */
export function firdariaSequence(dayChart: boolean, variant: FirdariaVariant = 'ABU_MASHAR'): readonly FirdariaLord[] {
  if (dayChart) return DAY_SEQUENCE;
  return variant === 'BONATTI' ? NIGHT_BONATTI : NIGHT_ABU_MASHAR;
}

/** Firdaria periods (majors, each followed by its sub-periods) from `birth` for one 75-year cycle. */
export function firdariaPeriods(birth: Date, dayChart: boolean, variant: FirdariaVariant = 'ABU_MASHAR'): FirdariaPeriod[] {
  const out: FirdariaPeriod[] = [];
  let t = birth.getTime();
  for (const major of firdariaSequence(dayChart, variant)) {
    const lengthMs = FIRDARIA_YEARS[major] * MS_PER_YEAR;
    out.push({ level: 1, lord: major, majorLord: major, start: new Date(Math.round(t)), end: new Date(Math.round(t + lengthMs)) });
    const first = DAY_PLANETS.indexOf(major);
    if (first >= 0) {
      for (let k = 0; k < 7; k++) {
        const s = t + (k * lengthMs) / 7;
        out.push({ level: 2, lord: DAY_PLANETS[(first + k) % 7], majorLord: major, start: new Date(Math.round(s)), end: new Date(Math.round(t + ((k + 1) * lengthMs) / 7)) });
      }
    }
    t += lengthMs;
  }
  return out;
}

/**
 * Firdaria of a natal chart request (needs a location for the sect).
 * @throws ValidationError (`field`.natal.*, `field`.variant)
 */
export function firdaria(natal: ChartRequest, variant: FirdariaVariant = 'ABU_MASHAR', field = ''): FirdariaPeriod[] {
  if (!(FIRDARIA_VARIANTS as readonly string[]).includes(variant)) throw new ValidationError(fieldPath(field, 'variant'), `variant must be one of ${FIRDARIA_VARIANTS.join(', ')}`);
  const c = hellenisticNatal(natal, fieldPath(field, 'natal'));
  return firdariaPeriods(c.moment.utc, c.dayChart, variant);
}
