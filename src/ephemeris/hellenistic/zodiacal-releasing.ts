/**
 * Zodiacal releasing (Vettius Valens, Anthology book IV, chs. 4–10 in Riley's translation; Chris Brennan,
 * "Hellenistic Astrology: The Study of Fate and Fortune", 2017, the chapter on zodiacal releasing).
 *
 * Periods are released sign by sign from the sign of a Lot (Spirit or Fortune), each sign lasting
 * its "minor period", the minor years of its domicile lord (Valens): Aries 15, Taurus 8,
 * Gemini 20, Cancer 25, Leo 19, Virgo 20, Libra 8, Scorpio 15, Sagittarius 12, Capricorn 27,
 * Aquarius 30, Pisces 12.
 * - Level 1: that many years from the birth, in zodiacal order from the Lot's sign.
 * - Level 2: inside a level-1 period, sub-periods from the same sign of that many months; level 3 of
 *   that many twelfths of a month; level 4 of that many twelfths of those (with 360-day years:
 *   360, 30, 2.5 and 5/24 days per unit). A sub-period sequence is cut off at the end of its parent.
 * - Loosing of the bond (Valens; the English name is Robert Schmidt's): when a parent lasts longer
 *   than one full round of twelve sub-periods (211 units), the thirteenth sub-period does not
 *   return to the parent's sign but jumps to the sign opposite it and continues from there. The
 *   same rule is applied to level 1 (after 211 years; Valens says nothing of it).
 * - Year length (selectable): VALENS_360, years of 360 days and months of 30 days as Valens and
 *   Brennan use (the default), or JULIAN, years of 365.25 days.
 * - Peak periods (Brennan, after Valens' emphasis on the angles): a period is angular when its sign
 *   is the 1st, 4th, 7th or 10th sign counted from the Lot of Fortune's sign (whichever Lot is
 *   released); the 10th is the strongest. `houseFromFortune` gives the count (1–12), `peak` is
 *   true for 1, 4, 7 and 10.
 * Valens' rule of releasing Spirit from the next sign when Spirit and Fortune share a sign is not
 * applied.
 */
import { fieldPath, ValidationError } from '../../errors.js';
import type { ChartRequest, ResolvedMoment, Sign } from '../types.js';
import { DOMICILE_RULERS, type TraditionalPlanet } from '../techniques/dignities.js';
import { hellenisticNatal, signAt, signIndexOf } from './natal.js';

export const RELEASING_LOTS = ['SPIRIT', 'FORTUNE'] as const;
export type ReleasingLot = (typeof RELEASING_LOTS)[number];
export const RELEASING_YEARS = ['VALENS_360', 'JULIAN'] as const;
export type ReleasingYear = (typeof RELEASING_YEARS)[number];
export const RELEASING_YEAR_DAYS: Readonly<Record<ReleasingYear, number>> = { VALENS_360: 360, JULIAN: 365.25 };
/** Minor periods of the signs, Aries first (the minor years of their domicile lords, Valens). */
export const MINOR_PERIODS: readonly number[] = [15, 8, 20, 25, 19, 20, 8, 15, 12, 27, 30, 12];
export const MAX_RELEASING_LEVELS = 4;
/** Most periods one call may return. */
export const MAX_RELEASING_PERIODS = 5000;

const MS_PER_DAY = 86_400_000;

/** The GraphQL `ReleasingPeriod`. */
export interface ReleasingPeriod {
  lot: ReleasingLot;
  /** 1–4. */
  level: number;
  sign: Sign;
  /** Traditional domicile ruler of the sign. */
  lord: TraditionalPlanet;
  start: Date;
  end: Date;
  /** Signs from level 1 down to this period. */
  path: Sign[];
  /** True for the period that jumps to the opposite sign after a full round (loosing of the bond). */
  loosingOfTheBond: boolean;
  /** The period's sign counted from the Lot of Fortune's sign, 1–12. */
  houseFromFortune: number;
  /** Angular from Fortune (1st, 4th, 7th or 10th). */
  peak: boolean;
}

export interface ReleasingOptions {
  lot: ReleasingLot;
  /** 1–4 (default 2). */
  levels?: number;
  /** Periods overlapping [from, to] are returned; default from the birth … 100 years after it. */
  from?: ResolvedMoment;
  to?: ResolvedMoment;
  /** Default VALENS_360. */
  yearLength?: ReleasingYear;
}

interface Node { sign: number; startMs: number; endMs: number; path: Sign[] }

/**
 * Releasing periods from a Lot's sign (index 0–11) with Fortune's sign `fortuneSign`, starting at
 * `birthMs`, for the levels and window given (milliseconds).
 * @throws ValidationError(`field`.to) when more than MAX_RELEASING_PERIODS periods would be returned
 */
export function releasePeriods(
  lot: ReleasingLot, lotSign: number, fortuneSign: number, birthMs: number,
  levels: number, fromMs: number, toMs: number, yearDays: number, field = '',
): ReleasingPeriod[] {
  const out: ReleasingPeriod[] = [];
  const unitDays = (level: number) => yearDays / 12 ** (level - 1);
  const emit = (level: number, node: Node, loosed: boolean) => {
    if (out.length >= MAX_RELEASING_PERIODS) {
      throw new ValidationError(fieldPath(field, 'to'), `more than ${MAX_RELEASING_PERIODS} periods; shorten the range or use fewer levels`);
    }
    const house = ((node.sign - fortuneSign + 12) % 12) + 1;
    out.push({
      lot, level, sign: signAt(node.sign), lord: DOMICILE_RULERS[node.sign],
      start: new Date(Math.round(node.startMs)), end: new Date(Math.round(node.endMs)), path: node.path,
      loosingOfTheBond: loosed, houseFromFortune: house, peak: house % 3 === 1,
    });
  };
  /** Sub-periods of a parent spanning [startMs, endMs) (endMs = Infinity for level 1), starting in `firstSign`. */
  const release = (level: number, firstSign: number, startMs: number, endMs: number, parentPath: Sign[]) => {
    const unitMs = unitDays(level) * MS_PER_DAY;
    let sign = firstSign;
    let t = startMs;
    for (let k = 0; t < endMs && t <= toMs; k++) {
      let loosed = false;
      if (k > 0 && k % 12 === 0) {
        // a full round is complete: jump to the sign opposite the one the round started from
        sign = (sign + 6) % 12;
        loosed = true;
      }
      const end = Math.min(t + MINOR_PERIODS[sign] * unitMs, endMs);
      const node: Node = { sign, startMs: t, endMs: end, path: [...parentPath, signAt(sign)] };
      if (end > fromMs) {
        emit(level, node, loosed);
        if (level < levels) release(level + 1, sign, t, end, node.path);
      }
      t = end;
      sign = (sign + 1) % 12;
    }
  };
  release(1, lotSign, birthMs, Number.POSITIVE_INFINITY, []);
  return out;
}

/**
 * Zodiacal releasing of a natal chart (needs a location) from the Lot of Spirit or Fortune: every
 * period of levels 1…`levels` that overlaps [from, to], in time order (a period before its
 * sub-periods).
 * @throws ValidationError (`field`.natal.*, `field`.lot, `field`.levels, `field`.to, `field`.yearLength)
 */
export function zodiacalReleasing(natal: ChartRequest, opts: ReleasingOptions, field = ''): ReleasingPeriod[] {
  if (!(RELEASING_LOTS as readonly string[]).includes(opts.lot)) throw new ValidationError(fieldPath(field, 'lot'), `lot must be one of ${RELEASING_LOTS.join(', ')}`);
  const levels = opts.levels ?? 2;
  if (!Number.isInteger(levels) || levels < 1 || levels > MAX_RELEASING_LEVELS) {
    throw new ValidationError(fieldPath(field, 'levels'), `levels must be an integer from 1 to ${MAX_RELEASING_LEVELS}`);
  }
  const yearLength = opts.yearLength ?? 'VALENS_360';
  if (!(RELEASING_YEARS as readonly string[]).includes(yearLength)) throw new ValidationError(fieldPath(field, 'yearLength'), `yearLength must be one of ${RELEASING_YEARS.join(', ')}`);
  const c = hellenisticNatal(natal, fieldPath(field, 'natal'));
  const birthMs = c.moment.utc.getTime();
  const fromMs = opts.from ? opts.from.utc.getTime() : birthMs;
  const toMs = opts.to ? opts.to.utc.getTime() : birthMs + 100 * 365.25 * MS_PER_DAY;
  if (!(toMs >= fromMs)) throw new ValidationError(fieldPath(field, 'to'), '`to` must not be before `from`');
  const lotLongitude = opts.lot === 'SPIRIT' ? c.spirit : c.fortune;
  return releasePeriods(opts.lot, signIndexOf(lotLongitude), signIndexOf(c.fortune), birthMs, levels, fromMs, toMs, RELEASING_YEAR_DAYS[yearLength], field);
}
