/**
 * Annual and monthly profections (Vettius Valens, Anthology book IV; Ptolemy, Tetrabiblos IV.10;
 * Chris Brennan, "Hellenistic Astrology: The Study of Fate and Fortune", 2017, the chapter on annual
 * profections): each year of life the point (by default the Ascendant) advances one whole sign, so
 * at age n the profected sign is the n-th sign after the natal one (the (n mod 12) + 1-th whole-sign
 * house) and its traditional domicile ruler is the lord of the year. Ages 0, 12, 24 … are first-house
 * years.
 *
 * Conventions: age = completed years, a year running from one anniversary of the birth instant
 * (same UTC month, day and time; 29 February falls on 1 March in common years) to the next.
 * Monthly profections: the profection year is cut into twelve equal months, the first month in the
 * year's sign and each next month one sign further (the modern reading; Ptolemy's 28-day months
 * are not implemented). Rulers are the traditional ones (Mars for Scorpio, Saturn for Aquarius,
 * Jupiter for Pisces).
 */
import { fieldPath, ValidationError } from '../../errors.js';
import type { ChartRequest, ResolvedMoment, Sign } from '../types.js';
import { DOMICILE_RULERS, type TraditionalPlanet } from '../techniques/dignities.js';
import { hellenisticNatal, signAt, signIndexOf } from './natal.js';

export const PROFECTION_POINTS = ['ASCENDANT', 'MIDHEAVEN', 'SUN', 'MOON', 'FORTUNE'] as const;
export type ProfectionPoint = (typeof PROFECTION_POINTS)[number];

/** The GraphQL `Profection`. */
export interface Profection {
  /** Completed years at `at`. */
  age: number;
  point: ProfectionPoint;
  natalSign: Sign;
  profectedSign: Sign;
  /** Whole-sign house of the profected sign counted from the natal point, 1–12. */
  profectedHouse: number;
  lordOfYear: TraditionalPlanet;
  yearStart: Date;
  yearEnd: Date;
  /** 1–12. */
  month: number;
  monthSign: Sign;
  lordOfMonth: TraditionalPlanet;
  monthStart: Date;
  monthEnd: Date;
}

/** The `k`-th anniversary of `birth` (same UTC calendar month, day and time of day). */
export function anniversary(birth: Date, k: number): Date {
  const d = new Date(birth.getTime());
  d.setUTCFullYear(birth.getUTCFullYear() + k);
  return d;
}

/**
 * Profection of a point of natal longitude `pointLongitude` (degrees) at `at`.
 * @throws ValidationError('at') when `at` is before the birth
 */
export function profectionAt(pointLongitude: number, birth: Date, at: Date, point: ProfectionPoint = 'ASCENDANT', field = 'at'): Profection {
  if (!(at.getTime() >= birth.getTime())) throw new ValidationError(field, '`at` must not be before the birth');
  let age = Math.max(0, at.getUTCFullYear() - birth.getUTCFullYear() - 1);
  while (anniversary(birth, age + 1).getTime() <= at.getTime()) age++;
  const yearStart = anniversary(birth, age);
  const yearEnd = anniversary(birth, age + 1);
  const natalIndex = signIndexOf(pointLongitude);
  const yearIndex = natalIndex + age;
  const monthMs = (yearEnd.getTime() - yearStart.getTime()) / 12;
  const month = Math.min(12, Math.floor((at.getTime() - yearStart.getTime()) / monthMs) + 1);
  const monthIndex = yearIndex + month - 1;
  return {
    age,
    point,
    natalSign: signAt(natalIndex),
    profectedSign: signAt(yearIndex),
    profectedHouse: (age % 12) + 1,
    lordOfYear: DOMICILE_RULERS[((yearIndex % 12) + 12) % 12],
    yearStart,
    yearEnd,
    month,
    monthSign: signAt(monthIndex),
    lordOfMonth: DOMICILE_RULERS[((monthIndex % 12) + 12) % 12],
    monthStart: new Date(Math.round(yearStart.getTime() + (month - 1) * monthMs)),
    monthEnd: month === 12 ? yearEnd : new Date(Math.round(yearStart.getTime() + month * monthMs)),
  };
}

/**
 * Profections of a natal chart request (needs a location) at `at`, from `point` (default the
 * Ascendant), in the request's zodiac.
 * @throws ValidationError (`field`.natal.*, `field`.at, `field`.point)
 */
export function profections(natal: ChartRequest, at: ResolvedMoment, point: ProfectionPoint = 'ASCENDANT', field = ''): Profection {
  if (!(PROFECTION_POINTS as readonly string[]).includes(point)) {
    throw new ValidationError(fieldPath(field, 'point'), `point must be one of ${PROFECTION_POINTS.join(', ')}`);
  }
  const c = hellenisticNatal(natal, fieldPath(field, 'natal'));
  const lon = point === 'ASCENDANT' ? c.ascendant : point === 'MIDHEAVEN' ? c.midheaven : point === 'FORTUNE' ? c.fortune : c.planets[point];
  return profectionAt(lon, c.moment.utc, at.utc, point, fieldPath(field, 'at'));
}
